// Person-name lookup tables, built once from the lexicon files embedded in the binary
// (patterns/lexicons/, see scripts/build-lexicons.py and the hand-written stoplists).

/// A lowercase ASCII word of at most 16 letters packed into two integers: hashing and
/// comparing it allocates nothing, so looking a token up never creates a String.
struct NameKey: Hashable, Sendable {
  var high: UInt64 = 0
  var low: UInt64 = 0
  var count: UInt8 = 0

  static let capacity = 16

  /// Appends one lowercase ASCII letter; false when the word is too long to be a key.
  @inline(__always) mutating func append(_ byte: UInt8) -> Bool {
    guard count < Self.capacity else { return false }
    if count < 8 { high |= UInt64(byte) << (UInt64(count) * 8) } else { low |= UInt64(byte) << (UInt64(count - 8) * 8) }
    count += 1
    return true
  }

  init() {}

  /// The key of a lowercase ASCII word; nil when it is empty, longer than 16 letters or
  /// holds anything else (no lexicon entry is an empty word).
  init?<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
    for byte in bytes {
      guard byte >= 0x61, byte <= 0x7A, append(byte) else { return nil }
    }
    if count == 0 { return nil }
  }
}

/// What the lexicons know about one word.
struct NameEntry: Sendable, Equatable {
  /// Half-decade frequency class of the word as a given name (0: not one).
  var given: UInt8 = 0
  /// Half-decade frequency class as a surname (0: not one).
  var surname: UInt8 = 0
  /// SCOWL size level as an English word (10 = most common; 0: not a common word).
  var english: UInt8 = 0
  var flags: Flags = []

  struct Flags: OptionSet, Sendable, Hashable {
    let rawValue: UInt32
    /// Schema or health-data vocabulary: never a name token.
    static let schemaWord = Flags(rawValue: 1 << 0)
    /// Technology or product name: never a name in identifiers, ambiguous elsewhere.
    static let techWord = Flags(rawValue: 1 << 1)
    /// Month, weekday, colour, state...: never a name alone, ambiguous in a pair.
    static let vocabulary = Flags(rawValue: 1 << 2)
    /// Eponym surname (Crohn, Parkinson): never a name alone or in the possessive.
    static let eponym = Flags(rawValue: 1 << 3)
    /// Follows a name to make it an eponym or a method ("disease", "scale").
    static let eponymIndicator = Flags(rawValue: 1 << 4)
    /// Follows a name to make it an organisation or a place ("Hospital", "Beach").
    static let placeIndicator = Flags(rawValue: 1 << 5)
    /// A placeholder surname (Doe, Mustermann).
    static let placeholder = Flags(rawValue: 1 << 6)
    /// In a property name, says the field holds a name (`name`, `surname`).
    static let nameField = Flags(rawValue: 1 << 7)
    /// May stand beside a name-field word (`patient`, `last`).
    static let personWord = Flags(rawValue: 1 << 8)
    /// Mr, Mrs, Dr...
    static let title = Flags(rawValue: 1 << 9)
    /// de, van, von...: joins surname parts.
    static let particle = Flags(rawValue: 1 << 10)
    /// Jr, III...
    static let suffix = Flags(rawValue: 1 << 11)
    /// Before a name in prose, says it is a patient's ("Patient Robert Okafor").
    static let cue = Flags(rawValue: 1 << 12)
    /// First word of place names (San, Rio, Porto): never a given name.
    static let placePrefix = Flags(rawValue: 1 << 13)
    /// A first name used alone as a sample (John, Jane): a placeholder when alone.
    static let placeholderGiven = Flags(rawValue: 1 << 14)
    /// Words that say a value credits someone (author, maintainer).
    static let attribution = Flags(rawValue: 1 << 15)
    /// Joins a cue to the name after it ("Records for", "Chart of").
    static let cueLink = Flags(rawValue: 1 << 16)
    /// May follow a role noun in a field that holds the person (`patient_on_file`).
    static let roleTail = Flags(rawValue: 1 << 17)
  }
}

/// Every lexicon in one table: one hash probe per token tells the matcher all it needs.
struct NameLexicon: Sendable {
  private(set) var entries = NameTable(minimumCapacity: 48_000)
  /// Placeholder names (`john doe`), lowercase words joined by one space.
  private(set) var placeholderPhrases: Set<String> = []
  /// Organisations, places and brands that parse as names (`johns hopkins`).
  private(set) var notPersonPhrases: Set<String> = []
  /// First words of all phrases: a phrase string is built only after this cheap check.
  private(set) var phraseStarts: Set<NameKey> = []
  /// Role nouns that name a person (`patient`, `guardian`: both `person:` and `cue:`
  /// words), lowercase, shortest first.
  private(set) var roleNouns: [String] = []

