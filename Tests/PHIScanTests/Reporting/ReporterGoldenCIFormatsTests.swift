import Foundation
import Testing

@testable import PHIScan

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The CI formats (`github`, `junit`, `gitlab`, `markdown`) rendered from the same fixture
/// directory as the other goldens (`Golden/input`, notes included) and compared with
/// their golden files; each is also parsed back by an independent reader (GitHub's
/// escaping rules, Foundation's XMLParser and JSONSerialization) and checked against
/// what its consumer requires. Re-record with
/// `UPDATE_GOLDEN=1 swift test --filter ReporterGolden` and review the diff.
@Suite struct ReporterGoldenCIFormatsTests {
  static let golden = "Tests/PHIScanTests/Reporting/Golden/"
  static let start = Date(timeIntervalSince1970: 1_796_000_000)  // 2026-11-30T00:53:20Z
  static let end = Date(timeIntervalSince1970: 1_796_000_003)

  static func gitlab(_ result: ScanResult) -> String {
    GitLabReporter.render(result, options: GitLabReporter.Options(startTime: start, endTime: end))
  }

  /// JSON re-indented by Foundation, keys sorted: a readable golden, and proof it parses.
  static func pretty(_ json: String) throws -> String {
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
    let data = try JSONSerialization.data(
      withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    return String(decoding: data, as: UTF8.self).replacingOccurrences(
      of: "\"\(PhiScanVersion.semanticVersion)\"", with: "\"${VERSION}\"") + "\n"
  }

  @Test func githubMatchesGolden() throws {
    let report = GitHubReporter.render(try ReporterGoldenTests.scan())
    let problem = try Fixtures.compareGolden(report, to: Self.golden + "report.github")
    #expect(problem == nil, "\(problem ?? "")")
  }

  @Test func junitMatchesGolden() throws {
    let report = JUnitReporter.render(try ReporterGoldenTests.scan())
    let problem = try Fixtures.compareGolden(report, to: Self.golden + "report.junit.xml")
    #expect(problem == nil, "\(problem ?? "")")
  }

  @Test func gitlabMatchesGolden() throws {
    let report = try Self.pretty(Self.gitlab(try ReporterGoldenTests.scan()))
    let problem = try Fixtures.compareGolden(report, to: Self.golden + "report.gitlab.json")
    #expect(problem == nil, "\(problem ?? "")")
  }

  @Test func markdownMatchesGolden() throws {
    let report = MarkdownReporter.render(try ReporterGoldenTests.scan())
    let problem = try Fixtures.compareGolden(report, to: Self.golden + "report.md")
    #expect(problem == nil, "\(problem ?? "")")
  }

  @Test func noCIFormatContainsAFlaggedValue() throws {
    let result = try ReporterGoldenTests.scan()
    let reports = [
      GitHubReporter.render(result), JUnitReporter.render(result), Self.gitlab(result), MarkdownReporter.render(result),
    ]
    for value in ["512-43-8876", "329-51-7784", "471-28-3306", "078-05-1120"] {
      for report in reports { #expect(!report.contains(value), "a report leaks \(value)") }
    }
    // Revealed values stay out too: these reports are shared like logs.
    var revealed = result
    revealed.findings = revealed.findings.map {
      var finding = $0
      finding.revealedValue = "512-43-8876"
      finding.toolName = "lookup_512-43-8876"
      return finding
    }
    for report in [
      GitHubReporter.render(revealed), JUnitReporter.render(revealed), Self.gitlab(revealed),
      MarkdownReporter.render(revealed),
    ] {
      #expect(!report.contains("512-43-8876"))
    }
  }

  // MARK: GitHub workflow commands

  /// A workflow command line read back as GitHub's runner does: the command name, the
  /// properties split on `,` and `=`, and the message, each unescaped.
  static func parseCommand(_ line: Substring) -> (name: String, properties: [String: String], message: String)? {
    guard line.hasPrefix("::"),
      let end = line.range(of: "::", range: line.index(line.startIndex, offsetBy: 2)..<line.endIndex)
    else { return nil }
    let head = line[line.index(line.startIndex, offsetBy: 2)..<end.lowerBound]
    let message = String(line[end.upperBound...])
    func unescape(_ text: Substring, property: Bool) -> String {
      var text = String(text).replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%0A", with: "\n")
      if property { text = text.replacingOccurrences(of: "%3A", with: ":").replacingOccurrences(of: "%2C", with: ",") }
      return text.replacingOccurrences(of: "%25", with: "%")
    }
    let parts = head.split(separator: " ", maxSplits: 1)
    var properties: [String: String] = [:]
    if parts.count == 2 {
      for pair in parts[1].split(separator: ",") {
        let kv = pair.split(separator: "=", maxSplits: 1)
        guard kv.count == 2 else { return nil }
        properties[String(kv[0])] = unescape(kv[1], property: true)
      }
    }
    return (String(parts[0]), properties, unescape(Substring(message), property: false))
  }

  @Test func githubEscapesPropertiesAndMessages() throws {
    let nasty = "dir,a:b/100%\r\nx.json"
    let range = SourceRange(start: SourcePosition(line: 3, column: 5), end: SourcePosition(line: 3, column: 18))
    let finding = Finding(
      ruleID: "us-ssn", category: .ssn, level: .warning, confidence: .medium, site: .enum, file: nasty,
      pointer: JSONPointer(escaped: "/properties/a%b,c:d/enum/0"), range: range, shape: "json-schema", toolName: nil,
      isCached: true, mask: "[ssn, 11 chars]", reason: "100% sure\nreally")
    let diagnostic = Diagnostic(
      severity: .note, code: .tooLarge, file: nasty, position: nil, message: "skipped: 60% over\nthe limit")
    let result = ScanResult(
      findings: [finding], diagnostics: [diagnostic], rules: try ReporterGoldenTests.scan().rules, filesScanned: 1,
      bytesScanned: 1)
    let report = GitHubReporter.render(result)
    let lines = report.split(separator: "\n")
    #expect(lines.count == 2, "every command stays on one line")
    let annotation = try #require(Self.parseCommand(lines[0]))
    #expect(annotation.name == "warning")
    #expect(annotation.properties["file"] == nasty)
    #expect(annotation.properties["line"] == "3")
    #expect(annotation.properties["col"] == "5")
    #expect(annotation.properties["endLine"] == "3")
    #expect(annotation.properties["endColumn"] == "18")
    #expect(annotation.properties["title"] == "phi-scan us-ssn: ssn in enum")
    #expect(annotation.message.hasPrefix(FindingMessage.text(finding)))
    #expect(annotation.message.contains("phi-scan explain us-ssn"))
    let notice = try #require(Self.parseCommand(lines[1]))
    #expect(notice.name == "notice")
    #expect(notice.properties["file"] == nasty)
    #expect(notice.message == "skipped: 60% over\nthe limit")
    #expect(GitHubReporter.escapeProperty("a:b,c%d\r\n") == "a%3Ab%2Cc%25d%0D%0A")
    #expect(GitHubReporter.escapeData("a:b,c%d\r\n") == "a:b,c%25d%0D%0A")
  }

  // MARK: JUnit

  /// Reads a JUnit document with Foundation's XML parser: test cases with their
  /// failure or error, and the suite's counts.
  final class JUnitReader: NSObject, XMLParserDelegate {
    var cases: [(name: String, outcome: String?, text: String)] = []
    var suiteCounts: [String: String] = [:]
    private var inOutcome = false

    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      switch name {
      case "testsuite": suiteCounts = attributes
      case "testcase": cases.append((attributes["name"] ?? "", nil, ""))
      case "failure", "error":
        cases[cases.count - 1].outcome = name
        inOutcome = true
      default: break
      }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      if inOutcome { cases[cases.count - 1].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
      if name == "failure" || name == "error" { inOutcome = false }
    }

    static func read(_ xml: String) throws -> JUnitReader {
      let reader = JUnitReader()
      let parser = XMLParser(data: Data(xml.utf8))
      parser.delegate = reader
      let parsed = parser.parse()
      #expect(parsed, "not well-formed XML: \(String(describing: parser.parserError))")
      return reader
    }
  }

  @Test func junitHasOneCasePerFile() throws {
    let result = try ReporterGoldenTests.scan()
    let reader = try JUnitReader.read(JUnitReporter.render(result))
    #expect(
      reader.cases.map(\.name) == [
        "batch.jsonl", "const-ssn.json", "default-ssn.yaml", "describes-ssn.json", "truncated.json",
      ])
    #expect(reader.cases.map(\.outcome) == ["failure", "failure", "failure", nil, "error"])
    #expect(reader.suiteCounts["tests"] == "5")
    #expect(reader.suiteCounts["failures"] == "3")
    #expect(reader.suiteCounts["errors"] == "1")
    #expect(reader.cases[1].text.contains("/properties/member_ssn/const  [ssn, 11 chars]"))
  }

  @Test func junitEscapesAnyFileName() throws {
    let name = "a<b>&\"c'\u{1}d\tz.json"
    let range = SourceRange(start: SourcePosition(line: 1, column: 1), end: SourcePosition(line: 1, column: 5))
    let finding = Finding(
      ruleID: "us-ssn", category: .ssn, level: .error, confidence: .high, site: .const, file: name,
      pointer: JSONPointer(escaped: "/a<&>"), range: range, shape: "json-schema", toolName: nil, isCached: true,
      mask: "[ssn, 11 chars]", reason: "]]> <x>")
    let result = ScanResult(
      findings: [finding],
      diagnostics: [
        Diagnostic(severity: .error, code: .unreadable, file: "b&.json", position: nil, message: "cannot <read>")
      ], rules: try ReporterGoldenTests.scan().rules, filesScanned: 2, bytesScanned: 1)
    let reader = try JUnitReader.read(JUnitReporter.render(result))
    #expect(reader.cases.map(\.name) == ["a<b>&\"c'\\u{1}d\tz.json", "b&.json"])
    #expect(reader.cases.map(\.outcome) == ["failure", "error"])
    #expect(reader.cases[0].text.contains("/a<&>"))
    #expect(reader.cases[1].text.contains("cannot <read>"))
  }

  // MARK: GitLab SAST

  /// What GitLab's SAST report schema (15.x) requires of the report, checked on the parsed
  /// document: required keys, the scan's type, status and time format, severities from its
  /// enum, non-empty identifiers, positive lines.
  @Test func gitlabReportHasWhatTheSchemaRequires() throws {
    let result = try ReporterGoldenTests.scan()
    let report = try #require(try JSONSerialization.jsonObject(with: Data(Self.gitlab(result).utf8)) as? [String: Any])
    #expect(report["version"] as? String == GitLabReporter.schemaVersion)
    let scan = try #require(report["scan"] as? [String: Any])
    #expect(scan["type"] as? String == "sast")
    #expect(["success", "failure"].contains(scan["status"] as? String ?? ""))
    #expect(scan["start_time"] as? String == "2026-11-30T00:53:20")
    #expect(scan["end_time"] as? String == "2026-11-30T00:53:23")
    for key in ["analyzer", "scanner"] {
      let component = try #require(scan[key] as? [String: Any])
      for field in ["id", "name", "version"] { #expect((component[field] as? String)?.isEmpty == false) }
      #expect(((component["vendor"] as? [String: Any])?["name"] as? String)?.isEmpty == false)
    }
    let messages = try #require(scan["messages"] as? [[String: Any]])
    #expect(messages.count == result.diagnostics.count)
    #expect(messages.allSatisfy { ["info", "warn", "fatal"].contains($0["level"] as? String ?? "") })
    let vulnerabilities = try #require(report["vulnerabilities"] as? [[String: Any]])
    #expect(vulnerabilities.count == result.findings.count)
    var ids = Set<String>()
    for (vulnerability, finding) in zip(vulnerabilities, result.findings) {
      let id = try #require(vulnerability["id"] as? String)
      #expect(id.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/) != nil)
      ids.insert(id)
      #expect(
        ["Info", "Unknown", "Low", "Medium", "High", "Critical"].contains(vulnerability["severity"] as? String ?? ""))
      #expect((vulnerability["name"] as? String ?? "").count <= 255)
      let identifiers = try #require(vulnerability["identifiers"] as? [[String: Any]])
      #expect(!identifiers.isEmpty)
      #expect(
        identifiers.allSatisfy {
          ($0["type"] as? String)?.isEmpty == false && ($0["name"] as? String)?.isEmpty == false
            && ($0["value"] as? String) == finding.ruleID
        })
      let location = try #require(vulnerability["location"] as? [String: Any])
      #expect(location["file"] as? String == finding.file)
      #expect(location["start_line"] as? Int == finding.range.start.line)
      #expect((location["end_line"] as? Int ?? 0) >= finding.range.start.line)
    }
    #expect(ids.count == vulnerabilities.count, "vulnerability ids are unique")
  }

