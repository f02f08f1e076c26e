/// How a scan uses baselines: the findings accepted earlier that it holds back, and
/// whether it records its own findings as a new baseline.
public struct BaselineUse: Sendable {
  /// Findings accepted earlier (`--baseline`): reported no more.
  public var accepted: Baseline?
  /// The report path of the accepted baseline, named in its stale-entry notes.
  public var acceptedPath: String
  /// Record every finding the allow list did not accept (`--write-baseline`) into
  /// `ScanResult.recordedBaseline`; the scan then reports none of them.
  public var recording: Recording?

  public struct Recording: Sendable {
    /// Keep an existing baseline's salt, so rewriting it changes only what changed.
    public var salt: [UInt8]
    /// `PHI_SCAN_BASELINE_KEY`, when set.
    public var secret: [UInt8]?

    public init(salt: [UInt8] = Baseline.newSalt(), secret: [UInt8]? = nil) {
      self.salt = salt
      self.secret = secret
    }
  }

  public init(accepted: Baseline? = nil, acceptedPath: String = "baseline", recording: Recording? = nil) {
    self.accepted = accepted
    self.acceptedPath = acceptedPath
    self.recording = recording
  }
}
