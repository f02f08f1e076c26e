import ArgumentParser
import Foundation
import PHIScan

/// Exit codes (DESIGN.md 3): 0 clean, 1 findings at or above --fail-on, 2 usage,
/// configuration, pack or input error, 3 internal error.
enum ExitStatus {
  /// When this run started (read first thing in `main`), for GitLab's `scan.start_time`.
  static let started = Date()

  static let clean: Int32 = 0
  static let findings: Int32 = 1
  static let usageOrInput: Int32 = 2
  static let internalError: Int32 = 3
}

@main
struct PhiScanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "phi-scan",
    abstract: "Keep Protected Health Information out of the JSON Schemas that LLM APIs cache.",
    version: PhiScanVersion.semanticVersion,
    subcommands: [
      ScanCommand.self, MCPCommand.self, RulesCommand.self, ExplainCommand.self, EvaluateCommand.self, InitCommand.self,
    ],
    defaultSubcommand: ScanCommand.self)

  /// Argument errors exit 2, not ArgumentParser's 64, so CI sees one "usage" code.
  static func main() {
    Output.prepare()
    Allocator.keepLargeBlocksSeparate()
    _ = ExitStatus.started  // GitLab's scan.start_time
    // Before parsing the arguments: the name tables then build while they are parsed and
    // the rules compile, and a small scan waits less for them.
    PHIScan.Scanner.warmUp()
    do {
      var command = try parseAsRoot()
      try command.run()
      exit(ExitStatus.clean)
    } catch let exit as ExitCode {
      Self.exit(exit.rawValue)
    } catch {
      let code = exitCode(for: error)
      if code == .success {
        print(fullMessage(for: error))
        exit(ExitStatus.clean)
      }
      FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
      exit(code == .validationFailure || code.rawValue == 64 ? ExitStatus.usageOrInput : ExitStatus.internalError)
    }
  }

  /// Exits with `status`, or 2 when standard output could not be flushed in full.
  static func exit(_ status: Int32) -> Never {
    let flushed = Output.finishStandardOutput()
    Foundation.exit(flushed || status > ExitStatus.usageOrInput ? status : ExitStatus.usageOrInput)
  }
}

extension Report.Format: ExpressibleByArgument {}

enum FailOn: String, ExpressibleByArgument, CaseIterable {
  case error, warning, note, never

  var threshold: Level? {
    switch self {
    case .error: return .error
    case .warning: return .warning
    case .note: return .note
    case .never: return nil
    }
  }
}

