/// Everything extracted from one document.
public struct Extraction: Sendable {
  public var strings: [ExtractedString] = []
  /// What `ExtractedString.subschema` indexes: the envelopes, then each schema's subschemas.
  public var subschemas: [Subschema] = []
  public var shapes: [String] = []
  /// Recognition's notes, then the walker's (references not followed).
  public var notes: [Diagnostic] = []
}
