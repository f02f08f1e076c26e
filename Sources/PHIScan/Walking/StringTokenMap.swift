/// The decoded scalars of one string token and, for each, the file position of the raw
/// text it came from; one extra position marks the end (the closing quote).
@_spi(Internals) public struct StringTokenMap: Sendable {
  public let scalars: [Unicode.Scalar]
  let positions: [SourcePosition]

  /// The file range of decoded scalars `lower..<upper`.
  public func range(scalars lower: Int, _ upper: Int) -> SourceRange {
    let lo = min(max(lower, 0), positions.count - 1)
    let hi = min(max(upper, lo), positions.count - 1)
    return SourceRange(start: positions[lo], end: positions[hi])
  }

  /// Maps a position in the decoded text (as a parser of that text counts it: 1-based
  /// lines broken at `\n`, `\r\n`, `\r`, columns in scalars) to a scalar index.
  func scalarIndex(of position: SourcePosition, lineStarts: [Int]) -> Int {
    guard position.line >= 1, position.line <= lineStarts.count else { return scalars.count }
    return min(lineStarts[position.line - 1] + position.column - 1, scalars.count)
  }

  /// Scalar index where each decoded line starts.
  var decodedLineStarts: [Int] {
    var starts = [0]
    var i = 0
    while i < scalars.count {
      let scalar = scalars[i]
      i += 1
      if scalar == "\n" {
        starts.append(i)
      } else if scalar == "\r" {
        if i < scalars.count, scalars[i] == "\n" { i += 1 }
        starts.append(i)
      }
    }
    return starts
  }

  /// Moves every range of a tree parsed from the decoded text to where its text sits in
  /// the file, so findings inside an embedded document point into the outer file.
  public func relocate(_ node: Node) -> Node {
    let starts = decodedLineStarts
    func move(_ range: SourceRange) -> SourceRange {
      self.range(
        scalars: scalarIndex(of: range.start, lineStarts: starts), scalarIndex(of: range.end, lineStarts: starts))
    }
    func relocate(_ node: Node) -> Node {
      var moved = node
      moved.range = move(node.range)
      switch node.value {
      case .object(let members):
        moved.value = .object(
          members.map { Member(key: $0.key, keyRange: move($0.keyRange), value: relocate($0.value)) })
      case .array(let elements):
        moved.value = .array(elements.map(relocate))
      default:
        break
      }
      return moved
    }
    return relocate(node)
  }
}

/// Reads one raw string token, recording where each decoded scalar came from.
struct TokenReader {
  let text: SourceText
  var offset: Int
  var position: SourcePosition
  var positions: [SourcePosition] = []
  var out: [Unicode.Scalar] = []

  init(text: SourceText, offset: Int, position: SourcePosition) {
    self.text = text
    self.offset = offset
    self.position = position
  }

  var bytes: [UInt8] { text.bytes }

  /// Decodes the scalar at `offset` without consuming it.
  func peekScalar() -> (Unicode.Scalar, Int)? {
    guard offset < bytes.count else { return nil }
    let lead = bytes[offset]
    let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    guard offset + length <= bytes.count else { return nil }
    var scalar: Unicode.Scalar?
    var iterator = bytes[offset..<offset + length].makeIterator()
    var decoder = UTF8()
    if case .scalarValue(let value) = decoder.decode(&iterator) { scalar = value }
    return scalar.map { ($0, length) }
  }

  /// Consumes one raw scalar, keeping the position current.
  mutating func advance() {
    guard let (scalar, length) = peekScalar() else {
      offset = bytes.count
      return
    }
    offset += length
    if scalar == "\n" || (scalar == "\r" && (offset >= bytes.count || bytes[offset] != 0x0A)) {
      position = SourcePosition(line: position.line + 1, column: 1)
    } else {
      position.column += 1
    }
  }