struct ScanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "scan",
    abstract: "Scan JSON Schema, tool definition and request files for PHI.")

  @Argument(
    help: "Files and directories to scan (default: .; directories: *.json, *.jsonc, *.jsonl, *.ndjson, *.yaml, *.yml).")
  var paths: [String] = []

  @Option(help: "Report file paths relative to this directory (default: the current directory).")
  var root: String?

  @Flag(name: .customLong("no-ignore"), help: "Do not honour .gitignore, .ignore and .git/info/exclude files.")
  var noIgnore = false

  @Flag(help: "Walk hidden files and directories too (.git is never walked).")
  var hidden = false

  @Flag(help: "Follow symbolic links while walking directories (loops are detected and skipped).")
  var follow = false

  @Option(
    name: .customLong("max-file-size"),
    help: ArgumentHelp(
      "Skip files larger than this, with a notification (e.g. 512K, 50M, 1G; 0 = no limit).", valueName: "size"))
  var maxFileSize = "50M"

  @Option(
    name: .customLong("include"),
    help: ArgumentHelp(
      "Scan only files whose path matches this glob (repeatable; added to the config file's include).",
      valueName: "glob"))
  var includeGlobs: [String] = []

  @Option(
    name: .customLong("exclude"),
    help: ArgumentHelp(
      "Skip files and directories whose path matches this glob (repeatable; added to the config file's exclude).",
      valueName: "glob"))
  var excludeGlobs: [String] = []

  @Option(
    help: ArgumentHelp(
      "Scan only share i of n of the files, split deterministically by path (1 <= i <= n).", valueName: "i/n"))
  var shard: String?

  @Option(
    name: .customLong("stdin-name"),
    help: ArgumentHelp("The path reports use for standard input ('-').", valueName: "name"))
  var stdinName = "stdin"

  @Option(
    name: .shortAndLong,
    help: ArgumentHelp(
      "Worker threads (default: the number of cores). The report is identical for any value.", valueName: "n"))
  var jobs: Int?

  @Flag(name: .shortAndLong, help: "No progress bar.")
  var quiet = false

  @Option(
    name: .customLong("automation-id"),
    help: ArgumentHelp(
      "SARIF runs[0].automationDetails.id ('category/run-id'), to tell several uploads per commit apart.",
      valueName: "id"))
  var automationID: String?

  @OptionGroup var report: ReportOptions

  @OptionGroup var ruleSource: RuleSourceOptions

  @OptionGroup var selection: ScanSelectionOptions

  /// Flags resolved into discovery options; a bad value is a usage error (exit 2).
  func discoveryOptions() throws -> DiscoveryOptions {
    guard let size = DiscoveryOptions.parseSize(maxFileSize) else {
      throw ValidationError("--max-file-size '\(maxFileSize)' is not a size (examples: 512K, 50M, 1G, 0 for no limit)")
    }
    var parsedShard: DiscoveryOptions.Shard?
    if let shard {
      guard let value = DiscoveryOptions.Shard(parsing: shard) else {
        throw ValidationError("--shard '\(shard)' must be i/n with 1 <= i <= n, e.g. --shard 2/4")
      }
      parsedShard = value
    }
    return DiscoveryOptions(
      respectIgnoreFiles: !noIgnore, includeHidden: hidden, followSymlinks: follow,
      maxFileSize: size == 0 ? nil : size, shard: parsedShard, standardInputName: stdinName)
  }

  /// `--include`/`--exclude` as path globs (a glob without `/` matches a name at any depth).
  func pathFilter() throws -> PathFilter {
    func globs(_ patterns: [String], flag: String) throws -> [Glob] {
      try patterns.map { pattern in
        do { return try Glob(pattern, anywhere: true) } catch {
          throw ValidationError("\(flag) '\(pattern)': \(error) (a '[' is not closed)")
        }
      }
    }
    return PathFilter(
      include: try globs(includeGlobs, flag: "--include"), exclude: try globs(excludeGlobs, flag: "--exclude"))
  }

  mutating func validate() throws {
    if paths.isEmpty { paths = ["."] }
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    _ = try discoveryOptions()
    _ = try pathFilter()
    if let automationID, automationID.trimmingCharacters(in: .whitespaces).isEmpty {
      throw ValidationError("--automation-id needs a non-empty value such as 'phi-scan/schemas'")
    }
  }

  @Flag(help: "Say on standard error which shapes (provider envelopes) each file held.")
  var verbose = false

  /// The scan these flags and the config file ask for.
  func scanConfiguration(config: ConfigFile, root: String) throws -> ScanConfiguration {
    var configuration = ScanConfiguration(paths: paths, root: root, discovery: try discoveryOptions(), jobs: jobs)
    configuration.pathFilter = config.pathFilter
    configuration.discovery.selection = try selection.selection(paths: paths)
    configuration.strictParsing = selection.strict || config.strict
    let flagFilter = try pathFilter()
    configuration.pathFilter.include += flagFilter.include
    configuration.pathFilter.exclude += flagFilter.exclude
    try report.configure(&configuration, config: config)
    return configuration
  }

  func run() throws {
    let rootPath = root ?? ScanSelectionOptions.defaultRoot(configGiven: ruleSource.config != nil)
    let setup = try ruleSource.load(root: rootPath)
    let configuration = try scanConfiguration(config: setup.config, root: rootPath)
    if try selection.printFileList(configuration) { return }
    let scanner = try ruleSource.scanner(configuration, rules: setup.rules)
    let progressBar = quiet ? nil : ProgressBar.forStandardError()
    let result = scanner.scan(progress: progressBar?.update)
    progressBar?.finish()
    if verbose {
      for (file, shapes) in result.shapesByFile { Terminal.shapes(shapes, in: file) }
    }
    try report.finish(result, automationID: automationID ?? configuration.discovery.shard?.automationID)
  }
}

/// Which report goes where: `--format` and `--output` pair up by position.
enum ReportTargets {
  struct Target: Equatable {
    var format: Report.Format
    var output: String?
  }

  static func formats(_ given: [Report.Format]) -> [Report.Format] { given.isEmpty ? [.text] : given }

  static func pair(formats given: [Report.Format], outputs: [String]) throws -> [Target] {
    let formats = formats(given)
    guard outputs.count <= formats.count else {
      throw ValidationError(
        "\(outputs.count) --output files for \(formats.count) --format\(formats.count == 1 ? "" : "s"): give one --format per --output"
      )
    }
    guard formats.count - outputs.count <= 1 else {
      throw ValidationError(
        "\(formats.count) formats but only \(outputs.count) --output files: at most one report can go to standard output"
      )
    }
    guard Set(outputs).count == outputs.count else {
      throw ValidationError("the same --output file is named twice; each report needs its own file")
    }
    return formats.enumerated().map { Target(format: $1, output: $0 < outputs.count ? outputs[$0] : nil) }
  }
}

enum Terminal {
  static func error(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }

  /// `--verbose`: which shapes (provider envelopes) a file held.
  static func shapes(_ shapes: [String], in file: String) {
    error("phi-scan: \(file): \(shapes.isEmpty ? "no schema or tool definitions" : shapes.joined(separator: ", "))")
  }

  /// Colors only for a terminal, and never when `NO_COLOR` is set (no-color.org).
  static var supportsColor: Bool {
    let environment = ProcessInfo.processInfo.environment
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
    if environment["TERM"] == "dumb" { return false }
    return isatty(STDOUT_FILENO) == 1
  }
}
