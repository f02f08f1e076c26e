import Testing

@_spi(Internals) @testable import PHIScan

/// The parser tracks columns incrementally (whitespace, plain strings, numbers and
/// literals advance them without counting). These tests generate documents whose token
/// offsets are known and check every parsed range against positions counted the slow,
/// obvious way: lines end at `\n`, `\r\n` or a lone `\r`; columns count Unicode scalars.
@Suite struct JSONPositionTests {
  /// A document under construction that remembers where each token starts and ends.
  struct Generator {
    var bytes: [UInt8] = []
    /// Byte ranges of keys and values in the order the parser finishes them (a value
    /// is recorded when it closes, so containers come after their contents).
    var expected: [(start: Int, end: Int)] = []
    var random: SeededGenerator  // deterministic, so a failure repeats
    /// JSONC: comments (ASCII and not, on one line and across lines) among the
    /// whitespace, and trailing commas.
    var comments = false

    mutating func emit(_ text: String) { bytes += Array(text.utf8) }

    mutating func whitespace() {
      let pieces = ["", " ", "  ", "\t", "\n", "\r\n", "\r", "\n    ", " \t "]
      let commented = [
        "// note é\n", "/* a */", "/* 🩺 \r\n spans lines é */", "//\r", "/**/", "/* * / ** */", "// x\r\n", "/*中文*/",
      ]
      for _ in 0..<below(3) {
        emit(comments && below(2) == 0 ? commented[below(commented.count)] : pieces[below(pieces.count)])
      }
    }

    /// A string token: plain ASCII, escapes, multi-byte scalars (2, 3 and 4 bytes).
    mutating func stringToken() {
      let pieces = [
        "a", "patient_id", "x", " ", "\\n", "\\\"", "\\\\", "\\u00e9", "\\ud83e\\ude7a", "é", "中文", "🩺", "~/", "\\t",
        "0123456789abcdef",
      ]
      emit("\"")
      for _ in 0..<below(6) { emit(pieces[below(pieces.count)]) }
      emit("\"")
    }

    /// Up to three entries between `open` and `close`, separated by commas.
    mutating func container(_ open: String, _ close: String, entry: (inout Generator) -> Void) {
      emit(open)
      let count = below(4)
      for i in 0..<count {
        whitespace()
        entry(&self)
        whitespace()
        if i < count - 1 || (comments && below(3) == 0) { emit(",") }
      }
      whitespace()
      emit(close)
    }

    mutating func below(_ n: Int) -> Int { Int.random(in: 0..<n, using: &random) }

    mutating func value(depth: Int) {
      let start = bytes.count
      switch depth > 3 ? below(4) : below(6) {
      case 0: stringToken()
      case 1: emit(["0", "-12", "3.25", "1e400", "-0.5E-3", "19840312"][below(6)])
      case 2: emit(["true", "false", "null"][below(3)])
      case 3: stringToken()
      case 4:
        container("{", "}") { generator in
          let keyStart = generator.bytes.count
          generator.stringToken()
          generator.expected.append((keyStart, generator.bytes.count))
          generator.whitespace()
          generator.emit(":")
          generator.whitespace()
          generator.value(depth: depth + 1)
        }
      default:
        container("[", "]") { $0.value(depth: depth + 1) }
      }
      expected.append((start, bytes.count))
    }
  }

  /// The position of byte `offset`, counted from `start` (after a BOM) of `bytes`.
  static func slowPosition(_ offset: Int, in bytes: [UInt8], lineStart start: Int = 0) -> SourcePosition {
    var line = 1
    var column = 1
    for i in start..<offset {
      let byte = bytes[i]
      if byte == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { continue }  // `\r\n` ends the line at its `\n`
      if byte == 0x0A || byte == 0x0D {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    return SourcePosition(line: line, column: column)
  }

  /// Keys and values in the order the parser closes them (children before containers).
  static func rangesInClosingOrder(_ node: Node) -> [SourceRange] {
    var ranges: [SourceRange] = []
    switch node.value {
    case .object(let members):
      for member in members {
        ranges.append(member.keyRange)
        ranges += rangesInClosingOrder(member.value)
      }
    case .array(let elements):
      for element in elements { ranges += rangesInClosingOrder(element) }
    default:
      break
    }
    ranges.append(node.range)
    return ranges
  }

  @Test func everyRangeMatchesSlowCountingOnGeneratedDocuments() throws {
    for seed in 0..<400 {
      var generator = Generator(random: SeededGenerator(seed: UInt64(seed)))
      if seed % 7 == 0 { generator.emit("\u{FEFF}") }
      generator.whitespace()
      generator.value(depth: 0)
      generator.whitespace()
      let bytes = generator.bytes
      let root = try JSONParser.parse(bytes).root
      let ranges = Self.rangesInClosingOrder(root)
      try #require(ranges.count == generator.expected.count, "seed \(seed)")
      let bom = seed % 7 == 0 ? 3 : 0
      for (range, offsets) in zip(ranges, generator.expected) {
        let start = Self.slowPosition(offsets.start, in: bytes, lineStart: bom)
        let end = Self.slowPosition(offsets.end, in: bytes, lineStart: bom)
        #expect(range.start == start, "seed \(seed): start of bytes \(offsets.start)..<\(offsets.end)")
        #expect(range.end == end, "seed \(seed): end of bytes \(offsets.start)..<\(offsets.end)")
      }
    }
  }

  @Test func jsonLinesRecordsKeepTheirFileLines() throws {
    let text = "{\"a\": \"x\"}\r\n\n  {\"b\": [1, \"é\", true]}\n"
    let (documents, problems) = DocumentLoader.load(Array(text.utf8), format: .jsonLines)
    #expect(problems.isEmpty)
    try #require(documents.count == 2)
    #expect(
      documents[0].root.members?[0].value.range
        == SourceRange(start: SourcePosition(line: 1, column: 7), end: SourcePosition(line: 1, column: 10)))
    let elements = try #require(documents[1].root.members?[0].value.elements)
    #expect(
      elements.map(\.range.start) == [
        SourcePosition(line: 3, column: 10), SourcePosition(line: 3, column: 13), SourcePosition(line: 3, column: 18),
      ])
    #expect(elements[1].range.end == SourcePosition(line: 3, column: 16))
  }

  @Test func errorPositionsAfterTrackedColumnsAreCounted() {
    // The error sits behind plain strings and whitespace whose columns were tracked.
    let cases: [(String, SourcePosition)] = [
      ("{\"a\": \"b\",  \"é\": tru}", SourcePosition(line: 1, column: 18)),
      ("[\"x\",\r\n  \"🩺\", 01]", SourcePosition(line: 2, column: 8)),
      ("{\"k\":\r\"v\" \"w\"}", SourcePosition(line: 2, column: 5)),
    ]
    for (text, expected) in cases {
      do {
        _ = try JSONParser.parse(text)
        Issue.record("\(text) parsed")
      } catch {
        #expect(error.position == expected, "\(text)")
      }
    }
  }

  /// Positions keep 32 bits: ordinary values read back unchanged, and values past them
  /// are clamped rather than wrapped, so ordering never turns around.
  @Test func positionsRoundTripAndClamp() {
    var position = SourcePosition(line: 123_456, column: 7)
    #expect(position.line == 123_456 && position.column == 7)
    position.column += 1
    #expect(position.column == 8)
    let far = SourcePosition(line: Int.max, column: Int(Int32.max) + 10)
    #expect(far.line == Int(Int32.max) && far.column == Int(Int32.max))
    #expect(position < far)
    #expect(SourcePosition(line: 2, column: 1) > SourcePosition(line: 1, column: 900))
  }
}
