extension Baseline {
  /// One accepted finding.
  public struct Entry: Sendable, Hashable, Codable, Comparable {
    public var rule: String
    public var file: String
    /// The pointer with flagged tokens as `*`: for reviewers; matching uses `key`.
    public var location: String
    /// HMAC-SHA256(salt, rule, file, pointer) in hex.
    public var key: String

    public static func < (a: Baseline.Entry, b: Baseline.Entry) -> Bool {
      (a.file, a.location, a.rule, a.key) < (b.file, b.location, b.rule, b.key)
    }
  }
}
