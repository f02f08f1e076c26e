import Foundation
import Testing

@_spi(Differential) @_spi(Internals) @testable import PHIScan

/// The event reading (`loadFromEvents`) must give Yams' tree or decline, never another tree.
@Suite struct YAMLEventLoaderTests {
  /// Compares both readings of `text`; returns whether the event reading accepted it.
  @discardableResult
  func agree(_ text: String, limits: ParseLimits = .default, sourceLocation: SourceLocation = #_sourceLocation) -> Bool
  {
    let bytes = Array(text.utf8)
    guard let fast = YAMLLoader.loadFromEvents(bytes, limits: limits) else { return false }
    do {
      let reference = try YAMLLoader.loadThroughYams(bytes, limits: limits)
      if fast != reference {
        let at =
          zip(fast, reference).lazy.compactMap { Self.firstDifference($0, $1, at: "") }.first
          ?? "the number of documents"
        Issue.record(
          "the event reading differs from Yams' at \(at) of:\n\(text.prefix(300))", sourceLocation: sourceLocation)
      }
    } catch {
      Issue.record(
        "the event reading accepted what Yams rejects (\(error.message)):\n\(text)", sourceLocation: sourceLocation)
    }
    return true
  }

  /// Where two trees first differ (a pointer-like path and what differs), for a readable failure.
  static func firstDifference(_ a: Node, _ b: Node, at path: String) -> String? {
    if a.range != b.range {
      return "\(path): range \(a.range.start)-\(a.range.end) against \(b.range.start)-\(b.range.end)"
    }
    switch (a.value, b.value) {
    case (.object(let x), .object(let y)):
      if x.count != y.count { return "\(path): \(x.count) members against \(y.count)" }
      for (m, n) in zip(x, y) {
        if m.key != n.key || m.keyRange != n.keyRange { return "\(path)/\(m.key): key or key range" }
        if let found = firstDifference(m.value, n.value, at: path + "/" + m.key) { return found }
      }
      return nil
    case (.array(let x), .array(let y)):
      if x.count != y.count { return "\(path): \(x.count) elements against \(y.count)" }
      return zip(x, y).enumerated().lazy.compactMap { firstDifference($1.0, $1.1, at: "\(path)/\($0)") }.first
    default:
      return a.value == b.value ? nil : "\(path): value"
    }
  }

  @Test func commonSchemasAreReadFromEventsAsYamsReadsThem() {
    let accepted = [
      "type: object\nproperties:\n  name:\n    type: string\n    enum: [Ada, \"Grace\", 'Alan']\n",
      "a: 1\n---\nb: [true, false, ~, null, 1.5e3, -0, 010, 0x1F, yes]\n...\n",
      "description: |\n  first line\n  second line\ntitle: >\n  folded\n  text\nplain: multi\n  line plain\n",
      "\"quoted key\": 'it''s'\n\"esc\\u00e9\\ttab\": \"a\\0b\\x41\"\n",
      "n\u{e9}\u{1FA7A}e:\n  const: \"512-43-8876\"  # a comment\n",
      "- - a\n  - b\n- {x: 1, y: [2, 3]}\n- []\n- {}\n",
      "",
      "---\n",
      "# only a comment\n",
      "key:\n",
      "e\u{301}: 1\n\u{e9}x: 2\n",
      "? simple explicit key\n: value\n",
    ]
    for text in accepted {
      #expect(agree(text), "declined:\n\(text)")
    }
  }

  @Test func unusualStreamsAreLeftToYams() {
    let declined = [
      "a: &anchor {x: 1}\nb: *anchor\n",  // anchors and aliases
      "a: !!str 1\n",  // explicit tags
      "a: !custom x\n",
      "!!map {a: 1}\n",
      "? [1]\n: x\n",  // a collection as key
      "a: 1\nb: 2\na: 3\n",  // repeated keys (an error in Yams)
      "'a': 1\na: 2\n",
      "\u{e9}: 1\ne\u{301}: 2\n",  // equal under canonical equivalence, as Yams compares keys
      "a: [1, 2\nb: 3\n",  // a syntax error
      "a: b: c\n",
    ]
    for text in declined {
      #expect(!agree(text), "accepted:\n\(text)")
    }
    var manyKeys = ""
    for i in 0..<40 { manyKeys += "k\(i): \(i)\n" }
    #expect(agree(manyKeys))
    #expect(!agree(manyKeys + "k7: again\n"))  // the hashed check for large mappings
  }

  @Test func limitsDeclineAsConvertWouldThrow() {
    var small = ParseLimits()
    small.maxYAMLNodes = 3
    #expect(agree("a: 1\nb: 2\n", limits: small))  // root and two values
    #expect(!agree("a: 1\nb: 2\nc: 3\n", limits: small))
    var shallow = ParseLimits()
    shallow.maxDepth = 2
    #expect(agree("a: {b: 1}\n", limits: shallow))
    #expect(!agree("a: {b: {c: 1}}\n", limits: shallow))
  }

  /// Every YAML file of the repository: the corpus, the packs and the test fixtures.
  @Test func repositoryYAMLIsReadAlike() throws {
    let root = Fixtures.repositoryRoot
    let files = ["corpus", "patterns", "Tests/PHIScanTests"].flatMap {
      yamlFiles(under: root.appendingPathComponent($0))
    }
    #expect(files.count >= 15)
    let accepted = try files.filter { try agree(contentsOf: $0) }.count
    #expect(accepted >= files.count / 2, "only \(accepted) of \(files.count) YAML files were read from events")
  }

  /// The same over a directory of your own (`PHI_SCAN_YAML_DIR`, e.g. the benchmark
  /// corpus): both readings must agree on every file the events accept.
  @Test(.enabled(if: ProcessInfo.processInfo.environment["PHI_SCAN_YAML_DIR"] != nil))
  func yamlOfADirectoryIsReadAlike() throws {
    let files = yamlFiles(under: URL(fileURLWithPath: ProcessInfo.processInfo.environment["PHI_SCAN_YAML_DIR"]!))
    let accepted = try files.filter { try agree(contentsOf: $0) }.count
    print("YAML files: \(files.count), read from events: \(accepted)")
  }

  func yamlFiles(under directory: URL) -> [URL] {
    var files: [URL] = []
    let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
    while let url = enumerator?.nextObject() as? URL {
      if ["yaml", "yml"].contains(url.pathExtension) { files.append(url) }
    }
    return files
  }

  /// `agree` on a file's text (files over 1 MB or not UTF-8 are skipped: false).
  func agree(contentsOf url: URL) throws -> Bool {
    let data = try Data(contentsOf: url)
    guard data.count < 1_000_000, let text = String(data: data, encoding: .utf8) else { return false }
    return agree(text)
  }
}
