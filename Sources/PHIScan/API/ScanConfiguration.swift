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
  /// A file found by walking that does not parse is an error, not a warning (`--strict`).
  public var strictParsing = false
  /// Findings the config file accepts: held back, counted, never listed.
  public var allowList = AllowList()
  /// Findings accepted earlier (`--baseline`), and whether this scan records its own.
  public var baseline = BaselineUse()
  /// Give each reported finding its masked source line (`Finding.excerpt`), for text
  /// reports. Off by default: a report that shows no source keeps no lines.
  public var excerpts = false

  public init(
    paths: [String], root: String = ".", revealValues: Bool = false, parseLimits: ParseLimits = .default,
    discovery: DiscoveryOptions = .default, jobs: Int? = nil
  ) {
    self.paths = paths
    self.root = root
    self.revealValues = revealValues
    self.parseLimits = parseLimits
    self.discovery = discovery
    self.jobs = jobs
  }
}
