@testable import PHIScan

/// The value a label or finding points at, read from parsed documents: the tests' own
/// way to know what must never appear in a report.
enum PointerValues {
  /// Follows the pointer; for name sites the value is the last token itself.
  static func resolve(_ finding: Finding, in documents: [Document]) -> String? {
    let tokens = finding.pointer.tokens
    for document in documents {
      let prefix = document.rootPointer.tokens
      guard tokens.starts(with: prefix) else { continue }
      let rest = Array(tokens.dropFirst(prefix.count))
      if [.propertyName, .patternProperty, .defsKey].contains(finding.site) { return rest.last }
      var node = document.root
      for token in rest {
        // A pointer may continue into a schema serialized in a string (Bedrock's output
        // schema): the shape stage parses it the same way.
        if let text = node.string, let embedded = try? JSONParser.parse(Array(text.utf8)).root { node = embedded }
        if let members = node.members, let member = members.first(where: { $0.key == token }) {
          node = member.value
        } else if let elements = node.elements, let index = Int(token), elements.indices.contains(index) {
          node = elements[index]
        } else {
          return nil
        }
      }
      switch node.value {
      case .string(let text), .number(let text): return text
      default: return nil
      }
    }
    return nil
  }
}
