import PCRE2

/// Reads pattern packs (YAML, DESIGN.md 5) into compiled rules. Unknown keys are errors
/// so a typo never silently disables a rule.
@_spi(Internals) public enum PackLoader {
  static let packKeys: Set<String> = ["version", "pack", "description", "lexicons", "rules"]
  static let ruleKeys: Set<String> = [
    "id", "name", "category", "sites", "regex", "caseless", "validator", "level", "precision",
    "security-severity", "summary", "help", "examples", "context", "context-required", "context-level",
    "negative-context", "recategorize", "needs", "lexicon", "matcher", "person-cue",
  ]
  static let exampleKeys: Set<String> = ["match", "noMatch", "context"]
  static let precisions: Set<String> = ["very-high", "high", "medium", "low"]

  /// The packs built into the binary, read from their JSON form (`BuiltinPacks.packs`,
  /// the trees of their YAML): Yams took a third of a one-file scan's start-up on them.
  public static func builtinRules() throws(PackError) -> RuleSet {
    try ruleSet(of: builtinSources(), lexicons: [])
  }

  /// The built-in packs as sources, named `prefix` and their file.
  static func builtinSources(prefix: String = "") -> [PackSource] {
    BuiltinPacks.packs.map { PackSource(path: prefix + $0.path, text: $0.json, isJSON: true) }
  }

  /// The names a pack may list under `lexicons:`: those built into the binary.
  static let builtinLexiconNames = Set(BuiltinPacks.lexicons.map(\.name))

  /// A pack's text: YAML as users write it, or the JSON form of a built-in pack.
  struct PackSource {
    var path: String
    var text: String
    var isJSON = false
  }

  /// Compiles several packs into one rule set; rule ids must be unique across packs.
  /// `lexicons` are the word lists rules may name with `lexicon:` (path relative to
  /// the patterns directory, e.g. `names/first.txt`); the built-in lexicons a pack names
  /// with `lexicons:` are another thing, the tables matchers read.
  public static func ruleSet(from packs: [(path: String, text: String)], lexicons: [(path: String, text: String)] = [])
    throws(PackError) -> RuleSet
  {
    try ruleSet(of: packs.map { PackSource(path: $0.path, text: $0.text) }, lexicons: lexicons)
  }

  static func ruleSet(of packs: [PackSource], lexicons: [(path: String, text: String)]) throws(PackError) -> RuleSet {
    RuleSet(rules: try compile(packs, lexicons: lexicons).rules)
  }

  /// The rules of `packs` in pack order, and the path of the pack that defines each id.
  static func compile(_ packs: [PackSource], lexicons: [(path: String, text: String)]) throws(PackError) -> (
    rules: [Rule], owner: [String: String]
  ) {
    var rules: [Rule] = []
    var owner: [String: String] = [:]
    var lexiconsByPath: [String: Lexicon] = [:]
    // Only word lists a pack names are built: building sets of lines no rule reads
    // would cost start-up for nothing.
    for file in lexicons where packs.contains(where: { mentions($0.text, file.path) }) {
      lexiconsByPath[file.path] = Lexicon(name: file.path, text: file.text)
    }
    for pack in packs {
      for rule in try packRules(
        in: pack.isJSON ? try jsonRoot(pack.text, pack.path) : try yamlRoot(pack.text, pack.path), name: pack.path,
        lexicons: lexiconsByPath)
      {
        if let first = owner[rule.id] { throw .duplicateRule(id: rule.id, packs: [first, pack.path]) }
        owner[rule.id] = pack.path
        rules.append(rule)
      }
    }
    guard !rules.isEmpty else { throw .noRules }
    return (rules, owner)
  }

  /// A search over UTF-8 (every pack against every word list: it must be cheap).
  static func mentions(_ text: String, _ word: String) -> Bool {
    ByteSearch.contains(text, word)
  }

  /// Compiles one pack.
  public static func load(_ text: String, name: String, lexicons: [String: Lexicon] = [:]) throws(PackError) -> [Rule] {
    try packRules(in: try yamlRoot(text, name), name: name, lexicons: lexicons)
  }

  /// The one document of a YAML pack.
  static func yamlRoot(_ text: String, _ name: String) throws(PackError) -> Node {
    let documents: [Node]
    do {
      documents = try YAMLLoader.load(Array(text.utf8))
    } catch {
      throw .syntax(pack: name, position: error.position, reason: error.message)
    }
    guard documents.count == 1, let root = documents.first else { throw notOneMapping(name) }
    return root
  }

