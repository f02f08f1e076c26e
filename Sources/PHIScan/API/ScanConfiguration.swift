/// Everything a scan needs, resolved before the first file is read.
public struct ScanConfiguration: Sendable {
  /// Files and directories to scan.
  public var paths: [String]
  /// Report paths are relative to this directory (default: the current directory).
  public var root: String
  /// Put flagged values into findings (local triage only; never the default).
  public var revealValues: Bool
  public var parseLimits: ParseLimits
  /// Path globs from the config file (`include`/`exclude`), matched against report paths
  /// by discovery: when `include` is not empty only matching files are scanned.
  /// Exclude globs also prune whole directories while walking.
  public var pathFilter: PathFilter = PathFilter()
  /// Ignore files, hidden files, size limit, symlinks, stdin name, shard.
  public var discovery: DiscoveryOptions
  /// Worker threads; nil = one per active core. Output is identical for any value.
  public var jobs: Int?
  /// Findings below this level (placeholders and weak evidence are notes) are left out
  /// of the result, so no report shows them (DESIGN.md 4: quiet by default).
  public var minimumLevel: Level = .warning

  public init(paths: [String], root: String = ".", revealValues: Bool = false, parseLimits: ParseLimits = .default, discovery: DiscoveryOptions = .default, jobs: Int? = nil) {
    self.paths = paths
    self.root = root
    self.revealValues = revealValues
    self.parseLimits = parseLimits
    self.discovery = discovery
    self.jobs = jobs
  }
}

/// The outcome of a scan: what reporters render and what the exit code is computed from.
public struct ScanResult: Sendable {
  public var findings: [Finding]
  public var diagnostics: [Diagnostic]
  public var rules: RuleSet
  public var filesScanned: Int
  public var bytesScanned: Int
  /// Findings held back by the allow list or the baseline, with why; reporters count them
  /// and still mask their values in code frames, but never list them.
  public var suppressed = Suppressed()
  /// The shapes recognized in each scanned file, in scan order (`--verbose`).
  public var shapesByFile: [(file: String, shapes: [String])] = []

  public init(findings: [Finding], diagnostics: [Diagnostic], rules: RuleSet, filesScanned: Int, bytesScanned: Int) {
    self.findings = findings.sorted(by: Finding.reportOrder)
    self.diagnostics = diagnostics.sorted(by: Diagnostic.reportOrder)
    self.rules = rules
    self.filesScanned = filesScanned
    self.bytesScanned = bytesScanned
  }

  /// True when some input could not be scanned (exit code 2).
  public var hasInputErrors: Bool { diagnostics.contains { $0.severity == .error } }

  /// The most severe finding level, if any.
  public var highestLevel: Level? { findings.map(\.level).max() }
}
