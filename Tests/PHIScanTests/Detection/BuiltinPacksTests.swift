import Foundation
import Testing

@testable import BuiltinPacksRendering
@_spi(Internals) @testable import PHIScan

@Suite struct BuiltinPacksTests {
  /// Every pack and lexicon under patterns/, as (path relative to patterns/, text).
  static func patternFiles() throws -> [(path: String, text: String)] {
    let base = Fixtures.url("patterns")
    let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)
    var files: [(path: String, text: String)] = []
    while let url = enumerator?.nextObject() as? URL {
      guard ["yaml", "txt", "tsv"].contains(url.pathExtension) else { continue }
      let relative = String(url.standardizedFileURL.path.dropFirst(base.standardizedFileURL.path.count + 1))
      files.append((relative, try String(contentsOf: url, encoding: .utf8)))
    }
    return files.sorted { $0.path < $1.path }
  }

  static func packFiles() throws -> [(path: String, text: String)] {
    try patternFiles().filter { $0.path.hasSuffix(".yaml") }
  }

  @Test func generatedFileIsCurrent() throws {
    let rendered = try BuiltinPacksRenderer.render(try Self.patternFiles())
    let generated = try Fixtures.text(BuiltinPacksRenderer.generatedPath)
    // Compared as a Bool: a failed `==` would print both files whole.
    let renderedLines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
    let generatedLines = generated.split(separator: "\n", omittingEmptySubsequences: false)
    let firstDifference =
      renderedLines.indices.first { $0 >= generatedLines.count || renderedLines[$0] != generatedLines[$0] }
      ?? renderedLines.count
    let isCurrent = rendered == generated
    #expect(
      isCurrent, "the built-in packs are stale from line \(firstDifference + 1) on: run swift run generate-builtins")
  }

  /// The rules load from the JSON trees: each must be its YAML's tree, value for value.
  @Test func jsonTreesEqualTheYAMLTrees() throws {
    let packs = try Self.packFiles()
    #expect(BuiltinPacks.packs.map(\.path) == packs.map(\.path))
    for (tree, pack) in zip(BuiltinPacks.packs, packs) {
      let yaml = try YAMLLoader.load(Array(pack.text.utf8))
      let json = try JSONParser.parse(tree.json).root
      #expect(yaml.count == 1)
      #expect(Self.describe(json) == Self.describe(yaml[0]), "\(pack.path): the JSON tree differs from the YAML")
    }
  }

  /// A tree's values without their source ranges, with every kind spelled out.
  static func describe(_ node: Node) -> String {
    switch node.value {
    case .object(let members):
      return "{" + members.map { "\($0.key.debugDescription):\(describe($0.value))" }.joined(separator: ",") + "}"
    case .array(let elements): return "[" + elements.map(describe).joined(separator: ",") + "]"
    case .string(let text): return "s" + text.debugDescription
    case .number(let text): return "n" + text
    case .bool(let value): return "b\(value)"
    case .null: return "null"
    }
  }

  /// Loading the YAML instead gives the same rules, in the same order.
  @Test func jsonAndYAMLGiveTheSameRules() throws {
    let fromJSON = try PackLoader.builtinRules().rules
    let fromYAML = try PackLoader.ruleSet(from: try Self.packFiles()).rules
    #expect(fromJSON.map(\.id) == fromYAML.map(\.id))
    #expect(fromJSON.map(\.examples) == fromYAML.map(\.examples))
    #expect(fromJSON.map(\.help) == fromYAML.map(\.help))
  }

  @Test func builtinPacksCompile() throws {
    let rules = try PackLoader.builtinRules()
    #expect(!rules.rules.isEmpty)
    #expect(rules.rule("us-ssn") != nil)
  }

  /// The name table holds every word of every lexicon file, with its rank or what its
  /// kind says, read here straight from the files: the generator and the table between
  /// them lose nothing.
  @Test func nameTableHoldsEveryLexiconWord() throws {
    let lexicon = NameLexicon(tables: BuiltinPacks.lexicons)
    #expect(Set(BuiltinPacks.lexicons.map(\.name)) == Set(NameLexicon.Source.allCases.map(\.rawValue)))
    var checked = 0
    for source in NameLexicon.Source.allCases {
      let files = try Self.patternFiles()
      let file = try #require(
        files.first { $0.path == "lexicons/\(source.rawValue).tsv" || $0.path == "lexicons/\(source.rawValue).txt" })
      for line in file.text.split(separator: "\n") where !line.hasPrefix("#") {
        let content = line.prefix { $0 != "#" }
        if file.path.hasSuffix(".tsv") {
          let columns = content.split(separator: "\t")
          guard let key = NameKey(columns[0].utf8) else { continue }  // longer than a key
          let entry = try #require(lexicon.entry(key), "\(columns[0])")
          let rank = [
            NameLexicon.Source.givenNames: entry.given, .surnames: entry.surname, .englishWords: entry.english,
          ][source]
          #expect(rank.map(String.init) == String(columns[1]), "\(file.path): \(line)")
        } else {
          let parts = content.split(separator: ":", maxSplits: 1)
          let kind = parts.count == 2 ? parts[0].trimmingCharacters(in: .whitespaces) : nil
          let word = (parts.last ?? "").trimmingCharacters(in: .whitespaces)
          guard !word.isEmpty else { continue }
          if kind == "phrase" {
            #expect(
              lexicon.placeholderPhrases.contains(word) || lexicon.notPersonPhrases.contains(word),
              "\(file.path): \(line)")
          } else if let flags = NameLexicon.flags(source, kind), let key = NameKey(word.utf8) {
            #expect(lexicon.entry(key)?.flags.isSuperset(of: flags) == true, "\(file.path): \(line)")
          }
        }
        checked += 1
      }
    }
    #expect(checked > 50_000)
  }

  /// Word lists: comments, blanks around words and kinds without a word are dropped;
  /// groups follow first appearance, words keep file order.
  @Test func wordListsBecomeGroupsByKind() {
    let groups = BuiltinPacksRenderer.kindGroups(
      "# header\ntitle: dr\nfield:\nfield:   \n  field: surname # note\r\nplain\ntitle:mr\n")
    #expect(groups.map(\.kind) == ["title", "field", nil])
    #expect(groups.map(\.words) == [["dr", "mr"], ["surname"], ["plain"]])
  }

  /// Tables: `#` lines are comments, the rank is the number after the tab (at most 255),
  /// and a word listed twice keeps its last rank.
  @Test func tablesBecomeGroupsByRank() {
    let groups = BuiltinPacksRenderer.rankedGroups("# word\trank\nada\t7\nokafor\t1150\nbo\nada\t5\nzed\t5\n")
    #expect(
      groups == [
        .init(kind: nil, rank: 0, words: ["bo"]), .init(kind: nil, rank: 5, words: ["ada", "zed"]),
        .init(kind: nil, rank: 255, words: ["okafor"]),
      ])
  }

  static let namesPack = """
    version: 1
    pack: my-names
    lexicons: [LEXICONS]
    rules:
      - id: my-person-name
        name: Person name
        category: name
        sites: [const]
        regex: '\\p{L}\\p{L}'
        matcher: person-name
        level: error
        precision: high
        security-severity: 8.0
        summary: A name.
        help: A name.
        examples: {match: [Maria Gonzalez], noMatch: [Parkinson's disease]}
    """

  static func namesPack(lexicons: [String]) -> String {
    namesPack.replacingOccurrences(of: "LEXICONS", with: lexicons.joined(separator: ", "))
  }

  /// A pack names only built-in lexicons, and all those its matcher reads.
  @Test func packsNameTheLexiconsTheirMatchersRead() throws {
    let all = NameLexicon.Source.allCases.map(\.rawValue)
    #expect(throws: Never.self) { try PackLoader.load(Self.namesPack(lexicons: all), name: "n.yaml") }
    #expect(throws: PackError.self) {
      try PackLoader.load(Self.namesPack(lexicons: all + ["klingon-names"]), name: "n.yaml")
    }
    do {
      _ = try PackLoader.load(Self.namesPack(lexicons: all.filter { $0 != "surnames" }), name: "n.yaml")
      Issue.record("a person-name rule loaded without the surnames lexicon")
    } catch {
      #expect("\(error)".contains("surnames"))
    }
  }

  /// The generator refuses a pack that names a lexicon with no file.
  @Test func rendererRefusesAMissingLexicon() {
    let files: [(path: String, text: String)] = [("n.yaml", Self.namesPack(lexicons: ["given-names"]))]
    #expect(throws: BuiltinPacksRenderer.Failure.self) { try BuiltinPacksRenderer.render(files) }
  }
}
