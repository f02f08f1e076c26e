import Testing
import YAMLEvents

@_spi(Internals) @testable import PHIScan

/// The byte-level bound that keeps Yams' recursive composer off deep input (issue 8).
/// Every construct that nests must be refused before Yams sees it, including the ones
/// that hide behind quotes, comments and block scalars; ordinary YAML must pass.
@Suite struct YAMLNestingBoundTests {
  static let deep = 100_000

  func refuses(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    do {
      _ = try YAMLLoader.load(Array(text.utf8))
      Issue.record("expected a nesting-too-deep error", sourceLocation: sourceLocation)
    } catch {
      #expect(error.kind == .tooDeep, "\(error)", sourceLocation: sourceLocation)
    }
  }

  static let hiddenNesting: [String: String] = [
    "block sequence on one line": String(repeating: "- ", count: deep) + "x\n",
    "complex keys on one line": String(repeating: "? ", count: deep) + "x\n",
    "explicit values": String(repeating: ": ", count: deep) + "x\n",
    "flow after an apostrophe in a plain scalar": "a: it's\nb: " + String(repeating: "[", count: deep) + "\n",
    "flow after a hash inside a word": "a: b#c\nd: " + String(repeating: "{a: ", count: deep) + "\n",
    "after an empty block scalar": "a: |\nb:\n" + String(repeating: "- ", count: deep) + "x\n",
    "after a block scalar's text": "a: |\n  text\nb:\n  " + String(repeating: "- ", count: deep) + "x\n",
    "after a quote that may continue a plain scalar": "a: plain\n  \"rest\nb:\n  "
      + String(repeating: "- ", count: deep) + "x\n",
    "flow closed inside quotes": String(repeating: "[ \"]]\" ", count: deep) + "\n",
    "after a document-level block scalar": "--- |\n  'tis text\n---\na:\n  " + String(repeating: "- ", count: deep)
      + "x\n",
    "tagged flow": "a: !!seq " + String(repeating: "[", count: deep) + "\n",
  ]

  @Test(arguments: hiddenNesting.keys.sorted())
  func deepNestingIsRefusedBeforeYamsSeesIt(_ name: String) {
    refuses(Self.hiddenNesting[name]!)
  }

  @Test func deepIndentationIsRefused() {
    var text = ""
    for level in 0..<1_000 { text += String(repeating: " ", count: level) + "k:\n" }
    refuses(text)
  }

  @Test func theRefusalNamesWhereTheLimitWasPassed() throws {
    let text = "a: 1\nb: " + String(repeating: "[", count: 1_000) + "\n"
    do {
      _ = try YAMLLoader.load(Array(text.utf8))
      Issue.record("expected an error")
    } catch {
      #expect(error.position.line == 2)
      #expect(error.message.contains("deeper than"))
    }
  }

  @Test func ordinaryYAMLWithBracketsQuotesAndBlockScalarsLoads() throws {
    var text = "type: object\nproperties:\n"
    for index in 0..<600 {
      text += [
        "  field_\(index):",
        "    type: string",
        "    description: \"see [docs and it's {fine\"",
        "    title: 'a [ title'",
        "    pattern: ^[A-Z]{2}[0-9]+$",
        "    examples: [ \"[\", \"{\", 'x]' ]",
        "    notes: |",
        "      - bullet [ with brackets",
        "        - \"nested bullet",
        "      'quoted text",
        "    more: >-",
        "      folded { text",
        "",
      ].joined(separator: "\n")
    }
    let documents = try YAMLLoader.load(Array(text.utf8))
    #expect(documents.count == 1)
    #expect(documents[0].members?.count == 2)
    #expect(documents[0].members?.last?.value.members?.count == 600)
  }

  @Test func nestingJustUnderTheLimitLoads() throws {
    let depth = ParseLimits.default.maxDepth - 2
    let text = "a: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
    #expect(try YAMLLoader.load(Array(text.utf8)).count == 1)
    let block = String(repeating: "- ", count: depth) + "x\n"
    #expect(try YAMLLoader.load(Array(block.utf8)).count == 1)
  }

  /// Found by the yaml fuzzer: an alias bomb whose last alias became a mapping key made
  /// Yams hash the whole expansion (minutes of CPU) before phi-scan's alias budget ran.
  static let aliasBombKeys: [String: String] = [
    "explicit key in flow": Self.bomb + "j: [*i, ?*i]\n",
    "explicit key in block": Self.bomb + "j:\n  ? *i\n  : x\n",
    "implicit key": Self.bomb + "j:\n  *i : x\n",
    "flow mapping key": Self.bomb + "j: {*i}\n",
    "flow sequence as key": Self.bomb + "j:\n  [a, *i]: x\n",
    "adjacent value indicator": Self.bomb + "j: {*i:x}\n",
    "alias glued to a value indicator in a sequence": Self.bomb + "j: [*i *i:x]\n",
  ]

  static let bomb: String = {
    var text = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for (previous, name) in zip("abcdefgh", "bcdefghi") {
      text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
    }
    return text
  }()

  @Test(arguments: aliasBombKeys.keys.sorted())
  func aliasesInsideKeysAreRefusedBeforeYamsHashesThem(_ name: String) {
    do {
      _ = try YAMLLoader.load(Array(Self.aliasBombKeys[name]!.utf8))
      Issue.record("expected a refusal")
    } catch {
      #expect(error.kind == .tooLarge, "\(error)")
      #expect(error.message.contains("alias"))
    }
  }

