/// A lexicon built into the binary: generate-builtins turns each lexicon a pack names
/// (`lexicons:`) from its file under `patterns/lexicons/` into one of these (see
/// `BuiltinPacks.lexicons`), so the library reads no lexicon file format: a word list's
/// `kind: word` lines become one group per kind, a table's `word<TAB>rank` lines one
/// group per rank. Comments, blanks and empty words are gone.
struct LexiconTable: Sendable {
  /// The name packs use, the file's name without its extension (`given-names`).
  var name: String
  var groups: [Group]

  struct Group: Sendable {
    /// The kind the words were listed under (`token`, `phrase`); nil when none was.
    var kind: String?
    /// The rank the words had in a table (a frequency class); 0 in word lists.
    var rank: UInt8
    /// The words (or phrases), one a line, as written.
    var words: StaticString

    /// Each word's UTF-8 bytes, in order.
    func forEachWord(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
      words.withUTF8Buffer { bytes in
        var start = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
          if index > start { body(UnsafeBufferPointer(rebasing: bytes[start..<index])) }
          start = index + 1
        }
      }
    }
  }
}
