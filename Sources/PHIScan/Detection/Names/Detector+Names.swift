import PCRE2

/// Enums whose members are mostly person names: in them, a lone name word or an
/// ambiguous pair counts (one enum of patients, one finding per member).
struct NameEnums {
  /// The subschemas whose `enum` is such an enum.
  private(set) var subschemas: Set<Int32> = []

  /// `verdict`: the name matcher on a bare enum member (a detector passes its cached one).
  init(
    _ strings: [ExtractedString],
    verdict: (String) -> NameMatch? = { NameMatcher.match($0, context: NameContext(site: .enum)) }
  ) {
    // By index: `for string in strings` would copy every string of the document.
    var members: [Int32: (names: Int, total: Int)] = [:]
    for index in strings.indices where strings[index].site == .enum {
      let isName = (verdict(strings[index].text)?.confidence ?? .low) >= .medium
      members[strings[index].subschema, default: (0, 0)].total += 1
      if isName { members[strings[index].subschema, default: (0, 0)].names += 1 }
    }
    for (subschema, count) in members where count.total >= 2 && count.names * 2 >= count.total {
      subschemas.insert(subschema)
    }
  }

  func contains(_ string: ExtractedString) -> Bool {
    string.site == .enum && !subschemas.isEmpty && subschemas.contains(string.subschema)
  }
}

extension Detector {
  /// The findings of matcher rules on one string: at most one per rule.
  /// `texts` are the readings of the string: itself, or the literals its regex allows.
  /// `namesExpected`: the string sits in a person-name field or a name enum.
  /// `textPassedGate`: `texts` is the string itself and the name gate let it through.
  /// `names`: the names around the string (`Detector.names(around:)`), asked for only
  /// when a name is found.
  func matcherFindings(
    _ rules: [RuleBox], _ string: ExtractedString, texts: [String], namesExpected: Bool, textPassedGate: Bool = false,
    names: () -> [String], file: String, reveal: Bool
  ) -> [Finding] {
    return rules.compactMap {
      matcherFinding(
        $0.rule, string, texts, namesExpected: namesExpected, textPassedGate: textPassedGate, names: names, file: file,
        reveal: reveal)
    }
  }

  /// A finding from a rule with a Swift matcher. The regex is a prefilter; the matcher
  /// sets the confidence; prompt-only text (not cached by the provider) weighs one less.
  /// `texts` are the readings of the string: itself, or the literals a regex allows
  /// (a `pattern` literal reads like a value, a `patternProperties` one like a name).
  func matcherFinding(
    _ rule: Rule, _ string: ExtractedString, _ texts: [String], namesExpected: Bool, textPassedGate: Bool = false,
    names: () -> [String], file: String, reveal: Bool
  ) -> Finding? {
    guard rule.matcher == .personName else { return nil }
    let site: Site
    switch string.site {
    case .pattern: site = .const
    case .patternProperty: site = .propertyName
    default: site = string.site
    }
    var best: NameMatch?
    for text in texts {
      guard let match = nameMatch(rule, text, site: site, namesExpected: namesExpected, passedGate: textPassedGate)
      else { continue }
      if best == nil || (best!.isPlaceholder && !match.isPlaceholder)
        || (best!.isPlaceholder == match.isPlaceholder && match.confidence > best!.confidence)
      {
        best = match
      }
    }
    guard let match = best else { return nil }
    var graded = match.confidence
    // Attribution (authors, maintainers) caps at low; the names around are gathered only
    // for the few strings that hold a name, never for every string.
    if graded > .low && NameMatcher.isAttribution(names()) { graded = .low }
    let evidence = Evidence(verdict: match.isPlaceholder ? .placeholder : .valid, graded: graded)
    guard let confidence = Scoring.confidence(rule, evidence, isCached: string.context.isCached) else { return nil }
    return finding(
      rule, string, evidence.verdict, category: rule.category, confidence: confidence, reason: match.reason, file: file,
      reveal: reveal)
  }

  /// The rule's prefilter and the name matcher on one reading, remembered: schemas repeat
  /// the same strings (property names, enum members, shared descriptions) many times,
  /// and the verdict is a pure function of this key.
  /// `passedGate`: the caller already ran the name gate on `text`.
  func nameMatch(_ rule: Rule, _ text: String, site: Site, namesExpected: Bool, passedGate: Bool = false) -> NameMatch?
  {
    // Most strings hold no name word at all: they skip the regex, the cache and the matcher.
    if !namesExpected && !passedGate && !nameGate.mayHoldName(text) { return nil }
    let key = NameMatchKey(ruleID: rule.id, text: text, site: site, namesExpected: namesExpected)
    if let known = nameMatchCache[key] { return known }
    var match: NameMatch?
    if (try? rule.regex.matches(text, using: matchData)) == true {
      match = NameMatcher.match(text, site: site, namesExpected: namesExpected, isAttribution: false, lexicon: .builtin)
    }
    nameMatchCache.remember(key, match)
    return match
  }

  /// `NameMatcher.match(text, context: NameContext(site: .enum))`, remembered.
  func enumMemberVerdict(_ text: String) -> NameMatch? {
    if !nameGate.mayHoldName(text) { return nil }
    let key = NameMatchKey(ruleID: NameMatchKey.enumMembers, text: text, site: .enum, namesExpected: false)
    if let known = nameMatchCache[key] { return known }
    let match = NameMatcher.match(text, site: .enum, namesExpected: false, isAttribution: false, lexicon: .builtin)
    nameMatchCache.remember(key, match)
    return match
  }

  /// A matcher rule's verdict on a bare string (rule examples), read as the rule's first
  /// site would read it, without surrounding context.
  func matcherVerdict(_ rule: Rule, on text: String) throws(PCRE2Error) -> Verdict? {
    guard try rule.regex.matches(text, using: matchData), let site = rule.sites.min() else { return nil }
    guard let match = NameMatcher.match(text, context: NameContext(site: site)) else { return nil }
    return match.isPlaceholder ? .placeholder : .valid
  }
}

/// The key of a remembered name-matcher verdict.
struct NameMatchKey: Hashable {
  var ruleID: String
  var text: String
  var site: Site
  var namesExpected: Bool

  /// The key's rule for enum-member verdicts (no prefilter); no rule id holds a NUL.
  static let enumMembers = "\u{0}enum-members"
}
