import Foundation
import Testing

@testable import PHIScan

/// The compact SARIF and JSON report writers must write exactly what `JSONEncoder` writes.
@Suite struct CompactJSONTests {
  static func expectSame(_ result: ScanResult, _ options: SARIFReporter.Options = .init(), sourceLocation: SourceLocation = #_sourceLocation) {
    let log = SARIFReporter.log(result, options: options)
    let compact = CompactJSON.text(log.write)
    #expect(compact == CompactJSON.encodedByFoundation(log, pretty: false), sourceLocation: sourceLocation)
    #expect(compact == SARIFReporter.render(result, options: options), sourceLocation: sourceLocation)
    let report = JSONReporter.report(result)
    #expect(JSONReporter.render(result) == CompactJSON.encodedByFoundation(report, pretty: false), sourceLocation: sourceLocation)
  }

  @Test func sameAsFoundationOnTheCorpus() throws {
    let corpus = Fixtures.url("corpus").path
    let result = try Scanner(configuration: ScanConfiguration(paths: [corpus], root: corpus)).scan()
    #expect(result.findings.count > 100)
    #expect(result.findings.contains { !$0.relatedLocations.isEmpty })
    Self.expectSame(result)
    // Automation details, and a truncation notice without locations.
    Self.expectSame(result, SARIFReporter.Options(automationID: "phi-scan/schemas", maxResults: 3))
  }

  /// Every escape: quotes, backslashes, slashes, each control character, non-ASCII text,
  /// in messages, paths and codes.
  @Test func sameAsFoundationOnEveryEscape() throws {
    let controls = (0..<32).map { String(UnicodeScalar(UInt8($0))) }.joined()
    let texts = ["plain", "q\"uo\\te/slash", controls, "é日本🙂\u{2028}\u{7F}", "", "a\u{0}b"]
    var result = try Scanner(configuration: ScanConfiguration(paths: [])).scan()
    for (index, text) in texts.enumerated() {
      result.diagnostics.append(Diagnostic(severity: .warning, code: .syntaxError, file: index % 2 == 0 ? "dir/\(text).json" : nil, position: index % 3 == 0 ? SourcePosition(line: index + 1, column: 2) : nil, message: text))
      result.findings.append(Finding(
        ruleID: "us-ssn", category: .ssn, level: .error, confidence: .high, site: .const, file: "f\(text).json",
        pointer: JSONPointer(escaped: "/properties/\(text)/const"), range: SourceRange(start: SourcePosition(line: 3, column: 4), end: SourcePosition(line: 3, column: 9)),
        shape: "json-schema", toolName: text.isEmpty ? nil : text, isCached: index % 2 == 0, mask: "[ssn, \(text.count) chars]", reason: text,
        revealedValue: index % 3 == 1 ? text : nil,
        relatedLocations: index % 2 == 1 ? [Finding.RelatedLocation(file: "r\(text)", pointer: JSONPointer(escaped: "/$defs/\(text)"), range: SourceRange(start: SourcePosition(line: 1, column: 1), end: SourcePosition(line: 2, column: 1)), message: text)] : []))
    }
    Self.expectSame(result)
  }
}
