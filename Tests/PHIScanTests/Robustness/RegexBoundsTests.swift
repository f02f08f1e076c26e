import PCRE2
import Testing

@_spi(Internals) @testable import PHIScan

/// Issue 8, bounds: a user-supplied pack regex that backtracks exponentially runs under
/// the same PCRE2 limits as the built-in rules; hitting them is a diagnostic naming the
/// rule and the string's pointer, never a hang, and the other rules still run.
@Suite struct RegexBoundsTests {
  static let catastrophicPack = """
    version: 1
    pack: hostile
    description: A rule whose regex backtracks exponentially on near-misses.
    rules:
      - id: hostile-backtracking
        name: Exponential backtracking
        category: other-id
        sites: [description, const]
        regex: '^(x+x+)+y$'
        level: warning
        precision: low
        security-severity: 1.0
        summary: A test rule that backtracks.
        help: Never shipped; it exists to prove the match limits hold.
        examples:
          match: ["xxy"]
          noMatch: ["xxz"]
    """

  static func string(_ text: String, site: Site, pointer: String) -> ExtractedString {
    let position = SourcePosition(line: 1, column: 1)
    return ExtractedString(
      text: text, site: site, pointer: JSONPointer(escaped: pointer),
      range: SourceRange(start: position, end: position), context: SchemaContext(shape: "json-schema", isCached: true))
  }

  @Test func userPackRegexesGetTheSameLimits() throws {
    let user = try PackLoader.ruleSet(from: [(path: "hostile.yaml", text: Self.catastrophicPack)])
    let rule = try #require(user.rules.first { $0.id == "hostile-backtracking" })
    #expect(rule.regex.limits == PCRE2Limits.default)
    let builtin = try PackLoader.builtinRules()
    #expect(builtin.rules.allSatisfy { $0.regex.limits == PCRE2Limits.default })
  }

  @Test func aMatchLimitHitIsADiagnosticAndOtherStringsAreStillChecked() throws {
    let user = try PackLoader.ruleSet(from: [(path: "hostile.yaml", text: Self.catastrophicPack)])
    let detector = try Detector(rules: user)
    let strings = [
      // The `y` passes PCRE2's required-character check; the `z` makes `$` fail late.
      Self.string(String(repeating: "x", count: 40) + "yz", site: .description, pointer: "/description"),
      Self.string("xxy", site: .const, pointer: "/const"),
    ]
    let outcome = detector.detect(strings, subschemas: [], file: "hostile.json")
    let limit = try #require(outcome.diagnostics.first { $0.code == .matchLimit })
    #expect(limit.severity == .error)
    #expect(limit.message.contains("hostile-backtracking"))
    #expect(limit.message.contains("/description"))
    #expect(!limit.message.contains("xxxx"), "the diagnostic never echoes the string")
    #expect(outcome.findings.contains { $0.pointer.string == "/const" })
  }

  @Test func exponentialPatternsInSchemasAreAnalysedWithinTheirCaps() {
    let nested = String(repeating: "(", count: 5_000) + "a" + String(repeating: ")", count: 5_000)
    let analysis = PatternLiterals.analyse(nested)
    #expect(analysis.limitHit != nil, "a 5,000-deep group is cut off and says so")
    let blowUp = PatternLiterals.analyse("^(a|b|c|d)(a|b|c|d)(a|b|c|d)(a|b|c|d)(a|b|c|d)(a|b|c|d)(a|b|c|d)(a|b|c|d)$")
    #expect(blowUp.strings.count <= PatternLiterals.Limits().maxStrings)
    let repeats = PatternLiterals.analyse("^((a{0,9}){0,9}){0,9}$")
    #expect(repeats.strings.count <= PatternLiterals.Limits().maxStrings)
  }
}
