import Foundation
import Testing

@_spi(Internals) @testable import PHIScan

/// `JSONWriter` is the reports' only serializer; Foundation's `JSONEncoder` stays here as
/// its oracle. Each report is read back with `JSONDecoder` into a plain JSON tree and
/// encoded again with the options the reports promise: the bytes must not change, pretty
/// (the golden files) or compact (the default). The goldens and the contract tests check
/// what a report says; this checks how it is written: escapes, key order, layout.
@Suite struct JSONWriterTests {
  /// Any JSON document, as `JSONDecoder` reads it and `JSONEncoder` writes it.
  enum Value: Codable, Equatable {
    case object([String: Value])
    case array([Value])
    case string(String)
    case int(Int)
    case bool(Bool)

    init(from decoder: Decoder) throws {
      let container = try decoder.singleValueContainer()
      // Bool before Int: the decoder does not turn `true` into 1, nor 1 into `true`.
      if let value = try? container.decode(Bool.self) {
        self = .bool(value)
      } else if let value = try? container.decode(Int.self) {
        self = .int(value)
      } else if let value = try? container.decode(String.self) {
        self = .string(value)
      } else if let value = try? container.decode([Value].self) {
        self = .array(value)
      } else {
        self = .object(try container.decode([String: Value].self))
      }
    }

    func encode(to encoder: Encoder) throws {
      var container = encoder.singleValueContainer()
      switch self {
      case .object(let members): try container.encode(members)
      case .array(let elements): try container.encode(elements)
      case .string(let text): try container.encode(text)
      case .int(let number): try container.encode(number)
      case .bool(let flag): try container.encode(flag)
      }
    }
  }

  /// `report` decoded and encoded again by Foundation, with a newline as reports end.
  static func foundation(_ report: String, pretty: Bool) throws -> String {
    let value = try JSONDecoder().decode(Value.self, from: Data(report.utf8))
    let encoder = JSONEncoder()
    encoder.outputFormatting =
      pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
  }

  static func expectSame(
    _ result: ScanResult, _ options: SARIFReporter.Options = .init(), sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    for pretty in [false, true] {
      var sarifOptions = options
      sarifOptions.pretty = pretty
      let sarif = SARIFReporter.render(result, options: sarifOptions)
      #expect(sarif == (try foundation(sarif, pretty: pretty)), sourceLocation: sourceLocation)
      let json = JSONReporter.render(result, pretty: pretty)
      #expect(json == (try foundation(json, pretty: pretty)), sourceLocation: sourceLocation)
    }
  }

  @Test func sameAsFoundationOnTheCorpus() throws {
    let corpus = Fixtures.url("corpus").path
    let result = try Scanner(configuration: ScanConfiguration(paths: [corpus], root: corpus)).scan()
    #expect(result.findings.count > 100)
    #expect(result.findings.contains { !$0.relatedLocations.isEmpty })
    try Self.expectSame(result)
    // Automation details, and a truncation notice without locations.
    try Self.expectSame(result, SARIFReporter.Options(automationID: "phi-scan/schemas", maxResults: 3))
  }

  /// Every escape: quotes, backslashes, slashes, each control character, non-ASCII text,
  /// in messages, paths and codes.
  @Test func sameAsFoundationOnEveryEscape() throws {
    let controls = (0..<32).map { String(UnicodeScalar(UInt8($0))) }.joined()
    let texts = ["plain", "q\"uo\\te/slash", controls, "é日本🙂\u{2028}\u{7F}", "", "a\u{0}b"]
    var result = try Scanner(configuration: ScanConfiguration(paths: [])).scan()
    for (index, text) in texts.enumerated() {
      result.diagnostics.append(
        Diagnostic(
          severity: .warning, code: .syntaxError, file: index % 2 == 0 ? "dir/\(text).json" : nil,
          position: index % 3 == 0 ? SourcePosition(line: index + 1, column: 2) : nil, message: text))
      result.findings.append(
        Finding(
          ruleID: "us-ssn", category: .ssn, level: .error, confidence: .high, site: .const, file: "f\(text).json",
          pointer: JSONPointer(escaped: "/properties/\(text)/const"),
          range: SourceRange(start: SourcePosition(line: 3, column: 4), end: SourcePosition(line: 3, column: 9)),
          shape: "json-schema", toolName: text.isEmpty ? nil : text, isCached: index % 2 == 0,
          mask: "[ssn, \(text.count) chars]", reason: text,
          revealedValue: index % 3 == 1 ? text : nil,
          relatedLocations: index % 2 == 1
            ? [
              Finding.RelatedLocation(
                file: "r\(text)", pointer: JSONPointer(escaped: "/$defs/\(text)"),
                range: SourceRange(start: SourcePosition(line: 1, column: 1), end: SourcePosition(line: 2, column: 1)),
                message: text)
            ] : []))
    }
    try Self.expectSame(result)
  }

  /// Empty containers and nesting, where pretty layouts differ most.
  @Test func prettyLayoutOfEmptyAndNestedContainers() throws {
    let text = JSONWriter.text(pretty: true) { json in
      json.object { o in
        o.array("a", [Int]()) { json, number in json.int(number) }
        o.object("b") { _ in }
        o.array("c", [[1, 2], []]) { json, row in json.array(row) { json, number in json.int(number) } }
        o.object("d") { d in d.bool("e", false) }
      }
    }
    #expect(text == (try Self.foundation(text, pretty: true)))
    #expect(text.contains("\"a\" : [\n\n  ]"))
  }

  /// `phi-scan rules --format json`: one line, keys sorted.
  @Test func ruleCatalogSameAsFoundation() throws {
    let catalog = RuleCatalog.json(try PackLoader.builtinRules())
    #expect(catalog == (try Self.foundation(catalog, pretty: false)))
    #expect(catalog.hasPrefix("[{\"category\":"))
    #expect(RuleCatalog.json(RuleSet(rules: [])) == "[]\n")
  }
}
