/// Plain byte-string search. The standard library's generic `firstRange(of:)` over UTF-8
/// views costs hundreds of instructions per byte; Foundation's bridges to UTF-16 first.
enum ByteSearch {
  /// The offset of the first occurrence of `needle` in `haystack` at or after `start`.
  static func firstOffset(
    of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0
  ) -> Int? {
    guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
    let first = needle[0]
    let last = haystack.count - needle.count
    var at = start
    while at <= last {
      if haystack[at] == first {
        var k = 1
        while k < needle.count && haystack[at + k] == needle[k] { k += 1 }
        if k == needle.count { return at }
      }
      at += 1
    }
    return nil
  }

  /// True when `text` contains `word` (an empty word is never contained).
  static func contains(_ text: String, _ word: String) -> Bool {
    var text = text
    var word = word
    return text.withUTF8 { haystack in word.withUTF8 { needle in firstOffset(of: needle, in: haystack) != nil } }
  }
}
