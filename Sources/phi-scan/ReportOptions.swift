import ArgumentParser
import Foundation
import PHIScan

/// The reporting flags `scan` and `mcp` share, and what they do: which reports go where,
/// the levels shown and failed on, and the baseline read and written.
struct ReportOptions: ParsableArguments {
  @Flag(name: .customLong("no-color"), help: "No colors in the text report, even on a terminal (as NO_COLOR=1 does).")
  var noColor = false

  @Option(
    name: .shortAndLong,
    help: ArgumentHelp(
      "Report format: text, json, sarif, github (workflow annotations), junit, gitlab (SAST report) or markdown (job summary). Repeat it, each with its own --output, for several reports in one run.",
      valueName: "format"))
  var format: [Report.Format] = []

  @Option(
    name: .shortAndLong,
    help: ArgumentHelp(
      "Write the report to this file. With several --format options, the n-th --output takes the n-th format; one format may be left without a file and goes to standard output.",
      valueName: "file"))
  var output: [String] = []

  @Option(name: .customLong("fail-on"), help: "Exit 1 when a finding is at or above this level.")
  var failOn: FailOn = .error

  @Option(
    name: .customLong("min-level"),
    help: ArgumentHelp(
      "Report findings at or above this level: note shows placeholders and weak evidence too (default: warning, or the --fail-on level when lower; config key min-level).",
      valueName: "level"))
  var minLevel: LevelOption?

  @Flag(
    help:
      "Show flagged values in text and JSON reports, for local triage only. Refused with SARIF, which is meant to be uploaded."
  )
  var reveal = false

  @Option(help: ArgumentHelp("Report only findings that are not in this baseline file.", valueName: "file"))
  var baseline: String?

  @Option(
    name: .customLong("write-baseline"),
    help: ArgumentHelp(
      "Record the current findings in this baseline file (its salt is kept when it exists), so later scans with --baseline report only new ones.",
      valueName: "file"))
  var writeBaseline: String?

  func validate() throws {
    _ = try ReportTargets.pair(formats: format, outputs: output)
    if reveal && ReportTargets.formats(format).contains(.sarif) {
      throw ValidationError(
        "--reveal cannot be used with --format sarif: SARIF is uploaded and shared, so it never holds values. Use --format text or json for local triage."
      )
    }
  }

  /// The lowest level reported: the flag, else the config's, else warning (or the
  /// --fail-on level when lower).
  func minimumLevel(configured: Level?) -> Level {
    minLevel?.level ?? configured ?? min(.warning, failOn.threshold ?? .warning)
  }

  /// Sets what these flags and the config file decide: the levels reported, the allow
  /// list, the baselines read and recorded, excerpts for text reports, and that no report
  /// or baseline this run writes is scanned.
  func configure(_ configuration: inout ScanConfiguration, config: ConfigFile) throws {
    let root = configuration.root
    configuration.revealValues = reveal
    configuration.minimumLevel = minimumLevel(configured: config.minimumLevel)
    configuration.allowList = AllowList(entries: config.allow, file: config.path)
    configuration.excerpts = ReportTargets.formats(format).contains(.text)
    let accepted = try baseline.map { try loadBaseline($0) }
    configuration.baseline = BaselineUse(
      accepted: accepted, acceptedPath: baseline.map { FileDiscovery.reportPath(of: $0, root: root) } ?? "baseline")
    if let writeBaseline {
      configuration.baseline.recording = BaselineUse.Recording(
        salt: try existingSalt(writeBaseline) ?? accepted?.salt ?? Baseline.newSalt(), secret: Self.baselineSecret)
    }
    for written in output + [baseline, writeBaseline].compactMap({ $0 }) {
      if let glob = try? Glob(Glob.escape(FileDiscovery.reportPath(of: written, root: root))) {
        configuration.pathFilter.exclude.append(glob)
      }
    }
  }

  /// `PHI_SCAN_BASELINE_KEY`, when set and not empty.
  static var baselineSecret: [UInt8]? {
    guard let value = ProcessInfo.processInfo.environment[Baseline.secretVariable], !value.isEmpty else { return nil }
    return Array(value.utf8)
  }

  func loadBaseline(_ path: String) throws -> Baseline {
    do {
      guard let data = Output.regularFileContents(path) else {
        throw ConfigError.baseline(
          path: path, reason: "no such file, or it cannot be read; create it with --write-baseline")
      }
      return try Baseline.parse(data, path: path, secret: Self.baselineSecret)
    } catch {
      Terminal.error("phi-scan: \(error)")
      throw ExitCode(ExitStatus.usageOrInput)
    }
  }

  /// The salt of the baseline about to be replaced, so rewriting it changes only the
  /// entries that changed; nil when there is none or it is not a baseline.
  func existingSalt(_ path: String) throws -> [UInt8]? {
    guard let data = Output.regularFileContents(path) else { return nil }
    do {
      return try Baseline.parse(data, path: path, secret: Self.baselineSecret).salt
    } catch {
      // Replacing a keyed baseline without its secret would silently drop the key.
      guard case .baselineSecret = error else { return nil }
      Terminal.error("phi-scan: \(error)")
      throw ExitCode(ExitStatus.usageOrInput)
    }
  }

  /// Tells the diagnostics on standard error, writes the recorded baseline and every
  /// report (each whole or not at all; one that fails does not stop the others), then
  /// exits as the run's outcome says: 2 on a failed write or input error, 1 on a finding
  /// at the --fail-on level.
  func finish(_ result: ScanResult, automationID: String?) throws {
    // Diagnostics go to stderr whatever the formats; SARIF and JSON also carry them.
    for diagnostic in result.diagnostics {
      Terminal.error("\(diagnostic.severity.rawValue): \(diagnostic.located)")
    }
    var allWritten = true
    if let writeBaseline, let recorded = result.recordedBaseline {
      allWritten = Output.write(to: writeBaseline, { $0.write(recorded.rendered()) })
      if allWritten {
        Terminal.error(
          "phi-scan: recorded \(recorded.entries.count) finding\(recorded.entries.count == 1 ? "" : "s") in \(writeBaseline)"
        )
      }
    }
    for target in try ReportTargets.pair(formats: format, outputs: output) {
      allWritten =
        Output.write(to: target.output) { output in
          // On stdout the diagnostics are already on stderr; a file gets them in the report.
          let color = target.output == nil && !noColor && Terminal.supportsColor
          let options = Report.Options(
            automationID: automationID, color: color, diagnostics: target.output != nil, startTime: ExitStatus.started)
          Report.write(result, as: target.format, options: options, to: output)
        } && allWritten
    }
    if !allWritten { throw ExitCode(ExitStatus.usageOrInput) }
    if result.hasInputErrors { throw ExitCode(ExitStatus.usageOrInput) }
    if let threshold = failOn.threshold, let highest = result.highestLevel, highest >= threshold {
      throw ExitCode(ExitStatus.findings)
    }
  }
}
