import Foundation
import Testing

@_spi(Internals) @testable import PHIScan

/// The fast paths of the detector must give exactly what the plain versions give.
@Suite struct DetectorFastPathTests {
  static let samples = [
    "patient_dob", "pt_482913Notes", "HTTPServerURL", "maria-gonzalez-1984-03-12", "memberSSN",
    "ABC", "aB", "Ab", "x9Y8z", "__init__", "  spaced  out  ", "", "a.b.c", "MRN-00482913",
    "ssnLast4Digits", "getHTTP2Response", "The value of a record (used when returned).",
  ]

  /// The rules of `NameWords` read one `Character` at a time: what the byte and mixed
  /// readings must give.
  static func referenceSplit(_ text: String) -> [String] {
    var words: [String] = []
    var current = ""
    var previous: Character?
    let characters = Array(text)
    for (i, character) in characters.enumerated() {
      guard character.isLetter || character.isNumber else {
        if !current.isEmpty { words.append(current) }
        current = ""
        previous = nil
        continue
      }
      if let previous, !current.isEmpty {
        let boundary =
          (previous.isLowercase && character.isUppercase)
          || (previous.isNumber != character.isNumber)
          || (previous.isUppercase && character.isUppercase && i + 1 < characters.count
            && characters[i + 1].isLowercase)
        if boundary {
          words.append(current)
          current = ""
        }
      }
      current.append(contentsOf: character.lowercased())
      previous = character
    }
    if !current.isEmpty { words.append(current) }
    return words
  }

  @Test(arguments: samples)
  func asciiFastPathMatchesTheUnicodeRules(_ text: String) {
    #expect(NameWords.split(text) == Self.referenceSplit(text))
    #expect(NameWords.splitUnicode(text) == Self.referenceSplit(text))
  }

