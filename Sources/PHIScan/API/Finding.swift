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
  public var relatedLocations: [Finding.RelatedLocation]
  /// The masked line the finding sits on, when the scan was asked for excerpts.
  public var excerpt: SourceExcerpt?

  public init(
    ruleID: String, category: Category, level: Level, confidence: Confidence, site: Site, file: String,
    pointer: JSONPointer, range: SourceRange, shape: String, toolName: String?, isCached: Bool, mask: String,
    reason: String, revealedValue: String? = nil, relatedLocations: [Finding.RelatedLocation] = []
  ) {
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

extension Finding {
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
}
