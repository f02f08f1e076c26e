/// Every loaded rule, compiled once before the first file is read, in a stable order.
public struct RuleSet: Sendable {
  public var rules: [Rule]

  public init(rules: [Rule]) {
    self.rules = rules.sorted { $0.id < $1.id }
  }

  public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }
}
