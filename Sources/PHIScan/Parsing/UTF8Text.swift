import Foundation

/// Helpers over raw UTF-8 bytes shared by the loaders.
enum UTF8Text {
  /// `text.contains(needle)` as Foundation answers it, for an ASCII `needle`, mostly
  /// without Foundation: no byte match means no match (nothing else is canonically
  /// equivalent to ASCII), and where no scalar can join onto ASCII (`noScalarJoinsASCII`)
  /// a byte match is a match. Other texts ask Foundation, whose match must end where a
  /// character does (`_` then a combining mark is no `_`).
  static func contains(_ text: Substring, ascii needle: StaticString) -> Bool {
    var contiguous = text
    let found = needle.withUTF8Buffer { pattern in
      contiguous.withUTF8 { ByteSearch.firstOffset(of: pattern, in: $0) != nil }
    }
    guard found else { return false }
    return noScalarJoinsASCII(text) || text.contains(needle.description)
  }

  /// True when every character is ASCII or one whose scalars never extend, precede into
  /// or decompose to ASCII: Latin letters with their own code points (é, ß), spacing
  /// modifiers, and general punctuation (dashes, curly quotes, bullets). In such text a
  /// byte search for ASCII finds what Foundation's search finds.
  static func noScalarJoinsASCII(_ text: some StringProtocol) -> Bool {
    text.unicodeScalars.allSatisfy { scalar in
      let value = scalar.value
      return value < 0x300 || (0x2010...0x2027).contains(value) || (0x2030...0x205E).contains(value)
    }
  }

  /// The byte offset of the first invalid UTF-8 sequence, or nil when all of `bytes` is valid.
  static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
    // The standard library's validation is fast; only locate the offset when it fails.
    if String(validating: bytes, as: UTF8.self) != nil { return nil }
    var i = 0
    while i < bytes.count {
      let lead = bytes[i]
      if lead < 0x80 {
        i += 1
        continue
      }
      let (length, low, high): (Int, UInt8, UInt8)
      switch lead {
      case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
      case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
      case 0xE1...0xEC, 0xEE...0xEF: (length, low, high) = (3, 0x80, 0xBF)
      case 0xED: (length, low, high) = (3, 0x80, 0x9F)
      case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
      case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
      case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
      default: return i
      }
      for k in 1..<length {
        let j = i + k
        let lo = k == 1 ? low : 0x80
        let hi = k == 1 ? high : 0xBF
        guard j < bytes.count, bytes[j] >= lo, bytes[j] <= hi else { return i }
      }
      i += length
    }
    return nil
  }

  /// The 1-based line and scalar column of byte `offset` (a linear scan: for error paths only).
  static func position(of offset: Int, in bytes: [UInt8]) -> SourcePosition {
    var line = 1
    var column = 1
    var i = 0
    while i < offset && i < bytes.count {
      let byte = bytes[i]
      if byte == 0x0A {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
      i += 1
    }
    return SourcePosition(line: line, column: column)
  }

  /// True when `text` holds the byte `byte`: a loop over its contiguous UTF-8 (the
  /// `utf8` view's generic `contains` costs tens of instructions per byte).
  static func contains(_ text: String, byte: UInt8) -> Bool {
    var contiguous = text
    return contiguous.withUTF8 { $0.contains(byte) }
  }

  /// `text.unicodeScalars.count` from its UTF-8: the bytes that are not continuation
  /// bytes (`unicodeScalars` decodes every scalar on the way).
  static func scalarCount(_ text: String) -> Int {
    var contiguous = text
    return contiguous.withUTF8 { utf8 in
      var continuations = 0
      for byte in utf8 where byte & 0xC0 == 0x80 { continuations += 1 }
      return utf8.count - continuations
    }
  }

  static func contains(_ text: Substring, byte: UInt8) -> Bool {
    var contiguous = text
    return contiguous.withUTF8 { $0.contains(byte) }
  }

  static func hasBOM(_ bytes: [UInt8]) -> Bool {
    bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
  }
}

/// Eight bytes at a time in one `UInt64` ("SIMD within a register"): each test sets the
/// high bit of the bytes it matches. A borrow only carries upward from a matching byte,
/// so the lowest flagged byte always matches (higher ones may be false); for "is any
/// byte of the word ..." the answer is exact.
enum WordBytes {
  static let ones: UInt64 = 0x0101_0101_0101_0101
  static let highs: UInt64 = 0x8080_8080_8080_8080

  /// Bytes equal to `byte`.
  @inline(__always)
  static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
    let difference = word ^ (ones &* UInt64(byte))
    return (difference &- ones) & ~difference & highs
  }

  /// Bytes below `byte` (at most 0x80), or not ASCII.
  @inline(__always)
  static func belowOrNonASCII(_ word: UInt64, _ byte: UInt8) -> UInt64 {
    ((word &- ones &* UInt64(byte)) | word) & highs
  }

  /// Bytes that are not ASCII.
  @inline(__always)
  static func nonASCII(_ word: UInt64) -> UInt64 { word & highs }

  /// The index (0-7) of the lowest flagged byte of a nonzero result.
  @inline(__always)
  static func firstFlagged(_ flags: UInt64) -> Int { flags.trailingZeroBitCount >> 3 }

  /// True when two buffers hold the same bytes, eight at a time (the generic
  /// `elementsEqual` steps an iterator per byte).
  @inline(__always)
  static func sameBytes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
    guard a.count == b.count else { return false }
    var offset = 0
    while offset + 8 <= a.count {
      if a.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        != b.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      {
        return false
      }
      offset += 8
    }
    while offset < a.count {
      if a[offset] != b[offset] { return false }
      offset += 1
    }
    return true
  }
}
