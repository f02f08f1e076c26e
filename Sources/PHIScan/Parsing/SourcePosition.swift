/// A 1-based line and column; columns count Unicode scalars (SARIF `unicodeCodePoints`).
/// Stored as 32-bit numbers: every node and key of a document tree carries two positions,
/// and halving them shrinks the tree by a quarter. Values past 2^31 (a file of more than
/// 2 GB on one line) are clamped.
public struct SourcePosition: Hashable, Sendable, Comparable, CustomStringConvertible {
  private var storedLine: Int32
  private var storedColumn: Int32

  public var line: Int {
    get { Int(storedLine) }
    set { storedLine = Int32(clamping: newValue) }
  }

  public var column: Int {
    get { Int(storedColumn) }
    set { storedColumn = Int32(clamping: newValue) }
  }

  public init(line: Int, column: Int) {
    self.storedLine = Int32(clamping: line)
    self.storedColumn = Int32(clamping: column)
  }

  public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
    (a.line, a.column) < (b.line, b.column)
  }

  public var description: String { "\(line):\(column)" }
}
