import Foundation

/// An RFC 6901 JSON Pointer, kept as its escaped string form (`/properties/a~1b/enum/0`).
public struct JSONPointer: Hashable, Sendable, Comparable, CustomStringConvertible {
  public private(set) var string: String

  public init(escaped string: String) { self.string = string }

  public static let root = JSONPointer(escaped: "")

  /// Appends one reference token, escaping `~` as `~0` and `/` as `~1`.
  public func appending(_ token: String) -> JSONPointer {
    var contiguous = token
    return contiguous.withUTF8 { bytes in
      let length = Self.escapedLength(bytes)
      return appending(byteCount: length) { buffer in _ = Self.write(bytes, escapedLength: length, to: buffer, at: 0) }
    }
  }

  /// Appends `token` and then `second`: the same as `appending(token).appending(second)`,
  /// built as one string (walkers name a keyword and its entry at once).
  public func appending(_ token: String, _ second: String) -> JSONPointer {
    var first = token
    var next = second
    return first.withUTF8 { firstBytes in
      next.withUTF8 { secondBytes in
        let firstLength = Self.escapedLength(firstBytes), secondLength = Self.escapedLength(secondBytes)
        return appending(byteCount: firstLength + 1 + secondLength) { buffer in
          let slash = Self.write(firstBytes, escapedLength: firstLength, to: buffer, at: 0)
          buffer[slash] = UInt8(ascii: "/")
          _ = Self.write(secondBytes, escapedLength: secondLength, to: buffer, at: slash + 1)
        }
      }
    }
  }

  /// Appends `token` and then `index`: the same as `appending(token).appending(index:)`.
  public func appending(_ token: String, index: Int) -> JSONPointer {
    let digits = Self.digitCount(index)
    var contiguous = token
    return contiguous.withUTF8 { bytes in
      let length = Self.escapedLength(bytes)
      return appending(byteCount: length + 1 + digits) { buffer in
        let slash = Self.write(bytes, escapedLength: length, to: buffer, at: 0)
        buffer[slash] = UInt8(ascii: "/")
        Self.write(index, digits: digits, to: buffer, at: slash + 1)
      }
    }
  }

  public func appending(index: Int) -> JSONPointer {
    // Decimal digits written straight into the new pointer (no intermediate String).
    let digits = Self.digitCount(index)
    return appending(byteCount: digits) { buffer in Self.write(index, digits: digits, to: buffer, at: 0) }
  }

