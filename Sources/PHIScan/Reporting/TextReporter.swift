/// Readable text for terminals and CI logs. Per finding:
/// `file:line:col  level  rule  category  site  pointer  mask`, then a one-line code
/// frame with every flagged value on that line masked, the next step (NextStep); at the
/// end a summary.
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
    let output = ReportOutput()
    write(result, options: options, to: output)
    return output.text
  }

  /// Writes the report to `output` finding by finding. Source lines are asked for one
  /// file at a time, in report order, so a caller can keep just the current file.
  public static func write(_ result: ScanResult, options: Options = Options(), to output: ReportOutput) {
    let paint = Paint(enabled: options.color)
    let flaggedByFile = Dictionary(grouping: result.allFlagged, by: \.file)
    // The masked line of the last frame, and the flagged tokens of its file by line: a
    // minified document holds every finding on one line, which is masked once.
    var lastLine: (file: String, number: Int, reveal: Bool, masked: CodeFrame.MaskedLine)?
    var flaggedByLine: (file: String, lines: [Int: [Finding]])?
    for finding in result.findings {
      let location = "\(finding.file):\(finding.range.start.line):\(finding.range.start.column)"
      var line = [
        paint.bold(location), paint.level(finding.level), finding.ruleID, finding.category.rawValue,
        finding.site.rawValue, FindingMessage.pointerText(finding.pointer), paint.mask(finding.mask),
      ].joined(separator: "  ")
      if let value = finding.revealedValue { line += "  value: \(value)" }
      output.write(line + "\n")
      let number = finding.range.start.line
      if let lines = options.sourceLines?(finding.file), number <= lines.count {
        let reveal = finding.revealedValue != nil
        if lastLine == nil || lastLine!.file != finding.file || lastLine!.number != number || lastLine!.reveal != reveal {
          if flaggedByLine?.file != finding.file {
            flaggedByLine = (finding.file, Dictionary(grouping: flaggedByFile[finding.file] ?? [], by: \.range.start.line))
          }
          let masked = CodeFrame.MaskedLine(lines[number - 1], flagged: flaggedByLine?.lines[number] ?? [], reveal: reveal)
          lastLine = (finding.file, number, reveal, masked)
        }
        output.write(CodeFrame.render(lastLine!.masked, number: number, focus: finding, paint: paint))
      }
      output.write("  \(paint.dim(NextStep.text(finding)))\n")
    }
    if options.diagnostics {
      for diagnostic in result.diagnostics { output.write("\(diagnostic.severity.rawValue): \(diagnostic.located)\n") }
    }
    output.write(summary(result) + "\n")
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

  /// A source line with every flagged token on it replaced by its mask (or, revealed, by
  /// itself), shared by the frames of all the findings on the line.
  struct MaskedLine {
    var text: [Unicode.Scalar] = []
    /// Where each mask sits in `text`.
    var masks: [Range<Int>] = []
    /// The mask that covers each flagged token, by the token's range.
    var maskOfToken: [SourceRange: Int] = [:]

    /// `flagged`: the findings on this line.
    init(_ line: String, flagged: [Finding], reveal: Bool) {
      let scalars = Array(line.unicodeScalars)
      // Segments to replace, left to right, never overlapping.
      var cuts: [(start: Int, end: Int, mask: String)] = []
      for finding in flagged.sorted(by: { $0.range.start.column < $1.range.start.column }) {
        let start = min(max(finding.range.start.column - 1, 0), scalars.count)
        let end = exactEnd(finding.range, scalars) ?? scalars.count
        if let last = cuts.last, start < last.end {
          // Overlap (two rules on one string, or a masked tail): widen.
          cuts[cuts.count - 1].end = max(last.end, end)
        } else {
          cuts.append((start, end, reveal ? String(String.UnicodeScalarView(scalars[start..<end])) : finding.mask))
        }
        maskOfToken[finding.range] = cuts.count - 1
      }
      var index = 0
      for cut in cuts {
        text += scalars[index..<cut.start]
        let mask = Array(cut.mask.unicodeScalars)
        masks.append(text.count..<text.count + mask.count)
        text += mask
        index = cut.end
      }
      if index < scalars.count { text += scalars[index...] }
    }

    /// The mask that holds `position`, found by halving: the masks are in order and
    /// never overlap, and a line can hold thousands.
    func mask(containing position: Int) -> Range<Int>? {
      var low = 0, high = masks.count
      while low < high {
        let middle = (low + high) / 2
        if masks[middle].upperBound <= position { low = middle + 1 } else { high = middle }
      }
      return low < masks.count && masks[low].contains(position) ? masks[low] : nil
    }
  }

  /// The frame of `focus`, underlined in its masked line.
  static func render(_ line: MaskedLine, number: Int, focus: Finding, paint: Paint) -> String {
    let text = line.text
    var focusStart = 0, focusWidth = 1
    if let mask = line.maskOfToken[focus.range].map({ line.masks[$0] }) {
      focusStart = mask.lowerBound
      focusWidth = max(mask.count, 1)
    }
    // Window around the token, with ellipses where the line was cut; a cut never
    // splits another token's mask.
    var from = 0, to = text.count
    if focusStart > context { from = focusStart - context }
    if to - (focusStart + focusWidth) > context { to = focusStart + focusWidth + context }
    if let mask = line.mask(containing: from), from != mask.lowerBound { from = mask.upperBound }
    if let mask = line.mask(containing: to), to != mask.lowerBound { to = mask.lowerBound }
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
