// Parsing owns turning bytes into one `Node` tree with source positions, for JSON and
// YAML alike. It knows nothing about schemas, providers or PHI.

/// One JSON or YAML value with the range of its token (for containers: from the
/// opening bracket to just after the closing one).
public struct Node: Sendable {
  /// Not `indirect`: containers already hold their children in arrays, and boxing every
  /// value would cost one heap allocation per node.
  public enum Value: Sendable {
    case object([Member])
    case array([Node])
    case string(String)
    /// The number's source text, unchanged, so `019840312` or `1e400` stay what they were.
    case number(String)
    case bool(Bool)
    case null
  }

  public var value: Value
  public var range: SourceRange

  public init(_ value: Value, range: SourceRange) {
    self.value = value
    self.range = range
  }
}

/// An object member. Members keep document order; duplicate keys stay as separate members.
public struct Member: Sendable {
  public var key: String
  public var keyRange: SourceRange
  public var value: Node

  public init(key: String, keyRange: SourceRange, value: Node) {
    self.key = key
    self.keyRange = keyRange
    self.value = value
  }
}

extension Node {
  /// The members when this is an object.
  public var members: [Member]? {
    if case .object(let members) = value { return members }
    return nil
  }

  /// The elements when this is an array.
  public var elements: [Node]? {
    if case .array(let elements) = value { return elements }
    return nil
  }

  /// The text when this is a string.
  public var string: String? {
    if case .string(let text) = value { return text }
    return nil
  }

  /// The first member named `key` (schemas rarely repeat keys; the walker sees all of them).
  public subscript(key: String) -> Node? {
    members?.first { $0.key == key }?.value
  }

  /// True when this is the boolean `true` (or a YAML scalar spelled like it).
  public var isTrue: Bool {
    if case .bool(true) = value { return true }
    return false
  }
}

// Trees compare value for value, ranges included: tests and the YAML fuzzer hold two
// readings of one document to the same tree.
extension Node: Equatable {}
extension Node.Value: Equatable {}
extension Member: Equatable {}
