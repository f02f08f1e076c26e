// Person-name lookup tables, built once from the lexicons embedded in the binary
// (`BuiltinPacks.lexicons`, generated from patterns/lexicons/: see
// scripts/build-lexicons.py and the hand-written stoplists).

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
  static let builtin = NameLexicon(tables: BuiltinPacks.lexicons)

  /// The lexicons this table is built from, by the names packs give them in `lexicons:`
  /// (a pack that uses the person-name matcher names them all). What each means is here.
  enum Source: String, CaseIterable {
    case givenNames = "given-names", surnames, englishWords = "english-words"
    case stopSchema = "stop-schema", stopTech = "stop-tech", eponyms
    case notPersons = "not-persons", placeholders, nameContext = "name-context"
  }

  /// Tables of other names are ignored.
  init(tables: [LexiconTable]) {
    for table in tables {
      guard let source = Source(rawValue: table.name) else { continue }
      for group in table.groups {
        switch source {
        case .givenNames: addRanks(group) { $0.given = $1 }
        case .surnames: addRanks(group) { $0.surname = $1 }
        case .englishWords: addRanks(group) { $0.english = $1 }
        case .notPersons where group.kind == "phrase": addPhrases(group, to: \.notPersonPhrases)
        case .placeholders where group.kind == "phrase": addPhrases(group, to: \.placeholderPhrases)
        default: if let flags = Self.flags(source, group.kind) { addFlags(group, flags) }
        }
      }
    }
    roleNouns = entries.compactMap { key, entry in entry.flags.isSuperset(of: [.personWord, .cue]) ? key.string : nil }
      .sorted { ($0.utf8.count, $0) < ($1.utf8.count, $1) }
  }

  /// What words of a word list say, by their list and kind; nil for kinds that say nothing.
  static func flags(_ source: Source, _ kind: String?) -> NameEntry.Flags? {
    switch source {
    case .givenNames, .surnames, .englishWords: return nil
    case .stopSchema: return .schemaWord
    case .stopTech: return .techWord
    case .eponyms: return kind == "indicator" ? .eponymIndicator : kind == "token" ? .eponym : nil
    case .notPersons:
      return kind == "indicator"
        ? .placeIndicator : kind == "vocab" ? .vocabulary : kind == "prefix" ? .placePrefix : nil
    case .placeholders: return kind == "token" ? .placeholder : kind == "single" ? .placeholderGiven : nil
    case .nameContext:
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
  }

  @inline(__always) func entry(_ key: NameKey) -> NameEntry? { entries[key] }

  /// Words that are not keys (longer than 16 letters, not lowercase ASCII) are left out:
  /// no token the matcher looks up could equal them.
  private mutating func addRanks(_ group: LexiconTable.Group, _ set: (inout NameEntry, UInt8) -> Void) {
    group.forEachWord { word in
      if let key = NameKey(word) { entries.update(key) { set(&$0, group.rank) } }
    }
  }

  private mutating func addFlags(_ group: LexiconTable.Group, _ flags: NameEntry.Flags) {
    group.forEachWord { word in
      if let key = NameKey(word) { entries.update(key) { $0.flags.formUnion(flags) } }
    }
  }

  private mutating func addPhrases(_ group: LexiconTable.Group, to phrases: WritableKeyPath<NameLexicon, Set<String>>) {
    group.forEachWord { bytes in
      let phrase = String(decoding: bytes, as: UTF8.self)
      self[keyPath: phrases].insert(phrase)
      if let first = phrase.split(separator: " ").first, let key = NameKey(first.utf8) { phraseStarts.insert(key) }
    }
  }
}
