/// A subschema as the walker met it, or the envelope of one tool (its name, title and
/// description). Every extracted string names the one it belongs to
/// (`ExtractedString.subschema`): a property's name, title, description and values share
/// one, so do an enum's members, and detection reads the context of a string from its
/// group, never from the text of its pointer.
@_spi(Internals) public struct Subschema: Sendable, Equatable {
  /// Where it is: the schema object, or the tool object of an envelope.
  public var pointer: JSONPointer
  /// The enclosing subschema (an index into the same list), or -1 at a root.
  public var parent: Int32
  /// The key that names it in its parent: a property name, a `$defs` key, an unknown
  /// keyword a `$ref` uses as a schema; nil for roots and unnamed subschemas (`items`).
  public var name: String?

  public init(pointer: JSONPointer, parent: Int32, name: String?) {
    self.pointer = pointer
    self.parent = parent
    self.name = name
  }
}

extension Array where Element == Subschema {
  /// The names of `subschema` and of the subschemas around it, outermost first
  /// (`$defs/LoincCode/properties/code` gives `LoincCode`, `code`).
  func names(along subschema: Int32) -> [String] {
    var names: [String] = []
    var current = subschema
    // A parent always comes before its child: the walk stops even on a malformed list.
    while current >= 0, Int(current) < count {
      if let name = self[Int(current)].name { names.append(name) }
      let parent = self[Int(current)].parent
      guard parent < current else { break }
      current = parent
    }
    return names.reversed()
  }
}