  /// Text that is not all ASCII is read byte by byte where two ASCII bytes meet and as
  /// `Character`s elsewhere: the same words as reading every `Character`, on random text
  /// of pieces that join into larger characters (combining marks, CR LF, a prepended
  /// sign, emoji sequences, flags, Hangul jamo) or change case oddly (titlecase, dotted I,
  /// ordinals, sharp s), beside ASCII letters, digits and separators.
  @Test func mixedReadingMatchesTheCharacterReading() {
    let pieces = [
      "a", "B", "c", "D", "9", "_", "-", " ", "\r", "\n", "\r\n", "é", "É", "e\u{301}", "E\u{301}", "\u{301}",
      "\u{600}", "\u{600}a",
      "👩\u{200D}🔬", "\u{200D}", "🇫🇷", "🇩", "\u{1100}\u{1161}", "ǅ", "İ", "ª", "ß", "ẞ", "Σ", "ς", "٣", "½", "日本", "Ⅻ",
      "ﬁ", "\u{A0}", "’",
    ]
    var random = SeededGenerator(seed: 0x5EA1)
    var mixed = 0
    for _ in 0..<20_000 {
      let text = (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
      if text.utf8.contains(where: { $0 >= 0x80 }) { mixed += 1 }
      #expect(
        NameWords.split(text) == Self.referenceSplit(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })"
      )
      var bytes: [UInt8] = []
      NameWords.appendWords(of: text, to: &bytes)
      #expect(bytes == Array(Self.referenceSplit(text).map { $0 + " " }.joined().utf8))
    }
    #expect(mixed > 10_000)
  }

  @Test func nonASCIIFallsBackToUnicodeRules() {
    #expect(NameWords.split("JoséÁlvarez_dob") == ["josé", "álvarez", "dob"])
  }

  /// Context words are built in one buffer: the same text as joining every part's words.
  @Test func contextWordsMatchTheJoinedSplit() {
    let partLists: [[String]] = [
      [], [""], ["", "  "], Self.samples, ["JoséÁlvarez_dob", "memberSSN"], ["a", "", "B c"],
    ]
    for parts in partLists {
      let reference = " " + parts.flatMap { NameWords.split($0) }.joined(separator: " ") + " "
      #expect(ContextWords(parts).padded == reference, "\(parts)")
    }
  }

  @Test func phrasesMatchOnlyWholeWords() {
    let context = ContextWords(["member_ssn", "Date of birth"])
    #expect(context.contains("ssn"))
    #expect(context.contains("date of birth"))
    #expect(!context.contains("ss"))
    #expect(!context.contains("birth date"))
    #expect(context.containsAny(["nope", "member"]))
  }

  /// The first-word filter never hides a phrase: `contains` equals a plain search for the
  /// space-padded phrase, on random contexts and phrases over a small vocabulary (so that
  /// signatures collide and partial matches are common).
  @Test func firstWordFilterAgreesWithAPlainSearch() {
    let vocabulary = [
      "a", "ab", "abc", "ba", "date", "of", "birth", "dob", "ssn", "ss", "member", "mem", "é", "x1", "zip", "id",
    ]
    var random = SeededGenerator(seed: 0xC0C0)
    func pick() -> String { vocabulary[Int(random.next() % UInt64(vocabulary.count))] }
    for _ in 0..<2_000 {
      let parts = (0..<Int(random.next() % 6)).map { _ in
        (0..<Int(random.next() % 5)).map { _ in pick() }.joined(separator: random.next() % 2 == 0 ? " " : "_")
      }
      let context = ContextWords(parts)
      for _ in 0..<8 {
        let phrase = (0..<(1 + Int(random.next() % 3))).map { _ in pick() }.joined(separator: " ")
        #expect(context.contains(phrase) == context.padded.contains(" \(phrase) "), "\(parts) \(phrase)")
      }
    }
  }

  /// Words split once and shared by several contexts (a long description in the context
  /// of each member of its enum) give the same text and the same answers as splitting
  /// every part each time, although the answers inside the shared words are remembered:
  /// random parts over a small vocabulary, so phrases often straddle the shared words'
  /// edges, and one shared run asked about from many contexts.
  @Test func sharedWordsAnswerLikeAPlainSearch() {
    let vocabulary = ["a", "ab", "abc", "ba", "date", "of", "birth", "dob", "ssn", "ss", "member", "é", "x1", "id"]
    var random = SeededGenerator(seed: 0x5EED)
    func pick() -> String { vocabulary[Int(random.next() % UInt64(vocabulary.count))] }
    func part() -> String {
      (0..<Int(random.next() % 4)).map { _ in pick() }.joined(separator: random.next() % 2 == 0 ? " " : "_")
    }
    for _ in 0..<300 {
      let sharedParts = (0..<Int(random.next() % 4)).map { _ in part() }
      var sharedWords = ContextWords.Words()
      for text in sharedParts { sharedWords.append(text) }
      let shared = sharedWords.sharing(minimum: 0)
      for _ in 0..<6 {
        let before = (0..<Int(random.next() % 3)).map { _ in part() }
        let after = (0..<Int(random.next() % 3)).map { _ in part() }
        var words = ContextWords.Words()
        for text in before { words.append(text) }
        words.append(shared)
        for text in after { words.append(text) }
        let context = ContextWords(words)
        let plain = ContextWords(before + sharedParts + after)
        #expect(context.padded == plain.padded)
        for _ in 0..<8 {
          let phrase = (0..<(1 + Int(random.next() % 3))).map { _ in pick() }.joined(separator: " ")
          #expect(context.contains(phrase) == plain.contains(phrase), "\(before) \(sharedParts) \(after) \(phrase)")
          #expect(context.contains(phrase) == context.padded.contains(" \(phrase) "), "\(context.padded) \(phrase)")
        }
      }
    }
  }

  /// The walker's groups are the subschemas a reader of the pointer would name: a value
  /// belongs to the schema of its keyword, a property name to the property, `required`
  /// names to the schema that lists them, prose to its schema (and anything inside an
  /// unknown keyword to the schema that holds it), for every string of every schema in
  /// corpus/; each subschema's prose is its own titles and descriptions.
  @Test func stringsBelongToTheSubschemaTheirPointerNames() throws {
    let root = Fixtures.url("corpus")
    let paths = (FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []).filter {
      $0.hasSuffix(".json") || $0.hasSuffix(".yaml")
    }
    var compared = 0
    for path in paths {
      let bytes = Array(try Data(contentsOf: root.appendingPathComponent(path)))
      for document in DocumentLoader.load(bytes, format: DocumentFormat.forPath(path) ?? .json).documents {
        let envelopes = ShapeRecognizer.recognize(document).envelopes.count
        let extraction = ShapeRecognizer.extract(from: document, source: SourceText(bytes))
        var prose: [Int32: [String]] = [:]
        for string in extraction.strings {
          let subschema = extraction.subschemas[Int(string.subschema)]
          if string.site == .title || string.site == .description {
            prose[string.subschema, default: []].append(string.text)
          }
          guard string.subschema >= envelopes else { continue }
          let expected = Self.referenceSubschemaPointer(string.pointer.string, string.site)
          if string.site == .other {
            #expect(expected.hasPrefix(subschema.pointer.string), "\(path) \(string.pointer)")
          } else {
            #expect(subschema.pointer.string == expected, "\(path) \(string.pointer) \(string.site)")
          }
          compared += 1
        }
        let grouped = ProseBySubschema(extraction.strings)
        #expect(grouped.count == prose.count)
        for (subschema, texts) in prose { #expect(grouped[subschema] == texts, "\(path)") }
      }
    }
    #expect(compared > 2000)
  }

  /// The reading of a pointer the walker's groups are held to.
  static func referenceSubschemaPointer(_ pointer: String, _ site: Site) -> String {
    let tokens = pointer.split(separator: "/", omittingEmptySubsequences: false)
    switch site {
    case .propertyName, .defsKey, .patternProperty:
      return pointer
    case .enum, .const, .default, .examples:
      let keywords: Set<Substring> = ["enum", "const", "default", "examples", "example"]
      if let index = tokens.lastIndex(where: { keywords.contains($0) }) {
        return tokens[..<index].joined(separator: "/")
      }
      return tokens.dropLast().joined(separator: "/")
    case .required:
      return tokens.dropLast(2).joined(separator: "/")
    default:
      return tokens.dropLast().joined(separator: "/")
    }
  }

  @Test func characterNeedsTable() {
    #expect(CharacterNeeds.of("abc") == [])
    #expect(CharacterNeeds.of("Ab1@:/.") == [.upper, .digit, .at, .colon, .slash, .dot])
    #expect(CharacterNeeds.of("é9") == [.digit])
  }

  /// Meeting one of the weakest requirements is meeting one of all of them, on random
  /// requirement lists and offers; the weakest are never more than all.
  @Test func weakestRequirementsAnswerLikeAll() {
    var random = SeededGenerator(seed: 37)
    func requirement() -> Detector.Requirement {
      Detector.Requirement(
        needs: CharacterNeeds(rawValue: UInt8(random.next() % 64)), digits: Int(random.next() % 4),
        length: Int(random.next() % 4))
    }
    var compared = 0
    for _ in 0..<2_000 {
      let all = (0..<Int(random.next() % 12)).map { _ in requirement() }
      let weakest = Detector.Requirement.weakest(all)
      #expect(weakest.count <= all.count)
      for _ in 0..<20 {
        let offer = Offer(
          needs: CharacterNeeds(rawValue: UInt8(random.next() % 64)), digits: Int(random.next() % 4),
          length: Int(random.next() % 4))
        let meets = { (r: Detector.Requirement) in offer.allows(r.needs, digits: r.digits, length: r.length) }
        #expect(weakest.contains(where: meets) == all.contains(where: meets), "\(all) \(offer)")
        compared += 1
      }
    }
    #expect(compared == 40_000)
  }

  /// The eight-bytes-at-a-time reading gives what a byte-by-byte one gives, on random
  /// UTF-8 text of every length around the word size, rich in the bytes that matter.
  @Test func offerMatchesTheByteReading() {
    var random = SeededGenerator(seed: 29)
    let pieces = [
      "0", "9", "/", ":", "@", ".", "A", "Z", "a", "z", "@", "-", " ", "é", "日", "😀", "\u{7F}", "`", "[", "\u{0}",
    ]
    var checked = 0
    for _ in 0..<20_000 {
      let text = (0..<Int(random.next() % 40)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
      var needs: UInt8 = 0
      var digits = 0
      for byte in text.utf8 {
        needs |= CharacterNeeds.byteNeeds[Int(byte)]
        if byte >= 0x30 && byte <= 0x39 { digits += 1 }
      }
      let offer = Offer.of(text)
      #expect(offer.needs == CharacterNeeds(rawValue: needs), "\(text)")
      #expect(offer.digits == digits, "\(text)")
      #expect(offer.length == text.unicodeScalars.count, "\(text)")
      checked += 1
    }
    #expect(checked == 20_000)
  }
}

/// Loader messages must never quote the document (DESIGN.md "Redaction").
@Suite struct YAMLDiagnosticRedactionTests {
  @Test func duplicateKeysAreReportedWithoutTheKeysOrText() throws {
    let yaml =
      "type: object\nproperties:\n  maria_gonzalez_1984:\n    const: 512-43-8876\n  maria_gonzalez_1984:\n    type: string\n"
    let (documents, problems) = DocumentLoader.load(Array(yaml.utf8), format: .yaml)
    #expect(documents.isEmpty)
    let problem = try #require(problems.first)
    #expect(problem.severity == .error)
    #expect(!problem.message.contains("maria") && !problem.message.contains("512-43"))
    #expect(problem.message.contains("repeats 1 key"))
  }
}

/// The ASCII shortcuts of `ScalarClass` agree with Unicode properties everywhere.
@Suite struct ScalarClassTests {
  @Test func agreesWithUnicodePropertiesOnASCIIAndBeyond() {
    let samples =
      (0..<0x300).compactMap(Unicode.Scalar.init) + ["\u{2019}", "\u{00A0}", "\u{0661}", "\u{4E00}", "\u{1F600}"]
    for scalar in samples {
      #expect(ScalarClass.isAlphabetic(scalar) == scalar.properties.isAlphabetic, "\(scalar.value)")
      #expect(ScalarClass.isUppercase(scalar) == scalar.properties.isUppercase, "\(scalar.value)")
      #expect(ScalarClass.isLowercase(scalar) == scalar.properties.isLowercase, "\(scalar.value)")
      #expect(ScalarClass.isNumeric(scalar) == (scalar.properties.numericType != nil), "\(scalar.value)")
      #expect(ScalarClass.isWhitespace(scalar) == scalar.properties.isWhitespace, "\(scalar.value)")
    }
  }
}
