import Testing

@_spi(Internals) @testable import PHIScan

/// Every rule's `examples` run as tests: each `match` must produce a verdict, each
/// `noMatch` must not, and both again behind a multibyte prefix (offset bugs).
@Suite struct RuleExampleTests {
  static let rules = (try? PackLoader.builtinRules().rules) ?? []

  @Test(arguments: rules.map(\.id))
  func examplesBehave(ruleID: String) throws {
    let rule = try #require(Self.rules.first { $0.id == ruleID })
    let detector = try Detector(rules: RuleSet(rules: [rule]))
    #expect(!rule.examples.match.isEmpty, "rule \(rule.id) has no match examples")
    #expect(!rule.examples.noMatch.isEmpty, "rule \(rule.id) has no noMatch examples")
    let context = rule.examples.context
    for example in rule.examples.match {
      #expect(detector.flagsExample(rule, example, context: context), "\(rule.id) should match \(example)")
      #expect(
        detector.flagsExample(rule, "🩺 é " + example, context: context),
        "\(rule.id) should match after a multibyte prefix")
      // Without context, unless the example labels itself ("NPI 1684012937").
      if rule.contextRequired && !ContextWords([example]).containsAny(rule.context) {
        #expect(
          !detector.flagsExample(rule, example, context: "max_tokens"),
          "\(rule.id) needs context, yet matched \(example) without it")
      }
    }
    for example in rule.examples.noMatch {
      #expect(!detector.flagsExample(rule, example, context: context), "\(rule.id) should not match \(example)")
    }
  }

  @Test func builtinRulesLoad() {
    #expect(Self.rules.count >= 30, "the built-in packs did not load, so no example ran")
  }

  @Test func contextRequiredRulesSayUnderWhichNameTheirExamplesSit() {
    for rule in Self.rules where rule.contextRequired {
      #expect(rule.examples.context != nil, "\(rule.id) needs context but its examples name none")
    }
  }
}

@Suite struct SSNValidatorTests {
  @Test(arguments: ["512-43-8876", "001-01-0001", "899-99-9999", "665-12-3456", "667 12 3456"])
  func validSSNs(_ text: String) { #expect(Validator.ssn.check(text) == .valid) }

  @Test(arguments: [
    "000-12-3456", "666-12-3456", "900-12-3456", "999-99-9999", "512-00-8876", "512-43-0000", "12-345-6789",
    "5124388761",
  ])
  func invalidSSNs(_ text: String) { #expect(Validator.ssn.check(text) == .invalid) }

  @Test(arguments: ["078-05-1120", "219-09-9999", "123-45-6789"])
  func placeholderSSNs(_ text: String) { #expect(Validator.ssn.check(text) == .placeholder) }

  /// International numbers: an assigned country code and a national number; `+1` is
  /// NANP's; drama ranges and climbing runs are samples.
  @Test func internationalPhones() {
    for valid in ["+44 20 3184 2957", "+33 1 42 68 53 00", "+7 495 739 2841", "+353 1 672 9183", "+39 06 6982 4417"] {
      #expect(Validator.phoneInternational.check(valid) == .valid, "\(valid)")
    }
    for invalid in ["+1 617 239 8841", "+0 12 3456 7890", "+28 1234 5678", "+44 111 111 1111", "+49 12"] {
      #expect(Validator.phoneInternational.check(invalid) == .invalid, "\(invalid)")
    }
    for sample in ["+44 20 7946 0958", "+44 7700 900123", "+49 30 12345678"] {
      #expect(Validator.phoneInternational.check(sample) == .placeholder, "\(sample)")
    }
  }
}

@Suite struct PackLoaderTests {
  static let valid = """
    version: 1
    pack: test-pack
    rules:
      - id: test-rule
        name: Test
        category: ssn
        sites: [const]
        regex: 'x'
        level: error
        precision: high
        security-severity: 5.0
        summary: s
        help: h
        examples: { match: [x], noMatch: [y] }
    """

  func packError(_ text: String) -> PackError? {
    do {
      _ = try PackLoader.load(text, name: "test.yaml")
      return nil
    } catch {
      return error
    }
  }

  @Test func validPackLoads() throws {
    let rules = try PackLoader.load(Self.valid, name: "test.yaml")
    #expect(rules.map(\.id) == ["test-rule"])
  }

  @Test func badRegexNamesPackRuleAndOffset() {
    let error = packError(Self.valid.replacingOccurrences(of: "regex: 'x'", with: "regex: 'ab(c'"))
    #expect(error == .regex(pack: "test.yaml", rule: "test-rule", offset: 4, message: "missing closing parenthesis"))
    #expect(error?.description.contains("offset 4") == true)
  }

  @Test func unknownKeyIsAnErrorWithLine() {
    let error = packError(Self.valid.replacingOccurrences(of: "    level: error", with: "    levle: error"))
    guard case .invalidField(_, let rule, let field, let position, _)? = error else {
      Issue.record("wrong error \(String(describing: error))")
      return
    }
    #expect(rule == "test-rule")
    #expect(field == "levle")
    #expect(position?.line == 9)
  }

  @Test(arguments: [
    ("category: ssn", "category: blood-type", "category"),
    ("sites: [const]", "sites: [keys]", "sites"),
    ("level: error", "level: fatal", "level"),
    ("precision: high", "precision: great", "precision"),
    ("security-severity: 5.0", "security-severity: 11", "security-severity"),
    ("examples: { match: [x], noMatch: [y] }", "examples: { match: [x] }", "examples"),
    ("id: test-rule", "id: Test_Rule", "id"),
  ])
  func badFieldsAreNamed(from: String, to: String, field: String) {
    let error = packError(Self.valid.replacingOccurrences(of: from, with: to))
    guard case .invalidField(_, _, let named, _, _)? = error else {
      Issue.record("\(to): wrong error \(String(describing: error))")
      return
    }
    #expect(named == field)
  }

  @Test func duplicateRuleIDsAcrossPacksAreRejected() {
    #expect(throws: PackError.duplicateRule(id: "test-rule", packs: ["a.yaml", "b.yaml"])) {
      try PackLoader.ruleSet(from: [("a.yaml", Self.valid), ("b.yaml", Self.valid)])
    }
  }
}
