// Decides whether a string holds a person's name, and how sure that is (DESIGN.md 4;
// reference notes section 5.2, the confidence ladder).

/// A person name found in a string. It carries no part of the value.
@_spi(Internals) public struct NameMatch: Sendable, Equatable {
  public var confidence: Confidence
  /// A well-known placeholder (John Doe) or a synthetic name (`Sophie40`).
  public var isPlaceholder: Bool
  /// Why, in words that never repeat the value.
  public var reason: String
}

/// What surrounds a candidate string.
@_spi(Internals) public struct NameContext: Sendable, Equatable {
  public var site: Site
  /// Names of the enclosing properties, outermost first.
  public var propertyPath: [String]
  /// The string is a member of an enum whose members are mostly person names.
  public var inNameEnum: Bool
  /// The string credits someone (`authors`, `maintainer`, `licensor`): package and
  /// schema metadata names public contributors, not patients.
  public var isAttribution: Bool

  public init(site: Site, propertyPath: [String] = [], inNameEnum: Bool = false, isAttribution: Bool = false) {
    self.site = site
    self.propertyPath = propertyPath
    self.inNameEnum = inNameEnum
    self.isAttribution = isAttribution
  }
}

/// The person-name matcher. Scores: 3 high, 2 medium, 1 low, 0 nothing.
@_spi(Internals) public enum NameMatcher {
  // Identifier sites (`Site.holdsName`): only a strict first-name + surname pair counts.
  // Prose sites (`Site.holdsProse`): a name there is most often a public figure or an
  // author, so it weighs less unless a cue word ("Patient ...") stands before it.

  /// How big the built-in lexicons are.
  public struct LexiconSizes: Sendable, Equatable {
    public var givenNames: Int
    public var surnames: Int
    public var englishWords: Int
    public var entries: Int
    public init(givenNames: Int, surnames: Int, englishWords: Int, entries: Int) {
      self.givenNames = givenNames
      self.surnames = surnames
      self.englishWords = englishWords
      self.entries = entries
    }
  }

  /// Builds the lookup table from the embedded lexicons afresh (the shared one is built
  /// once, on first use) and reports its size: for load-time measurements.
  public static func buildLexiconForMeasurement() -> LexiconSizes {
    let lexicon = NameLexicon(tables: BuiltinPacks.lexicons)
    let entries = lexicon.entries.map(\.entry)
    return LexiconSizes(
      givenNames: entries.count { $0.given > 0 }, surnames: entries.count { $0.surname > 0 },
      englishWords: entries.count { $0.english > 0 }, entries: entries.count)
  }

  public static func match(_ text: String, context: NameContext) -> NameMatch? {
    match(text, context: context, lexicon: .builtin)
  }

  static func match(_ text: String, context: NameContext, lexicon: NameLexicon) -> NameMatch? {
    match(
      text, site: context.site,
      namesExpected: personField(context.propertyPath, lexicon).expectsName(at: context.site) || context.inNameEnum,
      isAttribution: context.isAttribution, lexicon: lexicon)
  }

  /// The verdict depends on the context only through these three facts, so callers can
  /// cache it by (text, site, namesExpected). `namesExpected`: the enclosing field names a
  /// person, or the string belongs to an enum of names.
  static func match(_ text: String, site: Site, namesExpected: Bool, isAttribution: Bool, lexicon: NameLexicon)
    -> NameMatch?
  {
    let context = (site: site, isAttribution: isAttribution)
    var result: Score
    if !readsAsText(text, site: context.site) {
      result = identifierScore(NameTokenizer.identifierWords(text), lexicon, allowSingle: context.site.holdsData)
    } else {
      let prose = context.site.holdsProse || context.site == .other
      let words = NameTokenizer.textWords(prose ? withoutCode(text) : text)
      result = textScore(words, lexicon, prose: context.site.holdsProse, nameContext: namesExpected)
      // An identifier inside a value ("see robertOkafor"): the strict pair still counts.
      if result.value == 0 && context.site.holdsData && (text.utf8.contains(0x5F) || hasCamelHump(Substring(text))) {
        for chunk in text.split(whereSeparator: \.isWhitespace)
        where UTF8Text.contains(chunk, ascii: "_") || hasCamelHump(chunk) {
          let inner = identifierScore(NameTokenizer.identifierWords(String(chunk)), lexicon, allowSingle: false)
          if inner.value > result.value { result = inner }
        }
      }
    }
    // A lone word is a name only where the context says names live here.
    if result.isSingle {
      guard namesExpected else { return nil }
    } else if namesExpected, context.site.holdsData, result.value > 0 {
      result.value = min(3, result.value + 1)
    }
    if result.isPlaceholder && result.value > 0 {
      // In prose a placeholder is an example of the format, not data (reference 8.1/19).
      if context.site.holdsProse { return nil }
      return NameMatch(
        confidence: .low, isPlaceholder: true, reason: "a well-known placeholder or synthetic person name")
    }
    if context.isAttribution { result.value = min(result.value, 1) }
    guard let confidence = Confidence(score: result.value) else { return nil }
    return NameMatch(confidence: confidence, isPlaceholder: false, reason: result.reason)
  }

