/// What a document holds: schemas to walk, plus envelope strings (tool names and
/// descriptions) that sit outside any schema.
public struct RecognizedDocument: Sendable {
  public var schemas: [SchemaRoot] = []
  public var envelopeStrings: [ExtractedString] = []
  /// The envelopes the envelope strings belong to: one per tool (its name, title and
  /// description together), one per other envelope string.
  public var envelopes: [Subschema] = []
  /// Shape identifiers seen, in first-seen order, for `--verbose`.
  public var shapes: [String] = []
  /// Embedded schemas that are not valid JSON (errors: not scanned as schemas).
  public var notes: [Diagnostic] = []
}
