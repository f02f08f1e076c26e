// Detection owns deciding, for each extracted string, whether it contains PHI. Rules
// come from pattern packs (data); validators are the Swift code that packs name.
import PCRE2

/// A rule's `examples` block: strings that must and must not produce a finding.
public struct RuleExamples: Sendable, Hashable {
  public var match: [String]
  public var noMatch: [String]
}

/// A rule as written in a pack, after validation, with its compiled regex.
public struct Rule: Sendable {
  public var id: String
  public var pack: String
  public var name: String
  public var category: Category
  public var sites: Set<Site>
  public var regex: PCRE2Regex
  public var validator: Validator?
  public var level: Level
  /// SARIF `precision`: very-high, high, medium or low.
  public var precision: String
  /// SARIF `security-severity`, 0.1 to 10.0.
  public var securitySeverity: Double
  /// One line: what the rule finds.
  public var summary: String
  /// Markdown: what, why, how to fix.
  public var help: String
  public var examples: RuleExamples

  public func applies(to site: Site) -> Bool { sites.contains(site) }
}

/// Every loaded rule, compiled once before the first file is read, in a stable order.
public struct RuleSet: Sendable {
  public var rules: [Rule]

  public init(rules: [Rule]) {
    self.rules = rules.sorted { $0.id < $1.id }
  }

  public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }
}
