import Foundation
import Testing

@_spi(Internals) @testable import PHIScan

/// The name gate may only spare strings the matcher would leave: it reads the same keys
/// as the tokenizers, and a string it refuses never gives a name outside a person-name
/// context.
@Suite struct NameGateTests {
  /// Tricky spellings for the tokenizers: apostrophes, possessives, hyphens, digits,
  /// camel humps, acronyms, code spans.
  static let samples = [
    "Maria Gonzalez", "Okafor, Robert", "Dr. Robert J. Okafor Jr.", "Kathleen O'Brien", "Crohn's disease",
    "Emily Smith-Jones", "robertOkafor", "HTTPServerURL", "patient_maria_gonzalez_1984_03_12", "Sophie40",
    "ab12cd", "o'Brien", "roberts'Okafor", "a'b'c", "x-'y", "'lead", "trail'", "-a-b-", "it's", "IT'S",
    "Mc'Donald-Smith's", "A1b2C3", "getHTTP2Response", "see `maria` <code>x</code>", "", "  ", "'s", "a's b",
    "averyveryverylongwordthatoverflows", "Jean-averyveryverylongwordthatoverflows", "ABCdef", "aBC", "Test Patient",
  ]

  /// The keys of the real tokenizers: each token's key, or its hyphen parts.
  static func tokenizerKeys(_ text: String) -> Set<NameKey> {
    var keys: Set<NameKey> = []
    for token in NameTokenizer.textWords(text) + NameTokenizer.identifierWords(text) {
      if let key = token.key { keys.insert(key) }
      for part in token.hyphenParts { if let part { keys.insert(part) } }
    }
    return keys
  }

  static func gateKeys(_ text: String) -> Set<NameKey> {
    var keys: Set<NameKey> = []
    var text = text
    text.withUTF8 { bytes in
      _ = NameGate.forEachKey(in: bytes, everyReading: true) { key in
        keys.insert(key)
        return false
      }
    }
    return keys
  }

  /// Random ASCII strings over the characters the tokenizers treat specially.
  static func randomStrings(count: Int, seed: UInt64) -> [String] {
    var generator = SeededGenerator(seed: seed)
    let alphabet = Array("aAbBsSeEmMrRyY'-_ 1.,`<>/:")
    let words = ["maria", "Maria", "GONZALEZ", "okafor", "Dr", "test", "Patient", "o'brien", "smith-jones", "crohn's"]
    return (0..<count).map { _ in
      var text = ""
      for _ in 0..<Int.random(in: 0...14, using: &generator) {
        if Int.random(in: 0..<4, using: &generator) == 0 {
          text += words.randomElement(using: &generator)!
        } else {
          text.append(alphabet.randomElement(using: &generator)!)
        }
      }
      return text
    }
  }

  /// Longer sentences of lowercase and capitalized words, digits and punctuation, so that
  /// the eight-byte skip over lowercase text meets capitals at every offset.
  static func randomProse(count: Int, seed: UInt64) -> [String] {
    var generator = SeededGenerator(seed: seed)
    let words = [
      "the", "value", "Maria", "okafor", "Smith-Jones", "o'brien", "O'Brien", "crohn's", "a1b", "x-y", "Dr.", "ID",
      "use", "-", "'", "9Z",
    ]
    let separators = [" ", " ", ", ", ". ", "\n", "/", "_", "(", ")", ""]
    return (0..<count).map { _ in
      var text = ""
      for _ in 0..<Int.random(in: 1...30, using: &generator) {
        text += words.randomElement(using: &generator)! + separators.randomElement(using: &generator)!
      }
      return text
    }
  }

  @Test func gateReadsTheTokenizersKeys() {
    for text in Self.samples + Self.randomStrings(count: 20_000, seed: 7) {
      #expect(Self.gateKeys(text) == Self.tokenizerKeys(text), "\(text)")
    }
  }

  /// The gate skips the identifier reading when it cannot add a key: same answers as
  /// probing every key of both readings.
  @Test func shortcutAnswersLikeEveryKey() {
    let gate = NameLexicon.builtinGate
    var differences: [String] = []
    var passed = 0
    for text in Self.samples + Self.randomStrings(count: 20_000, seed: 13) {
      let full = Self.gateKeys(text).contains { gate.contains($0) }
      if gate.mayHoldName(text) != full { differences.append(text) }
      if full { passed += 1 }
    }
    #expect(differences.isEmpty, "\(differences.prefix(5))")
    #expect(passed > 1_000)
  }

