import Foundation
import Testing

@_spi(Internals) @testable import PHIScan

/// Inputs the fuzzers (scripts/fuzz.sh) found or that guard what they found, kept as
/// files under `Robustness/FuzzReproducers/` and named `HARNESS-what.bin`. Each runs
/// through the same stage as its harness; the test fails by crashing or by the stage
/// giving a wrong kind of answer.
@Suite struct FuzzRegressionTests {
  static let directory = Fixtures.url("Tests/PHIScanTests/Robustness/FuzzReproducers")

  static var reproducers: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".bin") }
      .sorted()
  }

  @Test(arguments: reproducers)
  func reproducerRunsCleanly(_ name: String) throws {
    let bytes = [UInt8](try Data(contentsOf: Self.directory.appendingPathComponent(name)))
    var limits = ParseLimits()
    limits.maxYAMLNodes = 20_000
    switch name.split(separator: "-").first {
    case "json":
      _ = try? JSONParser.parse(bytes)
      _ = DocumentLoader.load(bytes, format: .jsonLines)
    case "yaml":
      let problems = DocumentLoader.load(bytes, format: .yaml, limits: limits).problems
      if name.contains("alias") {
        #expect(problems.contains { $0.code == .tooLarge && $0.message.contains("alias") }, "\(problems)")
      }
    case "regex":
      let text = String(decoding: bytes, as: UTF8.self)
      let analysis = PatternLiterals.analyse(text)
      #expect(analysis.strings.count <= PatternLiterals.Limits().maxStrings)
    case "walker":
      let source = SourceText(bytes)
      for document in DocumentLoader.load(bytes, format: DocumentFormat.sniff(bytes), limits: limits).documents {
        _ = ShapeRecognizer.extract(from: document, source: source)
      }
    default:
      Issue.record("\(name): the file name must start with json-, yaml-, regex- or walker-")
    }
  }
}
