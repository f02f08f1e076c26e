// Walking owns turning schemas into the strings a provider caches, each with its site,
// pointer and range. It knows no rules and no PCRE2.

/// One candidate string, ready for the detector.
@_spi(Internals) public struct ExtractedString: Sendable {
  public var text: String
  public var site: Site
  public var pointer: JSONPointer
  /// The range of the key or value token that holds the string.
  public var range: SourceRange
  public var context: SchemaContext
  /// Names of the enclosing properties, outermost first (`["patient", "name"]`).
  public var propertyPath: [String]
  /// The `$ref`s that point at a definition containing this string: where it is used.
  public var relatedLocations: [RefUsage]
  /// The subschema (or tool envelope) the string belongs to: an index into its
  /// extraction's `subschemas`. A property's name belongs to the property's subschema,
  /// `required` names to the schema that lists them, values to the schema of their
  /// keyword.
  public var subschema: Int32
  /// Object keys between the subschema and the string: an extension keyword
  /// (`x-reviewed-ip`), the keys of an object inside `default`.
  public var dataKeys: [String]

  public init(
    text: String, site: Site, pointer: JSONPointer, range: SourceRange, context: SchemaContext,
    propertyPath: [String] = [], relatedLocations: [RefUsage] = [], subschema: Int32 = 0, dataKeys: [String] = []
  ) {
    self.text = text
    self.site = site
    self.pointer = pointer
    self.range = range
    self.context = context
    self.propertyPath = propertyPath
    self.relatedLocations = relatedLocations
    self.subschema = subschema
    self.dataKeys = dataKeys
  }
}

/// A `$ref` that uses the definition a string sits in (becomes a SARIF related location).
@_spi(Internals) public struct RefUsage: Sendable, Hashable {
  /// The pointer of the `$ref` member's value (`/properties/subscriber/$ref`).
  public var pointer: JSONPointer
  /// The range of the `$ref` value token.
  public var range: SourceRange

  public init(pointer: JSONPointer, range: SourceRange) {
    self.pointer = pointer
    self.range = range
  }
}
