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
