/// What a rule saw in one string: the validator's verdict and the words around the match.
struct Evidence {
  var verdict: Verdict
  /// The text the rule matched (empty for matchers).
  var matched = ""
  /// Where the match sits in the text read (UTF-8 bytes).
  var range: Range<Int>? = nil
  /// One of the rule's context words names the value's kind: in the subschema (property
  /// path, tool name, title, description), in the identifier the value sits in, or just
  /// before it in the same sentence of prose.
  var contextual = false
  /// One of the rule's negative words (`version`, `port`, `max`) marks a technical field.
  var technical = false
  /// The words that were asked (nil when the rule asks none).
  var context: ContextWords? = nil
  /// The strength a matcher gave its own match (person names are graded by how common
  /// their words are); nil for regex rules, whose levels say it.
  var graded: Confidence? = nil

  /// Valid beats placeholder; then context present; then no negative words.
  func isStronger(than other: Evidence) -> Bool { rank > other.rank }

  /// Nothing stronger can turn up: stop reading.
  var isStrongest: Bool { verdict == .valid && contextual && !technical }

  private var rank: Int { (verdict == .valid ? 4 : 0) + (contextual ? 2 : 0) + (technical ? 0 : 1) }
}

/// The one place where evidence and exposure become confidence and level (DESIGN.md 4),
/// for every rule, regex or matcher, built-in or user pack.
///
/// - Evidence: the rule's `level` without context, its `context-level` with context
///   words present, one level less with negative words; a matcher's own grade.
/// - Exposure: the provider caches the whole schema of structured outputs and strict
///   tools, titles and descriptions included, so prose weighs the same as a value;
///   prompt-only text (not cached) weighs one level less.
/// - A placeholder is always `note`: its own class, never silent.
/// - A context-gated rule whose field also carries negative words reports nothing.
/// - A level set in the config (`rules: {id: note}`) is the level of every finding of
///   that rule that survives the evidence.
enum Scoring {
  static func confidence(_ rule: Rule, _ evidence: Evidence, isCached: Bool) -> Confidence? {
    if evidence.verdict == .placeholder { return .low }
    // A rule that only its context admits (an account number under `account`) is out when
    // negative words (`ttl`, `seconds`, `medicare`) say the field is something else.
    if rule.contextRequired && evidence.technical { return nil }
    var score: Int
    if let graded = evidence.graded {
      score = graded.score
    } else {
      let level = evidence.contextual && !evidence.technical ? (rule.contextLevel ?? rule.level) : rule.level
      score = Confidence(level).score
    }
    if evidence.technical { score -= 1 }
    if !isCached { score -= 1 }
    guard let confidence = Confidence(score: score) else { return nil }
    if let fixed = rule.fixedLevel { return Confidence(fixed) }
    return confidence
  }
}
