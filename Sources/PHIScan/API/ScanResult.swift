/// The outcome of a scan: what reporters render and what the exit code is computed from.
public struct ScanResult: Sendable {
  public var findings: [Finding]
  public var diagnostics: [Diagnostic]
  public var rules: RuleSet
  public var filesScanned: Int
  public var bytesScanned: Int
  /// Findings held back by the allow list or the baseline, with why; reporters count them
  /// and still mask their values in code frames, but never list them.
  public var suppressed = ScanResult.Suppressed()
  /// The shapes recognized in each scanned file, in scan order (`--verbose`).
  public var shapesByFile: [(file: String, shapes: [String])] = []
  /// This scan's findings as a baseline, when the configuration asked to record one.
  public var recordedBaseline: Baseline?

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
