@_spi(Internals) import PHIScan

/// Renders `patterns/` as `BuiltinPacks+Generated.swift`, the Swift source that puts the
/// built-in packs and the lexicons they name inside the binary. Used by the
/// `generate-builtins` tool, which writes the file, and by the test that fails when the
/// file is stale; the product never runs it.
///
/// Each pack is embedded once, as the JSON of the tree its YAML reads as: the loader
/// parses JSON far faster than YAML (Yams cost a third of a one-file scan's start-up).
/// Each lexicon a pack names (`lexicons: [given-names, ...]`) becomes a typed table of
/// words grouped by kind and rank (`LexiconTable`), so the library never reads the
/// lexicon text formats. Both go into raw string literals: they compile fast, where
/// large array literals of structs type-check slowly.
public enum BuiltinPacksRenderer {
  /// Where the generated file goes, relative to the package root.
  public static let generatedPath = "Sources/PHIScan/Detection/BuiltinPacks+Generated.swift"

  public enum Failure: Error, CustomStringConvertible {
    case notYAML(path: String, reason: String)
    case badLexiconList(pack: String)
    case missingLexicon(name: String, pack: String)

    public var description: String {
      switch self {
      case .notYAML(let path, let reason): return "\(path): \(reason)"
      case .badLexiconList(let pack): return "\(pack): 'lexicons' is a list of lexicon names"
      case .missingLexicon(let name, let pack):
        return "\(pack) names the lexicon '\(name)', but there is no lexicons/\(name).txt or lexicons/\(name).tsv"
      }
    }
  }

  /// The Swift source for these files of `patterns/` (paths relative to it): the
  /// `*.yaml` packs, and the `lexicons/*.txt|tsv` the packs name (others are left out).
  public static func render(_ files: [(path: String, text: String)]) throws(Failure) -> String {
    let sorted = files.sorted { $0.path < $1.path }
    var packs: [(path: String, json: String)] = []
    // Each lexicon name, and the first pack that names it (for the error).
    var named: [String: String] = [:]
    for file in sorted where file.path.hasSuffix(".yaml") {
      let documents: [Node]
      do { documents = try YAMLLoader.load(Array(file.text.utf8)) } catch {
        throw .notYAML(path: file.path, reason: "\(error)")
      }
      var json = ""
      for document in documents {
        writeJSON(document, to: &json)
        guard let list = document["lexicons"] else { continue }
        guard let elements = list.elements else { throw .badLexiconList(pack: file.path) }
        for element in elements {
          guard let name = element.string else { throw .badLexiconList(pack: file.path) }
          if named[name] == nil { named[name] = file.path }
        }
      }
      packs.append((file.path, json))
    }
    var lexicons: [(name: String, groups: [LexiconGroup])] = []
    for (name, pack) in named.sorted(by: { $0.key < $1.key }) {
      if let table = sorted.first(where: { $0.path == "lexicons/\(name).tsv" }) {
        lexicons.append((name, rankedGroups(table.text)))
      } else if let list = sorted.first(where: { $0.path == "lexicons/\(name).txt" }) {
        lexicons.append((name, kindGroups(list.text)))
      } else {
        throw .missingLexicon(name: name, pack: pack)
      }
    }
    return source(packs: packs, lexicons: lexicons)
  }

  static func source(
    packs: [(path: String, json: String)], lexicons: [(name: String, groups: [LexiconGroup])]
  ) -> String {
    var out = """
      // swift-format-ignore-file
      // GENERATED FILE: do not edit. Source: patterns/ (see Sources/BuiltinPacksRendering).
      // Regenerate with: swift run generate-builtins

      enum BuiltinPacks {
        /// Each pack as the JSON of its YAML tree.
        static let packs: [(path: String, json: String)] = [

      """
    for pack in packs {
      let hashes = rawDelimiter(for: pack.json)
      out += "    (\"\(pack.path)\", \(hashes)\"\(pack.json)\"\(hashes)),\n"
    }
    out += "  ]\n\n  /// The lexicons the packs name, one word a line in each group.\n"
    out += "  static let lexicons: [LexiconTable] = [\n"
    for lexicon in lexicons {
      out += "    LexiconTable(\n      name: \"\(lexicon.name)\",\n      groups: [\n"
      for group in lexicon.groups {
        let words = group.words.joined(separator: "\n")
        let hashes = rawDelimiter(for: words)
        let kind = group.kind.map { "\"\($0)\"" } ?? "nil"
        out += "        LexiconTable.Group(\n          kind: \(kind), rank: \(group.rank),\n"
        out += "          words: \(hashes)\"\"\"\n\(words)\n\"\"\"\(hashes)\n        ),\n"
      }
      out += "      ]\n    ),\n"
    }
    out += "  ]\n}\n"
    return out
  }

