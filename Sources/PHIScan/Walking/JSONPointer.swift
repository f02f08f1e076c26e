import Foundation

/// An RFC 6901 JSON Pointer, kept as its escaped string form (`/properties/a~1b/enum/0`).
public struct JSONPointer: Hashable, Sendable, Comparable, CustomStringConvertible {
  public private(set) var string: String

  public init(escaped string: String) { self.string = string }

  public static let root = JSONPointer(escaped: "")

  /// Appends one reference token, escaping `~` as `~0` and `/` as `~1`.
  public func appending(_ token: String) -> JSONPointer {
    if token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) {
      return appending(escapedToken: token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1"))
    }
    return appending(escapedToken: token)
  }

  public func appending(index: Int) -> JSONPointer {
    appending(escapedToken: String(index))
  }

  /// One allocation of the exact size (appending to a shared string would copy it with
  /// room to grow, and walkers build a pointer for most nodes).
  private func appending(escapedToken token: String) -> JSONPointer {
    let count = string.utf8.count + 1 + token.utf8.count
    var text = String()
    // Up to 15 UTF-8 bytes a string is stored inline; reserving would allocate.
    if count > 15 { text.reserveCapacity(count) }
    text.append(string)
    text.append("/")
    text.append(token)
    return JSONPointer(escaped: text)
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
