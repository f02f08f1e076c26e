import Foundation
import Testing

@_spi(Internals) @testable import PHIScan

/// SARIF details GitHub needs, JSON fields, text frames: each on a small hand-made result.
@Suite struct ReportDetailsTests {
  static func range(_ line: Int, _ start: Int, _ end: Int) -> SourceRange {
    SourceRange(start: SourcePosition(line: line, column: start), end: SourcePosition(line: line, column: end))
  }

  static func finding(
    _ pointer: String, site: Site = .const, level: Level = .error, line: Int = 1, columns: (Int, Int) = (10, 23),
    tool: String? = nil, file: String = "a.json", related: [Finding.RelatedLocation] = []
  ) -> Finding {
    Finding(
      ruleID: "us-ssn", category: .ssn, level: level, confidence: level == .error ? .high : .low, site: site,
      file: file,
      pointer: JSONPointer(escaped: pointer), range: range(line, columns.0, columns.1),
      shape: "anthropic.tool.input_schema",
      toolName: tool, isCached: true, mask: "[ssn, 11 chars]", reason: "A literal SSN.", relatedLocations: related)
  }

  static func result(_ findings: [Finding]) throws -> ScanResult {
    ScanResult(
      findings: findings, diagnostics: [], rules: try PackLoader.builtinRules(), filesScanned: 1, bytesScanned: 10)
  }

  static func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  static func sarifRun(_ text: String) throws -> [String: Any] {
    try #require((try json(text)["runs"] as? [[String: Any]])?.first)
  }

  @Test func relatedLocationsAreLinkedFromTheMessage() throws {
    let usage = Finding.RelatedLocation(
      file: "a.json", pointer: JSONPointer(escaped: "/properties/member/$ref"), range: Self.range(4, 20, 40),
      message: "uses the definition via $ref")
    let run = try Self.sarifRun(
      SARIFReporter.render(try Self.result([Self.finding("/$defs/x/const", related: [usage])])))
    let result = try #require((run["results"] as? [[String: Any]])?.first)
    let text = try #require((result["message"] as? [String: Any])?["text"] as? String)
    #expect(text.contains("Used at [/properties/member/$ref](1)."))
    let related = try #require(result["relatedLocations"] as? [[String: Any]])
    #expect(related.count == 1)
    #expect(related[0]["id"] as? Int == 1)
    #expect(((related[0]["physicalLocation"] as? [String: Any])?["region"] as? [String: Int])?["startLine"] == 4)
  }

  @Test func automationIDIsSetOnlyWhenGiven() throws {
    let result = try Self.result([])
    #expect(try Self.sarifRun(SARIFReporter.render(result))["automationDetails"] == nil)
    let run = try Self.sarifRun(SARIFReporter.render(result, options: .init(automationID: "phi-scan/schemas")))
    #expect((run["automationDetails"] as? [String: String])?["id"] == "phi-scan/schemas")
  }

  @Test func resultCapKeepsTheMostSevereAndSaysSo() throws {
    let findings = (0..<10).map { i in
      Self.finding("/properties/p\(i)/const", level: i % 3 == 0 ? .error : .note, line: i + 1)
    }
    let run = try Self.sarifRun(SARIFReporter.render(try Self.result(findings), options: .init(maxResults: 4)))
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.count == 4)
    #expect(results.allSatisfy { $0["level"] as? String == "error" })
    let lines = results.compactMap {
      ((($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"]
        as? [String: Int])?["startLine"]
    }
    #expect(lines == [1, 4, 7, 10], "kept results stay in report order")
    let notes = try #require(
      (run["invocations"] as? [[String: Any]])?.first?["toolExecutionNotifications"] as? [[String: Any]])
    let truncated = try #require(notes.first { ($0["descriptor"] as? [String: String])?["id"] == "results-truncated" })
    #expect(((truncated["message"] as? [String: String])?["text"] ?? "").contains("6 less severe were left out"))
    // Under the limit nothing is dropped and no notification is added.
    let all = try Self.sarifRun(SARIFReporter.render(try Self.result(findings)))
    #expect((all["results"] as? [[String: Any]])?.count == 10)
  }

