import Foundation
import Testing
import Yams

@_spi(Internals) @testable import PHIScan

/// A schema says the same in YAML as in JSON: every JSON document of corpus/, written
/// out as YAML in block style (long strings folded over lines, which is where the YAML
/// nesting bound once took text for structure and refused whole files), flow style and
/// quoted style, gives the JSON reading's findings: rule, pointer and level alike.
@Suite struct YAMLReadingAgreementTests {
  static let scanner = try! Scanner(configuration: ScanConfiguration(paths: []))

  struct Emission: Sendable, CustomStringConvertible {
    enum Strings: Sendable { case plainWhereAllowed, doubleQuoted, singleQuoted }
    var name: String
    var width: Int
    var strings: Strings
    var flow: Bool
    var description: String { name }

    var stringStyle: Yams.Node.Scalar.Style {
      switch strings {
      case .plainWhereAllowed: return .any
      case .doubleQuoted: return .doubleQuoted
      case .singleQuoted: return .singleQuoted
      }
    }
  }

  static let emissions = [
    Emission(name: "block, folded at 24 columns", width: 24, strings: .plainWhereAllowed, flow: false),
    Emission(name: "block, double-quoted strings", width: 80, strings: .doubleQuoted, flow: false),
    Emission(name: "block, single-quoted strings", width: 40, strings: .singleQuoted, flow: false),
    Emission(name: "flow", width: 60, strings: .plainWhereAllowed, flow: true),
  ]

  static let jsonFiles: [URL] = {
    let root = Fixtures.url("corpus")
    let walk = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
    let files = (walk?.allObjects as? [URL] ?? []).filter {
      $0.pathExtension == "json" && !$0.path.contains("/malformed/")
    }
    return files.sorted { $0.path < $1.path }
  }()

  /// Prose whose words start with YAML indicators, so that folding puts them first on
  /// a line, and keys that hold `*` after plain values (`*/*` media types, wildcard keys):
  /// what real schemas (kubernetes' definitions, vector's) do that corpus/ does not.
  static let indicatorHeavy: [UInt8] = {
    // Plain YAML can hold the first; the second must be quoted.
    let plain =
      "the range [from,to) or [a,b) or [c,d) or [e,f) where *s are allowed, {braces} & !bangs - dashes ? marks | pipes > arrows % percent @ at `ticks`"
    let quoted = #"what 'quotes' and \"double\" # hashes: need"#
    var properties: [String] = []
    for (index, key) in ["*/*", #"\"*\""#, "*", "'*'", "&a", "!t", "[x]", "? q", "- d", "{y}"].enumerated() {
      let description = String(repeating: plain + " ", count: index % 3 + 1)
      properties.append(#""\#(key)": {"type": "string", "description": "\#(description)"}"#)
      properties.append(
        #""plain_\#(index)": {"enum": ["512-43-8876", "\#(quoted)"], "description": "value \#(index)"}"#)
    }
    return Array(
      #"{"type": "object", "description": "\#(plain)", "properties": {\#(properties.joined(separator: ", "))}}"#.utf8)
  }()

  /// What a finding says apart from where it sits in the text.
  struct Said: Hashable, CustomStringConvertible {
    var rule: String
    var pointer: String
    var level: String
    var description: String { "\(rule) \(level) at \(pointer)" }
  }

  static func said(_ bytes: [UInt8], _ format: DocumentFormat) -> (findings: [Said: Int], errors: [String]) {
    let detector = try! Detector(rules: scanner.rules)
    let result = scanner.scanBytes(bytes, format: format, reportPath: "t", detector: detector)
    var findings: [Said: Int] = [:]
    for finding in result.findings {
      findings[Said(rule: finding.ruleID, pointer: finding.pointer.string, level: "\(finding.level)"), default: 0] += 1
    }
    return (findings, result.diagnostics.filter { $0.severity == .error }.map(\.message))
  }

  /// The document as a YAML node: strings with `style` (the emitter quotes any that would
  /// read as something else), numbers, booleans and null as plain scalars.
  static func yaml(_ node: PHIScan.Node, _ emission: Emission) -> Yams.Node {
    switch node.value {
    case .object(let members):
      let pairs = members.map {
        (Yams.Node.scalar(.init($0.key, Tag(.str), emission.stringStyle)), yaml($0.value, emission))
      }
      return .mapping(.init(pairs, Tag(.map), emission.flow ? .flow : .block))
    case .array(let elements):
      return .sequence(.init(elements.map { yaml($0, emission) }, Tag(.seq), emission.flow ? .flow : .block))
    case .string(let text): return .scalar(.init(text, Tag(.str), emission.stringStyle))
    case .number(let text):
      return .scalar(.init(text, Tag(text.contains(where: { ".eE".contains($0) }) ? .float : .int), .plain))
    case .bool(let value): return .scalar(.init(value ? "true" : "false", Tag(.bool), .plain))
    case .null: return .scalar(.init("null", Tag(.null), .plain))
    }
  }

  @Test(arguments: emissions)
  func yamlGivesTheJSONFindings(_ emission: Emission) throws {
    #expect(Self.jsonFiles.count > 40, "corpus/ has too few JSON documents")
    var compared = 0
    let documents =
      try Self.jsonFiles.map { ($0.lastPathComponent, try [UInt8](Data(contentsOf: $0))) } + [
        ("indicator-heavy", Self.indicatorHeavy)
      ]
    for (name, json) in documents {
      guard let root = try? JSONParser.parse(json).root else {
        #expect(name != "indicator-heavy", "the indicator-heavy document is not JSON")
        continue
      }
      let text = try Yams.serialize(node: Self.yaml(root, emission), width: emission.width, allowUnicode: true)
      let fromJSON = Self.said(json, .json)
      let fromYAML = Self.said(Array(text.utf8), .yaml)
      #expect(fromYAML.errors.isEmpty, "\(name) as YAML: \(fromYAML.errors)")
      #expect(
        fromYAML.findings == fromJSON.findings,
        "\(name): JSON \(fromJSON.findings.keys.sorted { $0.description < $1.description }), YAML \(fromYAML.findings.keys.sorted { $0.description < $1.description })"
      )
      compared += fromJSON.findings.values.reduce(0, +)
    }
    #expect(compared > 100, "too few findings compared: \(compared)")
  }
}
