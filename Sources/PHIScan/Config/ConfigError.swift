/// A config file or baseline that cannot be used. Messages name the file, the line, the
/// key and the fix; any of these stops the run before a file is scanned (exit 2).
public enum ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
  case unreadable(path: String, reason: String)
  case syntax(path: String, position: SourcePosition?, reason: String)
  case invalid(path: String, key: String, position: SourcePosition?, reason: String)
  case baseline(path: String, reason: String)
  /// The baseline's secret (`PHI_SCAN_BASELINE_KEY`) is missing or wrong.
  case baselineSecret(path: String, reason: String)

  public var description: String {
    switch self {
    case .unreadable(let path, let reason):
      return "\(path): cannot be read: \(reason)"
    case .syntax(let path, let position, let reason):
      return "\(path)\(position.map { ":\($0)" } ?? ""): \(reason)"
    case .invalid(let path, let key, let position, let reason):
      return "\(path)\(position.map { ":\($0)" } ?? ""): '\(key)': \(reason)"
    case .baseline(let path, let reason), .baselineSecret(let path, let reason):
      return "baseline \(path): \(reason)"
    }
  }
}
