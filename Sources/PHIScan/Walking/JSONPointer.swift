import Foundation

/// An RFC 6901 JSON Pointer, kept as its escaped string form (`/properties/a~1b/enum/0`).
public struct JSONPointer: Hashable, Sendable, Comparable, CustomStringConvertible {
  public private(set) var string: String

  public init(escaped string: String) { self.string = string }

  public static let root = JSONPointer(escaped: "")

  /// Appends one reference token, escaping `~` as `~0` and `/` as `~1`.
  public func appending(_ token: String) -> JSONPointer {
    var contiguous = token
    let built: JSONPointer? = contiguous.withUTF8 { bytes in
      var escapes = 0
      var isASCII = true
      for byte in bytes {
        if byte == UInt8(ascii: "~") || byte == UInt8(ascii: "/") { escapes += 1 }
        if byte >= 0x80 { isASCII = false }
      }
      if escapes == 0 {
        return appending(byteCount: bytes.count) { buffer in _ = buffer.initialize(fromContentsOf: bytes) }
      }
      guard isASCII else { return nil }
      // ASCII: `~` becomes `~0` and `/` becomes `~1`, byte by byte.
      return appending(byteCount: bytes.count + escapes) { buffer in
        var out = 0
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
      }
    }
    // Escapes in a non-ASCII token (rare): Foundation's replacing, as tokens always were escaped.
    return built ?? appending(escapedToken: token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1"))
  }

  public func appending(index: Int) -> JSONPointer {
    // Decimal digits written straight into the new pointer (no intermediate String).
    var digits = index.magnitude
    var count = 1
    while digits >= 10 {
      digits /= 10
      count += 1
    }
    let sign = index < 0 ? 1 : 0
    return appending(byteCount: sign + count) { buffer in
      var value = index.magnitude
      if sign == 1 { buffer[0] = UInt8(ascii: "-") }
      for position in stride(from: sign + count - 1, through: sign, by: -1) {
        buffer[position] = UInt8(ascii: "0") + UInt8(value % 10)
        value /= 10
      }
    }
  }

  private func appending(escapedToken token: String) -> JSONPointer {
    var token = token
    return token.withUTF8 { tokenBytes in
      appending(byteCount: tokenBytes.count) { buffer in
        _ = buffer.initialize(fromContentsOf: tokenBytes)
      }
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
    // Without `~` no token changes when unescaped and escaped again: join the texts.
    if fragment.utf8.first == UInt8(ascii: "/"), !fragment.utf8.contains(UInt8(ascii: "~")) {
      return JSONPointer(escaped: string + fragment)
    }
    return JSONPointer(escaped: fragment).tokens.reduce(self) { $0.appending($1) }
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
      // Most tokens hold no `~`; skip Foundation's replacing (a hot path when resolving `$ref`s).
      guard token.utf8.contains(UInt8(ascii: "~")) else { return String(token) }
      return token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
    }
  }

  public static func < (a: JSONPointer, b: JSONPointer) -> Bool { a.string < b.string }
  public var description: String { string }
}