  /// A pack in its JSON form (the built-in packs).
  static func jsonRoot(_ text: String, _ name: String) throws(PackError) -> Node {
    do {
      return try JSONParser.parse(text).root
    } catch {
      throw .syntax(pack: name, position: error.position, reason: error.message)
    }
  }

  static func notOneMapping(_ name: String) -> PackError {
    .syntax(pack: name, position: nil, reason: "a pack is one YAML mapping with 'version', 'pack' and 'rules'")
  }

  /// Compiles the rules of a pack's tree.
  static func packRules(in root: Node, name: String, lexicons: [String: Lexicon]) throws(PackError) -> [Rule] {
    guard let members = root.members else { throw notOneMapping(name) }
    for member in members where !packKeys.contains(member.key) {
      throw .invalidField(
        pack: name, rule: nil, field: member.key, position: member.keyRange.start,
        reason: "unknown key (known: \(packKeys.sorted().joined(separator: ", ")))")
    }
    guard let version = root["version"], case .number("1") = version.value else {
      throw .invalidField(
        pack: name, rule: nil, field: "version", position: root["version"]?.range.start, reason: "must be 1")
    }
    guard let packName = root["pack"]?.string, isKebabCase(packName) else {
      throw .invalidField(
        pack: name, rule: nil, field: "pack", position: root["pack"]?.range.start,
        reason: "must be a kebab-case pack name")
    }
    guard let ruleNodes = root["rules"]?.elements else {
      throw .invalidField(
        pack: name, rule: nil, field: "rules", position: root["rules"]?.range.start, reason: "must be a list of rules")
    }
    var builtinLexicons: Set<String> = []
    if let listNode = root["lexicons"] {
      let known = "known: \(builtinLexiconNames.sorted().joined(separator: ", "))"
      guard let elements = listNode.elements else {
        throw .invalidField(
          pack: name, rule: nil, field: "lexicons", position: listNode.range.start,
          reason: "must be a list of built-in lexicon names (\(known))")
      }
      for element in elements {
        guard let lexicon = element.string, builtinLexiconNames.contains(lexicon) else {
          throw .invalidField(
            pack: name, rule: nil, field: "lexicons", position: element.range.start,
            reason: "unknown lexicon (\(known))")
        }
        builtinLexicons.insert(lexicon)
      }
    }
    var rules: [Rule] = []
    for node in ruleNodes {
      rules.append(try rule(node, pack: packName, file: name, lexicons: lexicons, builtinLexicons: builtinLexicons))
    }
    return rules
  }

