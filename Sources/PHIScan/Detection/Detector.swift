import PCRE2

/// Applies a rule set to extracted strings. One detector per worker: it owns the PCRE2
/// match data, which must never be shared between threads.
///
/// Deciding (DESIGN.md 4) happens in three steps: the rules of the string's site run
/// (name sites also on the string split into words; `pattern` and `pattern-property`
/// strings on the literals their regex allows); a validator accepts, rejects or marks
/// the match as a placeholder; then context words, the site and whether the provider
/// caches the string set the confidence, which sets the level.
@_spi(Internals) public final class Detector {
  public let rules: RuleSet
  let matchData: PCRE2MatchData
  /// Person-name verdicts already reached by this worker (see `nameMatch`).
  let nameMatchCache = BoundedMemo<NameMatchKey, NameMatch?>()
  /// What each regex literal allows, by pattern: schemas repeat the same patterns.
  let patternAnalyses = BoundedMemo<String, PatternLiterals.Analysis>()
  /// Spares the name matcher strings without a name word (see `NameGate`).
  let nameGate = NameLexicon.builtinGate
  /// Rules grouped by the site they apply to, so each string meets only its own rules.
  private let rulesBySite: [Site: [Rule]]
  /// `rules(for:)` of every site by `Site.ordinal`, computed once (rules with a Swift
  /// matcher apart), boxed: iterating plain `Rule` values would copy (retain and
  /// release) each rule's many fields for every string.
  private let checkedBySite: [[RuleBox]]
  /// Rules with a Swift matcher (person names), by `Site.ordinal`; they skip the regex
  /// prefilter.
  private let matcherRulesBySite: [[RuleBox]]
  /// For each site (by `Site.ordinal`), the weakest prefilter requirements of its rules:
  /// a string that meets none of them meets no rule of the site. A few plain values, where
  /// checking every rule's box chased one pointer per rule for every string.
  private let weakestBySite: [[Requirement]]

  /// What a rule's prefilter asks of a string.
  struct Requirement: Equatable {
    let needs: CharacterNeeds
    let digits: Int
    let length: Int

    /// True when every string that meets `other` meets this one too: a string offering
    /// exactly what `other` asks is allowed by this one.
    func isImplied(by other: Requirement) -> Bool {
      Offer(needs: other.needs, digits: other.digits, length: other.length).allows(
        needs, digits: digits, length: length)
    }

    /// The requirements no other one implies (one of each equal group): meeting any rule's
    /// requirement is the same as meeting one of these.
    static func weakest(_ all: [Requirement]) -> [Requirement] {
      var kept: [Requirement] = []
      for requirement in all {
        // Covered: a kept requirement is weaker than this one, or the same.
        if kept.contains(where: { $0.isImplied(by: requirement) }) { continue }
        // Kept ones stronger than this one are covered by it from now on.
        kept.removeAll { requirement.isImplied(by: $0) }
        kept.append(requirement)
      }
      return kept
    }
  }

  final class RuleBox {
    let rule: Rule
    /// The rule's needs and bounds, apart: reading them through `rule` copies the whole
    /// struct.
    let needs: CharacterNeeds
    let minimumDigits: Int
    /// PCRE2's own bound: a shorter text cannot match, so the search is not even started.
    let minimumLength: Int
    /// The rule reads the words around a match (context, negative words, recategorizing).
    let asksContext: Bool
    /// The rule counts a person's name before a match in prose as context.
    let personCue: Bool
    init(_ rule: Rule) {
      self.rule = rule
      self.needs = rule.needs
      self.minimumDigits = rule.minimumDigits
      self.minimumLength = rule.regex.minimumLength
      self.asksContext = !rule.context.isEmpty || !rule.negativeContext.isEmpty || !rule.recategorize.isEmpty
      self.personCue = rule.personCue
    }

    @inline(__always) func isAllowed(by offer: Offer) -> Bool {
      offer.allows(needs, digits: minimumDigits, length: minimumLength)
    }
  }

