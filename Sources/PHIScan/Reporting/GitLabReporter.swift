import Foundation

/// GitLab's SAST security report (`--format gitlab`, schema 15.2.1,
/// `artifacts:reports:sast`): merge request widgets, the pipeline's security tab and the
/// vulnerability report. One vulnerability per finding, identified by rule and located
/// by file and lines; its id is the finding's fingerprint (rule, file, pointer), so the
/// same finding keeps its id from run to run. Descriptions carry the mask, never the
/// value. Input problems are `scan.messages`.
package enum GitLabReporter {
  package static let schemaVersion = "15.2.1"
  package static let schemaURL =
    "https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v15.2.1/dist/sast-report-format.json"

  package struct Options: Sendable {
    /// When the scan started and ended (`scan.start_time`, `scan.end_time`, UTC).
    package var startTime: Date
    package var endTime: Date

    package init(startTime: Date, endTime: Date) {
      self.startTime = startTime
      self.endTime = endTime
    }
  }

  package static func render(_ result: ScanResult, options: Options) -> String {
    let output = ReportOutput()
    write(result, options: options, to: output)
    return output.text
  }

  package static func write(_ result: ScanResult, options: Options, to output: ReportOutput) {
    let names = Dictionary(result.rules.rules.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    JSONWriter.write(to: output) { json in
      json.object { report in
        report.object("scan") { scan in
          scan.object("analyzer", component)
          scan.string("end_time", timestamp(options.endTime))
          let messages = result.diagnostics
          if !messages.isEmpty {
            scan.array("messages", messages) { json, diagnostic in
              json.object { message in
                message.string("level", diagnostic.severity == .note ? "info" : "warn")
                message.string("value", "\(diagnostic.severity.rawValue): \(diagnostic.located)")
              }
            }
          }
          scan.object("scanner", component)
          scan.string("start_time", timestamp(options.startTime))
          scan.string("status", "success")
          scan.string("type", "sast")
        }
        report.string("schema", schemaURL)
        report.string("version", schemaVersion)
        report.array("vulnerabilities", result.findings) { json, finding in
          vulnerability(finding, name: names[finding.ruleID] ?? finding.ruleID, into: json)
        }
      }
    }
  }

  static func vulnerability(_ finding: Finding, name: String, into json: JSONWriter) {
    let region = SARIFReporter.region(finding.range)
    json.object { item in
      item.string("description", capped(FindingMessage.text(finding), to: maxDescription))
      item.string("id", uuid(Fingerprint.primary(finding)))
      item.array("identifiers", [finding.ruleID]) { json, rule in
        json.object { identifier in
          identifier.string("name", "phi-scan \(rule)")
          identifier.string("type", "phi_scan_rule_id")
          identifier.string("url", PhiScanVersion.informationURI)
          identifier.string("value", rule)
        }
      }
      item.object("location") { location in
        location.int("end_line", region.endLine)
        location.string("file", finding.file)
        location.int("start_line", region.startLine)
      }
      item.string("name", capped(name, to: maxName))
      item.string("severity", severity(finding.level))
      // The allow entry names the pointer, which can be long: past the limit only the
      // rule's documentation is pointed at.
      let solution = "\(RuleCatalog.fix) \(NextStep.text(finding))"
      item.string(
        "solution",
        solution.unicodeScalars.count <= maxSolution
          ? solution : capped("\(RuleCatalog.fix) Run `phi-scan explain \(finding.ruleID)`.", to: maxSolution))
    }
  }

  /// The schema's `maxLength`s (in characters) of a vulnerability's strings.
  static let maxName = 255, maxDescription = 1_048_576, maxSolution = 7_000

  /// `text` cut to `limit` characters (Unicode scalars, as JSON Schema counts), with `…`.
  static func capped(_ text: String, to limit: Int) -> String {
    guard text.unicodeScalars.count > limit else { return text }
    var cut = String.UnicodeScalarView(text.unicodeScalars.prefix(limit - 1))
    cut.append("…")
    return String(cut)
  }

  /// GitLab's severities: error High, warning Medium, note Low.
  static func severity(_ level: Level) -> String {
    switch level {
    case .error: return "High"
    case .warning: return "Medium"
    case .note: return "Low"
    }
  }

  static func component(_ members: inout JSONWriter.Members) {
    members.string("id", PhiScanVersion.name)
    members.string("name", PhiScanVersion.name)
    members.string("url", PhiScanVersion.informationURI)
    members.object("vendor") { $0.string("name", PhiScanVersion.name) }
    members.string("version", PhiScanVersion.semanticVersion)
  }

  /// 32 hex digits as a UUID's 8-4-4-4-12 groups.
  static func uuid(_ hex: String) -> String {
    let digits = Array(hex.utf8)
    var out = ""
    for (index, digit) in digits.enumerated() {
      if [8, 12, 16, 20].contains(index) { out += "-" }
      out.unicodeScalars.append(Unicode.Scalar(digit))
    }
    return out
  }

  /// `2026-12-06T07:45:00` in UTC, the form the schema requires.
  static func timestamp(_ date: Date) -> String {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down))
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let time = seconds - days * 86_400
    let day = AllowList.Entry.Day.civil(daysSince1970: days)
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
    return "\(day.year)-\(two(day.month))-\(two(day.day))T\(two(time / 3600)):\(two(time / 60 % 60)):\(two(time % 60))"
  }
}
