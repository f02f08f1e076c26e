import Testing

@_spi(Internals) @testable import PHIScan

@Suite struct JSONParserTests {
  func parse(_ text: String) throws -> JSONParser.Result { try JSONParser.parse(text) }

  func error(_ text: String) -> ParseError? {
    do {
      _ = try JSONParser.parse(text)
      return nil
    } catch {
      return error
    }
  }

  func error(_ bytes: [UInt8]) -> ParseError? {
    do {
      _ = try JSONParser.parse(bytes)
      return nil
    } catch {
      return error
    }
  }

  @Test func keyAndValueRangesCountUnicodeScalars() throws {
    let marked = MarkedText("{\n  \"é🩺\": 1️⃣\"x\"2️⃣,\n  3️⃣\"k\"4️⃣: [5️⃣true, 6️⃣-1.5e3]\n}")
    let root = try parse(marked.text).root
    let members = try #require(root.members)
    #expect(members[0].key == "é🩺")
    #expect(members[0].keyRange.start == SourcePosition(line: 2, column: 3))
    #expect(members[0].keyRange.end == SourcePosition(line: 2, column: 7))
    #expect(members[0].value.range.start == SourcePosition(line: marked["1️⃣"].line, column: marked["1️⃣"].column))
    #expect(members[0].value.range.end == SourcePosition(line: marked["2️⃣"].line, column: marked["2️⃣"].column))
    #expect(members[1].keyRange.start == SourcePosition(line: marked["3️⃣"].line, column: marked["3️⃣"].column))
    #expect(members[1].keyRange.end == SourcePosition(line: marked["4️⃣"].line, column: marked["4️⃣"].column))
    let elements = try #require(members[1].value.elements)
    #expect(elements[0].range.start == SourcePosition(line: marked["5️⃣"].line, column: marked["5️⃣"].column))
    #expect(elements[1].range.start == SourcePosition(line: marked["6️⃣"].line, column: marked["6️⃣"].column))
    guard case .number(let raw) = elements[1].value else {
      Issue.record("not a number")
      return
    }
    #expect(raw == "-1.5e3")
  }

  @Test func positionsOnALongSingleLine() throws {
    let prefix = String(repeating: "\"ü\",", count: 5000)
    let marked = MarkedText("[\(prefix)1️⃣\"last\"]")
    let root = try parse(marked.text).root
    let last = try #require(root.elements?.last)
    #expect(last.range.start == SourcePosition(line: 1, column: marked["1️⃣"].column))
  }

