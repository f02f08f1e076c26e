/// SARIF result levels, ordered from least to most severe.
public enum Level: String, Sendable, CaseIterable, Codable, Comparable {
  case note, warning, error

  var rank: Int {
    switch self {
    case .note: return 0
    case .warning: return 1
    case .error: return 2
    }
  }

  public static func < (a: Level, b: Level) -> Bool { a.rank < b.rank }
}