  @Test func gitlabTimestampsAreUTC() {
    #expect(GitLabReporter.timestamp(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00")
    #expect(GitLabReporter.timestamp(Date(timeIntervalSince1970: 951_782_399)) == "2000-02-28T23:59:59")
    #expect(GitLabReporter.timestamp(Date(timeIntervalSince1970: 951_868_800)) == "2000-03-01T00:00:00")
  }

  // MARK: Markdown job summary

  /// Thousands of findings with long pointers and hostile file names still make a short
  /// summary whose table rows cannot be broken by what they show.
  @Test func markdownSummaryStaysSmall() throws {
    let rules = try ReporterGoldenTests.scan().rules
    let long = String(repeating: "p|`<b>", count: 2_000)
    var findings: [Finding] = []
    for index in 0..<20_000 {
      let range = SourceRange(
        start: SourcePosition(line: index + 1, column: 1), end: SourcePosition(line: index + 1, column: 9))
      findings.append(
        Finding(
          ruleID: "rule-\(index % 300)", category: .ssn, level: .error, confidence: .high, site: .const,
          file: "dir/\(index % 400)|\(long).json", pointer: JSONPointer(escaped: "/\(long)/\(index)"), range: range,
          shape: "json-schema", toolName: nil, isCached: true, mask: "[ssn, 11 chars]", reason: "r"))
    }
    let diagnostics = (0..<1_000).map {
      Diagnostic(severity: .error, code: .unreadable, file: "f\($0)\n# heading", position: nil, message: long)
    }
    let report = MarkdownReporter.render(
      ScanResult(findings: findings, diagnostics: diagnostics, rules: rules, filesScanned: 400, bytesScanned: 1))
    #expect(report.utf8.count < 100_000, "\(report.utf8.count) bytes")
    #expect(report.contains("The first 50 of 20000 findings"))
    #expect(report.contains("250 more rules not shown"))
    #expect(report.contains("350 more files not shown"))
    #expect(report.contains("The first 20 of 1000 problems"))
    for line in report.split(separator: "\n") where line.hasPrefix("| ") && !line.hasPrefix("| ---") {
      // Every cell's own `|` is escaped: a row has exactly its columns.
      let unescaped = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
      #expect(unescaped == 3 || unescaped == 8, "\(line.prefix(80))")
      #expect(!line.contains("<b>"))
    }
    #expect(!report.contains("\n# heading"))
  }

