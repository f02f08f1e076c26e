// Walking owns turning schemas into the strings a provider caches, each with its site,
// pointer and range. It knows no rules and no PCRE2.

/// Where a string sits in a schema or tool definition (`properties.site` in reports).
public enum Site: String, Sendable, CaseIterable, Codable, Comparable {
  case propertyName = "property-name"
  case patternProperty = "pattern-property"
  case required
  case `enum`
  case const
  case pattern
  case `default`
  case examples
  case title
  case description
  case defsKey = "defs-key"
  case toolName = "tool-name"
  case toolDescription = "tool-description"
  case other

  public static func < (a: Site, b: Site) -> Bool { a.rawValue < b.rawValue }

  /// Position in `allCases`: tables indexed by site spare hashing the raw value.
  var ordinal: Int {
    switch self {
    case .propertyName: return 0
    case .patternProperty: return 1
    case .required: return 2
    case .enum: return 3
    case .const: return 4
    case .pattern: return 5
    case .default: return 6
    case .examples: return 7
    case .title: return 8
    case .description: return 9
    case .defsKey: return 10
    case .toolName: return 11
    case .toolDescription: return 12
    case .other: return 13
    }
  }

  /// Sites whose strings are names (identifiers): they are also read as words.
  public var holdsName: Bool {
    switch self {
    case .propertyName, .required, .defsKey, .toolName, .patternProperty: return true
    default: return false
    }
  }

  /// Sites whose strings are prose.
  public var holdsProse: Bool {
    switch self {
    case .title, .description, .toolDescription: return true
    default: return false
    }
  }

  /// Sites whose strings are values (data) rather than names or prose.
  public var holdsData: Bool {
    switch self {
    case .enum, .const, .default, .examples, .other: return true
    default: return false
    }
  }
}

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

/// One candidate string, ready for the detector.
public struct ExtractedString: Sendable {
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

  public init(text: String, site: Site, pointer: JSONPointer, range: SourceRange, context: SchemaContext, propertyPath: [String] = [], relatedLocations: [RefUsage] = [], subschema: Int32 = 0, dataKeys: [String] = []) {
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
public struct RefUsage: Sendable, Hashable {
  /// The pointer of the `$ref` member's value (`/properties/subscriber/$ref`).
  public var pointer: JSONPointer
  /// The range of the `$ref` value token.
  public var range: SourceRange

  public init(pointer: JSONPointer, range: SourceRange) {
    self.pointer = pointer
    self.range = range
  }
}
