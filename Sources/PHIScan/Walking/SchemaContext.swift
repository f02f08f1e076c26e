/// What surrounds a schema: the envelope it came from and whether the provider caches it.
public struct SchemaContext: Sendable, Hashable {
  /// The envelope, e.g. `json-schema`, `anthropic.tool.input_schema`.
  public var shape: String
  /// True when the provider compiles or indexes the string (strict tools, structured
  /// outputs, tool-search catalogs, bare schemas); false for prompt-only context.
  public var isCached: Bool
  /// The tool the schema belongs to, when there is one.
  public var toolName: String?

  public init(shape: String, isCached: Bool, toolName: String? = nil) {
    self.shape = shape
    self.isCached = isCached
    self.toolName = toolName
  }
}
