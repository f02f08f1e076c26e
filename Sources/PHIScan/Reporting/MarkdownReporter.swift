/// A short Markdown report (`--format markdown`) for CI job summaries
/// (`$GITHUB_STEP_SUMMARY`, merge request notes): the summary line, counts by rule and by
/// file, the first findings and input problems. Bounded whatever the scan found: at most
/// `maxRows` rows per table, each cell cut to `maxCell` characters, so the report stays
/// far under GitHub's 1 MiB summary limit (under 100 KB). Masks only, never values.
package enum MarkdownReporter {
  package static let maxRows = 50
  package static let maxProblems = 20
  package static let maxCell = 120

  package static func render(_ result: ScanResult) -> String {
    let output = ReportOutput()
    write(result, to: output)
    return output.text
  }

  package static func write(_ result: ScanResult, to output: ReportOutput) {
    output.write("### phi-scan\n\n")
    output.write(cell(TextReporter.summary(result)) + "\n")
    if !result.findings.isEmpty {
      let byRule = counts(result.findings.map(\.ruleID))
      output.write("\n| Rule | Findings |\n| --- | ---: |\n")
      for (rule, count) in byRule.prefix(maxRows) { output.write("| \(cell(rule)) | \(count) |\n") }
      if byRule.count > maxRows { output.write("\n\(byRule.count - maxRows) more rules not shown.\n") }
      let byFile = counts(result.findings.map(\.file))
      output.write("\n| File | Findings |\n| --- | ---: |\n")
      for (file, count) in byFile.prefix(maxRows) { output.write("| \(cell(file)) | \(count) |\n") }
      if byFile.count > maxRows { output.write("\n\(byFile.count - maxRows) more files not shown.\n") }
      let shown = min(result.findings.count, maxRows)
      output.write(
        "\n\(shown == result.findings.count ? "Findings" : "The first \(shown) of \(result.findings.count) findings"):\n\n"
      )
      output.write(
        "| Location | Level | Rule | Category | Site | Pointer | Mask |\n| --- | --- | --- | --- | --- | --- | --- |\n")
      for finding in result.findings.prefix(maxRows) {
        let cells = [
          "\(finding.file):\(finding.range.start.line):\(finding.range.start.column)", finding.level.rawValue,
          finding.ruleID,
          finding.category.rawValue, finding.site.rawValue, FindingMessage.pointerText(finding.pointer), finding.mask,
        ]
        output.write("| " + cells.map { cell($0) }.joined(separator: " | ") + " |\n")
      }
      output.write(
        "\nRun `phi-scan explain RULE` for what a rule finds and how to fix it; the text report gives the allow-list entry that accepts each finding.\n"
      )
    }
    if !result.diagnostics.isEmpty {
      let shown = min(result.diagnostics.count, maxProblems)
      output.write(
        "\n\(shown == result.diagnostics.count ? "Problems with inputs" : "The first \(shown) of \(result.diagnostics.count) problems with inputs"):\n\n"
      )
      for diagnostic in result.diagnostics.prefix(maxProblems) {
        output.write("- \(diagnostic.severity.rawValue): \(cell(diagnostic.located, limit: 2 * maxCell))\n")
      }
    }
  }

  /// Each distinct value with how often it occurs, most first, then by value.
  static func counts(_ values: [String]) -> [(String, Int)] {
    var counts: [String: Int] = [:]
    for value in values { counts[value, default: 0] += 1 }
    return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
  }

  /// Text made safe for a Markdown table cell: cut to `limit` characters, line breaks as
  /// spaces, and every character Markdown or HTML would read escaped.
  static func cell(_ text: String, limit: Int = maxCell) -> String {
    var cut = text
    if cut.count > limit { cut = String(cut.prefix(limit - 1)) + "…" }
    var out = ""
    for scalar in cut.unicodeScalars {
      switch scalar {
      case "\n", "\r", "\t": out += " "
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "&": out += "&amp;"
      case "\\", "`", "*", "_", "[", "]", "|", "#", "~", "$", "@":
        out += "\\"
        out.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F { out += " " } else { out.unicodeScalars.append(scalar) }
      }
    }
    return out
  }
}
