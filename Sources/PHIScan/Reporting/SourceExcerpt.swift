/// The source line a finding sits on, as a text report shows it under the finding: every
/// flagged token on the line replaced by its mask (or, revealed, by itself), cut to a
/// window around this finding's token. A token whose range may not be exact (anything but
/// a one-line quoted token) is masked to the end of the line, so a YAML plain or block
/// scalar can never show through. Made by the scanner from the bytes it scanned, so no
/// report reads a file again.
public struct SourceExcerpt: Sendable, Hashable {
  /// The 1-based line number.
  public var line: Int
  /// The masked window of the line, with `…` where it was cut.
  public var text: String
  /// Where this finding's token (its mask) sits in `text`, in Unicode scalars.
  public var focus: Range<Int>

  /// Scalars shown either side of the finding's token.
  static let context = 40

  /// Gives each finding in `findings` its excerpt. `flagged` is every finding of the file
  /// that must stay masked (reported or held back).
  static func attach(to findings: inout [Finding], flagged: [Finding], source: [UInt8], reveal: Bool) {
    guard !findings.isEmpty else { return }
    let lines = SourceLines(source)
    // In report order: where two findings flag one token, the first one's mask is shown.
    let flaggedByLine = Dictionary(grouping: flagged.sorted(by: Finding.reportOrder), by: \.range.start.line)
    // A minified document holds every finding on one line, which is masked once.
    var masked: [Int: MaskedLine] = [:]
    for index in findings.indices {
      let number = findings[index].range.start.line
      guard let text = lines.line(number) else { continue }
      let line = masked[number] ?? MaskedLine(text, flagged: flaggedByLine[number] ?? [], reveal: reveal)
      masked[number] = line
      findings[index].excerpt = SourceExcerpt(line, number: number, focus: findings[index].range)
    }
  }

  /// The window of `line` around the token at `range`; a cut never splits another
  /// token's mask.
  init(_ line: MaskedLine, number: Int, focus range: SourceRange) {
    let text = line.text
    var focusStart = 0
    var focusWidth = 1
    if let mask = line.maskOfToken[range].map({ line.masks[$0] }) {
      focusStart = mask.lowerBound
      focusWidth = max(mask.count, 1)
    }
    var from = 0
    var to = text.count
    if focusStart > Self.context { from = focusStart - Self.context }
    if to - (focusStart + focusWidth) > Self.context { to = focusStart + focusWidth + Self.context }
    if let mask = line.mask(containing: from), from != mask.lowerBound { from = mask.upperBound }
    if let mask = line.mask(containing: to), to != mask.lowerBound { to = mask.lowerBound }
    let lead = from > 0 ? "…" : ""
    let tail = to < text.count ? "…" : ""
    self.line = number
    self.text = lead + String(String.UnicodeScalarView(text[from..<to])) + tail
    let start = lead.unicodeScalars.count + focusStart - from
    self.focus = start..<start + focusWidth
  }

  /// A source line with every flagged token on it replaced by its mask (or, revealed, by
  /// itself), shared by the excerpts of all the findings on the line.
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
        let end = MaskedLine.exactEnd(finding.range, scalars) ?? scalars.count
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
      var low = 0
      var high = masks.count
      while low < high {
        let middle = (low + high) / 2
        if masks[middle].upperBound <= position { low = middle + 1 } else { high = middle }
      }
      return low < masks.count && masks[low].contains(position) ? masks[low] : nil
    }

    /// The end index of a token whose range can be trusted: on one line and quoted.
    static func exactEnd(_ range: SourceRange, _ scalars: [Unicode.Scalar]) -> Int? {
      let start = range.start.column - 1
      let end = range.end.column - 1
      guard range.end.line == range.start.line, start >= 0, end - start >= 2, end <= scalars.count else { return nil }
      let open = scalars[start]
      let close = scalars[end - 1]
      guard (open == "\"" || open == "'") && close == open else { return nil }
      return end
    }
  }
}

/// A file's lines as positions count them: split at `\n` only, a `\r` before it and a
/// leading byte-order mark left out.
struct SourceLines {
  private let bytes: [UInt8]
  /// Where each line starts.
  private var starts: [Int] = []

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    var start = UTF8Text.hasBOM(bytes) ? 3 : 0
    starts.append(start)
    while let newline = bytes[start...].firstIndex(of: 0x0A) {
      start = newline + 1
      starts.append(start)
    }
  }

  /// The text of 1-based line `number`, or nil past the end.
  func line(_ number: Int) -> String? {
    guard number >= 1, number <= starts.count else { return nil }
    let start = starts[number - 1]
    var end = number < starts.count ? starts[number] - 1 : bytes.count
    if end > start, bytes[end - 1] == 0x0D { end -= 1 }
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }
}
