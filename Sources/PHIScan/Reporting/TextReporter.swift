/// Readable text for terminals and CI logs: one line per finding, then a summary.
/// `file:line:col  level  rule  category  site  pointer  mask`
public enum TextReporter {
  public static func render(_ result: ScanResult) -> String {
    var out = ""
    for finding in result.findings {
      let location = "\(finding.file):\(finding.range.start.line):\(finding.range.start.column)"
      let pointer = finding.pointer.string.isEmpty ? "/" : finding.pointer.string
      var line = [location, finding.level.rawValue, finding.ruleID, finding.category.rawValue, finding.site.rawValue, pointer, finding.mask].joined(separator: "  ")
      if let value = finding.revealedValue { line += "  value: \(value)" }
      out += line + "\n"
    }
    out += summary(result) + "\n"
    return out
  }

  /// `3 findings (1 error, 2 warnings) in 12 files; 1 file could not be scanned`.
  public static func summary(_ result: ScanResult) -> String {
    func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
    let counts = Level.allCases.reversed().compactMap { level -> String? in
      let count = result.findings.filter { $0.level == level }.count
      return count > 0 ? plural(count, level.rawValue) : nil
    }
    var text = plural(result.findings.count, "finding")
    if !counts.isEmpty { text += " (\(counts.joined(separator: ", ")))" }
    text += " in \(plural(result.filesScanned, "file"))"
    let unscanned = Set(result.diagnostics.filter { $0.severity == .error }.compactMap(\.file)).count
    if unscanned > 0 { text += "; \(plural(unscanned, "file")) could not be fully scanned" }
    return text
  }
}
