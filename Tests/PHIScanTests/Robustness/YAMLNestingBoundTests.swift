import Testing

@testable import PHIScan

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
    "after a quote that may continue a plain scalar": "a: plain\n  \"rest\nb:\n  " + String(repeating: "- ", count: deep) + "x\n",
    "flow closed inside quotes": String(repeating: "[ \"]]\" ", count: deep) + "\n",
    "after a document-level block scalar": "--- |\n  'tis text\n---\na:\n  " + String(repeating: "- ", count: deep) + "x\n",
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
}
