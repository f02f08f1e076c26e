import Foundation
import Testing

@_spi(Internals) @testable import PHIScan

/// `phi-scan evaluate`: the scoring rules, and the detector's measured quality on the
/// labeled corpus (thresholds only go up).
@Suite struct EvaluationTests {
  static let rules = try! PackLoader.builtinRules()

  /// Writes files into a fresh temporary directory.
  func corpus(_ files: [String: String]) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("phi-eval-\(UUID().uuidString)")
    for (path, text) in files {
      let url = dir.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return dir.path
  }

  /// `evaluate --labels FILE`: labels outside the corpus, scored by location as
  /// score-labels does; ambiguous labels count nowhere; values in labels are never read
  /// into the report.
  @Test func externalLabelsAreScoredByLocation() throws {
    let schema =
      #"{"type": "object", "properties": {"a": {"const": "512-43-8876"}, "b": {"const": "536-90-4399"}, "c": {"const": "none"}, "d": {"enum": ["481-22-9063"]}, "e": {"const": "529-37-1184"}}}"#
    let dir = try corpus(["s/s.json": schema])
    let labels = """
      {"file": "s/s.json", "pointer": "/properties/a/const", "site": "const", "category": "ssn", "expect": "flag", "value": "512-43-8876"}
      {"file": "s/s.json", "pointer": "/properties/c/const", "site": "const", "category": "mrn", "expect": "flag", "value": "none"}
      {"file": "s/s.json", "pointer": "/properties/b/const", "site": "const", "category": "decoy", "expect": "no-flag", "decoy_of": "ssn", "value": "536-90-4399"}
      {"file": "s/s.json", "pointer": "/properties/e/const", "site": "const", "category": "ssn", "expect": "ambiguous", "value": "529-37-1184"}

      """
    let labelsPath = try corpus(["labels.jsonl": labels]) + "/labels.jsonl"
    let report = try LabeledSet.evaluate(corpus: dir, labelsPath: labelsPath, rules: Self.rules, minimumLevel: .error)
    #expect(report.flags == 2 && report.decoys == 1 && report.ambiguous == 1)
    #expect(report.hits == 1 && report.decoyAlarms == 1 && report.unlabeledAlarms == 1 && report.ambiguousHits == 1)
    #expect(report.predictedLocations == 3 && abs(report.precision - 1.0 / 3) < 1e-9 && abs(report.recall - 0.5) < 1e-9)
    #expect(
      report.byCategory["ssn"]?.decoys == 1 && report.byCategory["ssn"]?.decoyHits == 1,
      "decoys count under what they imitate")
    #expect(report.misses.map(\.pointer) == ["/properties/c/const"])
    #expect(report.falseAlarms.map(\.pointer) == ["/properties/b/const", "/properties/d/enum/0"])
    let text = LabeledSet.render(report)
    #expect(text.contains("OVERALL  precision  0.333  recall  0.500"))
    for value in ["512-43-8876", "536-90-4399", "481-22-9063", "529-37-1184"] { #expect(!text.contains(value)) }
    // A line that is not an object names the file and the line.
    let broken = try corpus(["bad.jsonl": "\n{\"file\": \"x\"\n"]) + "/bad.jsonl"
    #expect(throws: EvaluationError.self) { try LabeledSet.readLabels(broken) }
    do { _ = try LabeledSet.readLabels(broken) } catch { #expect(error.description.hasSuffix(":2: not a JSON object")) }
  }

  @Test func countsHitsMissesAndUnlabeledFindings() throws {
    let schema =
      #"{"type": "object", "properties": {"a": {"const": "512-43-8876"}, "b": {"const": "536-90-4399"}, "c": {"const": "none"}, "d": {"enum": ["481-22-9063"]}}}"#
    let labels = """
      {"file": "s.json", "pointer": "/properties/a/const", "site": "const", "category": "ssn", "expect": "flag", "line": 1}
      {"file": "s.json", "pointer": "/properties/c/const", "site": "const", "category": "ssn", "expect": "flag"}
      {"file": "s.json", "pointer": "/properties/b/const", "site": "const", "category": "ssn", "expect": "no-flag"}
      """
    let dir = try corpus(["set/s.json": schema, "set/labels.jsonl": labels, "unlabeled/x.json": schema])
    let report = try Evaluation.evaluate(corpus: dir, rules: Self.rules)
    #expect(report.overall.truePositives == 1)
    #expect(report.overall.falseNegatives == 1, "c is labeled but not found")
    #expect(report.overall.falsePositives == 2, "b is labeled no-flag, d is unlabeled")
    #expect(report.misses.map(\.pointer) == ["/properties/c/const"])
    #expect(report.falseAlarms.map(\.pointer) == ["/properties/b/const", "/properties/d/enum/0"])
    #expect(report.skippedFolders == ["unlabeled"])
    #expect(report.bySite[.const]?.truePositives == 1 && report.bySite[.enum]?.falsePositives == 1)
    #expect(abs(report.overall.precision - 1.0 / 3) < 1e-9 && abs(report.overall.recall - 0.5) < 1e-9)
    let text = Evaluation.render(report)
    #expect(
      !text.contains("512-43-8876") && !text.contains("536-90-4399") && !text.contains("481-22-9063"),
      "reports are redacted")
    #expect(text.contains("skipped (no labels.jsonl): unlabeled"))
  }

