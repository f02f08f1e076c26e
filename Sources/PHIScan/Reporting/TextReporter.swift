/// Readable text for terminals and CI logs. Per finding:
/// `file:line:col  level  rule  category  site  pointer  mask`, then a one-line code
/// frame with every flagged value on that line masked, the next step (NextStep); at the
/// end a summary.
package enum TextReporter {
  package struct Options: Sendable {
    /// ANSI colors (the CLI turns them on only for a terminal without `NO_COLOR`).
    package var color: Bool
    /// List diagnostics before the summary (off when they already go to stderr next to it).
    package var diagnostics: Bool

    package init(color: Bool = false, diagnostics: Bool = true) {
      self.color = color
      self.diagnostics = diagnostics
    }
  }

  package static func render(_ result: ScanResult, options: Options = Options()) -> String {
    let output = ReportOutput()
    write(result, options: options, to: output)
    return output.text
  }

  /// Writes the report to `output` finding by finding, each with its excerpt when the
  /// scan made excerpts (`ScanConfiguration.excerpts`).
  package static func write(_ result: ScanResult, options: Options = Options(), to output: ReportOutput) {
    let paint = Paint(enabled: options.color)
    for finding in result.findings {
      let location = "\(finding.file):\(finding.range.start.line):\(finding.range.start.column)"
      var line = [
        paint.bold(location), paint.level(finding.level), finding.ruleID, finding.category.rawValue,
        finding.site.rawValue, FindingMessage.pointerText(finding.pointer), paint.mask(finding.mask),
      ].joined(separator: "  ")
      if let value = finding.revealedValue { line += "  value: \(value)" }
      output.write(line + "\n")
      if let excerpt = finding.excerpt { output.write(CodeFrame.render(excerpt, paint: paint)) }
      output.write("  \(paint.dim(NextStep.text(finding)))\n")
    }
    if options.diagnostics {
      for diagnostic in result.diagnostics { output.write("\(diagnostic.severity.rawValue): \(diagnostic.located)\n") }
    }
    output.write(summary(result) + "\n")
  }

  /// `3 findings (1 error, 2 warnings) in 12 files; 1 file could not be fully scanned`,
  /// plus what the allow list and the baseline held back.
  package static func summary(_ result: ScanResult) -> String {
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
    text += ParsePolicy.summary(result.diagnostics)
    var held: [String] = []
    if !result.suppressed.allowListed.isEmpty {
      held.append("\(result.suppressed.allowListed.count) allowed by the config file")
    }
    if !result.suppressed.baselined.isEmpty { held.append("\(result.suppressed.baselined.count) in the baseline") }
    if !held.isEmpty { text += "; not shown: \(held.joined(separator: ", "))" }
    let stale = result.suppressed.staleBaselineEntries.count
    if stale > 0 {
      text += "; \(plural(stale, "stale baseline entry").replacingOccurrences(of: "entrys", with: "entries"))"
    }
    return text
  }
}

/// An excerpt under its finding: the line number in a gutter, the masked line, and the
/// finding's token underlined.
enum CodeFrame {
  static func render(_ excerpt: SourceExcerpt, paint: Paint) -> String {
    let gutter = String(excerpt.line)
    let pad = String(repeating: " ", count: gutter.count)
    // Keep tabs under tabs so the carets line up with the token.
    let indent = String(
      String.UnicodeScalarView(
        excerpt.text.unicodeScalars.prefix(excerpt.focus.lowerBound).map { $0 == "\t" ? "\t" : " " }))
    return "  \(paint.dim("\(gutter) |")) \(excerpt.text)\n"
      + "  \(paint.dim("\(pad) |")) \(indent)\(paint.mask(String(repeating: "^", count: excerpt.focus.count)))\n"
  }
}

/// ANSI styling, or nothing.
struct Paint {
  var enabled: Bool

  func wrap(_ text: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
  func bold(_ text: String) -> String { wrap(text, "1") }
  func dim(_ text: String) -> String { wrap(text, "2") }
  func mask(_ text: String) -> String { wrap(text, "35") }
  func level(_ level: Level) -> String {
    switch level {
    case .error: return wrap(level.rawValue, "31;1")
    case .warning: return wrap(level.rawValue, "33;1")
    case .note: return wrap(level.rawValue, "36")
    }
  }
}
