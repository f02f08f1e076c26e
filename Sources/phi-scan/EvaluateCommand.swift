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
      count. Unlabeled findings are false alarms; folders without labels are skipped and listed. \
      Misses and false alarms are listed by file, pointer, site and category, never by value.
      """)

  @Argument(help: "The corpus directory.")
  var corpus: String

  @Option(name: .customLong("min-level"), help: "The lowest finding level that counts as a flag.")
  var minLevel: EvaluationLevel = .warning

  @OptionGroup var ruleSource: RuleSourceOptions

  func run() throws {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: corpus, isDirectory: &isDirectory), isDirectory.boolValue else {
      Terminal.error("phi-scan: \(corpus): not a directory")
      throw ExitCode(ExitStatus.usageOrInput)
    }
    let setup = try ruleSource.load(root: corpus)
    do {
      let report = try Evaluation.evaluate(corpus: corpus, rules: setup.rules, minimumLevel: minLevel.level)
      print(Evaluation.render(report), terminator: "")
    } catch {
      Terminal.error("phi-scan: \(error)")
      throw ExitCode(ExitStatus.usageOrInput)
    }
  }
}

enum EvaluationLevel: String, ExpressibleByArgument, CaseIterable {
  case note, warning, error

  var level: Level { Level(rawValue: rawValue) ?? .warning }
}
