/// A problem with a corpus: an unreadable or malformed `labels.jsonl`.
package struct EvaluationError: Error, Sendable, CustomStringConvertible {
  package var file: String
  package var line: Int
  package var reason: String
  package var description: String { "\(file):\(line): \(reason)" }
}
