import Foundation
import Testing

@_spi(Internals) @testable import PHIScan

/// Scans the labeled corpus with the real binary in every format, writing a baseline too,
/// and searches every output (stderr and the baseline included) for every labeled value. Labels carry no values, so each
/// value is read from its file at the labeled pointer (DESIGN.md "Redaction").
@Suite struct NoLeakTests {
  struct Label: Decodable {
    var file: String
    var pointer: String
    var site: String
    var expect: String
  }

  /// (value, site) of every `expect: flag` label under corpus/.
  static func labeledValues() throws -> [(value: String, site: Site, source: String)] {
    let corpus = Fixtures.url("corpus")
    var values: [(String, Site, String)] = []
    let walker = FileManager.default.enumerator(at: corpus, includingPropertiesForKeys: nil)
    while let url = walker?.nextObject() as? URL {
      guard url.lastPathComponent == "labels.jsonl" else { continue }
      let text = try String(contentsOf: url, encoding: .utf8)
      for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
        let label = try JSONDecoder().decode(Label.self, from: Data(line.utf8))
        guard label.expect == "flag", let site = Site(rawValue: label.site) else { continue }
        let file = url.deletingLastPathComponent().appendingPathComponent(label.file)
        let bytes = [UInt8](try Data(contentsOf: file))
        let documents = DocumentLoader.load(
          bytes, format: DocumentFormat.forPath(file.path) ?? DocumentFormat.sniff(bytes)
        ).documents
        let probe = Finding(
          ruleID: "label", category: .ssn, level: .error, confidence: .high, site: site, file: label.file,
          pointer: JSONPointer(escaped: label.pointer),
          range: SourceRange(start: SourcePosition(line: 1, column: 1), end: SourcePosition(line: 1, column: 2)),
          shape: "", toolName: nil, isCached: true, mask: "", reason: "")
        let value = try #require(
          PointerValues.resolve(probe, in: documents), "\(file.path): nothing at \(label.pointer)")
        values.append((value, site, "\(label.file) \(label.pointer)"))
      }
    }
    return values
  }

  /// A property name may appear only as a token of its own JSON Pointer (after a `/`).
  static func leaks(_ value: String, site: Site, in output: String) -> Bool {
    let escaped = String(
      String(decoding: (try? JSONEncoder().encode(value)) ?? Data(), as: UTF8.self).dropFirst().dropLast())
    for form in Set([value, escaped]) where !form.isEmpty {
      var searchRange = output.startIndex..<output.endIndex
      while let found = output.range(of: form, range: searchRange) {
        // A `required` entry is a property name too: the flagged property's own pointer names it.
        let isNameSite = [.propertyName, .patternProperty, .defsKey, .required].contains(site)
        let afterSlash = found.lowerBound > output.startIndex && output[output.index(before: found.lowerBound)] == "/"
        if !(isNameSite && afterSlash) { return true }
        searchRange = found.upperBound..<output.endIndex
      }
    }
    return false
  }

  @Test func noOutputContainsALabeledValue() throws {
    let values = try Self.labeledValues()
    // Too short to search for without matching line numbers or words; none so far.
    let searchable = values.filter { $0.value.count >= 5 }
    #expect(searchable.count >= 4, "the labeled corpus should give values to search for")
    let out = try CLIExitCodeTests.directory([:])
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    let files = ["sarif", "json", "txt", "baseline.json"].map { out.appendingPathComponent("report.\($0)").path }
    let run = try CLIExitCodeTests.run([
      "scan", "corpus", "-f", "sarif", "-o", files[0], "-f", "json", "-o", files[1], "-f", "text", "-o", files[2],
      "--fail-on", "never",
    ])
    #expect(run.status == 0 || run.status == 2)
    let stdoutText = try CLIExitCodeTests.run(["scan", "corpus", "--fail-on", "never"]).stdout
    let baselineRun = try CLIExitCodeTests.run(["scan", "corpus", "--write-baseline", files[3], "--fail-on", "never"])
    var outputs = try files.map { try String(contentsOfFile: $0, encoding: .utf8) }
    // Baseline keys and salt are random hex (HMACs, not values): a numeric value can turn
    // up in them by chance, so they are left out of the search.
    outputs[3] = outputs[3].replacing(#/"(key|salt)" : "[0-9a-f]+"/#, with: "")
    outputs += [run.stdout, run.stderr, stdoutText, baselineRun.stdout, baselineRun.stderr]
    #expect(outputs[3].count > 100, "the baseline records the corpus findings")
    #expect(outputs[2].contains(" | "), "the text report shows code frames")
    for (value, site, source) in searchable {
      for (index, output) in outputs.enumerated() {
        #expect(!Self.leaks(value, site: site, in: output), "output \(index) leaks the value at \(source)")
      }
    }
  }

  @Test func theLeakCheckCanFail() {
    #expect(Self.leaks("512-43-8876", site: .const, in: "x 512-43-8876 y"))
    #expect(Self.leaks("jane_doe", site: .propertyName, in: "property jane_doe here"))
    #expect(!Self.leaks("jane_doe", site: .propertyName, in: "at /properties/jane_doe/const"))
    #expect(Self.leaks("a\"b", site: .const, in: #"{"v":"a\"b"}"#))
  }
}
