/// HIPAA Safe Harbor identifier categories (45 CFR 164.514(b)(2)), `properties.category`.
public enum Category: String, Sendable, CaseIterable, Codable, Comparable {
  case name, address, zip, dob, date, age, phone, fax, email, ssn, mrn, mbi
  case healthPlan = "health-plan"
  case account, license, vehicle, device, url, ip, biometric
  case otherID = "other-id"

  public static func < (a: Category, b: Category) -> Bool { a.rawValue < b.rawValue }
}

/// SARIF result levels, ordered from least to most severe.
public enum Level: String, Sendable, CaseIterable, Codable, Comparable {
  case note, warning, error

  var rank: Int {
    switch self {
    case .note: return 0
    case .warning: return 1
    case .error: return 2
    }
  }

  public static func < (a: Level, b: Level) -> Bool { a.rank < b.rank }
}

/// How sure the detector is that a string contains PHI. Maps to a level (DESIGN.md 4).
public enum Confidence: String, Sendable, CaseIterable, Codable, Comparable {
  case low, medium, high

  public var level: Level {
    switch self {
    case .low: return .note
    case .medium: return .warning
    case .high: return .error
    }
  }

  public static func < (a: Confidence, b: Confidence) -> Bool { a.level < b.level }

  /// The confidence a rule level stands for: error high, warning medium, note low.
  public init(_ level: Level) {
    switch level {
    case .error: self = .high
    case .warning: self = .medium
    case .note: self = .low
    }
  }

  /// 3 high, 2 medium, 1 low: confidences are weighed as scores.
  var score: Int {
    switch self {
    case .high: return 3
    case .medium: return 2
    case .low: return 1
    }
  }

  /// The confidence of a score; nil for 0 or less (too weak to report).
  init?(score: Int) {
    switch score {
    case 3...: self = .high
    case 2: self = .medium
    case 1: self = .low
    default: return nil
    }
  }
}

/// One string that contains PHI. It carries where and what kind, never the value
/// (unless the caller explicitly asked to reveal it for local triage).
public struct Finding: Sendable, Hashable {
  public var ruleID: String
  public var category: Category
  public var level: Level
  public var confidence: Confidence
  public var site: Site
  /// Report path of the file (relative, forward slashes).
  public var file: String
  public var pointer: JSONPointer
  public var range: SourceRange
  public var shape: String
  public var toolName: String?
  public var isCached: Bool
  /// A safe stand-in for the value, e.g. `[ssn, 11 chars]`.
  public var mask: String
  /// Why this is a finding in a few words (never containing the value).
  public var reason: String
  /// The value itself; nil unless the scan was configured to reveal values.
  public var revealedValue: String?
  /// Other places that matter for this finding, e.g. where a `$ref`'d definition is used.
  public var relatedLocations: [RelatedLocation]
  /// The masked line the finding sits on, when the scan was asked for excerpts.
  public var excerpt: SourceExcerpt?

  public init(ruleID: String, category: Category, level: Level, confidence: Confidence, site: Site, file: String, pointer: JSONPointer, range: SourceRange, shape: String, toolName: String?, isCached: Bool, mask: String, reason: String, revealedValue: String? = nil, relatedLocations: [RelatedLocation] = []) {
    self.ruleID = ruleID
    self.category = category
    self.level = level
    self.confidence = confidence
    self.site = site
    self.file = file
    self.pointer = pointer.joined  // findings are sorted and reported by it
    self.range = range
    self.shape = shape
    self.toolName = toolName
    self.isCached = isCached
    self.mask = mask
    self.reason = reason
    self.revealedValue = revealedValue
    self.relatedLocations = relatedLocations
  }

  /// The report order: file, position, rule, pointer.
  public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
    if a.file != b.file { return a.file < b.file }
    if a.range.start != b.range.start { return a.range.start < b.range.start }
    if a.ruleID != b.ruleID { return a.ruleID < b.ruleID }
    return a.pointer < b.pointer
  }
}

/// A place related to a finding (SARIF `relatedLocations`), e.g. a `$ref` to the
/// definition that holds the flagged string.
public struct RelatedLocation: Sendable, Hashable {
  /// Report path of the file (relative, forward slashes).
  public var file: String
  public var pointer: JSONPointer
  public var range: SourceRange
  /// What this place is, e.g. `uses the definition via $ref`. Never a value.
  public var message: String

  public init(file: String, pointer: JSONPointer, range: SourceRange, message: String) {
    self.file = file
    self.pointer = pointer.joined
    self.range = range
    self.message = message
  }
}