  /// The lexicons built into the binary, loaded on first use.
  static let builtin = NameLexicon(files: BuiltinPacks.files)

  /// Files are named by their path under `patterns/`; unknown files are ignored.
  init(files: [(path: String, text: String)]) {
    for file in files {
      switch file.path {
      case "lexicons/given-names.tsv": loadTable(file.text) { $0.given = $1 }
      case "lexicons/surnames.tsv": loadTable(file.text) { $0.surname = $1 }
      case "lexicons/english-words.tsv": loadTable(file.text) { $0.english = $1 }
      case "lexicons/stop-schema.txt": loadWords(file.text) { _ in .schemaWord }
      case "lexicons/stop-tech.txt": loadWords(file.text) { _ in .techWord }
      case "lexicons/eponyms.txt":
        loadWords(file.text) { kind in kind == "indicator" ? .eponymIndicator : kind == "token" ? .eponym : nil }
      case "lexicons/not-persons.txt":
        loadWords(file.text, phrases: \.notPersonPhrases) { kind in
          kind == "indicator" ? .placeIndicator : kind == "vocab" ? .vocabulary : kind == "prefix" ? .placePrefix : nil
        }
      case "lexicons/placeholders.txt":
        loadWords(file.text, phrases: \.placeholderPhrases) { kind in
          kind == "token" ? .placeholder : kind == "single" ? .placeholderGiven : nil
        }
      case "lexicons/name-context.txt":
        loadWords(file.text) { kind in
          switch kind {
          case "field": return .nameField
          case "person": return .personWord
          case "title": return .title
          case "particle": return .particle
          case "suffix": return .suffix
          case "cue": return .cue
          case "cue-link": return .cueLink
          case "role-tail": return .roleTail
          case "attribution": return .attribution
          default: return nil
          }
        }
      default: continue
      }
    }
    roleNouns = entries.compactMap { key, entry in entry.flags.isSuperset(of: [.personWord, .cue]) ? key.string : nil }
      .sorted { ($0.utf8.count, $0) < ($1.utf8.count, $1) }
  }

  @inline(__always) func entry(_ key: NameKey) -> NameEntry? { entries[key] }

  /// `word<TAB>number` lines; `#` lines are comments. Parsed over UTF-8 bytes so that
  /// loading 50,000 lines creates no intermediate strings.
  private mutating func loadTable(_ text: String, _ set: (inout NameEntry, UInt8) -> Void) {
    var text = text
    text.withUTF8 { bytes in
      var index = 0
      let end = bytes.count
      while index < end {
        if bytes[index] == 0x23 {  // comment line
          while index < end && bytes[index] != 0x0A { index += 1 }
          index += 1
          continue
        }
        var key = NameKey()
        var valid = true
        while index < end && bytes[index] != 0x09 && bytes[index] != 0x0A {
          if !key.append(bytes[index]) { valid = false }
          index += 1
        }
        var number: UInt32 = 0
        if index < end && bytes[index] == 0x09 {
          index += 1
          while index < end && bytes[index] >= 0x30 && bytes[index] <= 0x39 {
            number = number * 10 + UInt32(bytes[index] - 0x30)
            index += 1
          }
        }
        while index < end && bytes[index] != 0x0A { index += 1 }
        index += 1
        if valid && key.count > 0 { entries.update(key) { set(&$0, UInt8(min(number, 255))) } }
      }
    }
  }

  /// `word` or `kind: word` lines (words may be phrases for `phrase:`); `#` comments.
  /// Spaces, tabs and carriage returns around the word do not count.
  private mutating func loadWords(_ text: String, phrases: WritableKeyPath<NameLexicon, Set<String>>? = nil, _ flag: (Substring?) -> NameEntry.Flags?) {
    for rawLine in text.split(separator: "\n") {
      let line = rawLine.prefix { $0 != "#" }
      var kind: Substring?
      var word = line
      if let colon = line.firstIndex(of: ":") {
        kind = line[..<colon]
        word = line[line.index(after: colon)...]
      }
      let trimmed = Self.trimmingBlanks(word)
      guard !trimmed.isEmpty else { continue }
      if kind == "phrase", let phrases {
        self[keyPath: phrases].insert(String(trimmed))
        if let first = trimmed.split(separator: " ").first, let key = NameKey(first.utf8) { phraseStarts.insert(key) }
        continue
      }
      guard let flags = flag(kind), let key = NameKey(trimmed.utf8) else { continue }
      entries.update(key) { $0.flags.formUnion(flags) }
    }
  }

  /// `text` without the spaces, tabs and carriage returns around it.
  static func trimmingBlanks(_ text: Substring) -> Substring {
    let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
    guard let first = text.firstIndex(where: { !isBlank($0) }), let last = text.lastIndex(where: { !isBlank($0) }) else { return "" }
    return text[first...last]
  }
}