  /// How `match` reads a string: as text (names are runs of capitalized words) or as an
  /// identifier (only the strict first-name + surname pair counts). Names, and values
  /// without spaces (`robertOkafor`) or without capitals (`maria gonzalez`), read as
  /// identifiers; paths, URLs, handles and time zones (`America/Costa_Rica`, `user:jdoe`)
  /// are not identifiers of people and read as text. The name gate asks the same.
  static func readsAsText(_ text: String, site: Site) -> Bool {
    guard !site.holdsName else { return false }
    var bytesOfText = text
    var pathLike = false
    var space = false
    var upper = false
    var nonASCII = false
    bytesOfText.withUTF8 { bytes in
      // Stops once the answer is known.
      var index = 0
      while index < bytes.count && !(pathLike || (space && upper)) {
        switch bytes[index] {
        case 0x2F, 0x3A, 0x40: pathLike = true
        case 0x20, 0x09...0x0D: space = true
        case 0x41...0x5A: upper = true
        case 0x80...: nonASCII = true
        default: break
        }
        index += 1
      }
    }
    if pathLike || (space && upper) { return true }
    guard nonASCII else { return false }
    return (space || text.unicodeScalars.contains(where: ScalarClass.isWhitespace))
      && (upper || text.unicodeScalars.contains(where: ScalarClass.isUppercase))
  }

  /// Every field word holds "name" or is "maiden": a byte scan spares tokenizing the
  /// property names of most strings.
  static func mentionsNameField(_ property: String) -> Bool {
    var property = property
    return property.withUTF8 { bytes in
      // One pass: only an `n` can start `name` and only an `m` can start `maiden`
      // (`| 0x20` folds exactly the capitals of these letters).
      for start in bytes.indices {
        let first = bytes[start] | 0x20
        let word: [UInt8]
        if first == UInt8(ascii: "n") {
          word = nameWord
        } else if first == UInt8(ascii: "m") {
          word = maidenWord
        } else {
          continue
        }
        guard bytes.count - start >= word.count else { continue }
        var k = 1
        while k < word.count, bytes[start + k] | 0x20 == word[k] { k += 1 }
        if k == word.count { return true }
      }
      return false
    }
  }

  private static let nameWord = Array("name".utf8)
  private static let maidenWord = Array("maiden".utf8)

  /// True when a path token is an attribution word (`authors`, `x-maintainer`).
  public static func isAttribution(_ path: [String]) -> Bool {
    isAttribution(path, .builtin)
  }

  static func isAttribution(_ path: [String], _ lexicon: NameLexicon) -> Bool {
    path.contains { token in
      NameTokenizer.identifierWords(token).contains {
        $0.key.flatMap(lexicon.entry)?.flags.contains(.attribution) == true
      }
    }
  }

