/// A pattern pack that cannot be loaded. Messages name the pack, the rule, the position
/// and what to change; a pack error stops the run before any file is read (exit 2).
public enum PackError: Error, Sendable, Equatable, CustomStringConvertible {
  case unreadable(pack: String, reason: String)
  case syntax(pack: String, position: SourcePosition?, reason: String)
  case invalidField(pack: String, rule: String?, field: String, position: SourcePosition?, reason: String)
  case regex(pack: String, rule: String, offset: Int, message: String)
  case duplicateRule(id: String, packs: [String])
  case noRules

  public var description: String {
    switch self {
    case .unreadable(let pack, let reason):
      return "pack \(pack): cannot be read: \(reason)"
    case .syntax(let pack, let position, let reason):
      return "pack \(pack)\(position.map { ":\($0)" } ?? ""): \(reason)"
    case .invalidField(let pack, let rule, let field, let position, let reason):
      let location = position.map { ":\($0)" } ?? ""
      return "pack \(pack)\(location)\(rule.map { ", rule \($0)" } ?? ""): field '\(field)': \(reason)"
    case .regex(let pack, let rule, let offset, let message):
      return "pack \(pack), rule \(rule): regex does not compile at offset \(offset): \(message)"
    case .duplicateRule(let id, let packs):
      return
        "rule id \(id) is defined in more than one pack (\(packs.joined(separator: ", "))); rule ids must be unique"
    case .noRules:
      return "no rules are loaded; a scan without rules would find nothing"
    }
  }
}
