import Testing

@_spi(Internals) @testable import PHIScan

@Suite struct YAMLLoaderTests {
  /// Plain scalars are numbers only in JSON's grammar: a dotted SSN, a version or a
  /// leading zero stays text, which the rules read (`512.43.8876` was a number, unread).
  @Test(arguments: [
    ("42", true), ("-0.25", true), ("1.5e3", true), ("2E-7", true), ("0", true),
    ("512.43.8876", false), ("1.2.3", false), ("010", false), ("1.", false), (".5", false),
    ("1e", false), ("--1", false), ("1-2", false), ("0x1F", false),
  ])
  func plainScalarsAreNumbersOnlyInJSONsGrammar(text: String, isNumber: Bool) {
    #expect(YAMLLoader.isJSONNumber(text) == isNumber, "\(text)")
  }

  @Test func keysAndScalarsCarryPositions() throws {
    let marked = MarkedText("type: object\nproperties:\n  1️⃣né🩺e:\n    const: 2️⃣\"512-43-8876\"\n")
    let root = try #require(try YAMLLoader.load(Array(marked.text.utf8)).first)
    let property = try #require(root["properties"]?.members?.first)
    #expect(property.key == "né🩺e")
    #expect(property.keyRange.start == SourcePosition(line: marked["1️⃣"].line, column: marked["1️⃣"].column))
    let const = try #require(property.value["const"])
    #expect(const.string == "512-43-8876")
    #expect(const.range.start == SourcePosition(line: marked["2️⃣"].line, column: marked["2️⃣"].column))
    #expect(const.range.end.column == marked["2️⃣"].column + 13)
  }

  @Test func scalarsKeepTheirRawText() throws {
    let root = try #require(
      try YAMLLoader.load(Array("enum: [yes, no, 010, 2024-03-12, 0x1F, 1.5, true, ~]\n".utf8)).first)
    let values = try #require(root["enum"]?.elements).map(\.value)
    guard case .string("yes") = values[0], case .string("no") = values[1], case .string("010") = values[2],
      case .string("2024-03-12") = values[3], case .string("0x1F") = values[4], case .number("1.5") = values[5],
      case .bool(true) = values[6], case .null = values[7]
    else {
      Issue.record("unexpected values \(values)")
      return
    }
  }

  /// Duplicate keys are judged as YAML types them: `1` (an int) and `"1"` (a string) are
  /// different keys, `!!int "1"` and `1` the same one.
  @Test func duplicateKeysFollowYAMLTags() throws {
    func load(_ text: String) throws -> [Node] { try YAMLLoader.load(Array(text.utf8)) }
    #expect(try load("a: 1\n\"1\": x\n1: y\n").first?.members?.count == 3)
    #expect(try load("true: x\n\"true\": y\n").first?.members?.count == 2)
    #expect(try load("? [1]\n: x\n? [\"1\"]\n: y\n").first?.members?.count == 2)
    #expect(throws: ParseError.self) { try load("a: 1\nb: 2\na: 3\n") }
    #expect(throws: ParseError.self) { try load("!!int \"1\": x\n1: y\n") }
    #expect(throws: ParseError.self) { try load("'a': 1\na: 2\n") }
  }

  @Test func multipleDocumentsAreIndexed() {
    let (documents, problems) = DocumentLoader.load(Array("a: 1\n---\nb: 2\n".utf8), format: .yaml)
    #expect(problems.isEmpty)
    #expect(documents.map(\.index) == [0, 1])
    #expect(documents[1].rootPointer.string == "/1")
    #expect(documents[1].root.members?.first?.keyRange.start == SourcePosition(line: 3, column: 1))
  }

  @Test func syntaxErrorHasPosition() {
    do {
      _ = try YAMLLoader.load(Array("a: [1, 2\nb: 3\n".utf8))
      Issue.record("expected an error")
    } catch {
      #expect(error.kind == .syntax)
      #expect(error.position.line >= 1)
      #expect(error.message.contains("YAML"))
    }
  }

  @Test func aliasBombIsRefused() {
    var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1...9 {
      let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
      yaml += "a\(level): &a\(level) [\(refs)]\n"
    }
    do {
      _ = try YAMLLoader.load(Array(yaml.utf8))
      Issue.record("expected the alias bomb to be refused")
    } catch {
      #expect(error.kind == .tooLarge)
      #expect(error.message.contains("alias"))
    }
  }

  @Test func deepFlowNestingIsRefused() {
    let yaml = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    do {
      _ = try YAMLLoader.load(Array(yaml.utf8))
      Issue.record("expected a depth error")
    } catch {
      #expect(error.kind == .tooDeep)
    }
  }

  @Test func invalidUTF8IsRejectedWithPosition() {
    do {
      _ = try YAMLLoader.load(Array("a: 1\nb: x".utf8) + [0xFE])
      Issue.record("expected an error")
    } catch {
      #expect(error.kind == .invalidUTF8)
      #expect(error.position == SourcePosition(line: 2, column: 5))
    }
  }

  @Test func jsonLinesBrokenLineIsADiagnosticAndOthersLoad() {
    let text = "{\"a\": 1}\n\n{\"b\": \n{\"c\": \"x\"}\n"
    let (documents, problems) = DocumentLoader.load(Array(text.utf8), format: .jsonLines)
    #expect(documents.map(\.index) == [0, 2])
    #expect(documents[1].root.members?.first?.keyRange.start == SourcePosition(line: 4, column: 2))
    #expect(problems.count == 1)
    #expect(problems[0].severity == .error)
    #expect(problems[0].position?.line == 3)
    #expect(problems[0].message.contains("line 3"))
  }

  /// The records of a file share the parser's scratch space and long strings: a record
  /// that breaks off inside nested containers does not disturb the next one.
  @Test func jsonLinesRecordAfterABrokenOneHoldsOnlyItsOwnValues() throws {
    let lines = [
      #"{"additionalProperties": false, "items": ["first record text", 1]}"#,
      #"{"open": [1, 2, {"b": "left behind in the scratch", "c": ["x", "y""#,
      #"{"additionalProperties": true, "items": ["first record text", 2, {"d": []}]}"#,
    ]
    let (documents, problems) = DocumentLoader.load(Array(lines.joined(separator: "\n").utf8), format: .jsonLines)
    #expect(problems.count == 1)
    #expect(problems.first?.position?.line == 2)
    #expect(documents.map(\.index) == [0, 2])
    let last = try #require(documents.last?.root.members)
    #expect(last.map(\.key) == ["additionalProperties", "items"])
    #expect(last[0].value.isTrue)
    let items = try #require(last[1].value.elements)
    #expect(items.count == 3)
    #expect(items[0].string == "first record text")
    #expect(items[2].members?.map(\.key) == ["d"])
    #expect(items[2].members?.first?.value.elements?.isEmpty == true)
    #expect(documents.first?.root.members?.map(\.key) == ["additionalProperties", "items"])
  }
}