  /// One decoded scalar and where its raw text starts.
  mutating func emit(_ scalar: Unicode.Scalar, from start: SourcePosition) {
    out.append(scalar)
    positions.append(start)
  }

  /// A JSON (or single-line YAML) double-quoted token.
  mutating func readDoubleQuoted() -> [Unicode.Scalar]? {
    advance()
    while let (scalar, _) = peekScalar() {
      let start = position
      if scalar == "\"" {
        advance()
        return out
      }
      if scalar == "\\" {
        advance()
        guard let (escape, _) = peekScalar() else { return nil }
        advance()
        var decoded: Unicode.Scalar
        switch escape {
        case "\"", "\\", "/": decoded = escape
        case "b": decoded = "\u{08}"
        case "f": decoded = "\u{0C}"
        case "n": decoded = "\n"
        case "r": decoded = "\r"
        case "t": decoded = "\t"
        case "u":
          guard var value = readHex4() else { return nil }
          if (0xD800...0xDBFF).contains(value), offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"),
            bytes[offset + 1] == UInt8(ascii: "u")
          {
            let save = (offset, position)
            advance()
            advance()
            if let low = readHex4(), (0xDC00...0xDFFF).contains(low) {
              value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            } else {
              (offset, position) = save
            }
          }
          decoded = Unicode.Scalar(value) ?? "\u{FFFD}"
        default:
          return nil  // a YAML-only escape: let the caller fall back
        }
        emit(decoded, from: start)
        continue
      }
      if scalar == "\n" || scalar == "\r" { return nil }  // folded YAML lines: not mapped
      advance()
      emit(scalar, from: start)
    }
    return nil
  }

  mutating func readHex4() -> UInt32? {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard offset < bytes.count, let digit = hexDigit(bytes[offset]) else { return nil }
      value = value << 4 | digit
      advance()
    }
    return value
  }

  func hexDigit(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
    default: return nil
    }
  }

  /// A single-line YAML single-quoted token (`''` is one quote).
  mutating func readSingleQuoted() -> [Unicode.Scalar]? {
    advance()
    while let (scalar, _) = peekScalar() {
      let start = position
      if scalar == "'" {
        advance()
        guard let (next, _) = peekScalar(), next == "'" else { return out }
      } else if scalar == "\n" || scalar == "\r" {
        return nil
      }
      advance()
      emit(scalar, from: start)
    }
    return nil
  }

  /// A plain YAML scalar on one line: its text is the raw text.
  mutating func readPlain(count: Int) -> [Unicode.Scalar]? {
    while out.count < count, let (scalar, _) = peekScalar() {
      if scalar == "\n" || scalar == "\r" { return nil }
      let start = position
      advance()
      emit(scalar, from: start)
    }
    return out
  }

  /// A YAML literal block (`|`): the lines after the header, less their indentation.
  mutating func readLiteralBlock() -> [Unicode.Scalar]? {
    while let (scalar, _) = peekScalar(), scalar != "\n", scalar != "\r" { advance() }
    guard peekScalar() != nil else { return [] }
    advance()
    var indent: Int?
    while offset < bytes.count {
      var spaces = 0
      while offset + spaces < bytes.count, bytes[offset + spaces] == UInt8(ascii: " ") { spaces += 1 }
      let lineIsBlank =
        offset + spaces >= bytes.count || bytes[offset + spaces] == 0x0A || bytes[offset + spaces] == 0x0D
      if indent == nil, !lineIsBlank { indent = spaces }
      if let indent, !lineIsBlank, spaces < indent { break }
      for _ in 0..<min(spaces, indent ?? spaces) { advance() }
      while let (scalar, _) = peekScalar() {
        let start = position
        advance()
        if scalar == "\r", let (next, _) = peekScalar(), next == "\n" { advance() }
        let emitted: Unicode.Scalar = scalar == "\r" ? "\n" : scalar
        emit(emitted, from: start)
        if scalar == "\n" || scalar == "\r" { break }
      }
    }
    return out
  }
}
