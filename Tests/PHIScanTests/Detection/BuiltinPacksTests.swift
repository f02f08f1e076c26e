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
    let rendered = BuiltinPacksRenderer.render(try Self.patternFiles())
    let problem = try Fixtures.compareGolden(rendered, to: Self.generatedPath)
    #expect(problem == nil, "\(problem ?? ""): the built-in packs are stale; run UPDATE_GOLDEN=1 swift test --filter BuiltinPacks")
  }

  @Test func embeddedTextEqualsTheFiles() throws {
    let files = try Self.patternFiles()
    #expect(BuiltinPacks.files.map(\.path) == files.map(\.path))
    for (embedded, file) in zip(BuiltinPacks.files, files) {
      #expect(embedded.text == file.text, "embedded \(file.path) differs from patterns/\(file.path)")
    }
  }

  @Test func builtinPacksCompile() throws {
    let rules = try PackLoader.builtinRules()
    #expect(!rules.rules.isEmpty)
    #expect(rules.rule("us-ssn") != nil)
  }
}
