import Testing

@testable import PCRE2

@Suite struct PCRE2RegexTests {
  @Test func matchOffsetsAreUTF8ByteOffsets() throws {
    let regex = try PCRE2Regex("[0-9]{3}-[0-9]{2}-[0-9]{4}")
    // "é" is 2 bytes, "🩺" is 4: the match starts at byte 2 + 4 + 1 = 7.
    let range = try regex.firstMatch(in: "é🩺 512-43-8876 x")
    #expect(range == 7..<18)
  }

  @Test func allMatchesFindsEveryNonOverlappingMatch() throws {
    let regex = try PCRE2Regex("[0-9]+")
    let ranges = try regex.allMatches(in: "a1 bb22 ccc333")
    #expect(ranges == [1..<2, 5..<7, 11..<14])
  }

  @Test func emptyMatchesAdvanceByWholeCharacters() throws {
    let regex = try PCRE2Regex("x*")
    let ranges = try regex.allMatches(in: "é🩺")
    // One empty match before each character and one at the end; never inside a sequence.
    #expect(ranges == [0..<0, 2..<2, 6..<6])
  }

  /// Strings skip PCRE2's UTF-8 re-check; an offset inside a character still gets it.
  @Test func offsetsInsideACharacterAreStillRefused() throws {
    let regex = try PCRE2Regex("[0-9]+")
    // Byte 1 is the second byte of "é".
    #expect(throws: PCRE2Error.self) { try regex.firstMatch(in: "é 42", from: 1) }
    #expect(try regex.firstMatch(in: "é 42", from: 2) == 3..<5)
    #expect(try regex.firstMatch(in: "é 42", from: 5) == nil)
    // Raw bytes keep the check: invalid UTF-8 is an error, never undefined behaviour.
    let invalid: [UInt8] = [0x31, 0xC3, 0x28, 0x32]
    #expect(throws: PCRE2Error.self) { try invalid.withUnsafeBufferPointer { try regex.firstMatch(inBytes: $0) } }
  }

  @Test func noMatchIsNil() throws {
    let regex = try PCRE2Regex("z")
    #expect(try regex.firstMatch(in: "abc") == nil)
    #expect(try regex.firstMatch(in: "") == nil)
    #expect(try regex.matches("xyz"))
  }

  @Test func caselessOption() throws {
    let regex = try PCRE2Regex("mrn", options: [.utf, .caseless])
    #expect(try regex.matches("Patient MRN"))
  }

  @Test func compileErrorCarriesOffsetAndPCRE2Message() {
    do {
      _ = try PCRE2Regex("ab(c")
      Issue.record("expected a compile error")
    } catch {
      guard case .compile(_, let offset, let message) = error else {
        Issue.record("wrong error \(error)")
        return
      }
      #expect(offset == 4)
      #expect(message.contains("missing closing parenthesis"))
    }
  }

  @Test func compileErrorOffsetIsInBytes() {
    #expect(throws: PCRE2Error.self) { try PCRE2Regex("é(") }
    do {
      _ = try PCRE2Regex("é[")
    } catch {
      if case .compile(_, let offset, _) = error { #expect(offset == 3) }
    }
  }

  @Test func catastrophicBacktrackingHitsTheMatchLimit() {
    let limits = PCRE2Limits(matchLimit: 10_000, depthLimit: 1_000, heapLimitKiB: 1_000)
    let subject = String(repeating: "a", count: 40) + "!"
    do {
      let regex = try PCRE2Regex("^(a+)+$", options: [.utf], limits: limits)
      _ = try regex.firstMatch(in: subject)
      Issue.record("expected the match limit to stop the match")
    } catch {
      guard case .limitExceeded(_, let message) = error else {
        Issue.record("wrong error \(error)")
        return
      }
      #expect(!message.isEmpty)
    }
  }

  @Test func matchDataCanBeReusedAcrossPatterns() throws {
    let data = try PCRE2MatchData(ovectorPairs: 4)
    let a = try PCRE2Regex("(a)(b)(c)(d)(e)(f)")
    let b = try PCRE2Regex("x")
    #expect(try a.firstMatch(in: "--abcdef", using: data) == 2..<8)
    #expect(try b.firstMatch(in: "yx", using: data) == 1..<2)
  }

  @Test func nulBytesInPatternAndSubject() throws {
    let regex = try PCRE2Regex("a\u{0}b")
    #expect(try regex.firstMatch(in: "xa\u{0}b") == 1..<4)
  }

  @Test func jitIsUsedWhenAvailable() throws {
    let regex = try PCRE2Regex("abc")
    #expect(regex.isJITCompiled == PCRE2Regex.jitAvailable)
  }
}

@Suite struct PCRE2MinimumLengthTests {
  /// PCRE2 counts characters in UTF mode: a text of that many characters can match, one
  /// fewer cannot.
  @Test func boundsTheSubjectInCharacters() throws {
    let regex = try PCRE2Regex(#"[a-zé]{3}\d{2}"#)
    #expect(regex.minimumLength == 5)
    #expect(try regex.matches("ééé12"))
    #expect(try !regex.matches("éé12"))
    #expect(try PCRE2Regex("x*").minimumLength == 0)
  }
}