  public init(rules: RuleSet) throws(PCRE2Error) {
    self.rules = rules
    self.matchData = try PCRE2MatchData(ovectorPairs: 32)
    var bySite: [Site: [Rule]] = [:]
    for rule in rules.rules {
      for site in rule.sites { bySite[site, default: []].append(rule) }
    }
    self.rulesBySite = bySite
    var checked = [[RuleBox]](repeating: [], count: Site.allCases.count)
    var matched = [[RuleBox]](repeating: [], count: Site.allCases.count)
    for site in Site.allCases {
      let siteRules = Detector.rules(for: site, in: bySite)
      checked[site.ordinal] = siteRules.filter { $0.matcher == nil }.map(RuleBox.init)
      matched[site.ordinal] = siteRules.filter { $0.matcher != nil }.map(RuleBox.init)
    }
    self.checkedBySite = checked
    self.matcherRulesBySite = matched
    self.weakestBySite = checked.map { boxes in
      Requirement.weakest(
        boxes.map { Requirement(needs: $0.needs, digits: $0.minimumDigits, length: $0.minimumLength) })
    }
  }

  /// What one string produced: at most one finding per category, and any problems
  /// (without a file: the scanner adds it).
  public struct Outcome {
    public var findings: [Finding] = []
    public var diagnostics: [Diagnostic] = []
  }

  /// The rules that check a string of this site. Regex sites check the literals their
  /// pattern allows: `pattern` literals like values (`const`), `pattern-property`
  /// literals like property names.
  func rules(for site: Site) -> [Rule] { checkedBySite[site.ordinal].map(\.rule) }

  static func rules(for site: Site, in rulesBySite: [Site: [Rule]]) -> [Rule] {
    switch site {
    case .pattern: return (rulesBySite[.pattern] ?? []) + (rulesBySite[.const] ?? [])
    case .patternProperty: return (rulesBySite[.patternProperty] ?? []) + (rulesBySite[.propertyName] ?? [])
    default: return rulesBySite[site] ?? []
    }
  }

  /// What the strings of one document share while they are checked, built on demand.
  struct DocumentState {
    let subschemas: [Subschema]
    var outcome = Outcome()
    /// Titles and descriptions by subschema, built when a string first needs context.
    var proseBySubschema: ProseBySubschema?
    /// Enums whose members are mostly person names, built when a name rule first meets an enum.
    var nameEnums: NameEnums?
    /// The last property path asked about and what it says about names: the strings
    /// of one subschema come together and share their path.
    var lastPath: [String]?
    /// What the last path says, once asked: a role is looked for only for values.
    var lastNameField: Bool?
    var lastRoleField: Bool?

    /// `NameMatcher.personField(...).expectsName(at:)`, remembered for the last path.
    mutating func expectsName(_ path: [String], site: Site) -> Bool {
      if lastPath != path {
        lastPath = path
        lastNameField = nil
        lastRoleField = nil
      }
      if lastNameField == nil { lastNameField = NameMatcher.isPersonNameField(path, .builtin) }
      if lastNameField == true { return true }
      guard NameMatcher.PersonField.role.expectsName(at: site) else { return false }
      if lastRoleField == nil { lastRoleField = NameMatcher.isPersonRoleField(path, .builtin) }
      return lastRoleField == true
    }
  }

  /// Checks every string of one document; `subschemas` are those its strings belong to
  /// (`Extraction.subschemas`); `file` is the report path used in findings.
  public func detect(_ strings: [ExtractedString], subschemas: [Subschema], file: String, reveal: Bool = false)
    -> Outcome
  {
    var state = DocumentState(subschemas: subschemas)
    // By index: `for string in strings` copies (retains and releases) every field of
    // every string.
    for index in strings.indices {
      detect(at: index, in: strings, file: file, reveal: reveal, state: &state)
    }
    return state.outcome
  }

  /// The extraction's strings, checked as one document.
  public func detect(_ extraction: Extraction, file: String, reveal: Bool = false) -> Outcome {
    detect(extraction.strings, subschemas: extraction.subschemas, file: file, reveal: reveal)
  }

