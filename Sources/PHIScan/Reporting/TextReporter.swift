/// Readable text for terminals and CI logs. Per finding:
/// `file:line:col  level  rule  category  site  pointer  mask`, then a one-line code
/// frame with every flagged value on that line masked; at the end a summary.
public enum TextReporter {
  public struct Options: Sendable {
    /// ANSI colors (the CLI turns them on only for a terminal without `NO_COLOR`).
    public var color: Bool
    /// The lines of a file by report path, for code frames; nil means no frames.
    public var sourceLines: (@Sendable (String) -> [String]?)?
    /// List diagnostics before the summary (off when they already go to stderr next to it).
    public var diagnostics: Bool

    public init(color: Bool = false, sourceLines: (@Sendable (String) -> [String]?)? = nil, diagnostics: Bool = true) {
      self.color = color
      self.sourceLines = sourceLines
      self.diagnostics = diagnostics
    }
  }

  public static func render(_ result: ScanResult, options: Options = Options()) -> String {
    let paint = Paint(enabled: options.color)
    let flaggedByFile = Dictionary(grouping: result.allFlagged, by: \.file)
    var out = ""
    for finding in result.findings {
      let location = "\(finding.file):\(finding.range.start.line):\(finding.range.start.column)"
      var line = [
        paint.bold(location), paint.level(finding.level), finding.ruleID, finding.category.rawValue,
        finding.site.rawValue, FindingMessage.pointerText(finding.pointer), paint.mask(finding.mask),
      ].joined(separator: "  ")
      if let value = finding.revealedValue { line += "  value: \(value)" }
      out += line + "\n"
      if let lines = options.sourceLines?(finding.file), finding.range.start.line <= lines.count {
        let frame = CodeFrame.render(
          line: lines[finding.range.start.line - 1], number: finding.range.start.line, focus: finding,
          flagged: flaggedByFile[finding.file] ?? [], reveal: finding.revealedValue != nil, paint: paint)
        out += frame
      }
    }
    if options.diagnostics {
      for diagnostic in result.diagnostics { out += "\(diagnostic.severity.rawValue): \(diagnostic.located)\n" }
    }
    out += summary(result) + "\n"
    return out
  }

  /// `3 findings (1 error, 2 warnings) in 12 files; 1 file could not be fully scanned`,
  /// plus what the allow list and the baseline held back.
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
    var held: [String] = []
    if !result.suppressed.allowListed.isEmpty { held.append("\(result.suppressed.allowListed.count) allowed by the config file") }
    if !result.suppressed.baselined.isEmpty { held.append("\(result.suppressed.baselined.count) in the baseline") }
    if !held.isEmpty { text += "; not shown: \(held.joined(separator: ", "))" }
    let stale = result.suppressed.staleBaselineEntries.count
    if stale > 0 { text += "; \(plural(stale, "stale baseline entry").replacingOccurrences(of: "entrys", with: "entries"))" }
    return text
  }
}

/// One source line with the finding's token underlined and every flagged token on the
/// line replaced by its mask. A token whose range may not be exact (anything but a
/// one-line quoted token) is masked to the end of the line, so a YAML plain or block
/// scalar can never show through. Long lines are cut to a window around the token.
enum CodeFrame {
  static let context = 40

  static func render(line: String, number: Int, focus: Finding, flagged: [Finding], reveal: Bool, paint: Paint) -> String {
    let scalars = Array(line.unicodeScalars)
    // Segments to replace on this line, left to right, never overlapping.
    var cuts: [(start: Int, end: Int, mask: String, isFocus: Bool)] = []
    let onLine = flagged.filter { $0.range.start.line == number }.sorted { $0.range.start.column < $1.range.start.column }
    for finding in onLine {
      let start = min(max(finding.range.start.column - 1, 0), scalars.count)
      let end = exactEnd(finding.range, scalars) ?? scalars.count
      let isFocus = finding.range == focus.range
      if let last = cuts.last, start < last.end {
        // Overlap (two rules on one string, or a masked tail): widen, keep the focus mark.
        cuts[cuts.count - 1].end = max(last.end, end)
        cuts[cuts.count - 1].isFocus = last.isFocus || isFocus
        continue
      }
      cuts.append((start, end, reveal ? String(String.UnicodeScalarView(scalars[start..<end])) : finding.mask, isFocus))
    }
    var text: [Unicode.Scalar] = []
    var masks: [Range<Int>] = []
    var focusStart = 0, focusWidth = 1
    var index = 0
    for cut in cuts {
      text += scalars[index..<cut.start]
      let mask = Array(cut.mask.unicodeScalars)
      if cut.isFocus { focusStart = text.count; focusWidth = max(mask.count, 1) }
      masks.append(text.count..<text.count + mask.count)
      text += mask
      index = cut.end
    }
    if index < scalars.count { text += scalars[index...] }
    // Window around the token, with ellipses where the line was cut; a cut never
    // splits another token's mask.
    var from = 0, to = text.count
    if focusStart > context { from = focusStart - context }
    if to - (focusStart + focusWidth) > context { to = focusStart + focusWidth + context }
    for mask in masks {
      if mask.contains(from) && from != mask.lowerBound { from = mask.upperBound }
      if mask.contains(to) && to != mask.lowerBound { to = mask.lowerBound }
    }
    let shown = String(String.UnicodeScalarView(text[from..<to]))
    let lead = from > 0 ? "…" : ""
    let tail = to < text.count ? "…" : ""
    let gutter = String(number)
    let pad = String(repeating: " ", count: gutter.count)
    // Keep tabs under tabs so the carets line up with the token.
    let indent = String(String.UnicodeScalarView(text[from..<focusStart].map { $0 == "\t" ? "\t" : " " }))
    return "  \(paint.dim("\(gutter) |")) \(lead)\(shown)\(tail)\n"
      + "  \(paint.dim("\(pad) |")) \(lead.isEmpty ? "" : " ")\(indent)\(paint.mask(String(repeating: "^", count: focusWidth)))\n"
  }

  /// The end index of a token whose range can be trusted: on one line and quoted.
  static func exactEnd(_ range: SourceRange, _ scalars: [Unicode.Scalar]) -> Int? {
    let start = range.start.column - 1, end = range.end.column - 1
    guard range.end.line == range.start.line, start >= 0, end - start >= 2, end <= scalars.count else { return nil }
    let open = scalars[start], close = scalars[end - 1]
    guard (open == "\"" || open == "'") && close == open else { return nil }
    return end
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
