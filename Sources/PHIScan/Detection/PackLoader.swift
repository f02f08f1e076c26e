import PCRE2

/// Reads pattern packs (YAML, DESIGN.md 5) into compiled rules. Unknown keys are errors
/// so a typo never silently disables a rule.
public enum PackLoader {
  static let packKeys: Set<String> = ["version", "pack", "description", "rules"]
  static let ruleKeys: Set<String> = [
    "id", "name", "category", "sites", "regex", "caseless", "validator", "level", "precision",
    "security-severity", "summary", "help", "examples",
  ]
  static let precisions: Set<String> = ["very-high", "high", "medium", "low"]

  /// The packs built into the binary.
  public static func builtinRules() throws(PackError) -> RuleSet {
    try ruleSet(from: BuiltinPacks.files.filter { $0.path.hasSuffix(".yaml") })
  }

  /// Compiles several packs into one rule set; rule ids must be unique across packs.
  public static func ruleSet(from packs: [(path: String, text: String)]) throws(PackError) -> RuleSet {
    var rules: [Rule] = []
    var owner: [String: String] = [:]
    for pack in packs {
      for rule in try load(pack.text, name: pack.path) {
        if let first = owner[rule.id] { throw .duplicateRule(id: rule.id, packs: [first, pack.path]) }
        owner[rule.id] = pack.path
        rules.append(rule)
      }
    }
    guard !rules.isEmpty else { throw .noRules }
    return RuleSet(rules: rules)
  }

  /// Compiles one pack.
  public static func load(_ text: String, name: String) throws(PackError) -> [Rule] {
    let documents: [Node]
    do {
      documents = try YAMLLoader.load(Array(text.utf8))
    } catch {
      throw .syntax(pack: name, position: error.position, reason: error.message)
    }
    guard documents.count == 1, let root = documents.first, let members = root.members else {
      throw .syntax(pack: name, position: nil, reason: "a pack is one YAML mapping with 'version', 'pack' and 'rules'")
    }
    for member in members where !packKeys.contains(member.key) {
      throw .invalidField(pack: name, rule: nil, field: member.key, position: member.keyRange.start, reason: "unknown key (known: \(packKeys.sorted().joined(separator: ", ")))")
    }
    guard let version = root["version"], case .number("1") = version.value else {
      throw .invalidField(pack: name, rule: nil, field: "version", position: root["version"]?.range.start, reason: "must be 1")
    }
    guard let packName = root["pack"]?.string, isKebabCase(packName) else {
      throw .invalidField(pack: name, rule: nil, field: "pack", position: root["pack"]?.range.start, reason: "must be a kebab-case pack name")
    }
    guard let ruleNodes = root["rules"]?.elements else {
      throw .invalidField(pack: name, rule: nil, field: "rules", position: root["rules"]?.range.start, reason: "must be a list of rules")
    }
    var rules: [Rule] = []
    for node in ruleNodes { rules.append(try rule(node, pack: packName, file: name)) }
    return rules
  }

  static func rule(_ node: Node, pack: String, file: String) throws(PackError) -> Rule {
    guard let members = node.members else {
      throw .syntax(pack: file, position: node.range.start, reason: "each rule is a mapping")
    }
    let id = node["id"]?.string
    func bad(_ field: String, _ reason: String, _ at: Node? = nil) -> PackError {
      .invalidField(pack: file, rule: id, field: field, position: (at ?? node[field] ?? node).range.start, reason: reason)
    }
    for member in members where !ruleKeys.contains(member.key) {
      throw .invalidField(pack: file, rule: id, field: member.key, position: member.keyRange.start, reason: "unknown key (known: \(ruleKeys.sorted().joined(separator: ", ")))")
    }
    guard let id, isKebabCase(id) else { throw bad("id", "every rule needs a stable kebab-case id") }
    func text(_ field: String) throws(PackError) -> String {
      guard let value = node[field]?.string, !value.isEmpty else { throw bad(field, "required, a non-empty string") }
      return value
    }
    let categoryText = try text("category")
    guard let category = Category(rawValue: categoryText) else {
      throw bad("category", "unknown category (known: \(Category.allCases.map(\.rawValue).joined(separator: ", ")))")
    }
    guard let siteNodes = node["sites"]?.elements, !siteNodes.isEmpty else { throw bad("sites", "required, a list of sites") }
    var sites: Set<Site> = []
    for siteNode in siteNodes {
      guard let name = siteNode.string, let site = Site(rawValue: name) else {
        throw bad("sites", "unknown site (known: \(Site.allCases.map(\.rawValue).joined(separator: ", ")))", siteNode)
      }
      sites.insert(site)
    }
    guard let level = Level(rawValue: try text("level")) else { throw bad("level", "must be error, warning or note") }
    let precision = try text("precision")
    guard precisions.contains(precision) else { throw bad("precision", "must be very-high, high, medium or low") }
    guard let severityNode = node["security-severity"], case .number(let severityText) = severityNode.value,
      let severity = Double(severityText), severity >= 0.1, severity <= 10
    else { throw bad("security-severity", "must be a number from 0.1 to 10.0") }
    var validator: Validator?
    if let validatorNode = node["validator"] {
      guard let name = validatorNode.string, let known = Validator(rawValue: name) else {
        throw bad("validator", "unknown validator (known: \(Validator.allCases.map(\.rawValue).joined(separator: ", ")))")
      }
      validator = known
    }
    var options: PCRE2Options = [.utf]
    if node["caseless"]?.isTrue == true { options.insert(.caseless) }
    let pattern = try text("regex")
    let regex: PCRE2Regex
    do {
      regex = try PCRE2Regex(pattern, options: options)
    } catch {
      if case .compile(_, let offset, let message) = error { throw .regex(pack: file, rule: id, offset: offset, message: message) }
      throw .regex(pack: file, rule: id, offset: 0, message: error.description)
    }
    guard let examplesNode = node["examples"] else { throw bad("examples", "required: 'match' and 'noMatch' lists (they run as tests)") }
    func list(_ field: String) throws(PackError) -> [String] {
      guard let elements = examplesNode[field]?.elements else { throw bad("examples", "needs a '\(field)' list", examplesNode) }
      var strings: [String] = []
      for element in elements {
        switch element.value {
        case .string(let value), .number(let value): strings.append(value)
        default: throw bad("examples", "'\(field)' entries are strings", element)
        }
      }
      return strings
    }
    return Rule(
      id: id, pack: pack, name: try text("name"), category: category, sites: sites, regex: regex,
      validator: validator, level: level, precision: precision, securitySeverity: severity,
      summary: try text("summary"), help: try text("help"),
      examples: RuleExamples(match: try list("match"), noMatch: try list("noMatch")))
  }

  static func isKebabCase(_ text: String) -> Bool {
    !text.isEmpty && text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
      && text.first != "-" && text.last != "-"
  }
}
