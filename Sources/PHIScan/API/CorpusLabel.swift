/// One line of a corpus folder's `labels.jsonl`: what a string in a document is.
/// Labels carry no values, only where the string is and what it is.
public struct CorpusLabel: Sendable, Hashable {
  public enum Expectation: String, Sendable { case flag, noFlag = "no-flag" }

  /// Path relative to the folder that holds `labels.jsonl`, with forward slashes.
  public var file: String
  public var pointer: String
  public var site: Site
  public var category: Category
  public var expect: Expectation
  /// The expected start line of the finding, when the label checks positions.
  public var line: Int?
}
