/// Why a document could not be parsed, with the position of the first problem.
public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
  public enum Kind: String, Sendable {
    case syntax = "syntax-error"
    case invalidUTF8 = "invalid-utf8"
    case tooDeep = "nesting-too-deep"
    case tooLarge = "too-large"
  }

  public var kind: Kind
  public var position: SourcePosition
  /// A plain-language cause, e.g. "expected ',' or '}' after an object member".
  public var message: String

  public init(_ kind: Kind, at position: SourcePosition, _ message: String) {
    self.kind = kind
    self.position = position
    self.message = message
  }

  public var description: String { "\(position): \(message)" }
}

/// Limits that keep parsing bounded on hostile input.
public struct ParseLimits: Sendable, Hashable {
  /// Deepest allowed nesting of arrays and objects.
  public var maxDepth: Int = 512
  /// Most nodes a YAML document may expand to through aliases (the "billion laughs" guard).
  public var maxYAMLNodes: Int = 2_000_000
  /// Most nodes YAML aliases may add by repeating anchored collections; real files
  /// reuse a few definitions, a "billion laughs" reuses them exponentially.
  public var maxYAMLAliasNodes: Int = 100_000

  public init() {}
  public static let `default` = ParseLimits()
}
