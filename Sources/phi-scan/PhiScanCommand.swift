import ArgumentParser
import Foundation
import PHIScan

/// Exit codes (DESIGN.md 3): 0 clean, 1 findings at or above --fail-on, 2 usage,
/// configuration, pack or input error, 3 internal error.
enum ExitStatus {
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
    subcommands: [ScanCommand.self],
    defaultSubcommand: ScanCommand.self)

  /// Argument errors exit 2, not ArgumentParser's 64, so CI sees one "usage" code.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
      Foundation.exit(ExitStatus.clean)
    } catch let exit as ExitCode {
      Foundation.exit(exit.rawValue)
    } catch {
      let code = exitCode(for: error)
      if code == .success {
        print(fullMessage(for: error))
        Foundation.exit(ExitStatus.clean)
      }
      FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
      Foundation.exit(code == .validationFailure || code.rawValue == 64 ? ExitStatus.usageOrInput : ExitStatus.internalError)
    }
  }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case sarif, text
}

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

  @Argument(help: "Files and directories to scan (directories: *.json, *.jsonl, *.ndjson, *.yaml, *.yml).")
  var paths: [String]

  @Option(help: "Report format.")
  var format: OutputFormat = .text

  @Option(name: .shortAndLong, help: "Write the report to this file instead of standard output.")
  var output: String?

  @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding is at or above this level.")
  var failOn: FailOn = .error

  @Option(help: "Report file paths relative to this directory (default: the current directory).")
  var root: String?

  func run() throws {
    let configuration = ScanConfiguration(paths: paths, root: root ?? FileManager.default.currentDirectoryPath)
    let scanner: PHIScan.Scanner
    do {
      scanner = try PHIScan.Scanner(configuration: configuration)
    } catch {
      Terminal.error("phi-scan: \(error)")
      throw ExitCode(ExitStatus.usageOrInput)
    }
    let result = scanner.scan()
    let report: String
    switch format {
    case .sarif: report = SARIFReporter.render(result)
    case .text: report = TextReporter.render(result)
    }
    // In text mode diagnostics go to stderr; SARIF carries them as notifications too.
    for diagnostic in result.diagnostics {
      Terminal.error("\(diagnostic.severity.rawValue): \(diagnostic.located)")
    }
    if let output {
      do {
        try report.write(toFile: output, atomically: true, encoding: .utf8)
      } catch {
        Terminal.error("phi-scan: cannot write \(output): \(error.localizedDescription)")
        throw ExitCode(ExitStatus.usageOrInput)
      }
    } else {
      FileHandle.standardOutput.write(Data(report.utf8))
    }
    if result.hasInputErrors { throw ExitCode(ExitStatus.usageOrInput) }
    if let threshold = failOn.threshold, let highest = result.highestLevel, highest >= threshold {
      throw ExitCode(ExitStatus.findings)
    }
  }
}

enum Terminal {
  static func error(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}
