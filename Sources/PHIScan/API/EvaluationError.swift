/// A problem with a corpus: an unreadable or malformed `labels.jsonl`.
public struct EvaluationError: Error, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var reason: String
  public var description: String { "\(file):\(line): \(reason)" }
}