  /// Strings built from lexicon words in every arrangement the matcher scores: whenever
  /// the matcher reports a name outside a person-name context, the gate lets it through.
  @Test func gateNeverHidesAName() {
    let reported = Self.expectGatePassesReportedNames(
      seed: 11, rounds: 12_000, partCounts: 1...6, lowercasesWhole: true,
      names: [
        "Maria", "Robert", "Gonzalez", "Okafor", "Smith", "Jones", "Priya", "Wei", "Zhang", "Grace", "Will", "Mark",
      ],
      others: [
        "Dr.", "Mrs.", "Patient", "Test", "John", "Doe", "the", "Hospital", "disease", "Config", "Snippets", "of", "de",
        "la", "J.", "Jr.", ",", "and", "40",
      ],
      separators: [" ", "_", " ", ", ", "-", "/", ": ", "\n"])
    #expect(reported > 1_000, "too few names among the readings to test the gate")
  }

  /// Joins `names` and `others` (a quarter of them lowercased) by one of `separators`,
  /// sometimes upper- or lowercases the whole, and expects the gate to let through every
  /// string the matcher reports at any site outside a person-name context. Returns how
  /// many readings the matcher reported.
  static func expectGatePassesReportedNames(
    seed: UInt64, rounds: Int, partCounts: ClosedRange<Int>, lowercasesWhole: Bool, names: [String], others: [String],
    separators: [String]
  ) -> Int {
    var generator = SeededGenerator(seed: seed)
    var reported = 0
    for _ in 0..<rounds {
      var parts: [String] = []
      for _ in 0..<Int.random(in: partCounts, using: &generator) {
        var part =
          Bool.random(using: &generator)
          ? names.randomElement(using: &generator)! : others.randomElement(using: &generator)!
        // Lowercase words too: read as identifiers (no capitals) they still pair up.
        if Int.random(in: 0..<4, using: &generator) == 0 { part = part.lowercased() }
        parts.append(part)
      }
      var text = parts.joined(separator: separators.randomElement(using: &generator)!)
      switch Int.random(in: 0..<6, using: &generator) {
      case 0: text = text.uppercased()
      case 1 where lowercasesWhole: text = text.lowercased()
      default: break
      }
      for site in Site.allCases {
        guard NameMatcher.match(text, site: site, namesExpected: false, isAttribution: false, lexicon: .builtin) != nil
        else { continue }
        reported += 1
        let passes = NameLexicon.builtinGate.mayHoldName(text)
        #expect(passes, "\(text) at \(site)")
        let passesAtSite = NameLexicon.builtinGate.mayHoldName(text, at: site)
        #expect(passesAtSite, "\(text) at \(site) (site-aware)")
      }
    }
    return reported
  }

