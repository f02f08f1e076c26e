/// Why a document could not be parsed, with the position of the first problem.
@_spi(Internals) public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
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