  @Test func escapesAreDecoded() throws {
    let root = try parse(#"["a\"b\\c\/d\b\f\n\r\t", "\u00e9\ud83e\ude7a", "\u0000"]"#).root
    let strings = try #require(root.elements).compactMap(\.string)
    #expect(strings == ["a\"b\\c/d\u{8}\u{C}\n\r\t", "é🩺", "\u{0}"])
  }

  /// Strings with escapes or non-ASCII text are decoded in one reused buffer: each comes
  /// out exactly, whatever a longer one before it left there.
  @Test func consecutiveDecodedStringsKeepOnlyTheirOwnBytes() throws {
    let root = try parse(
      #"{"long key with \"quotes\" and more text": "Zo\u00eb Qu\u00efnn, a longer decoded value\n", "k\u00e9": "\t", "caf\u00e9": "\u00fc", "plain": "x", "m\u00fc": ["\u00e9", "\"", "na\u00efve but longer than sixteen bytes"]}"#
    ).root
    let members = try #require(root.members)
    #expect(
      members.map(\.key) == ["long key with \"quotes\" and more text", "k\u{E9}", "caf\u{E9}", "plain", "m\u{FC}"])
    #expect(
      members.prefix(4).map { $0.value.string } == [
        "Zo\u{EB} Qu\u{EF}nn, a longer decoded value\n", "\t", "\u{FC}", "x",
      ])
    #expect(
      members[4].value.elements?.compactMap(\.string) == ["\u{E9}", "\"", "na\u{EF}ve but longer than sixteen bytes"])
  }

  @Test func loneSurrogateBecomesReplacementWithAWarning() throws {
    let result = try parse(#"["\ud800x", "\udc00"]"#)
    #expect(result.root.elements?.compactMap(\.string) == ["\u{FFFD}x", "\u{FFFD}"])
    #expect(result.warnings.map(\.code) == [.loneSurrogate, .loneSurrogate])
  }

  @Test func byteOrderMarkIsSkipped() throws {
    let result = try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}".utf8))
    #expect(result.root.members?.first?.keyRange.start == SourcePosition(line: 1, column: 2))
  }

  @Test func duplicateKeysStayVisibleWithAWarning() throws {
    let result = try parse("{\"a\": 1,\n \"a\": 2}")
    #expect(result.root.members?.count == 2)
    #expect(result.warnings.count == 1)
    #expect(result.warnings[0].code == .duplicateKey)
    #expect(result.warnings[0].position == SourcePosition(line: 2, column: 2))
    #expect(result.warnings[0].message.contains("1:2"))
    // The key is never echoed: it could be the PHI.
    #expect(!result.warnings[0].message.contains("\"a\""))
  }

  @Test func duplicateKeysInLargeObjects() throws {
    let keys = (0..<100).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
    let result = try parse("{\(keys), \"k42\": 0}")
    #expect(result.warnings.count == 1)
    #expect(result.root.members?.count == 101)
  }

  /// Objects of every size up to past the linear-scan limit: each repeated key (plain
  /// or escaped) warns once, at the repeat.
  @Test func duplicateKeysAtEverySize() throws {
    for size in [1, 2, 15, 16, 17, 40, 47, 48, 49, 60] {
      let keys = (0..<size).map { "\"key_\($0)\": \($0)" }.joined(separator: ", ")
      let last = size - 1
      let result = try parse("{\(keys), \"key_\(last / 2)\": 0, \"key\\u005f\(last)\": 1, \"fresh\": 2}")
      #expect(result.warnings.count == 2, "size \(size)")
      #expect(result.root.members?.count == size + 3)
    }
  }

  /// Keys are told apart by a fingerprint of their bytes first; keys that are equal as
  /// Swift strings (escaped spellings, canonically equivalent scalars) still count as
  /// duplicates, and keys that share length, first and last byte still count as distinct.
  @Test(arguments: [
    (#"{"abc": 1, "axc": 2, "abc": 3}"#, [SourcePosition(line: 1, column: 22)]),
    (#"{"a": 1, "\u0061": 2}"#, [SourcePosition(line: 1, column: 10)]),
    (#"{"\u0061b": 1, "ab": 2}"#, [SourcePosition(line: 1, column: 16)]),
    ("{\"caf\u{E9}\": 1, \"cafe\u{301}\": 2}", [SourcePosition(line: 1, column: 13)]),
    ("{\"\u{212A}ey\": 1, \"Key\": 2}", [SourcePosition(line: 1, column: 12)]),
    (#"{"a": {"b": 1, "a": 2}, "b": {"a": 3}, "a": 4}"#, [SourcePosition(line: 1, column: 40)]),
    (#"{"": 1, "": 2, "x": [{"y": 1}, {"y": 2}]}"#, [SourcePosition(line: 1, column: 9)]),
  ])
  func duplicateKeysAreFoundWhateverTheSpelling(text: String, positions: [SourcePosition]) throws {
    let result = try parse(text)
    #expect(result.warnings.map(\.position) == positions)
    #expect(result.warnings.allSatisfy { $0.code == .duplicateKey })
  }

  @Test func membersAndElementsKeepDocumentOrderAcrossNesting() throws {
    let result = try parse(#"{"a": [1, {"b": [2, 3], "c": {}}, []], "d": {"e": [[4]]}, "f": "g"}"#)
    let root = try #require(result.root.members)
    #expect(root.map(\.key) == ["a", "d", "f"])
    let a = try #require(root[0].value.elements)
    #expect(a.count == 3)
    #expect(a[1].members?.map(\.key) == ["b", "c"])
    #expect(
      a[1].members?[0].value.elements?.compactMap { if case .number(let n) = $0.value { n } else { nil } } == [
        "2", "3",
      ])
    #expect(a[2].elements?.isEmpty == true)
    #expect(root[1].value["e"]?.elements?.first?.elements?.count == 1)
    #expect(root[2].value.string == "g")
  }

  /// Long strings that repeat share storage; strings that only look alike (same length,
  /// same first and last eight bytes, a different middle) must still read as written.
  @Test func repeatedAndLookAlikeLongStringsKeepTheirText() throws {
    var expected: [String] = []
    for round in 0..<3 {
      for middle in ["a", "b", "c", "ab", "ba", "~1", ""] {
        expected.append("#/definitions/" + middle + "/SharedTail")
        expected.append("x-vendor-extension-\(middle)-tail-of-key")
      }
      expected.append("exactly sixteen!")  // 16 bytes: the shortest kept out of line
      expected.append("short one \(round)")
      expected.append(String(repeating: "long ", count: 40 + round))
    }
    let members = expected.enumerated().map { "\"k\($0.offset)-\($0.element)\": \"\($0.element)\"" }
    let result = try parse("{" + members.joined(separator: ", ") + "}")
    let root = try #require(result.root.members)
    #expect(root.map { $0.value.string ?? "" } == expected)
    #expect(root.map(\.key) == expected.enumerated().map { "k\($0.offset)-\($0.element)" })
    // Equal keys that are long are still found as duplicates.
    let duplicated = try parse(#"{"additionalProperties": 1, "additionalProperties": 2}"#)
    #expect(duplicated.warnings.map(\.code) == [.duplicateKey])
  }

  @Test func deepNestingIsAnErrorNotACrash() {
    let depth = 200_000
    let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    let failure = error(text)
    #expect(failure?.kind == .tooDeep)
    #expect(failure?.position == SourcePosition(line: 1, column: 513))
  }

  @Test func nestingUpToTheLimitParses() throws {
    let text = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
    _ = try parse(text)
  }

  @Test(arguments: [
    ("{\"a\": 1,}", 1, 9, "trailing comma"),
    ("[1, 2,]", 1, 7, "trailing comma"),
    ("{\"a\" 1}", 1, 6, "expected ':'"),
    ("{\"a\": 1 \"b\": 2}", 1, 9, "expected ',' or '}'"),
    ("[1 2]", 1, 4, "expected ',' or ']'"),
    ("{'a': 1}", 1, 2, "double quotes"),
    ("[01]", 1, 2, "leading zeros"),
    ("[1.]", 1, 4, "decimal point"),
    ("[1e]", 1, 4, "exponent"),
    ("[-]", 1, 3, "digit after '-'"),
    ("[NaN]", 1, 2, "NaN"),
    ("[Infinity]", 1, 2, "Infinity"),
    ("[-Infinity]", 1, 3, "Infinity"),
    ("[tru]", 1, 2, "expected a value"),
    ("[\"a\nb\"]", 1, 4, "control character"),
    ("[\"\\x\"]", 1, 3, "invalid escape"),
    ("[\"\\u12\"]", 1, 3, "\\u escape"),
    ("[\"abc", 1, 2, "unterminated string"),
    ("{\"a\": [1, 2", 1, 12, "not closed"),
    ("", 1, 1, "empty"),
    ("   \n ", 2, 2, "empty"),
    ("{} {}", 1, 4, "after the end"),
    ("// c\n{}", 1, 1, "comments"),
  ])
  func syntaxErrorsNameLineColumnAndCause(text: String, line: Int, column: Int, cause: String) {
    let failure = error(text)
    #expect(failure != nil, "\(text) should not parse")
    #expect(failure?.position == SourcePosition(line: line, column: column), "\(text): \(failure?.description ?? "")")
    #expect(failure?.message.contains(cause) == true, "\(text): \(failure?.message ?? "")")
  }

  @Test func invalidUTF8IsRejectedWithItsPosition() {
    let bytes = Array("{\"a\": \"ok\",\n \"b\": \"x".utf8) + [0xFF] + Array("\"}".utf8)
    let failure = error(bytes)
    #expect(failure?.kind == .invalidUTF8)
    #expect(failure?.position == SourcePosition(line: 2, column: 9))
  }

  @Test func overlongAndSurrogateEncodingsAreInvalid() {
    #expect(error(Array("[\"".utf8) + [0xC0, 0xAF] + Array("\"]".utf8))?.kind == .invalidUTF8)
    #expect(error(Array("[\"".utf8) + [0xED, 0xA0, 0x80] + Array("\"]".utf8))?.kind == .invalidUTF8)
    #expect(error(Array("[\"".utf8) + [0xE2, 0x82] + Array("\"]".utf8))?.kind == .invalidUTF8)
    #expect(error([0xFF])?.kind == .invalidUTF8)
  }

  @Test func crlfLineEndingsCountOnce() throws {
    let root = try parse("{\r\n\"a\": 1,\r\n\"b\": 2}").root
    #expect(root.members?[1].keyRange.start == SourcePosition(line: 3, column: 1))
  }

  @Test func hugeNumbersKeepTheirText() throws {
    let big = String(repeating: "9", count: 400)
    let root = try parse("[\(big), 1e400]").root
    guard case .number(let text)? = root.elements?.first?.value else {
      Issue.record("not a number")
      return
    }
    #expect(text == big)
  }
}
