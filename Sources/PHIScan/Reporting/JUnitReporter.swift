/// JUnit XML (`--format junit`) for CI test views (GitLab's `artifacts:reports:junit`,
/// Jenkins, Azure Pipelines, GitHub test-report actions): one test case per scanned file.
/// A file with findings fails (each finding listed as the text report shows it, masked);
/// a file that could not be fully scanned is an error; every other file passes. Values
/// never appear, `--reveal` or not: test reports are shared like logs.
package enum JUnitReporter {
  package static func render(_ result: ScanResult) -> String {
    let output = ReportOutput()
    write(result, to: output)
    return output.text
  }

  /// One test case: a file and what was found in it.
  struct Case {
    var file: String
    var findings: [Finding] = []
    var diagnostics: [Diagnostic] = []

    var hasError: Bool { diagnostics.contains { $0.severity == .error } }
  }

  /// Every file the scan read, in report order, with its findings and diagnostics; run-wide
  /// diagnostics (no file) form a case of their own named `phi-scan`.
  static func cases(_ result: ScanResult) -> [Case] {
    var byFile: [String: Case] = [:]
    var order: [String] = []
    func touch(_ file: String) {
      if byFile[file] == nil {
        byFile[file] = Case(file: file)
        order.append(file)
      }
    }
    for entry in result.shapesByFile { touch(entry.file) }
    for finding in result.findings {
      touch(finding.file)
      byFile[finding.file]!.findings.append(finding)
    }
    for diagnostic in result.diagnostics {
      let file = diagnostic.file ?? PhiScanVersion.name
      touch(file)
      byFile[file]!.diagnostics.append(diagnostic)
    }
    return order.sorted().map { byFile[$0]! }
  }

  package static func write(_ result: ScanResult, to output: ReportOutput) {
    let cases = cases(result)
    let failures = cases.filter { !$0.findings.isEmpty }.count
    let errors = cases.filter { $0.findings.isEmpty && $0.hasError }.count
    let counts = "tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"\(errors)\""
    output.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    output.write("<testsuites name=\"phi-scan\" \(counts)>\n")
    output.write("  <testsuite name=\"phi-scan\" \(counts) skipped=\"0\">\n")
    for testCase in cases {
      let name = XMLText.attribute(testCase.file)
      output.write("    <testcase name=\"\(name)\" classname=\"phi-scan\" file=\"\(name)\"")
      let problems = testCase.diagnostics.filter { $0.severity == .error }
      let remarks = testCase.diagnostics.filter { $0.severity != .error }
      guard !testCase.findings.isEmpty || !testCase.diagnostics.isEmpty else {
        output.write("/>\n")
        continue
      }
      output.write(">\n")
      var body = testCase.findings.map { finding in
        "\(finding.file):\(finding.range.start.line):\(finding.range.start.column)  \(finding.level.rawValue)  \(finding.ruleID)  \(finding.category.rawValue)  \(finding.site.rawValue)  \(FindingMessage.pointerText(finding.pointer))  \(finding.mask)\n  \(FindingMessage.text(finding))\n  \(NextStep.text(finding))"
      }
      body += problems.map { "error: \($0.located)" }
      if !testCase.findings.isEmpty {
        output.write("      <failure type=\"phi\" message=\"\(XMLText.attribute(summary(testCase.findings)))\">")
        output.write(XMLText.text(body.joined(separator: "\n")))
        output.write("</failure>\n")
      } else if !problems.isEmpty {
        let message =
          problems.count == 1 ? problems[0].message : "\(problems.count) problems; the file could not be fully scanned"
        output.write(
          "      <error type=\"\(XMLText.attribute(problems[0].code.rawValue))\" message=\"\(XMLText.attribute(message))\">"
        )
        output.write(XMLText.text(body.joined(separator: "\n")))
        output.write("</error>\n")
      }
      if !remarks.isEmpty {
        output.write("      <system-out>")
        output.write(XMLText.text(remarks.map { "\($0.severity.rawValue): \($0.located)" }.joined(separator: "\n")))
        output.write("</system-out>\n")
      }
      output.write("    </testcase>\n")
    }
    output.write("  </testsuite>\n</testsuites>\n")
  }

  /// `2 findings (1 error, 1 warning)`.
  static func summary(_ findings: [Finding]) -> String {
    func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
    let levels = Level.allCases.reversed().compactMap { level -> String? in
      let count = findings.filter { $0.level == level }.count
      return count > 0 ? plural(count, level.rawValue) : nil
    }
    return "\(plural(findings.count, "finding")) (\(levels.joined(separator: ", ")))"
  }
}

/// XML 1.0 escaping for text and attribute values. Characters XML 1.0 cannot hold at all
/// (most C0 controls, lone surrogates never reach here, U+FFFE, U+FFFF) are written as a
/// visible `\u{XX}`, so any file name makes a well-formed document.
enum XMLText {
  static func text(_ value: String) -> String { escape(value, attribute: false) }
  static func attribute(_ value: String) -> String { escape(value, attribute: true) }

  static func escape(_ value: String, attribute: Bool) -> String {
    var out = ""
    out.reserveCapacity(value.utf8.count)
    for scalar in value.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"" where attribute: out += "&quot;"
      case "'" where attribute: out += "&apos;"
      // In attributes, whitespace other than a space is normalized away by parsers.
      case "\n" where attribute: out += "&#10;"
      case "\r": out += "&#13;"
      case "\t" where attribute: out += "&#9;"
      case "\n", "\t": out.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
          out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }
}
