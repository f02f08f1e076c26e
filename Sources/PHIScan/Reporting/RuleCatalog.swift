import Foundation

/// Rule documentation for people: the `phi-scan rules` table and `phi-scan explain`.
/// Rule examples are synthetic by contract (DESIGN.md 5), so printing them is safe.
package enum RuleCatalog {
  /// Why a flagged string matters; shared with SARIF `help`.
  package static let why =
    "Anthropic compiles the JSON Schemas of structured outputs and strict tools into grammars cached for up to 24 hours outside the HIPAA protections that cover prompts, and tool search indexes tool names, descriptions and argument metadata the same way; other providers handle schemas alike. Schemas must describe PHI fields, never contain PHI."

  /// How to fix a finding; shared with SARIF `help`.
  package static let fix =
    "Keep identifiers in message content, not in the schema: replace literal values in enum, const, default, examples and pattern with a generic format (type, format, pattern built from character classes), and describe the field in words."

  /// One row per rule, columns aligned: id, category, level, sites, pack.
  package static func table(_ rules: RuleSet) -> String {
    let header = ["ID", "CATEGORY", "LEVEL", "SITES", "PACK"]
    let rows = rules.rules.map { rule in
      [
        rule.id, rule.category.rawValue, rule.level.rawValue,
        rule.sites.isEmpty ? "(none)" : rule.sites.sorted().map(\.rawValue).joined(separator: ","), rule.pack,
      ]
    }
    let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map {
        $0 == cells.count - 1 ? $1 : $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0)
      }.joined(separator: "  ")
    }
    return ([line(header)] + rows.map(line)).joined(separator: "\n")
      + "\n\(rules.rules.count) rule\(rules.rules.count == 1 ? "" : "s")\n"
  }

  /// The same list for scripts: one object per rule, sorted keys, one line.
  package static func json(_ rules: RuleSet) -> String {
    JSONWriter.text { json in
      json.array(rules.rules) { json, rule in
        json.object { o in
          o.string("category", rule.category.rawValue)
          o.string("id", rule.id)
          o.string("level", rule.level.rawValue)
          o.string("name", rule.name)
          o.string("pack", rule.pack)
          o.string("precision", rule.precision)
          o.string("securitySeverity", String(format: "%.1f", rule.securitySeverity))
          o.array("sites", rule.sites.sorted()) { json, site in json.string(site.rawValue) }
          o.string("summary", rule.summary)
        }
      }
    }
  }

  /// Everything about one rule, for a terminal.
  /// The scoring every rule shares (`Scoring.confidence`, docs/patterns.md "Deciding").
  static let scoring = """
    the rule's level without its context words, its level with cue with them (in prose: \
    the words just before the value in its sentence; in names: the name's other words); \
    negative words lower one level (and silence a rule that needs context); prompt-only \
    text (not cached by the provider) is one level lower, prose is not; placeholders and \
    samples ("e.g. ...") are notes; a level set in the config replaces the result. Codes \
    of medical vocabularies are never identifiers of a person. Notes are reported only \
    with --min-level note.
    """

  package static func explanation(_ rule: Rule) -> String {
    var out = "\(rule.id): \(rule.name)\n\n"
    out += "  pack       \(rule.pack)\n"
    out += "  category   \(rule.category.rawValue)\n"
    out +=
      "  level      \(rule.level.rawValue) (precision \(rule.precision), security-severity \(String(format: "%.1f", rule.securitySeverity)))\n"
    if let contextLevel = rule.contextLevel, contextLevel != rule.level {
      out += "  with cue   \(contextLevel.rawValue)\n"
    }
    if !rule.context.isEmpty {
      out += "  context    \(rule.context.joined(separator: ", "))\(rule.contextRequired ? " (required)" : "")\n"
    }
    if !rule.negativeContext.isEmpty { out += "  negative   \(rule.negativeContext.joined(separator: ", "))\n" }
    out += "  sites      \(rule.sites.sorted().map(\.rawValue).joined(separator: ", "))\n"
    if let validator = rule.validator { out += "  validator  \(validator.rawValue)\n" }
    out += "  regex      \(rule.regex.pattern)\n\n"
    out += "\(rule.summary)\n\n\(rule.help.trimmingCharacters(in: .whitespacesAndNewlines))\n\n"
    out += "Why it matters: \(why)\n\nHow to fix: \(fix)\n\n"
    out += "How the level is set (the same for every rule): \(scoring)\n\n"
    out += "Examples (synthetic) that are flagged:\n" + rule.examples.match.map { "  + \($0)\n" }.joined()
    out += "Examples that are not:\n" + rule.examples.noMatch.map { "  - \($0)\n" }.joined()
    return out
  }
}
