import Foundation
import Testing

@_spi(Internals) @testable import PHIScan

/// JSONC (`.json` and `.jsonc` files): comments and trailing commas are accepted, every
/// position after a comment is exact, comments are never part of the tree, and strict
/// JSON parses to the same tree in either dialect.
@Suite struct JSONCTests {
  typealias Generator = JSONPositionTests.Generator

  @Test func positionsAfterCommentsMatchSlowCountingOnGeneratedDocuments() throws {
    for seed in 0..<400 {
      var generator = Generator(random: SeededGenerator(seed: UInt64(seed)), comments: true)
      generator.whitespace()
      generator.value(depth: 0)
      generator.whitespace()
      let bytes = generator.bytes
      let root: Node
      do {
        root = try JSONParser.parse(bytes, dialect: .jsonc).root
      } catch {
        Issue.record("seed \(seed): \(error) in \(String(decoding: bytes, as: UTF8.self))")
        continue
      }
      let ranges = JSONPositionTests.rangesInClosingOrder(root)
      try #require(ranges.count == generator.expected.count, "seed \(seed)")
      for (range, offsets) in zip(ranges, generator.expected) {
        #expect(
          range.start == JSONPositionTests.slowPosition(offsets.start, in: bytes),
          "seed \(seed): start of bytes \(offsets.start)")
        #expect(
          range.end == JSONPositionTests.slowPosition(offsets.end, in: bytes),
          "seed \(seed): end of bytes \(offsets.end)")
      }
    }
  }

  @Test func strictDocumentsReadTheSameInBothDialects() throws {
    for seed in 0..<200 {
      var generator = Generator(random: SeededGenerator(seed: UInt64(seed)))
      generator.whitespace()
      generator.value(depth: 0)
      let bytes = generator.bytes
      let strict = try JSONParser.parse(bytes).root
      let lenient = try JSONParser.parse(bytes, dialect: .jsonc).root
      #expect(
        JSONPositionTests.rangesInClosingOrder(strict) == JSONPositionTests.rangesInClosingOrder(lenient),
        "seed \(seed)")
      #expect(Self.plain(strict) == Self.plain(lenient), "seed \(seed)")
    }
  }

  /// Comments before, between and after tokens; the values and their exact places.
  @Test func commentsBeforeBetweenAndAfterTokens() throws {
    let text = """
      // a tsconfig-like file é
      /* leading
         block */ {
        "compilerOptions" /* before the colon */ : /* after it */ {
          "target": "es2022", // trailing
          "paths": {"@/*": ["./src/*"]}, /* 🩺 */ "strict": true,
        },
        "files": ["a.ts", /* between */ "b.ts",],
      } // after the document
      /* and a last one */
      """
    let root = try JSONParser.parse(text, dialect: .jsonc).root
    let options = try #require(root["compilerOptions"])
    #expect(root.members?.map(\.key) == ["compilerOptions", "files"])
    #expect(root.members?[0].keyRange.start == SourcePosition(line: 4, column: 3))
    #expect(options.range.start == SourcePosition(line: 4, column: 61))
    #expect(options["target"]?.string == "es2022")
    #expect(
      options["target"]?.range
        == SourceRange(start: SourcePosition(line: 5, column: 15), end: SourcePosition(line: 5, column: 23)))
    // The glob `/*` inside a string is text, not a comment.
    #expect(options["paths"]?.members?.first?.key == "@/*")
    let strictKey = try #require(options.members?.first { $0.key == "strict" })
    #expect(strictKey.keyRange.start == SourcePosition(line: 6, column: 44))
    let files = try #require(root["files"]?.elements)
    #expect(files.map(\.string) == ["a.ts", "b.ts"])
    #expect(files[1].range.start == SourcePosition(line: 8, column: 35))
  }

  @Test(arguments: [
    ("{\"a\": 1 /* never closed", 1, 9, "comment opened here is not closed"),
    ("{\"a\": 1} /* never closed", 1, 10, "comment opened here is not closed"),
    ("[1, / 2]", 1, 5, "a comment starts with"),
    ("[1,,]", 1, 4, "expected a value"),
    ("{,}", 1, 2, "object key"),
  ])
  func brokenJSONCIsAnErrorWithItsPlace(text: String, line: Int, column: Int, cause: String) {
    do {
      _ = try JSONParser.parse(text, dialect: .jsonc)
      Issue.record("\(text) parsed")
    } catch {
      #expect(error.position == SourcePosition(line: line, column: column), "\(text)")
      #expect(error.message.contains(cause), "\(text): \(error.message)")
    }
  }

  @Test func strictDialectStillRejectsComments() {
    #expect(throws: ParseError.self) { try JSONParser.parse("// c\n{}") }
    #expect(throws: ParseError.self) { try JSONParser.parse("[1,]") }
  }

  /// `.json` files and `.jsonc` files are read as JSONC; a comment holding an SSN is never
  /// a candidate string.
  @Test func filesAreReadAsJSONCAndCommentsAreNotScanned() throws {
    #expect(DocumentFormat.forPath("x/.vscode/settings.jsonc") == .json)
    #expect(FileDiscovery.schemaExtensions.contains("jsonc"))
    #expect(DocumentFormat.sniff(Array("// config\n{}".utf8)) == .json)
    let text = """
      {
        // member 512-43-8876 was removed
        "type": "object", /* was const 512-43-8876 */
        "properties": {"id": {"type": "string", "const": "X-1"},},
      }
      """
    let (documents, problems) = DocumentLoader.load(Array(text.utf8), format: .json)
    #expect(problems.isEmpty)
    let document = try #require(documents.first)
    let strings = ShapeRecognizer.extract(from: document).strings
    #expect(!strings.isEmpty)
    #expect(!strings.contains { $0.text.contains("512") })
  }

  /// The tree without positions, to compare values.
  static func plain(_ node: Node) -> String {
    switch node.value {
    case .object(let members): return "{" + members.map { "\($0.key):\(plain($0.value))" }.joined(separator: ",") + "}"
    case .array(let elements): return "[" + elements.map(plain).joined(separator: ",") + "]"
    case .string(let text): return "s\(text)"
    case .number(let text): return "n\(text)"
    case .bool(let value): return "\(value)"
    case .null: return "null"
    }
  }
}
