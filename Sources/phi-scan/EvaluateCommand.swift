import ArgumentParser
import Foundation
import PHIScan

struct EvaluateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "evaluate",
    abstract: "Score the rules on a labeled corpus: precision, recall and F1 overall, per category and per site.",
    discussion: """
      Every folder with a labels.jsonl (one JSON object a line: file, pointer, site, category, \
      expect "flag" or "no-flag", optional line) is scanned; findings at --min-level or above \
      count. With --labels FILE, the whole corpus is scored against that file instead, \
      by location, as score-labels does. Unlabeled findings are false alarms; folders without labels are skipped and listed. \
      Misses and false alarms are listed by file, pointer, site and category, never by value.
      """)

  @Argument(help: "The corpus directory.")
  var corpus: String

  @Option(name: .customLong("min-level"), help: "The lowest finding level that counts as a flag.")
  var minLevel: LevelOption = .warning

  @Option(
    help: ArgumentHelp(
      "Score against this labels file instead of the corpus's own labels.jsonl files: JSON Lines with file (relative to the corpus), pointer, site, category and expect (flag, no-flag or ambiguous), as ../shared/eval/dev-labels.jsonl; prints the tables of score-labels.",
      valueName: "file"))
  var labels: String?

  @OptionGroup var ruleSource: RuleSourceOptions

  func run() throws {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: corpus, isDirectory: &isDirectory), isDirectory.boolValue else {
      Terminal.error("phi-scan: \(corpus): not a directory")
      throw ExitCode(ExitStatus.usageOrInput)
    }
    let setup = try ruleSource.load(root: corpus)
    if let labels {
      let report: LabeledSet.Report
      do {
        report = try LabeledSet.evaluate(
          corpus: corpus, labelsPath: labels, rules: setup.rules, minimumLevel: minLevel.level)
      } catch {
        Terminal.error("phi-scan: \(error)")
        throw ExitCode(ExitStatus.usageOrInput)
      }
      try Output.print(LabeledSet.render(report))
      return
    }
    let report: Evaluation.Report
    do {
      report = try Evaluation.evaluate(corpus: corpus, rules: setup.rules, minimumLevel: minLevel.level)
    } catch {
      Terminal.error("phi-scan: \(error)")
      throw ExitCode(ExitStatus.usageOrInput)
    }
    try Output.print(Evaluation.render(report))
  }
}

/// A finding level as a command-line value (`--min-level`).
enum LevelOption: String, ExpressibleByArgument, CaseIterable {
  case note, warning, error

  var level: Level { Level(rawValue: rawValue) ?? .warning }
}
