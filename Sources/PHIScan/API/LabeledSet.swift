import Foundation

/// Scores a scan against a labeled set kept outside the scanned tree (`phi-scan evaluate
/// DIR --labels FILE`), as `score-labels` does: one JSON object a line with `file`
/// (relative to DIR), `pointer`, `site`, `category` and `expect` (`flag`, `no-flag`, or
/// `ambiguous`, which no score counts). Other keys (`value`, `decoy_of`, ...) may be
/// present; `decoy_of` groups decoys by what they imitate, and no value is ever read
/// into a report.
///
/// Matching is by location: a finding on a `flag` label's file and pointer is a hit
/// whatever its category (several findings on one string count once); a finding on a
/// `no-flag` label or on an unlabeled string is a false alarm.
package enum LabeledSet {
  package struct Label: Sendable, Hashable {
    package enum Expectation: String, Sendable { case flag, noFlag = "no-flag", ambiguous }
    package var file: String
    package var pointer: String
    package var site: String
    package var category: String
    package var expect: Expectation
    /// For decoys: the category they imitate.
    package var decoyOf: String?

    /// The group a label is counted in per category: its category, or for decoys what
    /// they imitate.
    var categoryGroup: String { expect == .noFlag ? (decoyOf ?? category) : category }
  }

  /// Counts for one category or site.
  package struct Row: Sendable, Equatable {
    package var flags = 0
    package var hits = 0
    package var decoys = 0
    package var decoyHits = 0
    /// Reported locations in this group, and how many of them are on flag labels.
    package var predicted = 0
    package var predictedTrue = 0

    package var recall: Double? { flags == 0 ? nil : Double(hits) / Double(flags) }
    package var precision: Double? { predicted == 0 ? nil : Double(predictedTrue) / Double(predicted) }
  }

  package struct Report: Sendable {
    package var minimumLevel: Level
    package var filesScanned = 0
    package var flags = 0
    package var decoys = 0
    package var ambiguous = 0
    package var hits = 0
    package var decoyAlarms = 0
    package var unlabeledAlarms = 0
    package var ambiguousHits = 0
    /// Hits whose reported category is the label's, among hits.
    package var categoryCorrect = 0
    package var byCategory: [String: Row] = [:]
    package var bySite: [String: Row] = [:]
    /// Misses and false alarms by file, pointer, site and category: never a value.
    package var misses: [Label] = []
    package var falseAlarms: [(file: String, pointer: String, site: String, category: String, ruleID: String)] = []
    package var diagnostics: [Diagnostic] = []

    /// Reported locations, ambiguous labels aside.
    package var predictedLocations = 0
    package var truePositiveLocations: Int { predictedLocations - decoyAlarms - unlabeledAlarms }
    package var precision: Double {
      predictedLocations == 0 ? 1 : Double(truePositiveLocations) / Double(predictedLocations)
    }
    package var recall: Double { flags == 0 ? 1 : Double(hits) / Double(flags) }
    package var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    package var decoyRate: Double { decoys == 0 ? 0 : Double(decoyAlarms) / Double(decoys) }
  }

  /// Reads a labels file; a malformed line is an error naming file and line.
  package static func readLabels(_ path: String) throws(EvaluationError) -> [Label] {
    var labels: [Label] = []
    for (number, object) in try Evaluation.jsonLines(path, display: path) {
      func fail(_ reason: String) -> EvaluationError { EvaluationError(file: path, line: number, reason: reason) }
      guard let file = object["file"] as? String, !file.isEmpty else { throw fail("'file' is required") }
      guard let pointer = object["pointer"] as? String, pointer.isEmpty || pointer.hasPrefix("/") else {
        throw fail("'pointer' must be a JSON Pointer")
      }
      guard let site = object["site"] as? String else { throw fail("'site' is required") }
      guard let category = object["category"] as? String else { throw fail("'category' is required") }
      guard let expectName = object["expect"] as? String, let expect = Label.Expectation(rawValue: expectName) else {
        throw fail("'expect' must be flag, no-flag or ambiguous")
      }
      labels.append(
        Label(
          file: file, pointer: pointer, site: site, category: category, expect: expect,
          decoyOf: object["decoy_of"] as? String))
    }
    return labels
  }

  /// Scans `corpus` (every finding, notes included) and scores the findings at or above
  /// `minimumLevel` against `labelsPath`.
  package static func evaluate(corpus: String, labelsPath: String, rules: RuleSet, minimumLevel: Level)
    throws(EvaluationError) -> Report
  {
    let labels = try readLabels(labelsPath)
    var configuration = ScanConfiguration(paths: [corpus], root: corpus)
    configuration.minimumLevel = minimumLevel
    let scanner: Scanner
    do {
      scanner = try Scanner(configuration: configuration, rules: rules)
    } catch {
      throw EvaluationError(file: corpus, line: 0, reason: "cannot start a scan: \(error)")
    }
    let result = scanner.scan()
    var report = score(labels: labels, findings: result.findings, minimumLevel: minimumLevel)
    report.filesScanned = result.filesScanned
    report.diagnostics = result.diagnostics
    return report
  }

  struct Location: Hashable {
    var file: String
    var pointer: String
  }

  package static func score(labels: [Label], findings: [Finding], minimumLevel: Level) -> Report {
    var report = Report(minimumLevel: minimumLevel)
    var byLocation: [Location: Label] = [:]
    for label in labels { byLocation[Location(file: label.file, pointer: label.pointer)] = label }
    // Findings grouped by location: several rules on one string are one prediction.
    var reported: [Location: (categories: Set<String>, site: String, ruleID: String)] = [:]
    var order: [Location] = []
    for finding in findings where finding.level >= minimumLevel {
      let location = Location(file: finding.file, pointer: finding.pointer.string)
      if reported[location] == nil {
        order.append(location)
        reported[location] = ([], finding.site.rawValue, finding.ruleID)
      }
      reported[location]?.categories.insert(finding.category.rawValue)
    }
    var hit: Set<Location> = []
    for location in order {
      let found = reported[location]!
      let label = byLocation[location]
      if label?.expect == .ambiguous {
        report.ambiguousHits += 1
        continue
      }
      report.predictedLocations += 1
      let isTrue = label?.expect == .flag
      if let label {
        hit.insert(location)
        if isTrue, found.categories.contains(label.category) { report.categoryCorrect += 1 }
        if !isTrue { report.decoyAlarms += 1 }
      } else {
        report.unlabeledAlarms += 1
      }
      if !isTrue {
        report.falseAlarms.append(
          (
            location.file, location.pointer, label?.site ?? found.site,
            found.categories.sorted().joined(separator: ","), found.ruleID
          ))
      }
      for category in found.categories {
        report.byCategory[category, default: Row()].predicted += 1
        if isTrue { report.byCategory[category, default: Row()].predictedTrue += 1 }
      }
      let site = label?.site ?? found.site
      report.bySite[site, default: Row()].predicted += 1
      if isTrue { report.bySite[site, default: Row()].predictedTrue += 1 }
    }
    for label in labels {
      let isHit = hit.contains(Location(file: label.file, pointer: label.pointer))
      switch label.expect {
      case .ambiguous:
        report.ambiguous += 1
      case .flag:
        report.flags += 1
        report.byCategory[label.categoryGroup, default: Row()].flags += 1
        report.bySite[label.site, default: Row()].flags += 1
        if isHit {
          report.hits += 1
          report.byCategory[label.categoryGroup, default: Row()].hits += 1
          report.bySite[label.site, default: Row()].hits += 1
        } else {
          report.misses.append(label)
        }
      case .noFlag:
        report.decoys += 1
        report.byCategory[label.categoryGroup, default: Row()].decoys += 1
        report.bySite[label.site, default: Row()].decoys += 1
        if isHit {
          report.byCategory[label.categoryGroup, default: Row()].decoyHits += 1
          report.bySite[label.site, default: Row()].decoyHits += 1
        }
      }
    }
    report.misses.sort { ($0.file, $0.pointer) < ($1.file, $1.pointer) }
    report.falseAlarms.sort { ($0.file, $0.pointer) < ($1.file, $1.pointer) }
    return report
  }

  /// The tables `score-labels` prints: overall, per category, per site, then the misses
  /// and false alarms by location (never by value).
  package static func render(_ report: Report) -> String {
    func number(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "  n/a" }
    func pad(_ text: String, _ width: Int) -> String {
      text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0)
    }
    func left(_ value: Int, _ width: Int) -> String {
      String(repeating: " ", count: max(0, width - String(value).count)) + String(value)
    }
    var out =
      "phi-scan evaluate: \(report.filesScanned) files, \(report.flags) flag labels, \(report.decoys) decoys, \(report.ambiguous) ambiguous (excluded); findings at \(report.minimumLevel.rawValue) or above count\n"
    out +=
      "OVERALL  precision  \(number(report.precision))  recall  \(number(report.recall))  F1  \(number(report.f1))   "
    out +=
      "TP \(report.hits)  FN \(report.flags - report.hits)  FP \(report.decoyAlarms + report.unlabeledAlarms) (decoy \(report.decoyAlarms), unlabeled \(report.unlabeledAlarms))  ambiguous flagged \(report.ambiguousHits)\n"
    out +=
      "category accuracy among matched:  \(number(report.hits == 0 ? nil : Double(report.categoryCorrect) / Double(report.truePositiveLocations)))   decoy FP rate  \(number(report.decoyRate))\n"
    func table(_ title: String, _ rows: [String: Row]) {
      out += "\n" + pad(title, 18) + "  flag    TP  recall   pred    prec  decoys   dFP\n"
      for (name, row) in rows.sorted(by: { $0.key < $1.key }) where row.flags > 0 || row.decoys > 0 {
        out +=
          pad(name, 18) + left(row.flags, 6) + left(row.hits, 6) + "   " + number(row.recall) + left(row.predicted, 7)
          + "   " + number(row.precision)
        out += left(row.decoys, 8) + left(row.decoyHits, 6) + "\n"
      }
    }
    table("per category", report.byCategory)
    table("per site", report.bySite)
    out += "\nmisses (\(report.misses.count))\n"
    for label in report.misses { out += "  \(label.file)  \(label.pointer)  \(label.site)  \(label.category)\n" }
    out += "\nfalse alarms (\(report.falseAlarms.count))\n"
    for alarm in report.falseAlarms {
      out += "  \(alarm.file)  \(alarm.pointer)  \(alarm.site)  \(alarm.category)  \(alarm.ruleID)\n"
    }
    let inputProblems = report.diagnostics.filter { $0.severity == .error }
    if !inputProblems.isEmpty {
      out += "\ninput problems (\(inputProblems.count))\n"
      for diagnostic in inputProblems { out += "  \(diagnostic.located)\n" }
    }
    return out
  }
}
