import Testing

@_spi(Internals) @testable import PHIScan

/// The regex-literal analyser: finite languages are expanded, formats stay silent,
/// hostile patterns stop at a cap with a reason.
@Suite struct PatternLiteralsTests {
  func exact(_ pattern: String) -> [String]? {
    let analysis = PatternLiterals.analyse(pattern)
    return analysis.isExact ? analysis.strings : nil
  }

  @Test func alternationsAndAnchors() {
    #expect(exact("^(MRN-00482913|MRN-00577120)$") == ["MRN-00482913", "MRN-00577120"])
    #expect(exact("^(123-45-6789|987-65-4321)$") == ["123-45-6789", "987-65-4321"])
    #expect(exact("red|green|blue") == ["blue", "green", "red"])
    #expect(exact("\\Aonly\\z") == ["only"])
  }

  @Test func nesting() {
    #expect(exact("^(?:pt_(?:4829|5512)(?:13|77))$") == ["pt_482913", "pt_482977", "pt_551213", "pt_551277"])
    #expect(exact("^(a(b(c|d)))$") == ["abc", "abd"])
    #expect(exact("^(?<id>x(?=y)y)$") == ["xy"], "look-arounds match the empty string")
  }

  @Test func smallClassesExpandAndCaseClassesCollapse() {
    #expect(exact("^[Pp][Rr][Ee]$") == ["PRE"])
    #expect(exact("^(?i)present$") == ["present"])
    #expect(exact("^(?i:ab)c$") == ["abc"])
    #expect(exact("^v[12]$") == ["v1", "v2"])
    #expect(exact("^[a-c]x$") == ["ax", "bx", "cx"])
  }

  @Test func formatsBuiltFromClassesAndCountsStaySilent() {
    for format in [
      "^\\d{3}-\\d{2}-\\d{4}$", "^[0-9]{3}-[0-9]{2}-[0-9]{4}$", "^\\(?\\d{3}\\)?[-. ]?\\d{3}[-. ]?\\d{4}$",
      "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", "^\\d{5}(-\\d{4})?$", "^[12]\\d{9}$",
      "^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$",
    ] {
      let analysis = PatternLiterals.analyse(format)
      #expect(!analysis.isExact, "\(format)")
      #expect(
        analysis.strings.allSatisfy { !$0.contains(where: \.isNumber) || $0.count < 3 },
        "\(format) yielded \(analysis.strings)")
    }
    let mrn = PatternLiterals.analyse("^MRN-\\d{8}$")
    #expect(!mrn.isExact && mrn.strings == ["MRN-"])
  }

  @Test func countsExpandWhenSmall() {
    #expect(exact("^ab{2}$") == ["abb"])
    #expect(exact("^a{1,3}$") == ["a", "aa", "aaa"])
    #expect(exact("^x?y$") == ["xy", "y"])
    #expect(exact("^a{2,}$") == nil)
    #expect(exact("^a+$") == nil)
    #expect(exact("^[0-9]$") == nil, "a class wider than the cap is a format")
  }

  @Test func escapes() {
    #expect(exact("^a\\.b\\-c$") == ["a.b-c"])
    #expect(exact("^\\x41\\u0042\\u{43}$") == ["ABC"])
    #expect(exact("^\\Q1.2*\\E$") == ["1.2*"])
    #expect(exact("^tab\\there$") == ["tab\there"])
    #expect(exact("^a{,3}$") == ["a{,3}"], "not a count: literal braces")
  }

  @Test func literalRunsOfLargePatterns() {
    let analysis = PatternLiterals.analyse("^patient_maria_gonzalez_.*$")
    #expect(!analysis.isExact)
    #expect(analysis.strings == ["patient_maria_gonzalez_"])
    let mixed = PatternLiterals.analyse("^(?:MRN-00482913|\\d+)$")
    #expect(mixed.strings.contains("MRN-00482913"))
  }

  @Test func longEnumLikeAlternationsAreReadWhole() {
    let branches = (0..<300).map { "microsoft.graph.resourceKind\($0)" }
    let escaped = branches.map { $0.replacingOccurrences(of: ".", with: "\\.") }
    let analysis = PatternLiterals.analyse("^(" + escaped.joined(separator: "|") + ")$")
    #expect(analysis.limitHit == nil)
    #expect(!analysis.isExact, "more strings than the exact-set cap")
    #expect(Set(analysis.strings) == Set(branches), "each branch is still checked as a literal")
  }

  @Test func unparsablePatternsComeBackAsText() {
    let analysis = PatternLiterals.analyse("^(unclosed")
    #expect(analysis.strings == ["^(unclosed"])
    #expect(analysis.limitHit == nil)
    #expect(PatternLiterals.analyse("a)b").strings == ["a)b"])
    #expect(PatternLiterals.analyse("*a").strings == ["*a"])
  }

  @Test func hostilePatternsStopAtACap() {
    let deep = String(repeating: "(", count: 5000) + "a" + String(repeating: ")", count: 5000)
    let deepAnalysis = PatternLiterals.analyse(deep)
    #expect(deepAnalysis.limitHit != nil)
    let long = String(repeating: "a|", count: 33000) + "a"
    #expect(PatternLiterals.analyse(long).limitHit != nil)
    let nodes = String(repeating: "ab", count: 20000)
    #expect(PatternLiterals.analyse(nodes).limitHit != nil)
    #expect(PatternLiterals.analyse(nodes).strings == [nodes])
  }

  /// Past a cap, the pattern's plain literal runs are still read: an alternation of
  /// identifiers too long to parse, a literal deep in groups, escapes and classes.
  @Test func cappedPatternsGiveTheirPlainRuns() {
    let identifiers = (0..<6000).map { String(format: "MRN-%08d", 482913 + $0) }
    let long = PatternLiterals.analyse("^(" + identifiers.joined(separator: "|") + ")$")
    #expect(long.limitHit != nil)
    #expect(long.strings == identifiers)
    let deep = PatternLiterals.analyse(
      String(repeating: "(", count: 100) + "MRN-00482913" + String(repeating: ")", count: 100))
    #expect(deep.limitHit != nil)
    #expect(deep.strings == ["MRN-00482913"])
    let mixed = PatternLiterals.analyse(
      String(repeating: "(", count: 70) + #"^MRN\-001[0-9|]2|abc\d{3}xyz\.q"# + String(repeating: ")", count: 70))
    #expect(mixed.strings == ["MRN-001", "abc", "xyz.q"])
    var few = PatternLiterals.Limits()
    few.maxRuns = 2
    #expect(
      PatternLiterals.analyse(
        String(repeating: "(", count: 70) + "abc|abc|def|ghi" + String(repeating: ")", count: 70), limits: few
      ).strings == ["abc", "def"])
    // Exponential languages are cut off by the string cap, not enumerated.
    let blowup = String(repeating: "(a|b|c|d)", count: 40)
    let blown = PatternLiterals.analyse("^" + blowup + "$")
    #expect(!blown.isExact && blown.limitHit == nil)
    let huge = PatternLiterals.analyse("^x{100000}$")
    #expect(!huge.isExact)
    let nestedCounts = PatternLiterals.analyse("^((a{1,3}){1,3}){1,3}$")
    #expect(nestedCounts.strings.count <= 256)
  }

  @Test(arguments: [
    "[", "(?", "\\", "(?P=x)", "[z-a]", "\\x{110000}", "(?<name", "a{2,1}", "\\c", "[[:alpha:]", "(?#unterminated",
  ])
  func malformedPatternsNeverCrash(_ pattern: String) {
    _ = PatternLiterals.analyse(pattern)
  }
}
