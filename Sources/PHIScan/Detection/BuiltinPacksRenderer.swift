/// Renders `patterns/` as Swift source so the built-in packs live inside the binary.
/// Raw string literals compile fast (`.embedInCode` of large files does not), and a
/// test keeps the generated file in step with `patterns/`.
public enum BuiltinPacksRenderer {
  /// The Swift source of `BuiltinPacks+Generated.swift` for these files (sorted by path):
  /// every file as written, and each pack again as the JSON of its YAML tree, which the
  /// built-in rules load from (YAML through Yams cost a third of a one-file scan's start-up).
  /// - Throws: the first pack that is not valid YAML.
  public static func render(_ files: [(path: String, text: String)]) throws(ParseError) -> String {
    let sorted = files.sorted { $0.path < $1.path }
    var out = """
      // GENERATED FILE: do not edit. Source: patterns/ (see BuiltinPacksRenderer).
      // Regenerate with: swift run generate-builtins

      enum BuiltinPacks {
        static let files: [(path: String, text: String)] = [

      """
    for file in sorted {
      let hashes = rawDelimiter(for: file.text)
      out += "    (\n      \"\(file.path)\",\n      \(hashes)\"\"\"\n\(file.text)\n\"\"\"\(hashes)\n    ),\n"
    }
    out += "  ]\n\n  /// The packs above as JSON, tree for tree.\n  static let packTrees: [(path: String, json: String)] = [\n"
    for file in sorted where file.path.hasSuffix(".yaml") {
      let documents = try YAMLLoader.load(Array(file.text.utf8))
      let json = JSONWriter()
      for document in documents { write(document, to: json) }
      let text = String(decoding: json.bytes, as: UTF8.self)
      let hashes = rawDelimiter(for: text)
      out += "    (\"\(file.path)\", \(hashes)\"\(text)\"\(hashes)),\n"
    }
    out += "  ]\n}\n"
    return out
  }

  /// The `#`s a raw string literal of `text` needs so nothing inside ends it.
  static func rawDelimiter(for text: String) -> String {
    var hashes = "#"
    while text.contains("\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
    return hashes
  }

  /// `node` as JSON: members in document order, numbers as their source text.
  static func write(_ node: Node, to json: JSONWriter) {
    switch node.value {
    case .object(let members):
      json.raw(UInt8(ascii: "{"))
      for (index, member) in members.enumerated() {
        if index > 0 { json.raw(UInt8(ascii: ",")) }
        json.string(member.key)
        json.raw(UInt8(ascii: ":"))
        write(member.value, to: json)
      }
      json.raw(UInt8(ascii: "}"))
    case .array(let elements):
      json.array(elements) { json, element in write(element, to: json) }
    case .string(let text): json.string(text)
    case .number(let text): for byte in text.utf8 { json.raw(byte) }
    case .bool(let value): json.bool(value)
    case .null: for byte in "null".utf8 { json.raw(byte) }
    }
  }
}
