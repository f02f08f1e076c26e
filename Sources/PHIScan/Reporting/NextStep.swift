/// What to do about a finding, in one line: read the rule's documentation, or, when the
/// string is not PHI after all, the allow-list entry that accepts exactly this finding
/// (rule, file, pointer; globs escaped). Holds no value: the pointer is the finding's own.
package enum NextStep {
  /// `Next: phi-scan explain us-ssn; if it is not PHI, allow it in .phi-scan.yml: ...`
  package static func text(_ finding: Finding) -> String {
    "Next: run `phi-scan explain \(finding.ruleID)`; if it is not PHI, accept it in .phi-scan.yml with `allow: [\(allowEntry(finding))]`."
  }

  /// A YAML flow mapping for the config's `allow` list that matches this finding only.
  package static func allowEntry(_ finding: Finding) -> String {
    let pointer = FindingMessage.pointerText(finding.pointer)
    return
      "{rule: \(finding.ruleID), path: \(quoted(Glob.escape(finding.file))), pointer: \(quoted(Glob.escape(pointer))), reason: \"...\"}"
  }

  /// A YAML double-quoted scalar (the JSON escapes, which YAML reads the same way).
  static func quoted(_ text: String) -> String {
    let json = JSONWriter()
    json.string(text)
    return String(decoding: json.bytes, as: UTF8.self)
  }
}
