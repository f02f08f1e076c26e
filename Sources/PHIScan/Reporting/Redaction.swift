/// Stand-ins for flagged values. Reports show these, never the value.
package enum Redaction {
  /// `[ssn, 11 chars]`: the category and the length, which helps triage and reveals nothing.
  package static func mask(_ value: String, category: Category) -> String {
    "[\(category.rawValue), \(value.count) char\(value.count == 1 ? "" : "s")]"
  }
}