  /// Checks `strings[index]` (the document's strings give enums and context). Fields are
  /// read through the array: binding the string to a name copies (retains and releases)
  /// every field, for every string.
  private func detect(
    at index: Int, in strings: [ExtractedString], file: String, reveal: Bool, state: inout DocumentState
  ) {
    // Single fields, not the whole string: only `text` is retained.
    let site = strings[index].site
    let text = strings[index].text
    // Matcher rules (person names) read every string of their sites themselves.
    let isRegex = site == .pattern || site == .patternProperty
    // A regex is read through the literals it allows, by name and regex rules alike.
    let analysis = isRegex ? analyse(text) : nil
    let nameRules = matcherRulesBySite[site.ordinal]
    if !nameRules.isEmpty {
      var inNameEnum = false
      if site == .enum {
        if state.nameEnums == nil { state.nameEnums = NameEnums(strings, verdict: enumMemberVerdict) }
        inNameEnum = state.nameEnums?.contains(strings[index]) ?? false
      }
      // The name gate first: most strings hold no name word and, outside a person-name
      // field, skip the matcher rules without building anything.
      let isNameField = inNameEnum || state.expectsName(strings[index].propertyPath, site: site)
      if isRegex || isNameField || nameGate.mayHoldName(text, at: site) {
        // Past the site's gate, the text passes the plain gate too (it looks at more words).
        let passedGate = !isRegex && !isNameField
        let names = { Self.names(around: strings[index], state.subschemas) }
        state.outcome.findings += matcherFindings(
          nameRules, strings[index], texts: analysis?.strings ?? [text], namesExpected: isNameField,
          textPassedGate: passedGate, names: names, file: file, reveal: reveal)
      }
    }
    let siteRules = checkedBySite[site.ordinal]
    guard !siteRules.isEmpty else { return }
    // Prefilter: most strings (plain names, prose without digits) offer none of the
    // characters any rule of their site needs, and skip everything below. Word
    // splitting only lowercases, so it never offers more than the text itself.
    var textOffer: Offer?
    if !isRegex {
      let offer = Offer.of(text)
      guard
        weakestBySite[site.ordinal].contains(where: { offer.allows($0.needs, digits: $0.digits, length: $0.length) })
      else { return }
      textOffer = offer
    }
    var candidates: [String]
    if let analysis {
      if let limit = analysis.limitHit {
        state.outcome.diagnostics.append(
          .patternTooComplex(at: strings[index].range.start, pointer: strings[index].pointer, limit: "\(limit)"))
      }
      candidates = analysis.strings
    } else {
      candidates = [text]
    }
    if site.holdsName {
      for candidate in candidates {
        let words = NameWords.normalized(candidate)
        if words != candidate && !words.isEmpty && !candidates.contains(words) { candidates.append(words) }
      }
    }
    // The text itself (the first candidate outside regexes) was read by the prefilter.
    let offered = candidates.indices.map { position in
      if position == 0, let textOffer { return textOffer }
      return Offer.of(candidates[position])
    }
    // The context words are built only once a regex matched: most candidates that pass
    // the prefilter still match nothing, and splitting the context is the costly part.
    var builtContext: ContextWords?
    func context() -> ContextWords {
      if let builtContext { return builtContext }
      if state.proseBySubschema == nil { state.proseBySubschema = ProseBySubschema(strings) }
      let made = ContextWords(contextWords(strings[index], prose: &state.proseBySubschema!))
      builtContext = made
      return made
    }
    // Prose says what a value is in the words just before it, in its own sentence; the
    // rest of the text and the subschema around it do not (a description mentions many
    // things). Elsewhere the subschema's words say it.
    let readsCues = site.holdsProse
    func contextOf(_ candidate: String, _ match: Range<Int>) -> ContextWords {
      guard readsCues else { return context() }
      let window = Readings.cueWindow(before: match, in: candidate)
      var words = ContextWords([window])
      words.cueWindow = window
      return words
    }
    // A value that prose introduces as a sample ("e.g. ...", "such as ...") shows a format.
    func isSample(_ evidence: Evidence) -> Bool {
      guard readsCues, let range = evidence.range else { return false }
      let sentence = Readings.cueWindow(before: range, in: text, maximumWords: Readings.maximumSampleWords)
      return ContextWords([sentence]).containsAny(Readings.exampleCues)
    }
    var best: [Category: (finding: Finding, confidence: Confidence, specific: Bool, generic: Bool, matched: String)] =
      [:]
    var namesCodeSystem: Bool?
    func consider(_ box: RuleBox, _ found: Evidence) {
      let rule = box.rule
      var evidence = found
      if evidence.verdict == .valid && isSample(evidence) { evidence.verdict = .placeholder }
      // A code of a medical vocabulary is not an identifier of a person, whatever the
      // words around it: by its checked form, or by a name around it (a property, a
      // `$defs` key) that names the code system.
      if MedicalVocabulary.guards(rule.category) {
        if MedicalVocabulary.isCode(evidence.matched) { return }
        if namesCodeSystem == nil {
          namesCodeSystem = MedicalVocabulary.namesCodeSystem(Self.names(around: strings[index], state.subschemas))
        }
        if namesCodeSystem == true { return }
      }
      guard let confidence = Scoring.confidence(rule, evidence, isCached: strings[index].context.isCached) else {
        return
      }
      let category =
        rule.recategorize.first { (evidence.context ?? context()).containsAny($0.context) }?.category ?? rule.category
      if let current = best[category], current.confidence >= confidence { return }
      let made = finding(
        rule, strings[index], evidence.verdict, category: category, confidence: confidence, file: file, reveal: reveal)
      best[category] = (
        made, confidence, !rule.contextRequired && evidence.verdict == .valid, rule.contextRequired, evidence.matched
      )
    }
    func check(_ boxes: [RuleBox], _ candidates: [String], _ offered: [Offer]) {
      let offeredByAny = offered.reduce(Offer.none) { $0.union($1) }
      for box in boxes {
        guard box.isAllowed(by: offeredByAny) else { continue }
        do {
          // Most rules stop here; binding `rule` before would copy the struct for each.
          guard let evidence = try self.evidence(box, candidates: candidates, offered: offered, context: contextOf)
          else { continue }
          consider(box, evidence)
        } catch {
          state.outcome.diagnostics.append(
            .matchLimit(at: strings[index].range.start, pointer: strings[index].pointer, rule: box.rule.id, error))
        }
      }
    }
    check(siteRules, candidates, offered)
    // Identifiers hold values too (`verify_ssn_440258358`, `host_213.144.184.92`): value
    // rules read each run of segments, with the identifier's other words as context.
    if site.holdsName {
      // From the readings as written (the text, or a regex's literals), not their words.
      let written = analysis?.strings ?? [text]
      let runs = written.flatMap(Readings.identifierRuns)
      if !runs.isEmpty { check(checkedBySite[Site.const.ordinal], runs, runs.map(Offer.of)) }
    }
    // A shape-specific match (an SSN under `member_ssn`) wins over a generic id that only
    // its field name suggested (a member id) read from the same value: one value, one
    // identifier. Other values of the same text (an MRN after a date in prose) stay.
    let specific = best.values.filter(\.specific).map(\.matched)
    func isShadowed(_ entry: (finding: Finding, confidence: Confidence, specific: Bool, generic: Bool, matched: String))
      -> Bool
    {
      entry.generic && specific.contains { $0.contains(entry.matched) || entry.matched.contains($0) }
    }
    state.outcome.findings += best.values.filter { !isShadowed($0) }.map(\.finding).sorted { $0.ruleID < $1.ruleID }
  }

