import Testing
@testable import PHIScan

/// The byte-level word splitter must read ASCII exactly like the Unicode one.
@Suite struct NameWordsFastPathTests {
  static let samples = [
    "patient_dob", "pt_482913Notes", "HTTPServerURL", "maria-gonzalez-1984-03-12", "memberSSN",
    "ABC", "aB", "Ab", "x9Y8z", "__init__", "  spaced  out  ", "", "a.b.c", "MRN-00482913",
    "ssnLast4Digits", "getHTTP2Response", "The value of a record (used when returned).",
  ]

  @Test(arguments: samples)
  func asciiFastPathMatchesTheUnicodeRules(_ text: String) {
    #expect(NameWords.split(text) == NameWords.splitUnicode(text))
  }

  @Test func nonASCIIFallsBackToUnicodeRules() {
    #expect(NameWords.split("JoséÁlvarez_dob") == ["josé", "álvarez", "dob"])
  }

  @Test func phrasesMatchOnlyWholeWords() {
    let context = ContextWords(["member_ssn", "Date of birth"])
    #expect(context.contains("ssn"))
    #expect(context.contains("date of birth"))
    #expect(!context.contains("ss"))
    #expect(!context.contains("birth date"))
    #expect(context.containsAny(["nope", "member"]))
  }
}
