import Foundation
import Testing

@_spi(Internals) @testable import PHIScan

/// Every format rendered from the fixture directory `Golden/input` and compared with
/// its golden file. `${VERSION}` stands for the tool version. Re-record with
/// `UPDATE_GOLDEN=1 swift test --filter ReporterGolden` and review the diff.
@Suite struct ReporterGoldenTests {
  static let input = "Tests/PHIScanTests/Reporting/Golden/input"

  /// Notes included (`--min-level note`), so the goldens show how each level renders.
  static func scan() throws -> ScanResult {
    var configuration = ScanConfiguration(paths: [Fixtures.url(input).path], root: Fixtures.url(input).path)
    configuration.minimumLevel = .note
    configuration.excerpts = true
    // Broken files are errors, as a strict run or named files make them, so the goldens
    // show how each format reports a file that could not be scanned.
    configuration.strictParsing = true
    return try Scanner(configuration: configuration).scan()
  }

  static func normalized(_ report: String) -> String {
    report.replacingOccurrences(
      of: "\"semanticVersion\" : \"\(PhiScanVersion.semanticVersion)\"", with: "\"semanticVersion\" : \"${VERSION}\"")
  }

  @Test func sarifMatchesGolden() throws {
    let sarif = Self.normalized(SARIFReporter.render(try Self.scan(), pretty: true))
    let problem = try Fixtures.compareGolden(sarif, to: "Tests/PHIScanTests/Reporting/Golden/report.sarif")
    #expect(problem == nil, "\(problem ?? "")")
  }

  static let textOptions = TextReporter.Options()

  @Test func jsonMatchesGolden() throws {
    let json = JSONReporter.render(try Self.scan(), pretty: true)
      .replacingOccurrences(
        of: "\"version\" : \"\(PhiScanVersion.semanticVersion)\"", with: "\"version\" : \"${VERSION}\"")
    let problem = try Fixtures.compareGolden(json, to: "Tests/PHIScanTests/Reporting/Golden/report.json")
    #expect(problem == nil, "\(problem ?? "")")
  }

  @Test func textMatchesGolden() throws {
    let text = TextReporter.render(try Self.scan(), options: Self.textOptions)
    let problem = try Fixtures.compareGolden(text, to: "Tests/PHIScanTests/Reporting/Golden/report.txt")
    #expect(problem == nil, "\(problem ?? "")")
  }

  @Test func sarifHonoursTheContract() throws {
    let result = try Self.scan()
    let data = Data(SARIFReporter.render(result).utf8)
    let log = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(log["version"] as? String == "2.1.0")
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    #expect(run["columnKind"] as? String == "unicodeCodePoints")
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    let rules = try #require(driver["rules"] as? [[String: Any]])
    #expect(rules.map { $0["id"] as? String } == result.rules.rules.map(\.id))
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.count == result.findings.count)
    let constSSN = try #require(
      results.first {
        ($0["locations"] as? [[String: Any]])?.first.flatMap {
          ($0["logicalLocations"] as? [[String: Any]])?.first?["fullyQualifiedName"] as? String
        } == "/properties/member_ssn/const"
      })
    let region = try #require(
      ((constSSN["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"]
        as? [String: Int])
    #expect(region["startLine"] == 9)
    #expect(region["startColumn"] == 16)
    #expect(region["endColumn"] == 29)
    let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
    #expect(invocation["executionSuccessful"] as? Bool == false)
    let notes = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
    let messages = notes.compactMap { ($0["message"] as? [String: Any])?["text"] as? String }
    #expect(messages.contains { $0.hasPrefix("truncated.json:") })
    #expect(messages.contains { $0.hasPrefix("batch.jsonl:2:") })
  }

  @Test func reportsNeverContainTheFlaggedValues() throws {
    let result = try Self.scan()
    let reports = [
      SARIFReporter.render(result), TextReporter.render(result, options: Self.textOptions), JSONReporter.render(result),
    ]
    for value in ["512-43-8876", "329-51-7784", "471-28-3306", "078-05-1120"] {
      for report in reports { #expect(!report.contains(value), "a report leaks \(value)") }
    }
  }

  @Test func renderingIsDeterministic() throws {
    #expect(SARIFReporter.render(try Self.scan()) == SARIFReporter.render(try Self.scan()))
    #expect(JSONReporter.render(try Self.scan()) == JSONReporter.render(try Self.scan()))
    #expect(
      TextReporter.render(try Self.scan(), options: Self.textOptions)
        == TextReporter.render(try Self.scan(), options: Self.textOptions))
  }

  @Test func fingerprintIgnoresLinesAndValue() {
    let range = SourceRange(start: SourcePosition(line: 3, column: 4), end: SourcePosition(line: 3, column: 9))
    var finding = Finding(
      ruleID: "us-ssn", category: .ssn, level: .error, confidence: .high, site: .const, file: "a.json",
      pointer: JSONPointer(escaped: "/properties/x/const"), range: range, shape: "json-schema", toolName: nil,
      isCached: true, mask: "[ssn, 11 chars]", reason: "r")
    let before = Fingerprint.primary(finding)
    finding.range.start.line = 40
    finding.mask = "[ssn, 9 chars]"
    #expect(Fingerprint.primary(finding) == before)
    finding.pointer = JSONPointer(escaped: "/properties/y/const")
    #expect(Fingerprint.primary(finding) != before)
  }

  @Test func sha256KnownAnswers() {
    #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    // FIPS 180-4 examples that take two blocks, and lengths around each padding edge.
    #expect(
      SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    #expect(
      SHA256.hex(
        "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"
      ) == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    #expect(
      SHA256.hex(String(repeating: "a", count: 55))
        == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
    #expect(
      SHA256.hex(String(repeating: "a", count: 64))
        == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    #expect(
      SHA256.hex(String(repeating: "a", count: 1000))
        == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    #expect(
      SHA256.hex(String(repeating: "a", count: 1000))
        == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
  }
}