  /// Prose with capitals is read as text, where names are capitalized: lowercase words
  /// that are also given names (will, mark, grant) no longer wake the matcher there.
  @Test func proseGateLooksAtCapitalizedWordsOnly() {
    let gate = NameLexicon.builtinGate
    let plain = "The value will be used to mark the grant as paid."
    #expect(gate.mayHoldName(plain))
    #expect(!gate.mayHoldName(plain, at: .description))
    #expect(
      NameMatcher.match(plain, site: .description, namesExpected: false, isAttribution: false, lexicon: .builtin) == nil
    )
    // Still through: capitalized names, lowercase text read as an identifier, paths.
    #expect(gate.mayHoldName("Contact Maria Gonzalez for details.", at: .description))
    #expect(gate.mayHoldName("contact maria gonzalez for details", at: .description))
    // Path-like prose is read as text too, where lowercase words never start a name.
    #expect(
      NameMatcher.match(
        "Owner: maria gonzalez", site: .title, namesExpected: false, isAttribution: false, lexicon: .builtin) == nil)
    // Other sites keep the plain gate.
    #expect(gate.mayHoldName(plain, at: .default))
  }

  /// Read for capitalized words only, the gate hands on exactly the keys of the text
  /// tokenizer's capitalized words (and their hyphen parts): skipping lowercase words
  /// loses none of them.
  @Test func capitalizedReadingKeepsEveryCapitalizedWord() {
    var checked = 0
    for text in Self.samples + Self.randomStrings(count: 20_000, seed: 17) + Self.randomProse(count: 5_000, seed: 19) {
      var expected: Set<NameKey> = []
      for token in NameTokenizer.textWords(text) where token.isCapitalized {
        if token.hyphenParts.isEmpty, let key = token.key { expected.insert(key) }
        for part in token.hyphenParts { if let part { expected.insert(part) } }
      }
      var found: Set<NameKey> = []
      var bytes = text
      bytes.withUTF8 { utf8 in
        var identifierReadsMore = false
        _ = NameGate.textKeys(utf8, &identifierReadsMore, capitalizedOnly: true) { key in
          found.insert(key)
          return false
        }
      }
      #expect(found == expected, "\(text)")
      if !expected.isEmpty { checked += 1 }
    }
    #expect(checked > 1_000)
  }

  /// The eight-byte capital test agrees with a byte-by-byte one on every ASCII byte in
  /// every position.
  @Test func capitalTestSeesEveryCapital() {
    var generator = SeededGenerator(seed: 23)
    for _ in 0..<20_000 {
      let bytes = (0..<8).map { _ in UInt8.random(in: 0...0x7F, using: &generator) }
      let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (UInt64($1.offset) * 8) }
      #expect(NameGate.hasCapital(word) == bytes.contains { $0 >= 0x41 && $0 <= 0x5A }, "\(bytes)")
    }
    for byte in UInt8(0)...0x7F {
      for position in 0..<8 {
        let word =
          (WordBytes.ones &* 0x20) & ~(UInt64(0xFF) << (UInt64(position) * 8)) | UInt64(byte) << (UInt64(position) * 8)
        #expect(NameGate.hasCapital(word) == (byte >= 0x41 && byte <= 0x5A), "\(byte) at \(position)")
      }
    }
  }

  /// Byte equality eight at a time agrees with comparing arrays, for every length around
  /// the word size and a difference at every position.
  @Test func sameBytesMatchesArrayEquality() {
    var generator = SeededGenerator(seed: 41)
    for length in 0...20 {
      let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
      for position in -1..<length {
        var other = bytes
        if position >= 0 { other[position] ^= 0x20 }
        let same = bytes.withUnsafeBytes { a in other.withUnsafeBytes { b in WordBytes.sameBytes(a, b) } }
        #expect(same == (bytes == other), "\(length) \(position)")
      }
      let shorter = bytes.withUnsafeBytes { a in
        Array(bytes.dropLast()).withUnsafeBytes { b in WordBytes.sameBytes(a, b) }
      }
      #expect(shorter == (length == 0), "\(length) against one byte fewer")
    }
  }

  /// Every example the name rules must match (read without context) passes the gate.
  @Test func gatePassesEveryNameRuleExample() throws {
    let rules = try PackLoader.builtinRules().rules.filter { $0.matcher == .personName && $0.examples.context == nil }
    #expect(!rules.isEmpty)
    for rule in rules {
      for text in rule.examples.match {
        let passes = NameLexicon.builtinGate.mayHoldName(text)
        #expect(passes, "\(rule.id): \(text)")
      }
    }
  }

  @Test func gateSparesPlainSchemaText() {
    for text in [
      "Response query identifier for configuration", "additionalProperties", "application/json", "ISO 8601 timestamp",
      "min_items",
    ] {
      let passes = NameLexicon.builtinGate.mayHoldName(text)
      #expect(!passes, "\(text)")
    }
    // Non-ASCII text is read through the tokenizers, which fold diacritics.
    for text in ["configuración", "código_postal", "tamaño", "患者の識別子"] {
      let passes = NameLexicon.builtinGate.mayHoldName(text, at: .description)
      #expect(!passes, "\(text)")
    }
    for text in ["José Álvarez", "Zoë", "müller_zoë", "Renée O’Brien", "«Maria»"] {
      let passes = NameLexicon.builtinGate.mayHoldName(text)
      #expect(passes, "\(text)")
    }
  }

  /// Where both readings apply (ASCII text), the tokenizers' words give the gate's
  /// answers at every site: the non-ASCII reading asks the same question.
  @Test func tokenReadingAnswersLikeTheByteReading() {
    let gate = NameLexicon.builtinGate
    var passed = 0
    for text in Self.samples + Self.randomStrings(count: 4_000, seed: 17) + Self.randomProse(count: 2_000, seed: 19) {
      for site in [nil] + Site.allCases.map(Optional.some) {
        let byBytes = gate.mayHoldName(text, at: site)
        #expect(gate.tokensMayHoldName(text, at: site) == byBytes, "\(text) at \(String(describing: site))")
        if byBytes { passed += 1 }
      }
    }
    #expect(passed > 1_000)
  }

  /// `gateNeverHidesAName` for text that is not ASCII: names with diacritics, other
  /// scripts, curly apostrophes, non-ASCII spaces and punctuation.
  @Test func gateNeverHidesANameInUnicodeText() {
    let reported = Self.expectGatePassesReportedNames(
      seed: 23, rounds: 8_000, partCounts: 1...5, lowercasesWhole: false,
      names: [
        "José", "Zoë", "Müller", "Łukasz", "Renée", "Núñez", "O’Brien", "Maria", "Okafor", "Søren", "Straße", "Æsa",
        "Chloé-Ann", "Ñandú",
      ],
      others: [
        "Dr.", "Sr.", "Paciente", "Test", "thé", "Größe", "日本", "Мария", "de", "la", "J.", ",", "40", "d’", "’s", "—",
        "«", "»", "\u{00A0}", "e\u{301}",
      ],
      separators: [" ", "_", " ", ", ", "-", "\u{00A0}", "\u{2014}", "’", "\n"])
    #expect(reported > 1_000, "too few names to test the gate")
  }
}

