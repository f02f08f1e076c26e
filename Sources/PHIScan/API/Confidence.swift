/// How sure the detector is that a string contains PHI. Maps to a level (DESIGN.md 4).
public enum Confidence: String, Sendable, CaseIterable, Codable, Comparable {
  case low, medium, high

  public var level: Level {
    switch self {
    case .low: return .note
    case .medium: return .warning
    case .high: return .error
    }
  }

  public static func < (a: Confidence, b: Confidence) -> Bool { a.level < b.level }

  /// The confidence a rule level stands for: error high, warning medium, note low.
  public init(_ level: Level) {
    switch level {
    case .error: self = .high
    case .warning: self = .medium
    case .note: self = .low
    }
  }

  /// 3 high, 2 medium, 1 low: confidences are weighed as scores.
  var score: Int {
    switch self {
    case .high: return 3
    case .medium: return 2
    case .low: return 1
    }
  }

  /// The confidence of a score; nil for 0 or less (too weak to report).
  init?(score: Int) {
    switch score {
    case 3...: self = .high
    case 2: self = .medium
    case 1: self = .low
    default: return nil
    }
  }
}