  @Test func aliasValuesInFlowMappingsLoad() throws {
    let text = "defs:\n  s: &s {type: string}\nproperties: {a: *s, b: *s, c: [*s, *s]}\nlist:\n  - *s\n  - {x: *s}\n"
    let documents = try YAMLLoader.load(Array(text.utf8))
    #expect(documents[0].members?[1].value.members?.count == 3)
  }

  @Test func aliasesThatRepeatAFewDefinitionsLoad() throws {
    var text = "defs:\n  base: &base {type: string, maxLength: 10}\nproperties:\n"
    for index in 0..<200 { text += "  f\(index): *base\n" }
    let documents = try YAMLLoader.load(Array(text.utf8))
    #expect(documents[0].members?.last?.value.members?.count == 200)
  }

  /// A key that starts with a quote and holds `*` after a line that ended in a plain
  /// scalar was read as more of that scalar, its `*` as an alias and the key's `:` as a
  /// value after it: valid files were refused as alias bombs (`'*/*':` media types,
  /// `"*":` wildcard keys). libyaml continues a block plain scalar only on lines indented
  /// more than its collection.
  static let quotedKeysAfterPlainValues: [String: String] = [
    "after a key and value": "a: b\n\"*x\": 1\n",
    "media type under a mapping": "content:\n  description: any\n  '*/*': {type: string}\n",
    "after a value that runs over lines": "a: long text\n  goes on here\n'*x': 1\n",
    "after a value on the next line": "a:\n  b\n'*x': 1\n",
    "in a sequence of mappings": "- name: x\n  \"*\": y\n",
    "after a nested sequence item": "a:\n  - - b\n'*': 1\n",
    "after a value that goes on with a bracket": "a: the range\n  [from,to)\nb: x *s y\n'*': 1\n",
  ]

  @Test(arguments: quotedKeysAfterPlainValues.keys.sorted())
  func quotedKeysWithAsterisksAfterPlainValuesLoad(_ name: String) throws {
    let text = Self.quotedKeysAfterPlainValues[name]!
    let documents = try YAMLLoader.load(Array(text.utf8))
    #expect(documents.count == 1)
    #expect(text.contains("*") && Self.keys(of: documents[0]).contains { $0.contains("*") }, "\(documents)")
  }

  static func keys(of node: Node) -> [String] {
    (node.members ?? []).flatMap { [$0.key] + keys(of: $0.value) } + (node.elements ?? []).flatMap(keys)
  }

  /// The quote lines the bound reads as new scalars are ones libyaml starts a quoted
  /// scalar at, and the lines it reads as more of a plain scalar are ones where libyaml
  /// starts no node, on random block YAML that libyaml accepts: the bound never takes
  /// text for structure or structure for text, which it would then under-count.
  @Test func lineStartsAreReadAsLibyamlReadsThem() {
    var generator = SeededGenerator(seed: 0x59A3_1E55)
    let plainEnded = [
      "k: v", "k: v w", "- v", "- k: v", "- - v", "- - k: v", "v w", "&a k: v", "k: !t v", "'q': v", "k: v # c",
    ]
    let quoteLines = [
      "'q': v", "\"q\": v", "'q'", "\"q\" w", "'q' w: v", "\t'q': v", "[a, b]", "[a, b)", "- v", "*a", "? k", "k: v",
    ]
    func spaces(_ range: ClosedRange<Int>) -> String {
      String(repeating: " ", count: Int.random(in: range, using: &generator))
    }
    var provenNew = 0
    var continuing = 0
    var accepted = 0
    for _ in 0..<20_000 {
      var lines: [String] = []
      let nested = Bool.random(using: &generator)
      if nested { lines.append(["top:", "- top:", "-", "? k"].randomElement(using: &generator)!) }
      let base = nested ? 2 : 0
      lines.append(spaces(base...(base + 4)) + plainEnded.randomElement(using: &generator)!)
      // Lines that may go on with the plain scalar, or start new tokens.
      for _ in 0..<Int.random(in: 0...2, using: &generator) {
        lines.append(spaces(0...8) + (plainEnded + ["more words", "# c", ""]).randomElement(using: &generator)!)
      }
      lines.append(spaces(0...8) + quoteLines.randomElement(using: &generator)!)
      let bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
      var scan = YAMLNestingBound.Scan(bytes: bytes, maxDepth: 200, recordsReadings: true)
      _ = scan.run()
      // Where libyaml starts quoted scalars, when it reads the whole text.
      var quoted: Set<[Int]> = []
      var linesWithNodes: Set<Int> = []
      let readAll = bytes.withUnsafeBufferPointer { buffer in
        YAMLEventReader.read(buffer) { event in
          if event.kind == .scalar, event.style == .singleQuoted || event.style == .doubleQuoted {
            quoted.insert([event.line, event.column])
          }
          linesWithNodes.insert(event.line)
          return true
        }
      }
      guard readAll else { continue }
      accepted += 1
      for offset in scan.quotesProvenNew {
        provenNew += 1
        let position = UTF8Text.position(of: offset, in: bytes)
        #expect(quoted.contains([position.line, position.column]), "\(String(decoding: bytes, as: UTF8.self))")
      }
      for offset in scan.linesProvenContinuing {
        continuing += 1
        let line = UTF8Text.position(of: offset, in: bytes).line
        #expect(!linesWithNodes.contains(line), "\(String(decoding: bytes, as: UTF8.self))")
      }
    }
    #expect(
      accepted > 2_000 && provenNew > 120 && continuing > 2_000,
      "too few cases: \(accepted) accepted, \(provenNew) quotes read as new, \(continuing) lines as more of a scalar")
  }
}
