import Foundation

/// An RFC 6901 JSON Pointer, kept as its escaped string form (`/properties/a~1b/enum/0`).
public struct JSONPointer: Hashable, Sendable, Comparable, CustomStringConvertible {
  public private(set) var string: String

  public init(escaped string: String) { self.string = string }

  public static let root = JSONPointer(escaped: "")

  /// Appends one reference token, escaping `~` as `~0` and `/` as `~1`.
  public func appending(_ token: String) -> JSONPointer {
    var copy = self
    copy.string.append("/")
    if token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) {
      copy.string.append(token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1"))
    } else {
      copy.string.append(token)
    }
    return copy
  }

  public func appending(index: Int) -> JSONPointer {
    var copy = self
    copy.string.append("/")
    copy.string.append(String(index))
    return copy
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
