import Foundation
import Testing

@testable import PHIScan

/// Scores the person-name rules on the labeled corpus (corpus/names/labels.jsonl):
/// a finding of category `name` at a `flag` label is a hit, one at a `no-flag` label or
/// at an unlabeled pointer of a corpus file is a false alarm. Any level counts.
@Suite struct NamesCorpusTests {
  struct Label: Decodable {
    var file: String
    var pointer: String
    var site: String
    var category: String
    var expect: String
  }

  struct Score: CustomStringConvertible {
    var hits = 0
    var misses: [String] = []
    var falseAlarms: [String] = []
    var recall: Double { Double(hits) / Double(max(1, hits + misses.count)) }
    var precision: Double { Double(hits) / Double(max(1, hits + falseAlarms.count)) }
    var description: String {
      "hits \(hits), misses \(misses.count) \(misses), false alarms \(falseAlarms.count) \(falseAlarms)"
    }
  }

  static func score() throws -> Score {
    let folder = Fixtures.url("corpus/names")
    let labels = try String(contentsOf: folder.appendingPathComponent("labels.jsonl"), encoding: .utf8)
      .split(separator: "\n").map { try JSONDecoder().decode(Label.self, from: Data($0.utf8)) }
      .filter { $0.category == "name" }
    let scanner = try Scanner(configuration: ScanConfiguration(paths: [folder.path]))
    let detector = try Detector(rules: scanner.rules)
    var score = Score()
    for file in Set(labels.map(\.file)).sorted() {
      let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(file)))
      let result = scanner.scanBytes(bytes, format: .json, reportPath: file, detector: detector)
      #expect(result.diagnostics.isEmpty, "\(file): \(result.diagnostics.map(\.message))")
      let flagged = Set(result.findings.filter { $0.category == .name }.map(\.pointer.string))
      let fileLabels = labels.filter { $0.file == file }
      for label in fileLabels {
        switch (label.expect, flagged.contains(label.pointer)) {
        case ("flag", true): score.hits += 1
        case ("flag", false): score.misses.append("\(file)\(label.pointer)")
        case (_, true): score.falseAlarms.append("\(file)\(label.pointer)")
        default: break
        }
      }
      let labeled = Set(fileLabels.map(\.pointer))
      score.falseAlarms += flagged.subtracting(labeled).sorted().map { "\(file)\($0) (unlabeled)" }
    }
    return score
  }

  @Test func recallAndPrecisionMeetTheBar() throws {
    let score = try Self.score()
    #expect(score.hits + score.misses.count >= 60, "the corpus should hold at least 60 names")
    #expect(score.recall >= 0.95, "name recall \(score.recall): \(score)")
    #expect(score.precision >= 0.97, "name precision \(score.precision): \(score)")
  }
}
