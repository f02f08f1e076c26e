/// One document of a file. `index` is set for files that hold several (JSON Lines,
/// multi-document YAML) and becomes the `/N` prefix of every pointer into it.
public struct Document: Sendable {
  public var root: Node
  public var index: Int?

  public init(root: Node, index: Int? = nil) {
    self.root = root
    self.index = index
  }

  /// The pointer of the document root: "" or "/N".
  public var rootPointer: JSONPointer {
    index.map { JSONPointer.root.appending(index: $0) } ?? .root
  }
}
