import ArgumentParser
import Foundation
import PHIScan

/// Where rules come from: the built-in packs, `--patterns`, and the config file.
struct RuleSourceOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "Read this config file instead of the .phi-scan.yml found in the current directory or the nearest one above it in the Git repository.",
      valueName: "file"))
  var config: String?

  @Option(
    help: ArgumentHelp(
      "Load the pattern packs in this directory (or this pack file) besides the built-in ones; repeatable. Rule ids must not clash with built-in ones.",
      valueName: "dir"))
  var patterns: [String] = []

  struct Setup {
    var config: ConfigFile
    var rules: RuleSet
  }

  /// The config (given, found at the root, or none) and the rule set it selects.
  /// Every problem is a usage error (exit 2) naming file, line and key.
  func load(root: String) throws -> Setup {
    do {
      var config = ConfigFile()
      if let path = self.config {
        config = try ConfigFile.load(path: path, displayPath: FileDiscovery.reportPath(of: path, root: root))
      } else {
        if let found = ConfigLookup.find(from: root) {
          config = try ConfigFile.load(
            path: found.path, displayPath: found.displayPath(from: FileManager.default.currentDirectoryPath))
        }
      }
      let rules = try RuleSet.builtin(adding: config.patternDirectories + patterns)
      return Setup(config: config, rules: try config.select(rules))
    } catch {
      Terminal.error("phi-scan: \(error)")
      throw ExitCode(ExitStatus.usageOrInput)
    }
  }

  /// A scanner for `configuration`; a broken pack is a usage error (exit 2).
  func scanner(_ configuration: ScanConfiguration, rules: RuleSet) throws -> PHIScan.Scanner {
    do {
      return try PHIScan.Scanner(configuration: configuration, rules: rules)
    } catch {
      Terminal.error("phi-scan: \(error)")
      throw ExitCode(ExitStatus.usageOrInput)
    }
  }
}

struct RulesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules",
    abstract: "List the loaded rules: id, category, level, sites and pack (after the config file).")

  @OptionGroup var ruleSource: RuleSourceOptions

  @Option(help: "Directory whose .phi-scan.yml is read (default: the current directory).")
  var root: String?

  enum ListFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

  @Option(name: .shortAndLong, help: "text (an aligned table) or json.")
  var format: ListFormat = .text

  func run() throws {
    let setup = try ruleSource.load(root: root ?? FileManager.default.currentDirectoryPath)
    try Output.print(format == .json ? RuleCatalog.json(setup.rules) : RuleCatalog.table(setup.rules))
  }
}

struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Print a rule's documentation and its (synthetic) examples.")

  @Argument(help: "The rule id, as 'phi-scan rules' lists it.")
  var rule: String

  @OptionGroup var ruleSource: RuleSourceOptions

  @Option(help: "Directory whose .phi-scan.yml is read (default: the current directory).")
  var root: String?

  func run() throws {
    let setup = try ruleSource.load(root: root ?? FileManager.default.currentDirectoryPath)
    guard let found = setup.rules.rule(rule) else {
      let close = setup.rules.rules.map(\.id).filter { $0.contains(rule) || rule.contains($0) }
      let hint = close.isEmpty ? "run 'phi-scan rules' for the list" : "did you mean \(close.joined(separator: ", "))?"
      Terminal.error("phi-scan: no loaded rule has the id '\(rule)'; \(hint)")
      throw ExitCode(ExitStatus.usageOrInput)
    }
    try Output.print(RuleCatalog.explanation(found))
  }
}
