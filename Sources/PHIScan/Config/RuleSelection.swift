import Foundation

extension ConfigFile {
  /// The rule set this config asks for: packs and rules switched off or on, levels
  /// changed, sites narrowed. Names that match no loaded rule or pack are errors, so a
  /// typo never silently leaves a rule running.
  public func select(_ rules: RuleSet) throws(ConfigError) -> RuleSet {
    let ids = Set(rules.rules.map(\.id))
    let packNames = Set(rules.rules.map(\.pack))
    for (id, setting) in self.rules.sorted(by: { $0.key < $1.key }) where !ids.contains(id) {
      throw .invalid(
        path: path, key: "rules.\(id)", position: setting.position,
        reason: "no loaded rule has this id (see 'phi-scan rules')")
    }
    for (name, setting) in packs.sorted(by: { $0.key < $1.key }) where !packNames.contains(name) {
      throw .invalid(
        path: path, key: "packs.\(name)", position: setting.position,
        reason: "no loaded pack has this name (known: \(packNames.sorted().joined(separator: ", ")))")
    }
    for entry in allow {
      if let rule = entry.rule, !ids.contains(rule) {
        throw .invalid(
          path: path, key: "allow.rule", position: entry.position,
          reason: "no loaded rule has the id '\(rule)' (see 'phi-scan rules')")
      }
    }
    var selected: [Rule] = []
    for var rule in rules.rules {
      let packOn = packs[rule.pack]?.value ?? true
      switch self.rules[rule.id]?.value {
      case .off?: continue
      case nil where !packOn: continue
      case .error?: rule.fix(.error)
      case .warning?: rule.fix(.warning)
      case .note?: rule.fix(.note)
      case .on?, nil: break
      }
      if let sites { rule.sites = rule.sites.intersection(sites) }
      selected.append(rule)
    }
    guard !selected.isEmpty else {
      throw .invalid(
        path: path, key: self.rules.isEmpty ? "packs" : "rules", position: nil,
        reason: "every rule is switched off, so a scan would find nothing")
    }
    return RuleSet(rules: selected)
  }
}

extension Rule {
  /// The user's level for this rule: its findings get it whatever the evidence (matcher
  /// rules included), and listings show it as the rule's level.
  mutating func fix(_ level: Level) {
    self.level = level
    contextLevel = nil
    fixedLevel = level
  }
}
