// Shapes owns deciding which provider envelope a document is and where its schemas and
// tool strings sit. It hands schemas to the walker; it knows no rules.

/// A schema found inside a document, with the context it lives in.
public struct SchemaRoot: Sendable {
  public var node: Node
  public var pointer: JSONPointer
  public var context: SchemaContext
}

/// What a document holds: schemas to walk, plus envelope strings (tool names and
/// descriptions) that sit outside any schema.
public struct RecognizedDocument: Sendable {
  public var schemas: [SchemaRoot] = []
  public var envelopeStrings: [ExtractedString] = []
  /// Shape identifiers seen, for `--verbose`.
  public var shapes: [String] = []
}

public enum ShapeRecognizer {
  /// Keywords that mark an object as a JSON Schema when `$schema` is absent.
  static let schemaMarkers: Set<String> = ["$schema", "type", "properties", "$defs", "definitions", "allOf", "anyOf", "oneOf", "enum", "const", "items"]

  /// Recognizes the shape of one document.
  public static func recognize(_ document: Document) -> RecognizedDocument {
    var result = RecognizedDocument()
    let root = document.root
    if let members = root.members, members.contains(where: { schemaMarkers.contains($0.key) }) {
      let context = SchemaContext(shape: "json-schema", isCached: true)
      result.schemas.append(SchemaRoot(node: root, pointer: document.rootPointer, context: context))
      result.shapes.append(context.shape)
    }
    return result
  }

  /// Every candidate string of a document, in document order of the schemas.
  public static func extractStrings(from document: Document) -> (strings: [ExtractedString], shapes: [String]) {
    let recognized = recognize(document)
    var strings = recognized.envelopeStrings
    for schema in recognized.schemas {
      strings += SchemaWalker.extract(from: schema.node, at: schema.pointer, context: schema.context)
    }
    return (strings, recognized.shapes)
  }
}