  @Test func notesDoNotCountUnlessAsked() throws {
    let schema = #"{"type": "object", "properties": {"a": {"const": "078-05-1120"}}}"#
    let dir = try corpus(["s.json": schema, "labels.jsonl": ""])
    #expect(try Evaluation.evaluate(corpus: dir, rules: Self.rules).overall.falsePositives == 0)
    #expect(try Evaluation.evaluate(corpus: dir, rules: Self.rules, minimumLevel: .note).overall.falsePositives == 1)
  }

  @Test func nestedLabeledFoldersAreScoredOnce() throws {
    let schema = #"{"type": "object", "properties": {"a": {"const": "512-43-8876"}}}"#
    let flag =
      #"{"file": "s.json", "pointer": "/properties/a/const", "site": "const", "category": "ssn", "expect": "flag"}"#
    let dir = try corpus(["s.json": schema, "labels.jsonl": flag, "inner/s.json": schema, "inner/labels.jsonl": flag])
    let report = try Evaluation.evaluate(corpus: dir, rules: Self.rules)
    #expect(report.overall.truePositives == 2 && report.overall.falsePositives == 0)
  }

  @Test(arguments: [
    (#"{"file": "s.json"}"#, "'pointer'"),
    (#"{"file": "s.json", "pointer": "/a", "site": "keys", "category": "ssn", "expect": "flag"}"#, "'site'"),
    (#"{"file": "s.json", "pointer": "/a", "site": "const", "category": "ssn", "expect": "maybe"}"#, "'expect'"),
    (
      #"{"file": "s.json", "pointer": "/a", "site": "const", "category": "ssn", "expect": "flag", "value": "x"}"#,
      "never carry values"
    ),
    ("not json", "not a JSON object"),
  ])
  func malformedLabelsNameFileAndLine(line: String, message: String) throws {
    let dir = try corpus(["labels.jsonl": "\n" + line + "\n"])
    do {
      _ = try Evaluation.evaluate(corpus: dir, rules: Self.rules)
      Issue.record("accepted \(line)")
    } catch {
      #expect(error.description.hasPrefix("labels.jsonl:2: "), "\(error.description)")
      #expect(error.description.contains(message), "\(error.description)")
    }
  }

  /// The measured quality on corpus/. Raise these when the detector improves; never lower them.
  @Test func corpusMeetsTheThresholds() throws {
    let report = try Evaluation.evaluate(corpus: Fixtures.url("corpus").path, rules: Self.rules)
    #expect(report.labels >= 225, "the labeled corpus shrank")
    #expect(report.overall.precision >= 0.98, "\(Evaluation.render(report))")
    #expect(report.overall.recall >= 0.98, "\(Evaluation.render(report))")
    for (category, score) in report.byCategory where category != .name {
      #expect(score.recall >= 0.95, "\(category.rawValue) recall \(score.recall)")
    }
    let covered = Set(report.byCategory.filter { $0.value.expected > 0 }.keys)
    let expected = Set(Category.allCases).subtracting([.name])
    #expect(
      covered.isSuperset(of: expected),
      "categories without a labeled positive: \(expected.subtracting(covered).map(\.rawValue).sorted())")
  }
}