  /// `PatternLiterals.analyse`, remembered.
  func analyse(_ pattern: String) -> PatternLiterals.Analysis {
    if let known = patternAnalyses[pattern] { return known }
    let analysis = PatternLiterals.analyse(pattern)
    patternAnalyses.remember(pattern, analysis)
    return analysis
  }

  /// The best evidence over several readings of one string (as written, split into
  /// words, the runs of an identifier, or the literals of a regex). Rules come boxed:
  /// handing a `Rule` value to a function copies (retains) all its fields, for every string.
  /// `context`: the words that say what a match in a candidate is.
  func evidence(
    _ box: RuleBox, candidates: [String], offered: [Offer]? = nil, context: (String, Range<Int>) -> ContextWords?
  ) throws(PCRE2Error) -> Evidence? {
    var best: Evidence?
    for (i, candidate) in candidates.enumerated() {
      let offering = offered?[i] ?? Offer.of(candidate)
      guard let found = try evidence(box, on: candidate, offering: offering, context: { context(candidate, $0) }) else {
        continue
      }
      if best.map({ found.isStronger(than: $0) }) ?? true { best = found }
      if found.isStrongest { break }
    }
    return best
  }

  /// How the detector reads one string for a rule outside any document, as rule
  /// examples do: under `context` (a property name, or the words before the value in
  /// prose), and as an identifier's words and runs too when the rule applies to names.
  public func verdict(_ rule: Rule, on text: String, context: String? = nil) throws(PCRE2Error) -> Verdict? {
    var candidates = [text]
    if rule.sites.contains(where: \.holdsName) {
      let words = NameWords.normalized(text)
      if words != text && !words.isEmpty { candidates.append(words) }
      candidates += Readings.identifierRuns(text)
    }
    let words = ContextWords([context ?? "", text])
    return try evidence(RuleBox(rule), candidates: candidates, context: { _, _ in words })?.verdict
  }

