import Synchronization

/// The raw bytes of a file, indexed by line, so a string token found by its start
/// position can be re-read with its escapes. Needed when a position *inside* a string
/// matters: a JSON schema serialized into a string (Bedrock), or a keyword trailer that an
/// SDK appended to a description.
@_spi(Internals) public struct SourceText: Sendable {
  public let bytes: [UInt8]
  /// Built on first use: most files hold no string whose inside needs positions.
  private let lines: LineIndex

  public init(_ bytes: [UInt8]) {
    self.bytes = bytes
    lines = LineIndex(bytes)
  }

  /// Byte offset where each line starts (index 0 is line 1).
  var lineStarts: [Int] { lines.starts }

  /// The byte offset of a 1-based line and scalar column, or nil when it is outside the text.
  func offset(of position: SourcePosition) -> Int? {
    let starts = lineStarts
    guard position.line >= 1, position.line <= starts.count, position.column >= 1 else { return nil }
    var offset = starts[position.line - 1]
    var column = 1
    while column < position.column {
      guard offset < bytes.count else { return nil }
      offset += 1
      while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
      column += 1
    }
    return offset
  }

  /// Re-reads the string token starting at `start` and maps each scalar of its decoded
  /// text to its position in the file. Nil when the token cannot be re-read or does not
  /// decode to `expected` (the caller then falls back to the whole token's range).
  public func map(stringAt start: SourcePosition, expected: String) -> StringTokenMap? {
    guard let offset = offset(of: start), offset < bytes.count else { return nil }
    var reader = TokenReader(text: self, offset: offset, position: start)
    let decoded: [Unicode.Scalar]?
    switch bytes[offset] {
    case UInt8(ascii: "\""): decoded = reader.readDoubleQuoted()
    case UInt8(ascii: "'"): decoded = reader.readSingleQuoted()
    case UInt8(ascii: "|"): decoded = reader.readLiteralBlock()
    default: decoded = reader.readPlain(count: expected.unicodeScalars.count)
    }
    guard let decoded else { return nil }
    let expectedScalars = Array(expected.unicodeScalars)
    // Block chomping only changes trailing line breaks; everything before them must agree.
    if decoded != expectedScalars {
      guard bytes[offset] == UInt8(ascii: "|"), decoded.count >= expectedScalars.count,
        Array(decoded[0..<expectedScalars.count]) == expectedScalars
      else { return nil }
    }
    var positions = Array(reader.positions.prefix(expectedScalars.count))
    positions.append(
      reader.positions.count > expectedScalars.count ? reader.positions[expectedScalars.count] : reader.position)
    return StringTokenMap(scalars: expectedScalars, positions: positions)
  }
}

/// The line starts of a file, computed once when first asked for.
final class LineIndex: Sendable {
  private let bytes: [UInt8]
  private let computed = Mutex<[Int]?>(nil)

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  var starts: [Int] {
    computed.withLock { cached in
      if let cached { return cached }
      let made = LineIndex.lineStarts(of: bytes)
      cached = made
      return made
    }
  }

  /// Line breaks are `\n`, `\r\n` and a lone `\r`, as in the JSON parser.
  static func lineStarts(of bytes: [UInt8]) -> [Int] {
    var starts = [bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0]
    var i = starts[0]
    while i < bytes.count {
      let byte = bytes[i]
      i += 1
      if byte == 0x0A {
        starts.append(i)
      } else if byte == 0x0D {
        if i < bytes.count, bytes[i] == 0x0A { i += 1 }
        starts.append(i)
      }
    }
    return starts
  }
}
