import PCRE2
import Testing

@_spi(Internals) @testable import PHIScan

@Suite struct MinimumDigitsTests {
  @Test func countsTheDigitsEveryMatchHolds() {
    let cases: [(String, Int)] = [
      (#"\b\d{3}-\d{2}-\d{4}\b"#, 9), (#"(?:\d{3}|[0-9]{5})x"#, 3), (#"\d*"#, 0), (#"\d+"#, 1), (#"[0-9A-F]{4}"#, 0),
      (#"1[89][0-9]{2}"#, 4), (#"(?=\d{9})\w+"#, 0), (#"(\d)\1"#, 1), (#"MRN-?\d{6,10}"#, 6), (#"(?i)mrn\K\d{5}"#, 5),
      (#"[0-7]{2}"#, 2), (#"[\d]{3}"#, 3), (#"[^0-9]{3}"#, 0), (#"[0-9-]{3}"#, 0), (#"\x31\x{32}"#, 2), (#"\Q12\E"#, 2),
      (#"(a|\d\d)"#, 0), (#"(?:\d\d){3}"#, 6), (#"[[:digit:]]{4}"#, 0),
      // Read differently by PCRE2 than by a plain parser, or not parsed: no bound.
      (#"(?x) a # 123"#, 0), (#"a{,5}"#, 0), (#"(*UCP)\d{3}"#, 0), (#"(\d{3}"#, 0),
    ]
    for (pattern, digits) in cases { #expect(PatternLiterals.minimumDigits(pattern) == digits, "\(pattern)") }
  }

  /// The count is a lower bound on every built-in rule: whatever a rule's regex matches
  /// (its examples, and random edits of them that move digits and separators) holds at
  /// least that many digits.
  @Test func holdsOnEveryBuiltInRule() throws {
    let rules = ((try? PackLoader.builtinRules().rules) ?? []).filter { $0.matcher == nil }
    var random = SeededGenerator(seed: 0xD161)
    let edits = ["1", "0", "9", "-", " ", "/", ".", "", "a", "X"]
    var matchesSeen = 0
    for rule in rules {
      var texts = rule.examples.match + rule.examples.noMatch
      for example in rule.examples.match {
        var bytes = Array(example.utf8)
        for _ in 0..<60 {
          var edited = bytes
          if !edited.isEmpty {
            let at = Int(random.next() % UInt64(edited.count))
            let edit = Array(edits[Int(random.next() % UInt64(edits.count))].utf8)
            if random.next() % 2 == 0 {
              edited.replaceSubrange(at...at, with: edit)
            } else {
              edited.insert(contentsOf: edit, at: at)
            }
          }
          if let text = String(validating: edited, as: UTF8.self) { texts.append(text) }
          bytes = random.next() % 4 == 0 ? Array(example.utf8) : edited
        }
      }
      for text in texts where try rule.regex.matches(text) {
        matchesSeen += 1
        #expect(
          Offer.of(text).digits >= rule.minimumDigits, "\(rule.id) (\(rule.minimumDigits) digits) matches \(text)")
        #expect(
          Offer.of(text).length >= rule.regex.minimumLength,
          "\(rule.id) (\(rule.regex.minimumLength) characters) matches \(text)")
      }
    }
    #expect(matchesSeen > 1_000)
  }

  /// The rules that run most often keep a bound, so the filter cannot quietly vanish.
  @Test func builtInRulesHaveBounds() throws {
    let rules = try PackLoader.builtinRules()
    #expect(rules.rule("us-ssn")?.minimumDigits == 9)
    #expect(rules.rule("phone-nanp")?.minimumDigits == 10)
    #expect((rules.rule("date-iso")?.minimumDigits ?? 0) >= 4)
    #expect((rules.rule("mrn-labeled")?.minimumDigits ?? 0) >= 5)
  }
}