  /// A tool name may hold PHI that no rule found (`check_dob_...` before the date rules
  /// knew the form): no report names a tool; the pointer says which one.
  @Test func noReportNamesATool() throws {
    let name = Self.finding("/tools/0/name", site: .toolName, tool: "jane_doe_lookup")
    let inside = Self.finding("/tools/0/input_schema/properties/x/const", tool: "jane_doe_lookup")
    let other = Self.finding("/tools/1/input_schema/properties/y/const", tool: "lookup_member_7720041")
    let result = try Self.result([name, inside, other])
    for report in [SARIFReporter.render(result), JSONReporter.render(result), TextReporter.render(result)] {
      #expect(!report.contains("jane_doe_lookup"))
      #expect(!report.contains("lookup_member_7720041"))
      #expect(report.contains("/tools/0/name") && report.contains("/tools/1/input_schema/properties/y/const"))
    }
  }

  @Test func jsonCarriesTheSARIFProperties() throws {
    let report = try Self.json(
      JSONReporter.render(try Self.result([Self.finding("/properties/x/const", tool: "lookup")])))
    #expect(report["format"] as? String == "phi-scan-report")
    #expect(report["version"] as? Int == 1)
    let finding = try #require((report["findings"] as? [[String: Any]])?.first)
    for key in [
      "ruleId", "level", "category", "site", "confidence", "shape", "cached", "mask", "file", "pointer", "region",
      "fingerprint", "message",
    ] {
      #expect(finding[key] != nil, "missing \(key)")
    }
    #expect(finding["value"] == nil)
    // The tool name only when values are asked for.
    #expect(finding["tool"] == nil || finding["tool"] is NSNull)
    let summary = try #require(report["summary"] as? [String: Int])
    #expect(summary["findings"] == 1 && summary["error"] == 1 && summary["filesScanned"] == 1)
  }