  /// `builtinLexicons`: the names the pack lists under `lexicons:`.
  static func rule(
    _ node: Node, pack: String, file: String, lexicons: [String: Lexicon] = [:], builtinLexicons: Set<String> = []
  ) throws(PackError) -> Rule {
    guard let members = node.members else {
      throw .syntax(pack: file, position: node.range.start, reason: "each rule is a mapping")
    }
    let id = node["id"]?.string
    func bad(_ field: String, _ reason: String, _ at: Node? = nil) -> PackError {
      .invalidField(
        pack: file, rule: id, field: field, position: (at ?? node[field] ?? node).range.start, reason: reason)
    }
    for member in members where !ruleKeys.contains(member.key) {
      throw .invalidField(
        pack: file, rule: id, field: member.key, position: member.keyRange.start,
        reason: "unknown key (known: \(ruleKeys.sorted().joined(separator: ", ")))")
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
    guard let siteNodes = node["sites"]?.elements, !siteNodes.isEmpty else {
      throw bad("sites", "required, a list of sites")
    }
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
        throw bad(
          "validator", "unknown validator (known: \(Validator.allCases.map(\.rawValue).joined(separator: ", ")))")
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
      if case .compile(_, let offset, let message) = error {
        throw .regex(pack: file, rule: id, offset: offset, message: message)
      }
      throw .regex(pack: file, rule: id, offset: 0, message: error.description)
    }
    guard let examplesNode = node["examples"], let exampleMembers = examplesNode.members else {
      throw bad("examples", "required: 'match' and 'noMatch' lists (they run as tests)")
    }
    for member in exampleMembers where !exampleKeys.contains(member.key) {
      throw .invalidField(
        pack: file, rule: id, field: "examples", position: member.keyRange.start,
        reason: "unknown key '\(member.key)' (known: \(exampleKeys.sorted().joined(separator: ", ")))")
    }
    func list(_ field: String) throws(PackError) -> [String] {
      guard let elements = examplesNode[field]?.elements else {
        throw bad("examples", "needs a '\(field)' list", examplesNode)
      }
      var strings: [String] = []
      for element in elements {
        switch element.value {
        case .string(let value), .number(let value): strings.append(value)
        default: throw bad("examples", "'\(field)' entries are strings", element)
        }
      }
      return strings
    }
    /// A list of lowercase phrases (context words).
    func phrases(_ field: String, in container: Node? = nil) throws(PackError) -> [String] {
      guard let listNode = (container ?? node)[field] else { return [] }
      guard let elements = listNode.elements, !elements.isEmpty else {
        throw bad(field, "a non-empty list of words", listNode)
      }
      var out: [String] = []
      for element in elements {
        guard let word = element.string, !word.isEmpty, NameWords.normalized(word) == word else {
          throw bad(
            field, "entries are lowercase words separated by single spaces (as property names split into words)",
            element)
        }
        out.append(word)
      }
      return out
    }
    let context = try phrases("context")
    let contextRequired = node["context-required"]?.isTrue == true
    if contextRequired && context.isEmpty { throw bad("context-required", "needs a 'context' list") }
    var contextLevel: Level?
    if let levelNode = node["context-level"] {
      guard let name = levelNode.string, let level = Level(rawValue: name) else {
        throw bad("context-level", "must be error, warning or note")
      }
      contextLevel = level
    }
    var recategorize: [Recategorization] = []
    for entry in node["recategorize"]?.elements ?? [] {
      guard let name = entry["category"]?.string, let target = Category(rawValue: name) else {
        throw bad("recategorize", "each entry needs a known 'category' and a 'context' list", entry)
      }
      let words = try phrases("context", in: entry)
      guard !words.isEmpty else { throw bad("recategorize", "each entry needs a 'context' list", entry) }
      recategorize.append(Recategorization(category: target, context: words))
    }
    var needs: CharacterNeeds = []
    for element in node["needs"]?.elements ?? [] {
      guard let name = element.string, let need = CharacterNeeds.names[name] else {
        throw bad("needs", "known needs: \(CharacterNeeds.names.keys.sorted().joined(separator: ", "))", element)
      }
      needs.insert(need)
    }
    var lexicon: Lexicon?
    if let lexiconNode = node["lexicon"] {
      guard let path = lexiconNode.string, let known = lexicons[path] else {
        throw bad(
          "lexicon",
          "names a word list under patterns/ that is not loaded (known: \(lexicons.keys.sorted().joined(separator: ", ")))"
        )
      }
      lexicon = known
    }
    var examplesContext: String?
    if let contextNode = examplesNode["context"] {
      guard let text = contextNode.string else {
        throw bad("examples", "'context' is a string (the property name the examples sit under)", contextNode)
      }
      examplesContext = text
    }
    var matcher: Matcher?
    if let matcherNode = node["matcher"] {
      guard let name = matcherNode.string, let known = Matcher(rawValue: name) else {
        throw bad("matcher", "unknown matcher (known: \(Matcher.allCases.map(\.rawValue).joined(separator: ", ")))")
      }
      let missing = known.lexicons.filter { !builtinLexicons.contains($0) }
      guard missing.isEmpty else {
        let list = missing.joined(separator: ", ")
        throw bad("matcher", "\(name) reads the lexicons \(list): list them under the pack's 'lexicons'")
      }
      matcher = known
    }
    return Rule(
      id: id, pack: pack, name: try text("name"), category: category, sites: sites, regex: regex,
      validator: validator, level: level, precision: precision, securitySeverity: severity,
      summary: try text("summary"), help: try text("help"),
      examples: RuleExamples(match: try list("match"), noMatch: try list("noMatch"), context: examplesContext),
      context: context, contextRequired: contextRequired, personCue: node["person-cue"]?.isTrue == true,
      contextLevel: contextLevel,
      negativeContext: try phrases("negative-context"), recategorize: recategorize, needs: needs,
      minimumDigits: PatternLiterals.minimumDigits(pattern), lexicon: lexicon, matcher: matcher)
  }

  static func isKebabCase(_ text: String) -> Bool {
    !text.isEmpty && text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
      && text.first != "-" && text.last != "-"
  }
}