  // MARK: The CLI

  /// The real binary on the labeled corpus in every CI format: no labeled value in any.
  @Test func noCIFormatFromTheCLILeaksACorpusValue() throws {
    let values = try NoLeakTests.labeledValues().filter { $0.value.count >= 5 }
    #expect(values.count >= 4)
    var outputs: [String] = []
    for format in ["github", "junit", "gitlab", "markdown"] {
      let run = try CLIExitCodeTests.run(["scan", "corpus", "-f", format, "--fail-on", "never", "--min-level", "note"])
      #expect(run.status == 0 || run.status == 2, "\(format): \(run.stderr)")
      #expect(run.stdout.count > 1_000, "\(format) lists the corpus findings")
      outputs.append(run.stdout)
    }
    for (value, site, source) in values {
      for (index, output) in outputs.enumerated() {
        #expect(!NoLeakTests.leaks(value, site: site, in: output), "format \(index) leaks the value at \(source)")
      }
    }
  }
}

extension ReporterGoldenCIFormatsTests {
  /// The SAST schema's length limits hold for any pointer: a 2 MB property name still makes
  /// a description and a solution within them.
  @Test func gitlabStringsStayWithinTheSchemaLimits() throws {
    let long = String(repeating: "é", count: 2_000_000)
    let range = SourceRange(start: SourcePosition(line: 1, column: 1), end: SourcePosition(line: 1, column: 9))
    let finding = Finding(
      ruleID: "us-ssn", category: .ssn, level: .error, confidence: .high, site: .propertyName, file: "a.json",
      pointer: JSONPointer(escaped: "/properties/\(long)"), range: range, shape: "json-schema", toolName: nil,
      isCached: true, mask: "[ssn, 11 chars]", reason: "r")
    let result = ScanResult(
      findings: [finding], diagnostics: [], rules: try ReporterGoldenTests.scan().rules, filesScanned: 1,
      bytesScanned: 1)
    let report = try #require(try JSONSerialization.jsonObject(with: Data(Self.gitlab(result).utf8)) as? [String: Any])
    let vulnerability = try #require((report["vulnerabilities"] as? [[String: Any]])?.first)
    let description = try #require(vulnerability["description"] as? String)
    let solution = try #require(vulnerability["solution"] as? String)
    #expect(description.unicodeScalars.count == GitLabReporter.maxDescription)
    #expect(description.hasSuffix("…"))
    #expect(solution.unicodeScalars.count <= GitLabReporter.maxSolution)
    #expect(solution.contains("phi-scan explain us-ssn"))
    #expect(GitLabReporter.capped("abc", to: 3) == "abc")
    #expect(GitLabReporter.capped("abcd", to: 3) == "ab…")
  }
}