  /// Words that share a kind (`kind: word` lists) or a rank (`word<TAB>rank` tables).
  struct LexiconGroup: Equatable {
    var kind: String?
    var rank: UInt8
    var words: [String]
  }

  /// A word list: `word` or `kind: word` a line, `#` starts a comment, spaces, tabs and
  /// carriage returns around the kind and the word do not count, empty words are skipped. Groups come
  /// in the order their kinds first appear; words keep file order.
  static func kindGroups(_ text: String) -> [LexiconGroup] {
    var groups: [LexiconGroup] = []
    for line in text.split(whereSeparator: \.isNewline) {
      let content = line.prefix { $0 != "#" }
      var kind: String?
      var word = content
      if let colon = content.firstIndex(of: ":") {
        kind = String(trimmingBlanks(content[..<colon]))
        word = content[content.index(after: colon)...]
      }
      let trimmed = trimmingBlanks(word)
      guard !trimmed.isEmpty else { continue }
      if let index = groups.firstIndex(where: { $0.kind == kind }) {
        groups[index].words.append(String(trimmed))
      } else {
        groups.append(LexiconGroup(kind: kind, rank: 0, words: [String(trimmed)]))
      }
    }
    return groups
  }

  /// A table: `word<TAB>rank` a line (the rank's leading digits, at most 255; 0 without
  /// one), `#` lines are comments; a word listed twice keeps its last rank. Groups go by
  /// rank, words keep file order.
  static func rankedGroups(_ text: String) -> [LexiconGroup] {
    var rankOf: [Substring: UInt8] = [:]
    var order: [Substring] = []
    for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
      let word = line.prefix { $0 != "\t" }
      guard !word.isEmpty else { continue }
      let digits = line.dropFirst(word.count + 1).prefix { $0.isASCII && $0.isNumber }
      let rank = UInt8(min(Int(digits.prefix(4)) ?? 0, 255))
      if rankOf.updateValue(rank, forKey: word) == nil { order.append(word) }
    }
    var groups: [LexiconGroup] = []
    for rank in Set(rankOf.values).sorted() {
      groups.append(LexiconGroup(kind: nil, rank: rank, words: order.filter { rankOf[$0] == rank }.map(String.init)))
    }
    return groups
  }

  static func trimmingBlanks(_ text: Substring) -> Substring {
    let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
    guard let first = text.firstIndex(where: { !isBlank($0) }) else { return "" }
    let last = text.lastIndex { !isBlank($0) } ?? first
    return text[first...last]
  }

  /// The `#`s a raw string literal of `text` needs so nothing inside ends it.
  static func rawDelimiter(for text: String) -> String {
    var hashes = "#"
    while text.contains("\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
    return hashes
  }

  /// `node` as compact JSON: members in document order, numbers as their source text,
  /// strings escaped as JSON requires (`"`, `\`, control characters).
  static func writeJSON(_ node: Node, to out: inout String) {
    switch node.value {
    case .object(let members):
      out += "{"
      for (index, member) in members.enumerated() {
        if index > 0 { out += "," }
        writeString(member.key, to: &out)
        out += ":"
        writeJSON(member.value, to: &out)
      }
      out += "}"
    case .array(let elements):
      out += "["
      for (index, element) in elements.enumerated() {
        if index > 0 { out += "," }
        writeJSON(element, to: &out)
      }
      out += "]"
    case .string(let text): writeString(text, to: &out)
    case .number(let text): out += text
    case .bool(let value): out += value ? "true" : "false"
    case .null: out += "null"
    }
  }

  static func writeString(_ text: String, to out: inout String) {
    out += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
  }
}