  /// Prose without its code: fenced blocks, inline `code` and HTML <code>/<pre>
  /// elements hold program text ("Hello world" strings), not people.
  static func withoutCode(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == 0x60 || $0 == 0x3C }) else { return text }
    // Where no character can join a marker into a larger one, a byte search finds exactly
    // what Foundation's search finds, without bridging to UTF-16; elsewhere a combining
    // mark after a marker hides it from Foundation, so such text keeps that search.
    guard UTF8Text.noScalarJoinsASCII(text) else { return withoutCodeInUnicodeText(text) }
    var text = text
    let stripped = text.withUTF8 { bytes -> String? in
      func find(_ marker: [UInt8], from start: Int) -> Int? {
        marker.withUnsafeBufferPointer { ByteSearch.firstOffset(of: $0, in: bytes, from: start) }
      }
      guard
        find(codeMarkers[3].open, from: 0) != nil || find(codeMarkers[2].open, from: 0) != nil
          || find(codeMarkers[1].open, from: 0) != nil
      else { return nil }
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count)
      var position = 0
      while position < bytes.count {
        // The earliest opening marker; on a tie the earlier pair (``` before `).
        var next: (pair: (open: [UInt8], close: [UInt8]), at: Int)?
        for pair in codeMarkers {
          if let at = find(pair.open, from: position), next == nil || at < next!.at { next = (pair, at) }
        }
        guard let (pair, openAt) = next else {
          out.append(contentsOf: bytes[position...])
          break
        }
        out.append(contentsOf: bytes[position..<openAt])
        out.append(contentsOf: [0x2E, 0x20])  // ". ": a code span ends the word run around it
        guard let closeAt = find(pair.close, from: openAt + pair.open.count) else { break }
        position = closeAt + pair.close.count
      }
      return String(decoding: out, as: UTF8.self)
    }
    return stripped ?? text
  }

  private static let codeMarkers: [(open: [UInt8], close: [UInt8])] = [
    ("```", "```"), ("<pre", "</pre>"), ("<code", "</code>"), ("`", "`"),
  ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

  static func withoutCodeInUnicodeText(_ text: String) -> String {
    let whole = text[...]
    guard
      UTF8Text.contains(whole, ascii: "`") || UTF8Text.contains(whole, ascii: "<code")
        || UTF8Text.contains(whole, ascii: "<pre")
    else { return text }
    var out = ""
    var rest = Substring(text)
    let pairs: [(open: String, close: String)] = [("```", "```"), ("<pre", "</pre>"), ("<code", "</code>"), ("`", "`")]
    while !rest.isEmpty {
      let next = pairs.compactMap { pair in rest.range(of: pair.open).map { (pair, $0) } }.min {
        $0.1.lowerBound < $1.1.lowerBound
      }
      guard let (pair, openRange) = next else {
        out += rest
        break
      }
      out += rest[..<openRange.lowerBound]
      out += ". "  // a code span ends the word run around it
      let after = rest[openRange.upperBound...]
      guard let closeRange = after.range(of: pair.close) else { break }
      rest = after[closeRange.upperBound...]
    }
    return out
  }

  static func hasCamelHump(_ chunk: Substring) -> Bool {
    var previousLower = false
    for scalar in chunk.unicodeScalars {
      if previousLower && ScalarClass.isUppercase(scalar) { return true }
      previousLower = ScalarClass.isLowercase(scalar)
    }
    return false
  }

  /// True when the enclosing property's words say it holds a person's name:
  /// `last_name`, `patientName`, `surname`, but not `file_name` or `drug_name`.
  /// A bare `name` says so only under a person (`patient.name`, `contact/name`).
  static func isPersonNameField(_ path: [String], _ lexicon: NameLexicon) -> Bool {
    guard let last = path.last, mentionsNameField(last) else { return false }
    var sawField = false
    var sawPersonOrCompound = false
    for word in NameTokenizer.identifierWords(last) {
      guard let key = word.key, let entry = lexicon.entry(key) else { return false }
      if entry.flags.contains(.nameField) {
        sawField = true
        if key.string != "name" && key.string != "names" { sawPersonOrCompound = true }
      } else if entry.flags.contains(.personWord) {
        sawPersonOrCompound = true
      } else {
        return false
      }
    }
    guard sawField else { return false }
    if sawPersonOrCompound { return true }
    guard path.count >= 2 else { return false }
    return NameTokenizer.identifierWords(path[path.count - 2]).contains { word in
      word.key.flatMap(lexicon.entry)?.flags.contains(.personWord) == true
    }
  }

  /// True when the enclosing property is named for a person by a role noun (`patient`,
  /// `guardian`, `patient_on_file`): its values are that person, so a name there is
  /// expected as in a name field. Prose under it describes the field and reads as prose.
  static func isPersonRoleField(_ path: [String], _ lexicon: NameLexicon) -> Bool {
    guard let last = path.last, !last.isEmpty, last.utf8.count <= 40 else { return false }
    // Most property names hold no role noun at all: a byte search spares tokenizing them.
    let lowered = last.lowercased()
    guard lexicon.roleNouns.contains(where: { ByteSearch.contains(lowered, $0) }) else { return false }
    var sawRole = false
    for word in NameTokenizer.identifierWords(last) {
      guard let key = word.key, let flags = lexicon.entry(key)?.flags else { return false }
      if flags.isSuperset(of: [.personWord, .cue]) {
        sawRole = true
      } else if flags.isDisjoint(with: [.personWord, .roleTail]) {
        return false
      }
    }
    return sawRole
  }

  /// What the enclosing property says about a person's name in its strings.
  enum PersonField: Equatable {
    case none
    /// `last_name`, `patient.name`: every string of the field may hold the name.
    case name
    /// `patient`, `guardian`: its values are the person; prose under it describes the field.
    case role

    /// A person's name is expected in a string of this field at `site`.
    func expectsName(at site: Site) -> Bool {
      self == .name || self == .role && (site.holdsData || site == .pattern)
    }
  }

  static func personField(_ path: [String], _ lexicon: NameLexicon) -> PersonField {
    isPersonNameField(path, lexicon) ? .name : isPersonRoleField(path, lexicon) ? .role : .none
  }

  /// The best name in a string and how it was found.
  struct Score {
    var value = 0
    var isPlaceholder = false
    var isSingle = false
    var reason = ""

    mutating func consider(_ value: Int, placeholder: Bool, single: Bool = false, reason: String) {
      // A real-looking name beats a placeholder of the same strength.
      guard value > self.value || (value == self.value && value > 0 && isPlaceholder && !placeholder) else { return }
      self = Score(value: value, isPlaceholder: placeholder, isSingle: single, reason: reason)
    }
  }

  /// `vocabulary`: a month, colour or state that is also a name (April, Green, Virginia).
  enum Strength: Int, Comparable {
    case none = 0, vocabulary, weak, strong
    static func < (a: Strength, b: Strength) -> Bool { a.rawValue < b.rawValue }
  }

  // MARK: identifiers

  /// `maria_gonzalez`, `robertOkafor`, `patient_maria_j_gonzalez_1984`: a given name
  /// directly followed by a surname (a middle initial may sit between), both
  /// unambiguous; surname-first order weighs less.
  static func identifierScore(_ words: [NameToken], _ lexicon: NameLexicon, allowSingle: Bool) -> Score {
    var score = Score()
    let entries = words.map { $0.key.flatMap(lexicon.entry) }
    let usable = words.map { $0.letterCount >= 3 }
    for i in words.indices where usable[i] {
      var j = i + 1
      if j < words.count, words[j].letterCount == 1 { j += 1 }
      guard j < words.count, usable[j] else { continue }
      let forward = (given(entries[i], identifier: true), surname(entries[j], identifier: true))
      let backward = (surname(entries[i], identifier: true), given(entries[j], identifier: true))
      if isNotPerson(words, entries, i..<(j + 1), i..<(j + 1), lexicon) { continue }
      let placeholder = isPlaceholder(words, i, j, entries, lexicon)
      if forward == (.strong, .strong) {
        score.consider(3, placeholder: placeholder, reason: "a first name and a surname joined in an identifier")
      } else if backward == (.strong, .strong) && j == i + 1 {
        // `CarterNicole`: when the identifier is just the two words and the second can be
        // no surname, the surname-first reading is the only one.
        let onlyReading = words.count == 2 && surname(entries[j], identifier: true) == .none
        score.consider(
          onlyReading ? 3 : 2, placeholder: placeholder, reason: "a surname and a first name joined in an identifier")
      }
    }
    if allowSingle, score.value == 0, words.count == 1, words[0].letterCount >= 2 {
      score = single(words[0], entries[0], identifier: true)
    }
    return score
  }

  // MARK: text

  /// Values and prose: runs of capitalized words, read as `[Title] First [M.] Last`,
  /// `Last, First` or `Title Last`; organisations, places, eponyms and placeholders are
  /// told apart by the words around the run.
  static func textScore(_ tokens: [NameToken], _ lexicon: NameLexicon, prose: Bool, nameContext: Bool = false) -> Score
  {
    var score = Score()
    let entries = tokens.map { entry(of: $0, lexicon) }
    // Capitals-only words count when the whole text is in capitals (MARIA GONZALEZ);
    // in mixed text they are mostly acronyms (MRN, DOB, LIN).
    let allCaps = tokens.allSatisfy { $0.isAllCaps || $0.letterCount < 2 }
    func capitalized(_ i: Int) -> Bool {
      tokens[i].isCapitalized && (allCaps || !tokens[i].isAllCaps || tokens[i].letterCount == 1)
    }
    func flags(_ i: Int) -> NameEntry.Flags { entries[i]?.flags ?? [] }
    var runs: [Range<Int>] = []
    var start: Int?
    /// A lowercase particle joins a run when a capitalized word follows the particles.
    func particleJoins(_ i: Int) -> Bool {
      var k = i
      while k < tokens.count, flags(k).contains(.particle), !capitalized(k) { k += 1 }
      return k > i && k < tokens.count && capitalized(k)
    }
    for i in tokens.indices {
      let joins = capitalized(i) || (start != nil && particleJoins(i))
      // A title starts a new run: "Ask Dr. Okafor" is read from "Dr.".
      if joins, let open = start, open < i, flags(i).contains(.title) {
        runs.append(open..<i)
        start = nil
      }
      if joins {
        if start == nil { start = i }
        let separator = tokens[i].after
        let continues =
          separator == .space || (separator == .period && (tokens[i].letterCount == 1 || flags(i).contains(.title)))
        if !continues {
          runs.append(start!..<(i + 1))
          start = nil
        }
      } else if let open = start {
        runs.append(open..<i)
        start = nil
      }
    }
    if let open = start { runs.append(open..<tokens.count) }

    let wholeText = runs.count == 1 && runs[0].count == tokens.count
    for (runIndex, fullRun) in runs.enumerated() {
      var lower = fullRun.lowerBound
      var upper = fullRun.upperBound
      var hasTitle = false
      var hasCue =
        lower > 0 && flags(lower - 1).contains(.cue)
        || (lower > 1 && flags(lower - 1).contains(.cueLink) && flags(lower - 2).contains(.cue))
      while lower < upper, flags(lower).contains(.title) || flags(lower).contains(.cue) {
        // Mr, Mrs, Ms are titles and cues alike: they name one particular person.
        if flags(lower).contains(.title) { hasTitle = true }
        if flags(lower).contains(.cue) { hasCue = true }
        lower += 1
      }
      while upper > lower, flags(upper - 1).contains(.suffix), upper - 1 > lower { upper -= 1 }
      let run = lower..<upper
      guard !run.isEmpty else { continue }
      let exact = wholeText && tokens.count <= 5
      let namedValue = nameContext && wholeText && tokens.count == 2
      if isNotPerson(tokens, entries, run, fullRun, lexicon, indicators: !namedValue) { continue }
      // A long value is prose too (a sentence in a `default` or an `x-` annotation).
      let proseWeight = (prose && !(exact && tokens.count <= 4)) || tokens.count > 8

      // After a role cue, or in a person-name field, a name is expected: a colour or
      // month that is also a name (Laura Brown, Smith, Crystal) counts as a weak name word.
      func expected(_ strength: Strength) -> Strength {
        (hasCue || nameContext) && strength == .vocabulary ? .weak : strength
      }
      /// In a person-name field a surname that is also schema vocabulary (Price, Bill)
      /// is still a surname, if a weak one.
      func expectedSurname(_ k: Int) -> Strength {
        let strength = expected(surname(entries[k], identifier: false))
        guard strength == .none, nameContext, let entry = entries[k], entry.surname > 0,
          entry.flags.contains(.schemaWord)
        else { return strength }
        return .weak
      }

      func weigh(_ raw: Int, _ placeholder: Bool, _ reason: String) {
        var value = raw
        if proseWeight && (prose || tokens.count > 8) {
          // Two unambiguous name words in prose are a person (medium); weaker pairs
          // count only after a title, and stay low. After a role cue ("Patient",
          // "Records for") the name is the record's subject: one level more.
          if hasCue {
            value = raw > 0 ? min(3, raw + 1) : 0
          } else {
            value = raw >= 3 ? 2 : (raw == 2 ? (hasTitle ? 2 : 1) : 0)
          }
        } else if prose {
          // A short title or description that is mostly an unambiguous name names that
          // person as a value would; weaker pairs there are often Title Case headings
          // ("Cast Nan To Int") and weigh one less. A role cue says whose name it is
          // ("Patient Nancy Jones").
          value = hasCue ? (raw > 0 ? min(3, raw + 1) : 0) : (raw >= 3 ? raw : max(0, raw - 1))
        }
        score.consider(value, placeholder: placeholder, reason: proseWeight ? reason + " in prose" : reason)
      }

      // First [middle | initial]* [particle]* Last
      for i in run where tokens[i].letterCount >= 2 && !tokens[i].isPossessive {
        var j = i + 1
        while j < run.upperBound, tokens[j].letterCount == 1 || flags(j).contains(.particle) { j += 1 }
        guard j < run.upperBound, tokens[j].letterCount >= 2 else { continue }
        if tokens[j].isPossessive && flags(j).contains(.eponym) { continue }
        let g = expected(given(entries[i], identifier: false))
        let s = expectedSurname(j)
        // Placeholders (Max Mustermann) and synthetic names (Sophie40) are their own
        // low class, whatever the strength of their words.
        if g != .none && (isPlaceholder(tokens, i, j, entries, lexicon) || tokens[i].hasDigits || tokens[j].hasDigits)
          || lexicon.placeholderPhrases.contains(phrase(tokens, i...j))
        {
          weigh(1, true, "a placeholder name")
          continue
        }
        let raw: Int
        switch (g, s) {
        case (.strong, .strong): raw = 3
        // An unknown capitalized word after a common first name: a rare surname, or a
        // word the lexicons lack ("Emmet Snippets"). Medium, and only as the whole value.
        case (.strong, .none): raw = isUnknownWord(tokens[j], entries[j]) && exact && tokens.count <= 3 ? 2 : 0
        case (.strong, .weak), (.weak, .strong), (.vocabulary, .strong): raw = 2
        // Hunter Green, Grace Long, Nancy White: two ambiguous name words are a name
        // where one is expected (a name field, after a role cue), and nothing elsewhere.
        case (.strong, .vocabulary), (.weak, .weak), (.weak, .vocabulary), (.vocabulary, .weak):
          raw = hasCue || nameContext ? 2 : 0
        // A first name the lexicons lack (Krzysztof, Chidi, Wei) before a known surname,
        // or two unknown words where names are expected: the whole value only.
        case (.none, .strong) where isUnknownWord(tokens[i], entries[i]) || isForeignNameWord(entries[i]):
          raw = exact ? 1 : 0
        case (.none, .none) where isUnknownWord(tokens[i], entries[i]) && isUnknownWord(tokens[j], entries[j]):
          raw = nameContext && exact ? 1 : 0
        default: raw = 0
        }
        weigh(raw, false, "a first name and a surname")
      }

      // Last, First
      if run.count <= 2, tokens[run.upperBound - 1].after == .comma, runIndex + 1 < runs.count,
        runs[runIndex + 1].lowerBound == fullRun.upperBound
      {
        let s = run.lowerBound
        let g = runs[runIndex + 1].lowerBound
        if tokens[g].letterCount >= 2, !isNotPerson(tokens, entries, runs[runIndex + 1], runs[runIndex + 1], lexicon) {
          let strengths = (expectedSurname(s), expected(given(entries[g], identifier: false)))
          // `Smith, Crystal`: the comma order is itself a mark of a person's name, so two
          // ambiguous words in it count where a name is expected.
          let bothWeak = strengths == (.weak, .weak) && !(hasCue || nameContext)
          let raw =
            strengths == (.strong, .strong) ? 3 : (strengths.0 >= .weak && strengths.1 >= .weak && !bothWeak ? 2 : 0)
          weigh(raw, isPlaceholder(tokens, g, s, entries, lexicon), "a surname and a first name (Last, First)")
        }
      }

      // Title Last (Dr. Okafor, Mrs. Gonzalez)
      if hasTitle {
        let s = run.upperBound - 1
        if tokens[s].letterCount >= 2 && !(tokens[s].isPossessive && flags(s).contains(.eponym)) {
          let strength = surname(entries[s], identifier: false)
          let raw = strength == .strong ? 3 : (strength >= .vocabulary || isUnknownWord(tokens[s], entries[s]) ? 2 : 0)
          weigh(raw, flags(s).contains(.placeholder), "a title and a surname")
        }
      }

      // A lone name word: only counts where the context says names live (see match).
      if run.count == 1, score.value == 0, !prose, tokens[run.lowerBound].letterCount >= 2 {
        let lone = single(tokens[run.lowerBound], entries[run.lowerBound], identifier: false)
        if lone.value > 0 { score = lone }
      }
    }
    return score
  }

  /// A single word under person-name context: an unambiguous name is medium, an
  /// ambiguous one low; vocabulary, eponyms and stop words never.
  static func single(_ token: NameToken, _ entry: NameEntry?, identifier: Bool) -> Score {
    guard let entry, !entry.flags.contains(.vocabulary), !entry.flags.contains(.eponym) else { return Score() }
    if entry.flags.contains(.placeholder) || entry.flags.contains(.placeholderGiven) {
      return Score(value: 1, isPlaceholder: true, isSingle: true, reason: "a placeholder name")
    }
    let strength = max(given(entry, identifier: identifier), surname(entry, identifier: identifier))
    let value = strength == .strong ? 2 : (strength >= .vocabulary ? 1 : 0)
    return Score(
      value: value, isPlaceholder: token.hasDigits, isSingle: true,
      reason: "a single name word where a person's name is expected")
  }

  // MARK: strengths

  /// How strongly a word reads as a given name. Ambiguity (reference 5.1): a word of
  /// SCOWL level <= 20 is ambiguous, and so is a level 35-50 word that is not a common
  /// name (fewer than 10^5 births); names with fewer than 10^4 births are weak (Odin,
  /// Emmet, Dev), places' first words (San, Rio, Porto) are no given name.
  static func given(_ entry: NameEntry?, identifier: Bool) -> Strength {
    guard let entry, entry.given > 0, !entry.flags.contains(.schemaWord), !entry.flags.contains(.placePrefix) else {
      return .none
    }
    if entry.flags.contains(.techWord) { return identifier ? .none : .weak }
    if entry.flags.contains(.vocabulary) { return .vocabulary }
    if entry.flags.contains(.title) || entry.flags.contains(.particle) { return .weak }
    if entry.english > 0 && entry.english <= 20 { return .weak }
    if entry.english > 20 && entry.given < 10 { return .weak }
    return entry.given >= 8 ? .strong : .weak
  }

  /// How strongly a word reads as a surname: ambiguous at SCOWL level <= 20, or level
  /// 35-50 with fewer than 10^4 bearers.
  static func surname(_ entry: NameEntry?, identifier: Bool) -> Strength {
    guard let entry, entry.surname > 0, !entry.flags.contains(.schemaWord) else { return .none }
    if entry.flags.contains(.techWord) { return identifier ? .none : .weak }
    if entry.flags.contains(.vocabulary) { return .vocabulary }
    if entry.flags.contains(.eponym) { return .weak }
    if entry.flags.contains(.placeholder) { return .strong }
    if entry.english > 0 && entry.english <= 20 { return .weak }
    if entry.english > 20 && entry.surname < 8 { return .weak }
    return .strong
  }

  /// A capitalized word the lexicons do not know at all: no name, no common English
  /// word, no stop word. After a strong first name it is most likely a rare surname.
  static func isUnknownWord(_ token: NameToken, _ entry: NameEntry?) -> Bool {
    token.letterCount >= 2 && token.isCapitalized && !token.hasDigits && entry == nil
      && (token.key != nil || !token.hyphenParts.isEmpty)
  }

  /// A surname that is no English word and no given name in the SSA data (Wei, Thi):
  /// in first position it is most often a given name from outside the U.S. tables.
  static func isForeignNameWord(_ entry: NameEntry?) -> Bool {
    guard let entry else { return false }
    return entry.surname > 0 && entry.given == 0 && entry.english == 0 && entry.flags.isEmpty
  }

  /// The entry of a token; a hyphenated word (Smith-Jones, Mary-Kate) reads as its
  /// strongest part, and as vocabulary when any part is (Self-Pay, Follow-Up).
  static func entry(of token: NameToken, _ lexicon: NameLexicon) -> NameEntry? {
    if let key = token.key { return lexicon.entry(key) }
    var best: NameEntry?
    func rank(_ entry: NameEntry) -> (Strength, Strength) {
      (
        max(surname(entry, identifier: false), given(entry, identifier: false)),
        min(surname(entry, identifier: false), given(entry, identifier: false))
      )
    }
    for part in token.hyphenParts {
      guard let part, let found = lexicon.entry(part) else { continue }
      if found.flags.contains(.schemaWord) { return found }
      if best == nil || rank(found) > rank(best!) { best = found }
    }
    return best
  }

  // MARK: what names are not

  /// An organisation, place or eponym: a known phrase (Johns Hopkins, Virginia Beach),
  /// or an indicator word inside or right after the run ("... Hospital", "... disease").
  /// `indicators`: whether a place or eponym word after a name ("Hall", "Disease") makes
  /// it a place or a method; not in a two-word value of a person-name field ("Jesse Hall").
  static func isNotPerson(
    _ tokens: [NameToken], _ entries: [NameEntry?], _ run: Range<Int>, _ fullRun: Range<Int>, _ lexicon: NameLexicon,
    indicators readIndicators: Bool = true
  ) -> Bool {
    let indicators: NameEntry.Flags = readIndicators ? [.placeIndicator, .eponymIndicator] : []
    for i in run.dropFirst() where !(entries[i]?.flags ?? []).isDisjoint(with: indicators) { return true }
    if fullRun.upperBound < tokens.count,
      [.space, .other].contains(tokens[fullRun.upperBound - 1].after) || tokens[fullRun.upperBound - 1].isPossessive,
      !(entries[fullRun.upperBound]?.flags ?? []).isDisjoint(with: indicators)
    {
      return true
    }
    if run.count >= 2 {
      for i in run.lowerBound..<(run.upperBound - 1) {
        guard let key = tokens[i].key, lexicon.phraseStarts.contains(key) else { continue }
        if lexicon.notPersonPhrases.contains(phrase(tokens, i...(i + 1))) { return true }
        if i + 2 < run.upperBound, lexicon.notPersonPhrases.contains(phrase(tokens, i...(i + 2))) { return true }
      }
    }
    return false
  }

  /// A placeholder: a listed name (John Doe, Max Mustermann) or a placeholder surname.
  static func isPlaceholder(
    _ tokens: [NameToken], _ given: Int, _ surname: Int, _ entries: [NameEntry?], _ lexicon: NameLexicon
  ) -> Bool {
    if entries[surname]?.flags.contains(.placeholder) == true { return true }
    // Invented sample surnames: Exampleton, Samplesen, Testerson.
    if let key = tokens[surname].key, key.count >= 4,
      ["example", "sample", "test", "dummy", "fake"].contains(where: key.string.hasPrefix)
    {
      return true
    }
    guard let first = tokens[min(given, surname)].key,
      lexicon.phraseStarts.contains(first) || lexicon.phraseStarts.contains(tokens[given].key ?? first)
    else { return false }
    let lower = min(given, surname)
    let upper = max(given, surname)
    if lexicon.placeholderPhrases.contains(phrase(tokens, lower...upper)) { return true }
    return lexicon.placeholderPhrases.contains(phrase(tokens, given...given) + " " + phrase(tokens, surname...surname))
  }

  /// The tokens' keys as lowercase words joined by one space (only built for candidates).
  static func phrase(_ tokens: [NameToken], _ range: ClosedRange<Int>) -> String {
    range.map { tokens[$0].key.map(\.string) ?? "" }.joined(separator: " ")
  }
}

extension NameKey {
  /// The word back as a String (for phrase lookups; not on the hot path).
  var string: String {
    var bytes: [UInt8] = []
    for index in 0..<Int(count) {
      let word = index < 8 ? high >> (UInt64(index) * 8) : low >> (UInt64(index - 8) * 8)
      bytes.append(UInt8(truncatingIfNeeded: word))
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
