/// One line of a corpus folder's `labels.jsonl`: what a string in a document is.
/// Labels carry no values, only where the string is and what it is.
package struct CorpusLabel: Sendable, Hashable {
  package enum Expectation: String, Sendable { case flag, noFlag = "no-flag" }

  /// Path relative to the folder that holds `labels.jsonl`, with forward slashes.
  package var file: String
  package var pointer: String
  package var site: Site
  package var category: Category
  package var expect: Expectation
  /// The expected start line of the finding, when the label checks positions.
  package var line: Int?
}