  @Test func codeFrameMasksEveryFlaggedTokenOnTheLine() {
    let line = #"    "enum": ["512-43-8876", "new", "329-51-7784"],"#
    let first = Self.finding("/properties/x/enum/0", columns: (14, 27))
    let second = Self.finding("/properties/x/enum/2", columns: (36, 49))
    let frame = CodeFrame.render(
      line: line, number: 1, focus: second, flagged: [first, second], reveal: false, paint: Paint(enabled: false))
    #expect(!frame.contains("512-43-8876") && !frame.contains("329-51-7784"))
    #expect(frame.contains(#"["[ssn, 11 chars]", "new", [ssn, 11 chars]],"#) == false)
    #expect(frame.contains(#"[[ssn, 11 chars], "new", [ssn, 11 chars]],"#))
    let caretLine = frame.split(separator: "\n")[1]
    let valueLine = frame.split(separator: "\n")[0]
    #expect(
      caretLine.firstIndex(of: "^").map { caretLine.distance(from: caretLine.startIndex, to: $0) }
        == valueLine.range(of: "[ssn, 11 chars]],")?.lowerBound.utf16Offset(in: valueLine))
  }

  @Test func aTokenWithoutQuotesIsMaskedToTheEndOfTheLine() {
    // A YAML plain scalar that continues on the next line has only its first column.
    let line = "    default: 512-43-8876 and more"
    let finding = Self.finding("/properties/x/default", columns: (14, 15))
    let frame = CodeFrame.render(
      line: line, number: 1, focus: finding, flagged: [finding], reveal: false, paint: Paint(enabled: false))
    #expect(frame.hasPrefix("  1 |     default: [ssn, 11 chars]\n"))
  }

  @Test func longLinesAreCutAroundTheToken() {
    let padding = String(repeating: "x", count: 300)
    let line = #"{"a":""# + padding + #"","b":{"const":"512-43-8876"},"c":""# + padding + #""}"#
    let start = line.unicodeScalars.count - padding.count - 37 + 1
    let finding = Self.finding("/b/const", columns: (start + 0, start + 13))
    let frame = CodeFrame.render(
      line: line, number: 1, focus: finding, flagged: [finding], reveal: false, paint: Paint(enabled: false))
    let first = String(frame.split(separator: "\n")[0])
    #expect(first.unicodeScalars.count < 140)
    #expect(first.contains("[ssn, 11 chars]") && first.contains("…"))
    #expect(!frame.contains("512-43-8876"))
  }

  /// The report masks a line once for all the findings on it (a minified document holds
  /// them all on one line): every frame is the one a fresh masking of its line gives,
  /// over two files and lines, overlapping tokens, and a second rule on one token.
  @Test func framesOfOneLineShareItsMasking() throws {
    func minified(_ count: Int, from first: Int) -> (line: String, findings: [(Int, Int)]) {
      var line = "{"
      var columns: [(Int, Int)] = []
      for index in 0..<count {
        if index > 0 { line += "," }
        line += "\"k\(index)\":"
        let start = line.unicodeScalars.count + 1
        line += "\"\(first + index)-43-8876\""
        columns.append((start, line.unicodeScalars.count + 1))
      }
      return (line + "}", columns)
    }
    // b.json's findings sit on its line 2, as a.json's last ones do: reports list files in
    // turn, and a line of the next file must not pass for the last line of the previous.
    let built = [
      "a.json": [minified(120, from: 100), minified(80, from: 200)],
      "b.json": [minified(0, from: 0), minified(60, from: 300)],
    ]
    let lines = built.mapValues { $0.map(\.line) }
    var findings: [Finding] = []
    for (file, fileLines) in built.sorted(by: { $0.key < $1.key }) {
      for (number, line) in fileLines.enumerated() {
        for (index, column) in line.findings.enumerated() {
          findings.append(Self.finding("/k\(index)", line: number + 1, columns: column, file: file))
          // A token flagged twice, and one whose range runs past the next token.
          if index % 7 == 0 {
            findings.append(Self.finding("/k\(index)", level: .warning, line: number + 1, columns: column, file: file))
          }
          if index % 11 == 5, index + 1 < line.findings.count {
            findings.append(
              Self.finding("/k\(index)", line: number + 1, columns: (column.0, line.findings[index + 1].1), file: file))
          }
        }
      }
    }
    var result = try Self.result(findings)
    // Excerpts as the scanner makes them, one file at a time (the findings are in file order).
    var withExcerpts: [Finding] = []
    for file in lines.keys.sorted() {
      var ofFile = result.findings.filter { $0.file == file }
      SourceExcerpt.attach(
        to: &ofFile, flagged: ofFile, source: Array(lines[file]!.joined(separator: "\n").utf8), reveal: false)
      withExcerpts += ofFile
    }
    result.findings = withExcerpts
    let report = TextReporter.render(result, options: TextReporter.Options(diagnostics: false))
    var expected = ""
    for finding in result.findings {
      let location = "\(finding.file):\(finding.range.start.line):\(finding.range.start.column)"
      expected +=
        [
          location, finding.level.rawValue, finding.ruleID, finding.category.rawValue, finding.site.rawValue,
          FindingMessage.pointerText(finding.pointer), finding.mask,
        ].joined(separator: "  ") + "\n"
      let onFile = result.allFlagged.filter { $0.file == finding.file }
      expected += CodeFrame.render(
        line: lines[finding.file]![finding.range.start.line - 1], number: finding.range.start.line, focus: finding,
        flagged: onFile, reveal: false, paint: Paint(enabled: false))
      expected += "  \(NextStep.text(finding))\n"
    }
    #expect(report.hasPrefix(expected))
    #expect(result.findings.count > 300)
    // The tokens are masked, not shown.
    #expect(!report.contains("-43-8876"))
  }

  @Test func theWindowNeverSplitsAMask() {
    // The focus token, then another flagged token that straddles the window's end.
    let line = #"{"a":"512-43-8876","b":""# + String(repeating: "y", count: 25) + #"","c":"329-51-7784"}"#
    let first = Self.finding("/a", columns: (6, 19))
    let secondStart = line.unicodeScalars.count - 14
    let second = Self.finding("/c", columns: (secondStart, secondStart + 13))
    let frame = CodeFrame.render(
      line: line, number: 1, focus: first, flagged: [first, second], reveal: false, paint: Paint(enabled: false))
    let shown = String(frame.split(separator: "\n")[0])
    #expect(shown.hasSuffix("…"))
    #expect(
      shown.components(separatedBy: "[").count - 1 == shown.components(separatedBy: "]").count - 1,
      "a mask is shown whole or not at all: \(shown)")
  }

  @Test func colorsOnlyWhenAsked() throws {
    let result = try Self.result([Self.finding("/properties/x/const")])
    #expect(!TextReporter.render(result).contains("\u{1B}["))
    #expect(TextReporter.render(result, options: .init(color: true)).contains("\u{1B}[31;1merror"))
  }
}

extension CodeFrame {
  /// The frame of `focus` from a fresh masking of its line: what the report's shared
  /// masking must give.
  static func render(line: String, number: Int, focus: Finding, flagged: [Finding], reveal: Bool, paint: Paint)
    -> String
  {
    let masked = SourceExcerpt.MaskedLine(
      line, flagged: flagged.filter { $0.range.start.line == number }, reveal: reveal)
    return render(SourceExcerpt(masked, number: number, focus: focus.range), paint: paint)
  }
}
