/// Every loaded rule, compiled once before the first file is read, in a stable order.
public struct RuleSet: Sendable {
  public var rules: [Rule]

  public init(rules: [Rule]) {
    self.rules = rules.sorted { $0.id < $1.id }
  }

  public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }
}

extension RuleSet {
  /// The packs built into the binary.
  /// - Throws: `PackError` when a pack is broken (a build that passed its tests never is).
  public static func builtin() throws(PackError) -> RuleSet { try PackLoader.builtinRules() }

  /// The built-in packs plus the packs in these directories or files (`--patterns`, the
  /// config's `patterns`). A user rule may not reuse a built-in id.
  public static func builtin(adding userPaths: [String]) throws(PackError) -> RuleSet {
    try PackLoader.rules(userPaths: userPaths)
  }
}
