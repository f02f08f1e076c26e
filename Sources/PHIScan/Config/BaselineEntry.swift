/// One accepted finding.
public struct BaselineEntry: Sendable, Hashable, Codable, Comparable {
  public var rule: String
  public var file: String
  /// The pointer with flagged tokens as `*`: for reviewers; matching uses `key`.
  public var location: String
  /// HMAC-SHA256(salt, rule, file, pointer) in hex.
  public var key: String

  public static func < (a: BaselineEntry, b: BaselineEntry) -> Bool {
    (a.file, a.location, a.rule, a.key) < (b.file, b.location, b.rule, b.key)
  }
}
