import Foundation

/// An RFC 6901 JSON Pointer, kept as its escaped string form (`/properties/a~1b/enum/0`).
///
/// The walker makes a pointer for every string it extracts, and few of them ever reach a
/// report. So a pointer made by `appending` keeps its last tokens apart from its parent's
/// text, and their joined text is built when first asked for: a pointer for a leaf costs
/// no allocation. Appending to such a pointer joins it first (what every append cost
/// before), so walkers join the pointers they descend through (`joined`) once.
public struct JSONPointer: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// The escaped text: the whole pointer when `pending` is `.none`, else its parent's.
  private var head: String
  private var pending: Pending

  /// Tokens not yet joined to `head`, as the `appending` that made them got them.
  private enum Pending: Hashable, Sendable {
    case none
    case token(String)
    case index(Int)
    case tokenAndIndex(String, Int)
    case tokenAndToken(String, String)
  }

  public init(escaped string: String) {
    self.head = string
    self.pending = .none
  }

  private init(head: String, pending: Pending) {
    self.head = head
    self.pending = pending
  }

  public static let root = JSONPointer(escaped: "")

  /// The escaped text (`/properties/a~1b/enum/0`).
  public var string: String {
    switch pending {
    case .none: return head
    case .token(let token): return Self.text(head, appending: token)
    case .index(let index): return Self.text(head, appending: index)
    case .tokenAndIndex(let token, let index): return Self.text(head, appending: token, index: index)
    case .tokenAndToken(let token, let second): return Self.text(head, appending: token, second)
    }
  }

  /// The same pointer with its text built: worth it for a pointer that will be appended to,
  /// stored for long or compared often.
  public var joined: JSONPointer {
    if case .none = pending { return self }
    return JSONPointer(escaped: string)
  }

  /// The parent's escaped text when this pointer's last token is kept apart from it
  /// (the joined text without its last token), else nil.
  var pendingParent: String? {
    switch pending {
    case .token, .index: return head
    case .none, .tokenAndIndex, .tokenAndToken: return nil
    }
  }

  public static func == (a: JSONPointer, b: JSONPointer) -> Bool {
    if a.pending == b.pending, a.head == b.head { return true }
    if case .none = a.pending, case .none = b.pending { return false }
    // Different parts can spell one text (token "5" and index 5 do): compare texts.
    return a.string == b.string
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(string)
  }

  /// Appends one reference token, escaping `~` as `~0` and `/` as `~1`.
  public func appending(_ token: String) -> JSONPointer {
    JSONPointer(head: string, pending: .token(token))
  }

  /// Appends `token` and then `second`: the same as `appending(token).appending(second)`
  /// (walkers name a keyword and its entry at once).
  public func appending(_ token: String, _ second: String) -> JSONPointer {
    JSONPointer(head: string, pending: .tokenAndToken(token, second))
  }

  /// Appends `token` and then `index`: the same as `appending(token).appending(index:)`.
  public func appending(_ token: String, index: Int) -> JSONPointer {
    JSONPointer(head: string, pending: .tokenAndIndex(token, index))
  }

  public func appending(index: Int) -> JSONPointer {
    JSONPointer(head: string, pending: .index(index))
  }

  private static func text(_ head: String, appending token: String) -> String {
    var contiguous = token
    return contiguous.withUTF8 { bytes in
      let length = escapedLength(bytes)
      return text(head, appendingBytes: length) { buffer in _ = write(bytes, escapedLength: length, to: buffer, at: 0) }
    }
  }

  private static func text(_ head: String, appending token: String, _ second: String) -> String {
    var first = token
    var next = second
    return first.withUTF8 { firstBytes in
      next.withUTF8 { secondBytes in
        let firstLength = escapedLength(firstBytes)
        let secondLength = escapedLength(secondBytes)
        return text(head, appendingBytes: firstLength + 1 + secondLength) { buffer in
          let slash = write(firstBytes, escapedLength: firstLength, to: buffer, at: 0)
          buffer[slash] = UInt8(ascii: "/")
          _ = write(secondBytes, escapedLength: secondLength, to: buffer, at: slash + 1)
        }
      }
    }
  }

  private static func text(_ head: String, appending token: String, index: Int) -> String {
    let digits = digitCount(index)
    var contiguous = token
    return contiguous.withUTF8 { bytes in
      let length = escapedLength(bytes)
      return text(head, appendingBytes: length + 1 + digits) { buffer in
        let slash = write(bytes, escapedLength: length, to: buffer, at: 0)
        buffer[slash] = UInt8(ascii: "/")
        write(index, digits: digits, to: buffer, at: slash + 1)
      }
    }
  }

  private static func text(_ head: String, appending index: Int) -> String {
    // Decimal digits written straight into the text (no intermediate String).
    let digits = digitCount(index)
    return text(head, appendingBytes: digits) { buffer in write(index, digits: digits, to: buffer, at: 0) }
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
  private static func write(
    _ bytes: UnsafeBufferPointer<UInt8>, escapedLength: Int, to buffer: UnsafeMutableBufferPointer<UInt8>,
    at offset: Int
  ) -> Int {
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

  /// `head`, a `/` and `byteCount` bytes that `write` fills in, built in place: one
  /// allocation of the exact size.
  private static func text(
    _ head: String, appendingBytes byteCount: Int, _ write: (UnsafeMutableBufferPointer<UInt8>) -> Void
  ) -> String {
    var prefix = head
    return prefix.withUTF8 { prefixBytes in
      let total = prefixBytes.count + 1 + byteCount
      return String(unsafeUninitializedCapacity: total) { buffer in
        _ = UnsafeMutableBufferPointer(rebasing: buffer[..<prefixBytes.count]).initialize(fromContentsOf: prefixBytes)
        buffer[prefixBytes.count] = UInt8(ascii: "/")
        write(UnsafeMutableBufferPointer(rebasing: buffer[(prefixBytes.count + 1)...]))
        return total
      }
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
        return JSONPointer(escaped: String(fragment)).tokens.reduce(self) { $0.appending($1) }.joined
      }
      let rest = UnsafeBufferPointer(rebasing: bytes[1...])
      return JSONPointer(
        escaped: Self.text(string, appendingBytes: rest.count) { buffer in _ = buffer.initialize(fromContentsOf: rest) }
      )
    }
  }

  /// The pointer without its last token (the root stays the root).
  public var droppingLastToken: JSONPointer {
    // Tokens escape `/` as `~1`, so the last slash always starts the last token.
    if let parent = pendingParent { return JSONPointer(escaped: parent) }
    let text = string
    guard let slash = text.utf8.lastIndex(of: UInt8(ascii: "/")) else { return self }
    return JSONPointer(escaped: String(text[..<slash]))
  }

  /// The unescaped reference tokens.
  public var tokens: [String] {
    let text = string
    guard !text.isEmpty else { return [] }
    return text.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map { token in
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
