import Foundation

/// Scores a scan against a labeled corpus (`phi-scan evaluate`): precision, recall and
/// F1 overall, per category and per site, with the misses and false alarms (redacted:
/// file, pointer, site and category, never the value).
///
/// Rules of the game:
/// - Every folder with a `labels.jsonl` is a labeled set: all scannable files below it
///   (down to the next labeled folder) are scanned and every finding counts.
/// - A finding counts when it is at or above `minimumLevel` (default `warning`): notes,
///   such as known placeholders, are information, not flags.
/// - A finding is a true positive when a `flag` label names its file, pointer and
///   category; every other finding (a `no-flag` label or no label at all) is a false alarm.
///   Several rules flagging the same string and category count once.
/// - A `flag` label without a matching finding is a miss.
/// - Folders holding scannable files but no `labels.jsonl` (at any level above) are
///   skipped and listed, so an unlabeled set is never mistaken for a clean one.
package enum Evaluation {
  package struct Score: Sendable, Equatable {
    package var truePositives = 0
    package var falsePositives = 0
    package var falseNegatives = 0

    package init() {}

    package var precision: Double {
      truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
    }
    package var recall: Double {
      truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
    }
    package var f1: Double {
      precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }
    /// Labels expecting a flag.
    package var expected: Int { truePositives + falseNegatives }
  }

  /// A miss or a false alarm, without the value.
  package struct Entry: Sendable, Hashable {
    package var file: String
    package var pointer: String
    package var site: Site
    package var category: Category
    package var ruleID: String?
  }

  package struct Report: Sendable {
    package var overall = Score()
    package var byCategory: [Category: Score] = [:]
    package var bySite: [Site: Score] = [:]
    package var misses: [Entry] = []
    package var falseAlarms: [Entry] = []
    /// Flag labels whose finding started on another line than the label says.
    package var lineMismatches: [Entry] = []
    package var labeledFolders: [String] = []
    package var skippedFolders: [String] = []
    package var filesScanned = 0
    package var labels = 0
    package var diagnostics: [Diagnostic] = []
    package var minimumLevel: Level = .warning
  }

  /// Evaluates every labeled folder under `corpus` with `rules` (built-ins by default).
  package static func evaluate(corpus: String, rules: RuleSet, minimumLevel: Level = .warning) throws(EvaluationError)
    -> Report
  {
    var report = Report()
    report.minimumLevel = minimumLevel
    let root = URL(fileURLWithPath: corpus).standardizedFileURL.path
    let folders = scannableFolders(root)
    let labeled = Set(folders.labelFolders)
    report.labeledFolders = folders.labelFolders.map { relative($0, to: root) }.sorted()
    report.skippedFolders = folders.fileFolders.filter { folder in
      !labeled.contains { folder == $0 || folder.hasPrefix($0 + "/") }
    }.map { relative($0, to: root) }.sorted()

    for folder in folders.labelFolders.sorted() {
      let labels = try readLabels(folder + "/labels.jsonl", display: relative(folder + "/labels.jsonl", to: root))
      report.labels += labels.count
      let nested = labeled.filter { $0 != folder && $0.hasPrefix(folder + "/") }
      let scanner: Scanner
      do {
        var configuration = ScanConfiguration(paths: [folder], root: folder)
        configuration.minimumLevel = minimumLevel
        scanner = try Scanner(configuration: configuration, rules: rules)
      } catch {
        throw EvaluationError(file: relative(folder, to: root), line: 0, reason: "cannot start a scan: \(error)")
      }
      let result = scanner.scan()
      let owned = { (file: String) in !nested.contains { (folder + "/" + file).hasPrefix($0 + "/") } }
      report.filesScanned += result.filesScanned
      let prefix = relative(folder, to: root)
      report.diagnostics += result.diagnostics.filter { owned($0.file ?? "") }.map { diagnostic in
        var copy = diagnostic
        copy.file = diagnostic.file.map { prefix.isEmpty ? $0 : prefix + "/" + $0 }
        return copy
      }
      // The scan left out what is below `minimumLevel`.
      score(labels: labels, findings: result.findings.filter { owned($0.file) }, folder: prefix, into: &report)
    }
    report.misses.sort { ($0.file, $0.pointer) < ($1.file, $1.pointer) }
    report.falseAlarms.sort { ($0.file, $0.pointer, $0.category) < ($1.file, $1.pointer, $1.category) }
    return report
  }

  struct Key: Hashable {
    var file: String
    var pointer: String
    var category: Category
  }

  static func score(labels: [CorpusLabel], findings: [Finding], folder: String, into report: inout Report) {
    func path(_ file: String) -> String { folder.isEmpty ? file : folder + "/" + file }
    var flagLabels: [Key: CorpusLabel] = [:]
    for label in labels where label.expect == .flag {
      flagLabels[Key(file: label.file, pointer: label.pointer, category: label.category)] = label
    }
    var counted: Set<Key> = []
    var found: Set<Key> = []
    for finding in findings {
      let key = Key(file: finding.file, pointer: finding.pointer.string, category: finding.category)
      guard counted.insert(key).inserted else { continue }
      if let label = flagLabels[key] {
        found.insert(key)
        report.overall.truePositives += 1
        report.byCategory[label.category, default: Score()].truePositives += 1
        report.bySite[label.site, default: Score()].truePositives += 1
        if let line = label.line, line != finding.range.start.line {
          report.lineMismatches.append(
            Entry(
              file: path(label.file), pointer: label.pointer, site: label.site, category: label.category,
              ruleID: finding.ruleID))
        }
      } else {
        report.overall.falsePositives += 1
        report.byCategory[finding.category, default: Score()].falsePositives += 1
        report.bySite[finding.site, default: Score()].falsePositives += 1
        report.falseAlarms.append(
          Entry(
            file: path(finding.file), pointer: finding.pointer.string, site: finding.site, category: finding.category,
            ruleID: finding.ruleID))
      }
    }
    for (key, label) in flagLabels where !found.contains(key) {
      report.overall.falseNegatives += 1
      report.byCategory[label.category, default: Score()].falseNegatives += 1
      report.bySite[label.site, default: Score()].falseNegatives += 1
      report.misses.append(
        Entry(file: path(label.file), pointer: label.pointer, site: label.site, category: label.category, ruleID: nil))
    }
  }

  /// Folders holding `labels.jsonl`, and folders holding scannable files.
  static func scannableFolders(_ root: String) -> (labelFolders: [String], fileFolders: [String]) {
    var labelFolders: [String] = []
    var fileFolders: Set<String> = []
    let manager = FileManager.default
    var isDirectory: ObjCBool = false
    guard manager.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else { return ([], []) }
    let enumerator = manager.enumerator(atPath: root)
    if manager.fileExists(atPath: root + "/labels.jsonl") { labelFolders.append(root) }
    while let item = enumerator?.nextObject() as? String {
      let full = root + "/" + item
      let name = (item as NSString).lastPathComponent
      let parent = (full as NSString).deletingLastPathComponent
      if name == "labels.jsonl" {
        if parent != root { labelFolders.append(parent) }
      } else if DocumentFormat.forPath(full) != nil {
        fileFolders.insert(parent)
      }
    }
    return (labelFolders, fileFolders.sorted())
  }

  static func relative(_ path: String, to root: String) -> String {
    if path == root { return "" }
    return path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
  }

  /// The JSON objects of a JSON Lines file with their line numbers (blank lines skipped);
  /// an unreadable file or a line that is not an object is an error naming file and line.
  static func jsonLines(_ path: String, display: String) throws(EvaluationError) -> [(
    number: Int, object: [String: Any]
  )] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw EvaluationError(file: display, line: 0, reason: "cannot be read")
    }
    var objects: [(number: Int, object: [String: Any])] = []
    for (index, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let text = line.trimmingCharacters(in: .whitespaces)
      guard !text.isEmpty else { continue }
      guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
        throw EvaluationError(file: display, line: index + 1, reason: "not a JSON object")
      }
      objects.append((index + 1, object))
    }
    return objects
  }

  /// Parses a `labels.jsonl`; every malformed line is an error naming file and line.
  package static func readLabels(_ path: String, display: String) throws(EvaluationError) -> [CorpusLabel] {
    var labels: [CorpusLabel] = []
    for (number, object) in try jsonLines(path, display: display) {
      func fail(_ reason: String) -> EvaluationError { EvaluationError(file: display, line: number, reason: reason) }
      // Extra keys (e.g. `shape`) are metadata and ignored; a value never belongs in a label.
      if let forbidden = object.keys.first(where: { ["value", "text", "string"].contains($0) }) {
        throw fail("'\(forbidden)': labels never carry values (DESIGN.md Redaction)")
      }
      guard let file = object["file"] as? String, !file.isEmpty else { throw fail("'file' is required") }
      guard let pointer = object["pointer"] as? String, pointer.isEmpty || pointer.hasPrefix("/") else {
        throw fail("'pointer' must be a JSON Pointer")
      }
      guard let siteName = object["site"] as? String, let site = Site(rawValue: siteName) else {
        throw fail("'site' must be one of \(Site.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      guard let categoryName = object["category"] as? String, let category = Category(rawValue: categoryName) else {
        throw fail("'category' must be one of \(Category.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      guard let expectName = object["expect"] as? String, let expect = CorpusLabel.Expectation(rawValue: expectName)
      else {
        throw fail("'expect' must be flag or no-flag")
      }
      var lineNumber: Int?
      if let value = object["line"] {
        guard let number = value as? Int, number >= 1 else { throw fail("'line' must be a positive integer") }
        lineNumber = number
      }
      labels.append(
        CorpusLabel(file: file, pointer: pointer, site: site, category: category, expect: expect, line: lineNumber))
    }
    return labels
  }

  /// The report as a plain-text table (what `phi-scan evaluate` prints).
  package static func render(_ report: Report) -> String {
    func pct(_ value: Double) -> String { String(format: "%.3f", value) }
    func row(_ name: String, _ score: Score) -> String {
      name.padding(toLength: 20, withPad: " ", startingAt: 0)
        + "\(pct(score.precision))  \(pct(score.recall))  \(pct(score.f1))  "
        + String(format: "%4d %4d %4d", score.truePositives, score.falsePositives, score.falseNegatives)
    }
    let header = "".padding(toLength: 20, withPad: " ", startingAt: 0) + "prec.  recall  F1     tp   fp   fn"
    var out =
      "phi-scan evaluate: \(report.labeledFolders.count) labeled folders, \(report.filesScanned) files, \(report.labels) labels; findings at \(report.minimumLevel.rawValue) or above count\n\n"
    out += header + "\n" + row("overall", report.overall) + "\n\nper category\n" + header + "\n"
    for (category, score) in report.byCategory.sorted(by: { $0.key < $1.key }) {
      out += row(category.rawValue, score) + "\n"
    }
    out += "\nper site\n" + header + "\n"
    for (site, score) in report.bySite.sorted(by: { $0.key < $1.key }) { out += row(site.rawValue, score) + "\n" }
    out += "\nmisses (\(report.misses.count))\n"
    for entry in report.misses {
      out += "  \(entry.file)  \(entry.pointer)  \(entry.site.rawValue)  \(entry.category.rawValue)\n"
    }
    out += "\nfalse alarms (\(report.falseAlarms.count))\n"
    for entry in report.falseAlarms {
      out +=
        "  \(entry.file)  \(entry.pointer)  \(entry.site.rawValue)  \(entry.category.rawValue)  \(entry.ruleID ?? "")\n"
    }
    if !report.lineMismatches.isEmpty {
      out += "\nfound on another line than labeled (\(report.lineMismatches.count))\n"
      for entry in report.lineMismatches { out += "  \(entry.file)  \(entry.pointer)\n" }
    }
    if !report.skippedFolders.isEmpty {
      out += "\nskipped (no labels.jsonl): \(report.skippedFolders.joined(separator: ", "))\n"
    }
    let inputProblems = report.diagnostics.filter { $0.severity == .error }
    if !inputProblems.isEmpty {
      out += "\ninput problems (\(inputProblems.count))\n"
      for diagnostic in inputProblems { out += "  \(diagnostic.located)\n" }
    }
    return out
  }
}
