import Foundation
import Testing

@_spi(Internals) @testable import PHIScan

@Suite struct JSONPointerTests {
  /// Escaping written byte by byte must equal the RFC 6901 rule as Foundation applies it
  /// (`~` to `~0` first, then `/` to `~1`), and unescaping must give the token back.
  @Test func appendedTokensEscapeLikeTheRFCRule() {
    let pieces = [
      "a", "~", "/", "~1", "~0", "/~", "é", "中", "🩺", "e\u{301}", "~\u{301}", "/\u{301}", " ", "%25", "x-y", "",
    ]
    var state: UInt64 = 7
    func next(_ n: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(n))
    }
    for _ in 0..<2000 {
      var token = ""
      for _ in 0..<next(6) { token += pieces[next(pieces.count)] }
      let prefix = JSONPointer(escaped: ["", "/properties", "/a~1b/0"][next(3)])
      let appended = prefix.appending(token)
      let expected = prefix.string + "/" + Self.escapedByScalars(token)
      #expect(appended.string == expected, "token \(Array(token.unicodeScalars))")
      // Two tokens built at once equal two appends.
      let second = pieces[next(pieces.count)] + pieces[next(pieces.count)]
      #expect(prefix.appending(token, second) == appended.appending(second))
      let index = [0, 7, 10, 99, 12345, -3][next(6)]
      #expect(prefix.appending(token, index: index) == appended.appending(index: index))
      // Every token round-trips, a `/` or `~` before a combining mark included.
      #expect(appended.tokens.last.map { Array($0.unicodeScalars) } == Array(token.unicodeScalars))
      #expect(appended.droppingLastToken == prefix)
    }
  }

  /// RFC 6901 on code points: `~` to `~0` and `/` to `~1`, whatever follows them.
  static func escapedByScalars(_ token: String) -> String {
    var out = String.UnicodeScalarView()
    for scalar in token.unicodeScalars {
      switch scalar {
      case "~": out.append(contentsOf: "~0".unicodeScalars)
      case "/": out.append(contentsOf: "~1".unicodeScalars)
      default: out.append(scalar)
      }
    }
    return String(out)
  }

  /// A `/` before a combining mark is still a separator to escape: the pointer to the
  /// property `a/\u{301}` must not read as two tokens.
  @Test func slashBeforeACombiningMarkIsEscaped() {
    let pointer = JSONPointer.root.appending("properties").appending("a/\u{301}")
    #expect(pointer.string == "/properties/a~1\u{301}")
    #expect(pointer.tokens.count == 2)
    #expect(JSONPointer(escaped: "/x~1\u{301}~0\u{301}").tokens == ["x/\u{301}~\u{301}"])
    // `~1` is read before `~0` is (RFC 6901 4), and a `~` that escapes nothing stays.
    #expect(JSONPointer(escaped: "/~01/~~1/a~/~2").tokens == ["~1", "~/", "a~", "~2"])
  }

  /// A pointer whose last tokens are not joined yet behaves as its joined text in every
  /// way: text, equality, hashing, order, parent, tokens.
  @Test func unjoinedPointersActAsTheirText() {
    let tokens = ["a", "a/b", "~0", "5", "", "é", "properties", "x~1y/"]
    for parentText in ["", "/properties", "/a~1b/0"] {
      let parent = JSONPointer(escaped: parentText)
      for token in tokens {
        for second in tokens {
          let made = [
            parent.appending(token), parent.appending(index: 5), parent.appending(token, second),
            parent.appending(token, index: 12),
          ]
          for pointer in made {
            let joined = JSONPointer(escaped: pointer.string)
            #expect(pointer.joined.string == joined.string)
            #expect(pointer == joined && joined == pointer)
            #expect(Set([joined]).contains(pointer))
            #expect(!(pointer < joined) && !(joined < pointer))
            #expect(pointer.droppingLastToken == joined.droppingLastToken)
            #expect(pointer.tokens == joined.tokens)
            #expect(pointer != parent)
          }
        }
      }
      // Different parts spelling one text are one pointer; different texts are not.
      #expect(parent.appending("5") == parent.appending(index: 5))
      #expect(parent.appending("a", "b") == parent.appending("a").joined.appending("b"))
      #expect(parent.appending("a/b") != parent.appending("a", "b"))
      #expect(parent.appending("a", index: 1) != parent.appending("a", index: 2))
    }
  }

  @Test func indexesAndFragmentsAppendAsTokens() {
    let base = JSONPointer.root.appending("defs")
    #expect(base.appending(index: 0).string == "/defs/0")
    #expect(base.appending(index: 1234).string == "/defs/1234")
    #expect(base.appending(fragment: "/a~1b/c").string == "/defs/a~1b/c")
    #expect(base.appending(fragment: "/a~1b/c").tokens == ["defs", "a/b", "c"])
  }
}

@Suite struct URIReferenceTests {
  /// The byte search for `#` (ASCII references) must split where the Character search does.
  @Test(arguments: [
    "#/$defs/a", "https://example.com/s.json#/definitions/x", "other.json", "#", "a#b#c", "",
    "#anchor", "é.json#/a", "x#\u{301}/a#/b", "\u{212A}#/k", "urn:a:b#frag",
  ])
  func splitMatchesTheCharacterSearch(reference: String) {
    let (uri, fragment) = URIReference.split(reference)
    if let hash = reference.firstIndex(of: "#") {
      #expect(uri == String(reference[..<hash]))
      #expect(fragment == String(reference[reference.index(after: hash)...]))
    } else {
      #expect(uri == reference && fragment == "")
    }
  }

  @Test func percentDecodingAndByteSearch() {
    #expect(URIReference.percentDecoded("/a%20b/%C3%A9") == "/a b/é")
    #expect(URIReference.percentDecoded("/plain") == "/plain")
    #expect(URIReference.percentDecoded("/bad%2") == nil)
    #expect(UTF8Text.contains("a~b", byte: UInt8(ascii: "~")))
    #expect(!UTF8Text.contains("abc", byte: UInt8(ascii: "~")))
    #expect(!UTF8Text.contains("", byte: 0))
  }
}
