extension ScanResult {
  /// Findings that the allow list or the baseline held back. Reports count them, never
  /// list them; their values are still masked wherever a report shows source text.
  public struct Suppressed: Sendable {
    public var allowListed: [Finding] = []
    public var baselined: [Finding] = []
    /// Baseline entries that matched no finding: the finding was fixed or moved.
    public var staleBaselineEntries: [Baseline.Entry] = []

    public init() {}

    public var all: [Finding] { allowListed + baselined }
  }
}

extension ScanResult {
  /// Every finding, reported or suppressed: what must stay masked in any output.
  public var allFlagged: [Finding] { findings + suppressed.all }

}