  /// The length of `bytes` escaped as a token. `~` and `/` are single ASCII bytes that
  /// never occur inside a multi-byte character, so escaping works on bytes whatever
  /// follows them (a combining mark included: RFC 6901 compares code points).
  private static func escapedLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    // Most tokens hold no `~` or `/`: eight bytes at a time say so.
    var plain = 0
    if let base = bytes.baseAddress {
      while plain + 8 <= bytes.count {
        let word = UnsafeRawPointer(base + plain).loadUnaligned(as: UInt64.self)
        if WordBytes.equal(word, UInt8(ascii: "~")) | WordBytes.equal(word, UInt8(ascii: "/")) != 0 { break }
        plain += 8
      }
    }
    var escapes = 0
    for byte in bytes[plain...] where byte == UInt8(ascii: "~") || byte == UInt8(ascii: "/") { escapes += 1 }
    return bytes.count + escapes
  }

  /// Writes `bytes` escaped (`~` as `~0`, `/` as `~1`) from `offset`; returns the offset after.
  private static func write(_ bytes: UnsafeBufferPointer<UInt8>, escapedLength: Int, to buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int {
    if escapedLength == bytes.count {
      _ = UnsafeMutableBufferPointer(rebasing: buffer[offset..<offset + bytes.count]).initialize(fromContentsOf: bytes)
      return offset + bytes.count
    }
    var out = offset
    for byte in bytes {
      if byte == UInt8(ascii: "~") || byte == UInt8(ascii: "/") {
        buffer[out] = UInt8(ascii: "~")
        buffer[out + 1] = byte == UInt8(ascii: "~") ? UInt8(ascii: "0") : UInt8(ascii: "1")
        out += 2
      } else {
        buffer[out] = byte
        out += 1
      }
    }
    return out
  }

  /// The number of bytes `index` takes in decimal, sign included.
  private static func digitCount(_ index: Int) -> Int {
    var rest = index.magnitude
    var count = 1
    while rest >= 10 {
      rest /= 10
      count += 1
    }
    return count + (index < 0 ? 1 : 0)
  }

  private static func write(_ index: Int, digits: Int, to buffer: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
    var value = index.magnitude
    if index < 0 { buffer[offset] = UInt8(ascii: "-") }
    for position in stride(from: offset + digits - 1, through: offset + (index < 0 ? 1 : 0), by: -1) {
      buffer[position] = UInt8(ascii: "0") + UInt8(value % 10)
      value /= 10
    }
  }

  /// This pointer, a `/` and `byteCount` bytes that `write` fills in, built in place: one
  /// allocation of the exact size, since walkers build a pointer for most nodes.
  private func appending(byteCount: Int, _ write: (UnsafeMutableBufferPointer<UInt8>) -> Void) -> JSONPointer {
    var prefix = string
    return prefix.withUTF8 { prefixBytes in
      let total = prefixBytes.count + 1 + byteCount
      let text = String(unsafeUninitializedCapacity: total) { buffer in
        _ = UnsafeMutableBufferPointer(rebasing: buffer[..<prefixBytes.count]).initialize(fromContentsOf: prefixBytes)
        buffer[prefixBytes.count] = UInt8(ascii: "/")
        write(UnsafeMutableBufferPointer(rebasing: buffer[(prefixBytes.count + 1)...]))
        return total
      }
      return JSONPointer(escaped: text)
    }
  }

  /// This pointer followed by the tokens of `fragment`, an escaped pointer such as
  /// `/a/b~1c`: the same as appending each of `JSONPointer(escaped: fragment).tokens`.
  public func appending(fragment: String) -> JSONPointer {
    appending(fragment: fragment[...])
  }

  /// The same for a slice (a `$ref`'s fragment), read without a copy of its own.
  func appending(fragment: Substring) -> JSONPointer {
    var contiguous = fragment
    return contiguous.withUTF8 { bytes in
      // Without `~` no token changes when unescaped and escaped again: join the texts
      // (the fragment's own leading `/` is the one `appending(byteCount:)` writes).
      guard bytes.first == UInt8(ascii: "/"), !bytes.contains(UInt8(ascii: "~")) else {
        return JSONPointer(escaped: String(fragment)).tokens.reduce(self) { $0.appending($1) }
      }
      let rest = UnsafeBufferPointer(rebasing: bytes[1...])
      return appending(byteCount: rest.count) { buffer in _ = buffer.initialize(fromContentsOf: rest) }
    }
  }

  /// The pointer without its last token (the root stays the root).
  public var droppingLastToken: JSONPointer {
    // Tokens escape `/` as `~1`, so the last slash always starts the last token.
    guard let slash = string.utf8.lastIndex(of: UInt8(ascii: "/")) else { return self }
    return JSONPointer(escaped: String(string[..<slash]))
  }

  /// The unescaped reference tokens.
  public var tokens: [String] {
    guard !string.isEmpty else { return [] }
    return string.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map { token in
      // Most tokens hold no `~`. Unescaped by bytes: `~1` before `~0`, so `~01` is `~1`.
      guard token.utf8.contains(UInt8(ascii: "~")) else { return String(token) }
      let bytes = Array(token.utf8)
      var out: [UInt8] = []
      var index = 0
      while index < bytes.count {
        let next = index + 1 < bytes.count ? bytes[index + 1] : 0
        if bytes[index] == UInt8(ascii: "~"), next == UInt8(ascii: "0") || next == UInt8(ascii: "1") {
          out.append(next == UInt8(ascii: "0") ? UInt8(ascii: "~") : UInt8(ascii: "/"))
          index += 2
        } else {
          out.append(bytes[index])  // a `~` that escapes nothing stays as written
          index += 1
        }
      }
      return String(decoding: out, as: UTF8.self)
    }
  }

  public static func < (a: JSONPointer, b: JSONPointer) -> Bool { a.string < b.string }
  public var description: String { string }
}