  /// The evidence of the strongest match in `text` that the validator (and lexicon)
  /// accepts, with whether the rule's context words and negative words surround it.
  /// `context` gives the words around a match (its UTF-8 byte range), asked for only
  /// after a match: building them costs more than the regex.
  func evidence(_ box: RuleBox, on text: String, offering offered: Offer, context: (Range<Int>) -> ContextWords?)
    throws(PCRE2Error) -> Evidence?
  {
    if box.rule.matcher != nil { return try matcherVerdict(box.rule, on: text).map { Evidence(verdict: $0) } }
    guard box.isAllowed(by: offered) else { return nil }
    let matches = try box.rule.regex.allMatches(in: text, using: matchData)
    guard !matches.isEmpty else { return nil }
    var best: Evidence?
    let bytes = Array(text.utf8)
    for range in matches {
      let matched = String(decoding: bytes[range], as: UTF8.self)
      if let lexicon = box.rule.lexicon, !lexicon.accepts(matched) { continue }
      // Context is built only for rules that ask it: splitting it costs more than the regex.
      let words = box.asksContext ? context(range) : nil
      var contextual = words?.containsAny(box.rule.context) ?? false
      if !contextual, box.personCue, let window = words?.cueWindow { contextual = Readings.namesPerson(window) }
      // A context-gated rule matches many short tokens: the gate comes before the validator.
      if box.rule.contextRequired && !contextual { continue }
      let verdict = box.rule.validator?.check(matched) ?? .valid
      if verdict == .invalid { continue }
      let found = Evidence(
        verdict: verdict, matched: matched, range: range, contextual: contextual,
        technical: words?.containsAny(box.rule.negativeContext) ?? false, context: words)
      if best.map({ found.isStronger(than: $0) }) ?? true { best = found }
      if found.isStrongest { break }
    }
    return best
  }

  /// The words that describe a string: the enclosing property names, the tool name,
  /// the subschema's title and description, the keys between the subschema and the
  /// string (`x-reviewed-ip`, the keys of an object inside `default`), and the string.
  /// `prose`: titles and descriptions by subschema.
  func contextWords(_ string: ExtractedString, prose: inout ProseBySubschema) -> ContextWords.Words {
    var words = ContextWords.Words()
    for name in string.propertyPath { words.append(name) }
    if let tool = string.context.toolName { words.append(tool) }
    words.append(prose.words(of: string.subschema))
    if string.site.holdsData {
      for key in string.dataKeys { words.append(key) }
    }
    words.append(string.text)
    return words
  }

  /// The names around a string: its subschema's and those of the subschemas around it
  /// (property names, `$defs` keys), the keys between it and its subschema, and the
  /// property path of the definition's first use.
  static func names(around string: ExtractedString, _ subschemas: [Subschema]) -> [String] {
    subschemas.names(along: string.subschema) + string.dataKeys + string.propertyPath
  }

  /// The one place a finding is made, for pattern and name rules alike. `reason`: why the
  /// name matcher found a value; pattern rules give their summary, or say a placeholder is one.
  func finding(
    _ rule: Rule, _ string: ExtractedString, _ verdict: Verdict, category: Category, confidence: Confidence,
    reason matched: String? = nil, file: String, reveal: Bool
  ) -> Finding {
    let reason =
      matched
      ?? (verdict == .placeholder
        ? "a well-known placeholder or non-personal \(category.rawValue) value" : rule.summary)
    return Finding(
      ruleID: rule.id, category: category, level: confidence.level, confidence: confidence,
      site: string.site, file: file, pointer: string.pointer, range: string.range,
      shape: string.context.shape, toolName: string.context.toolName, isCached: string.context.isCached,
      mask: Redaction.mask(string.text, category: category), reason: reason,
      revealedValue: reveal ? string.text : nil,
      relatedLocations: string.relatedLocations.map {
        Finding.RelatedLocation(
          file: file, pointer: $0.pointer, range: $0.range, message: "uses this definition through $ref")
      })
  }
}
