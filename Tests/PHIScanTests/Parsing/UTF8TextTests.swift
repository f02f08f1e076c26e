import Foundation
import Testing

@_spi(Internals) @testable import PHIScan

@Suite struct UTF8TextTests {
  /// The byte search for an ASCII needle answers as Foundation's `contains` does, on texts
  /// built from pieces that join onto a match (combining marks, CR LF, a ZWJ) or not.
  @Test func asciiSearchAgreesWithFoundation() {
    let needles: [StaticString] = ["_", "`", "<code", "<pre", "json-schema.org"]
    let pieces = [
      "_", "`", "<code", "<pre", "json-schema.org", "a", " ", "\r\n", "\u{301}", "\u{0338}", "é", "e\u{301}",
      "\u{200D}", "中", "🩺", "\u{FE0F}", "<", "code", "json", "-schema.", "org", "\u{2014}", "ʼ",
    ]
    var state: UInt64 = 11
    func next(_ n: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(n))
    }
    var matched = 0
    for _ in 0..<6000 {
      var text = ""
      for _ in 0..<next(7) { text += pieces[next(pieces.count)] }
      for needle in needles {
        let expected = text.contains(needle.description)
        #expect(UTF8Text.contains(text[...], ascii: needle) == expected, "\(Array(text.unicodeScalars)) / \(needle)")
        if expected { matched += 1 }
      }
    }
    #expect(matched > 1000)
    // A match that a combining mark extends is no match, as Foundation reads it.
    #expect(!UTF8Text.contains("a_\u{301}b"[...], ascii: "_"))
    #expect(UTF8Text.contains("a_b\u{301}"[...], ascii: "_"))
  }

  /// Counting scalars from the bytes gives `unicodeScalars.count` for one- to four-byte
  /// scalars, combining marks, emoji sequences and NUL, alone and mixed.
  @Test func scalarCountIsTheUnicodeScalarCount() {
    let pieces = [
      "a", "Z", " ", "\u{0}", "é", "e\u{301}", "日本", "🙂", "👩‍👩‍👧", "\u{10FFFF}", "\r\n", "ß", "\u{7F}", "\u{80}", "\u{7FF}",
      "\u{800}", "\u{FFFF}",
    ]
    var generator = SeededGenerator(seed: 0x5CA1_A25)
    #expect(UTF8Text.scalarCount("") == 0)
    for _ in 0..<3_000 {
      let text = (0..<Int.random(in: 1...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
        .joined()
      #expect(UTF8Text.scalarCount(text) == text.unicodeScalars.count, "\(Array(text.unicodeScalars))")
    }
  }
}
