import ArgumentParser
import Foundation
import PHIScan

/// Which files `scan` reads, beyond the paths: only what Git reports as changed, or just
/// the list of files that would be scanned; and where reports are rooted when a config
/// file is found above the current directory.
struct ScanSelectionOptions: ParsableArguments {
  @Flag(
    help:
      "Scan only the files staged for the next commit (git diff --cached; deletions left out), among those the paths hold."
  )
  var staged = false

  @Option(
    name: .customLong("changed-since"),
    help: ArgumentHelp(
      "Scan only files changed since the merge base of REF and HEAD (committed, uncommitted or untracked; deletions left out), among those the paths hold. In CI, e.g. --changed-since origin/main (needs the history: actions/checkout with fetch-depth: 0).",
      valueName: "ref"))
  var changedSince: String?

  @Flag(
    help:
      "A file found by walking a directory that does not parse is an error (exit 2), not a warning (config key strict: true). Files named on the command line always are."
  )
  var strict = false

  @Flag(
    name: .customLong("list-files"),
    help: "Print the report path of every file that would be scanned, one per line, and exit 0 (nothing is read).")
  var listFiles = false

  func validate() throws {
    if staged && changedSince != nil {
      throw ValidationError("--staged and --changed-since select files in two different ways; give one of them")
    }
  }

  /// The report root when `--root` is not given: the directory of a `.phi-scan.yml` found
  /// above the current directory (so its globs read as written), else the current directory.
  static func defaultRoot(configGiven: Bool) -> String {
    let current = FileManager.default.currentDirectoryPath
    guard !configGiven, let found = ConfigLookup.find(from: current) else { return current }
    return found.directory
  }

  /// The files Git reports, when `--staged` or `--changed-since` is given; a Git problem
  /// (not a repository, an unknown ref, no git) is a usage error naming its cause.
  func selection(paths: [String]) throws -> FileSelection? {
    let which: GitChangedFiles.Selection
    if staged {
      which = .staged
    } else if let changedSince {
      which = .changedSince(changedSince)
    } else {
      return nil
    }
    if paths.contains("-") {
      throw ValidationError("standard input ('-') has no Git history; leave it out with --staged or --changed-since")
    }
    do {
      return try GitChangedFiles.files(which, in: FileManager.default.currentDirectoryPath)
    } catch {
      Terminal.error("phi-scan: \(error)")
      throw ExitCode(ExitStatus.usageOrInput)
    }
  }

  /// With `--list-files`: prints what discovery lists for `configuration` (problems on
  /// standard error) and returns true; the run then ends with exit 0, or 2 when a named
  /// path is missing or unreadable.
  func printFileList(_ configuration: ScanConfiguration) throws -> Bool {
    guard listFiles else { return false }
    let (files, diagnostics) = FileDiscovery.discover(
      configuration.paths, root: configuration.root, options: configuration.discovery, filter: configuration.pathFilter)
    for diagnostic in diagnostics { Terminal.error("\(diagnostic.severity.rawValue): \(diagnostic.located)") }
    try Output.print(files.map { $0.reportPath + "\n" }.joined())
    if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(ExitStatus.usageOrInput) }
    return true
  }
}
