/// Renders `patterns/` as Swift source so the built-in packs live inside the binary.
/// Raw string literals compile fast (`.embedInCode` of large files does not), and a
/// test keeps the generated file in step with `patterns/`.
public enum BuiltinPacksRenderer {
  /// The Swift source of `BuiltinPacks+Generated.swift` for these files (sorted by path).
  public static func render(_ files: [(path: String, text: String)]) -> String {
    var out = """
      // GENERATED FILE: do not edit. Source: patterns/ (see BuiltinPacksRenderer).
      // Regenerate with: UPDATE_GOLDEN=1 swift test --filter BuiltinPacks

      enum BuiltinPacks {
        static let files: [(path: String, text: String)] = [

      """
    for file in files.sorted(by: { $0.path < $1.path }) {
      var hashes = "#"
      while file.text.contains("\"" + hashes) || file.text.contains("\\" + hashes) { hashes += "#" }
      out += "    (\n      \"\(file.path)\",\n      \(hashes)\"\"\"\n\(file.text)\n\"\"\"\(hashes)\n    ),\n"
    }
    out += "  ]\n}\n"
    return out
  }
}
