/// The first `length` bytes of a JSON Pointer's text, as a dictionary key for grouping
/// strings by the subschema or enum they sit in. Hashed and compared as bytes: keyed by
/// `Substring`, every lookup hashed through Unicode normalization (several hundred
/// instructions each), and pointers compare by code points anyway (RFC 6901).
struct PointerPrefix: Hashable {
  private let text: String
  private let length: Int

  /// The whole pointer text.
  init(_ text: String) {
    self.text = text
    self.length = text.utf8.count
  }

  /// The first `length` bytes of `text` (a pointer), which end before a `/` or at its end.
  init(_ text: String, length: Int) {
    self.text = text
    self.length = length
  }

  /// The pointer without its last token: the parent of `/properties/a/enum/0` is
  /// `/properties/a/enum`; of a one-token pointer (or the root), "".
  init(parentOf pointer: JSONPointer) {
    // A pointer whose last token is not joined yet names its parent as it is.
    if let parent = pointer.pendingParent {
      self = PointerPrefix(parent)
      return
    }
    var text = pointer.string
    self.length = text.withUTF8 { bytes in
      var index = bytes.count
      while index > 0 {
        index -= 1
        if bytes[index] == UInt8(ascii: "/") { return index }
      }
      return 0
    }
    self.text = text
  }

  private func withBytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) -> Result {
    var text = text
    return text.withUTF8 { body(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: $0[..<length]))) }
  }

  func hash(into hasher: inout Hasher) {
    withBytes { hasher.combine(bytes: $0) }
  }

  static func == (a: PointerPrefix, b: PointerPrefix) -> Bool {
    a.length == b.length && a.withBytes { x in b.withBytes { y in WordBytes.sameBytes(x, y) } }
  }
}
