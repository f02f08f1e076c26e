import Foundation
import Testing

@_spi(Internals) @testable import PHIScan

/// The labeled corpus of `corpus/shapes`: one folder per envelope, each document with a
/// distinct synthetic SSN at every site, and a `.clean.` twin with the same structure.
@Suite struct ShapeCorpusTests {
  static let corpus = "corpus/shapes"

  struct Label: Decodable, CustomStringConvertible {
    var file: String
    var pointer: String
    var site: String
    var category: String
    var expect: String
    var line: Int?
    var shape: String?
    var folder = ""

    enum CodingKeys: String, CodingKey { case file, pointer, site, category, expect, line, shape }
    var description: String { "\(folder)/\(file) \(pointer) [\(site)]" }
  }

  static func labels() throws -> [Label] {
    let root = Fixtures.url(corpus)
    var labels: [Label] = []
    for folder in try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() {
      let file = root.appendingPathComponent(folder).appendingPathComponent("labels.jsonl")
      guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
      for line in text.split(separator: "\n") where !line.isEmpty {
        var label = try JSONDecoder().decode(Label.self, from: Data(line.utf8))
        label.folder = folder
        labels.append(label)
      }
    }
    return labels
  }

  /// Every string the shape and walker stages extract from one corpus file.
  static func extract(_ relative: String) throws -> [ExtractedString] {
    let bytes = [UInt8](try Data(contentsOf: Fixtures.url(relative)))
    let format = try #require(DocumentFormat.forPath(relative))
    let (documents, problems) = DocumentLoader.load(bytes, format: format)
    #expect(problems.isEmpty, "\(relative): \(problems)")
    let source = SourceText(bytes)
    return documents.flatMap { ShapeRecognizer.extract(from: $0, source: source).strings }
  }

  @Test func corpusIsLabeled() throws {
    let labels = try Self.labels()
    #expect(labels.count > 300)
    let folders = Set(labels.map(\.folder))
    for folder in [
      "json-schema", "anthropic.tool.input_schema", "anthropic.output_config.format", "openai.response_format",
      "openai.responses.tool.parameters", "mcp.tool.inputSchema", "gemini.response_schema", "bedrock.tool.inputSchema",
      "bedrock.output.jsonSchema", "batch", "yaml", "openapi",
    ] {
      #expect(folders.contains(folder), "no labels for \(folder)")
    }
  }

  /// The shape and walker layer alone: every labeled string is extracted with its exact
  /// pointer, site, line and shape.
  @Test func everyLabeledStringIsExtractedWithPointerSiteLineAndShape() throws {
    let labels = try Self.labels()
    let files = Set(labels.map { "\(Self.corpus)/\($0.folder)/\($0.file)" })
    var extracted: [String: [ExtractedString]] = [:]
    for file in files { extracted[file] = try Self.extract(file) }
    for label in labels {
      let strings = extracted["\(Self.corpus)/\(label.folder)/\(label.file)"] ?? []
      let matches = strings.filter { $0.pointer.string == label.pointer && $0.site.rawValue == label.site }
      #expect(!matches.isEmpty, "not extracted: \(label)")
      guard let match = matches.first else { continue }
      if let line = label.line { #expect(match.range.start.line == line, "line of \(label)") }
      if let shape = label.shape { #expect(match.context.shape == shape, "shape of \(label): \(match.context.shape)") }
    }
  }

  /// Clean twins have the same structure: the same pointers are extracted.
  @Test func cleanTwinsHaveTheSameStructure() throws {
    var seen: Set<String> = []
    let labels = try Self.labels().filter { seen.insert("\($0.folder)/\($0.file)").inserted }
    for label in labels {
      let file = "\(Self.corpus)/\(label.folder)/\(label.file)"
      let name = label.file as NSString
      let twin = "\(Self.corpus)/\(label.folder)/\(name.deletingPathExtension).clean.\(name.pathExtension)"
      let flagged = try Self.extract(file).map { "\($0.site.rawValue) \($0.context.shape)" }
      let clean = try Self.extract(twin).map { "\($0.site.rawValue) \($0.context.shape)" }
      #expect(flagged == clean, "\(twin) differs in structure from \(file)")
    }
  }

  /// End to end: a finding at every labeled place the loaded rules cover (this tightens
  /// by itself as rules widen to more sites), no finding where nothing is labeled, and
  /// nothing at all in clean twins.
  @Test func scanFindsEveryCoveredLabelAndNothingInCleanTwins() throws {
    let root = Fixtures.url(Self.corpus).path
    let scanner = try Scanner(configuration: ScanConfiguration(paths: [root], root: root))
    let result = scanner.scan()
    #expect(!result.hasInputErrors, "\(result.diagnostics.map(\.located))")
    let labels = try Self.labels()
    for label in labels where label.expect == "flag" {
      guard let site = Site(rawValue: label.site), let category = Category(rawValue: label.category) else {
        Issue.record("bad label \(label)")
        continue
      }
      guard scanner.rules.rules.contains(where: { $0.category == category && $0.sites.contains(site) }) else {
        continue
      }
      let found = result.findings.contains {
        $0.file == "\(label.folder)/\(label.file)" && $0.pointer.string == label.pointer && $0.site == site
          && $0.category == category
          && (label.line == nil || $0.range.start.line == label.line)
      }
      #expect(found, "no finding for \(label)")
    }
    let labeled = Set(labels.map { "\($0.folder)/\($0.file) \($0.pointer) \($0.site)" })
    for finding in result.findings {
      #expect(!finding.file.contains(".clean."), "finding in a clean twin: \(finding.file) \(finding.pointer)")
      #expect(
        labeled.contains("\(finding.file) \(finding.pointer.string) \(finding.site.rawValue)"),
        "unlabeled finding: \(finding.file) \(finding.pointer) \(finding.site)")
    }
  }
}
