import PCRE2

/// Applies a rule set to extracted strings. One detector per worker: it owns the PCRE2
/// match data, which must never be shared between threads.
public final class Detector {
  public let rules: RuleSet
  private let matchData: PCRE2MatchData
  /// Rules grouped by the site they apply to, so each string meets only its own rules.
  private let rulesBySite: [Site: [Rule]]

  public init(rules: RuleSet) throws(PCRE2Error) {
    self.rules = rules
    self.matchData = try PCRE2MatchData(ovectorPairs: 32)
    var bySite: [Site: [Rule]] = [:]
    for rule in rules.rules {
      for site in rule.sites { bySite[site, default: []].append(rule) }
    }
    self.rulesBySite = bySite
  }

  /// What one string produced: at most one finding per rule, and any match-limit problems.
  public struct Outcome {
    public var findings: [Finding] = []
    public var diagnostics: [Diagnostic] = []
  }

  /// Checks every string; `file` is the report path used in findings.
  public func detect(_ strings: [ExtractedString], file: String, reveal: Bool = false) -> Outcome {
    var outcome = Outcome()
    for string in strings {
      for rule in rulesBySite[string.site] ?? [] {
        do {
          if let verdict = try evaluate(rule, on: string.text) {
            outcome.findings.append(finding(rule, string, verdict, file: file, reveal: reveal))
          }
        } catch {
          outcome.diagnostics.append(Diagnostic(severity: .error, code: "match-limit", file: file, position: string.range.start, message: "rule \(rule.id) could not finish on the string at \(string.pointer): \(error.description); the string was not fully checked"))
        }
      }
    }
    return outcome
  }

  /// The verdict of the first match the validator accepts (or the first match, without a
  /// validator); nil when nothing qualifies. Placeholders count only if nothing real does.
  public func evaluate(_ rule: Rule, on text: String) throws(PCRE2Error) -> Verdict? {
    var placeholder = false
    for range in try rule.regex.allMatches(in: text, using: matchData) {
      guard let validator = rule.validator else { return .valid }
      let matched = String(decoding: Array(text.utf8)[range], as: UTF8.self)
      switch validator.check(matched) {
      case .valid: return .valid
      case .placeholder: placeholder = true
      case .invalid: continue
      }
    }
    return placeholder ? .placeholder : nil
  }

  func finding(_ rule: Rule, _ string: ExtractedString, _ verdict: Verdict, file: String, reveal: Bool) -> Finding {
    let confidence: Confidence = verdict == .placeholder ? .low : Detector.confidence(for: rule.level)
    let reason = verdict == .placeholder ? "a well-known placeholder \(rule.category.rawValue) value" : rule.summary
    return Finding(
      ruleID: rule.id, category: rule.category, level: confidence.level, confidence: confidence,
      site: string.site, file: file, pointer: string.pointer, range: string.range,
      shape: string.context.shape, toolName: string.context.toolName, isCached: string.context.isCached,
      mask: Redaction.mask(string.text, category: rule.category), reason: reason,
      revealedValue: reveal ? string.text : nil)
  }

  static func confidence(for level: Level) -> Confidence {
    switch level {
    case .error: return .high
    case .warning: return .medium
    case .note: return .low
    }
  }
}
