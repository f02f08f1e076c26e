import Foundation
import Testing

@testable import PHIScan

@Suite struct BuiltinPacksTests {
  static let generatedPath = "Sources/PHIScan/Detection/BuiltinPacks+Generated.swift"

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

  @Test func generatedFileMatchesPatternsDirectory() throws {
    let rendered = try BuiltinPacksRenderer.render(try Self.patternFiles())
    let problem = try Fixtures.compareGolden(rendered, to: Self.generatedPath)
    #expect(problem == nil, "\(problem ?? ""): the built-in packs are stale; run swift run generate-builtins (or UPDATE_GOLDEN=1 swift test --filter BuiltinPacks)")
  }

  @Test func embeddedTextEqualsTheFiles() throws {
    let files = try Self.patternFiles()
    #expect(BuiltinPacks.files.map(\.path) == files.map(\.path))
    for (embedded, file) in zip(BuiltinPacks.files, files) {
      #expect(embedded.text == file.text, "embedded \(file.path) differs from patterns/\(file.path)")
    }
  }

  /// The rules load from the JSON trees: each must be its YAML's tree, value for value.
  @Test func jsonTreesEqualTheYAMLTrees() throws {
    let packs = BuiltinPacks.files.filter { $0.path.hasSuffix(".yaml") }
    #expect(BuiltinPacks.packTrees.map(\.path) == packs.map(\.path))
    for (tree, pack) in zip(BuiltinPacks.packTrees, packs) {
      let yaml = try YAMLLoader.load(Array(pack.text.utf8))
      let json = try JSONParser.parse(tree.json).root
      #expect(yaml.count == 1)
      #expect(Self.describe(json) == Self.describe(yaml[0]), "\(pack.path): the JSON tree differs from the YAML")
    }
  }

  /// A tree's values without their source ranges, with every kind spelled out.
  static func describe(_ node: Node) -> String {
    switch node.value {
    case .object(let members): return "{" + members.map { "\($0.key.debugDescription):\(describe($0.value))" }.joined(separator: ",") + "}"
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
    let fromYAML = try PackLoader.ruleSet(
      from: BuiltinPacks.files.filter { $0.path.hasSuffix(".yaml") },
      lexicons: BuiltinPacks.files.filter { !$0.path.hasSuffix(".yaml") }
    ).rules
    #expect(fromJSON.map(\.id) == fromYAML.map(\.id))
    #expect(fromJSON.map(\.examples) == fromYAML.map(\.examples))
    #expect(fromJSON.map(\.help) == fromYAML.map(\.help))
  }

  @Test func builtinPacksCompile() throws {
    let rules = try PackLoader.builtinRules()
    #expect(!rules.rules.isEmpty)
    #expect(rules.rule("us-ssn") != nil)
  }
}