/// A small deterministic generator (SplitMix64) so random tests repeat exactly.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

@Suite struct SiteTableTests {
  /// Per-site tables are arrays indexed by `ordinal`: it must be the position in `allCases`.
  @Test func ordinalIsThePositionInAllCases() {
    for (index, site) in Site.allCases.enumerated() { #expect(site.ordinal == index, "\(site)") }
  }
}

@Suite struct WithoutCodeTests {
  /// The byte search over ASCII prose strips exactly what the Foundation search strips.
  @Test func byteSearchMatchesFoundation() {
    let texts = [
      "Call `getPatient` then <code>x</code> and ```block``` end", "no code here", "`unclosed", "<pre>a</pre><code>b",
      "a ` b ` c `` d", "<cod>e</code>", "x<code", "```", "Maria `Gonzalez` Okafor",
      "<pre>Maria</pre> Robert <code>Okafor</code>",
    ]
    for text in texts {
      #expect(NameMatcher.withoutCode(text) == NameMatcher.withoutCodeInUnicodeText(text), "\(text)")
    }
  }

  /// Random prose of markers, Latin letters with diacritics, punctuation and characters that
  /// combine with or decompose into markers: the byte search (taken for most of it) and
  /// Foundation's search agree on every string.
  @Test func byteSearchMatchesFoundationOnRandomUnicodeProse() {
    let pieces = [
      "`", "```", "<pre", "</pre>", "<code", "</code>", "<", ">", " ", "Maria", "code", "pre", "é", "ß", "ʼ", "—", "“",
      "”", "…", "•",
      "\u{301}", "e\u{301}", "`\u{301}", "<\u{338}", "\u{226E}", "🙂", "\u{200D}", "日本", "\u{00AD}", "Ø",
    ]
    var random = SeededGenerator(seed: 0xC0DE)
    var byteSearched = 0
    for _ in 0..<6_000 {
      let text = (0..<Int(random.next() % 14)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
      if UTF8Text.noScalarJoinsASCII(text) { byteSearched += 1 }
      #expect(
        NameMatcher.withoutCode(text) == NameMatcher.withoutCodeInUnicodeText(text),
        "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }
    // Both paths are exercised.
    #expect(byteSearched > 500 && byteSearched < 5_500)
  }
}

@Suite struct NameGateASCIITests {
  /// The word-at-a-time check agrees with a byte loop for every length and every position
  /// of one non-ASCII byte.
  @Test func wordAtATimeCheckFindsEveryHighByte() {
    for length in 0..<40 {
      let plain = [UInt8](repeating: 0x61, count: length)
      #expect(plain.withUnsafeBufferPointer(NameGate.isASCII))
      for position in 0..<length {
        var bytes = plain
        bytes[position] = 0xC3
        #expect(!bytes.withUnsafeBufferPointer(NameGate.isASCII), "\(length) \(position)")
      }
    }
  }
}
