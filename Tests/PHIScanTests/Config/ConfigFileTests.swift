import Foundation
import Testing

@_spi(Internals) @testable import PHIScan

/// `.phi-scan.yml`: every key does what it says, every mistake is an error naming the
/// key and its line.
@Suite struct ConfigFileTests {
  static let fixtures = "Tests/PHIScanTests/Config/Fixtures"

  static func parse(_ text: String) throws(ConfigError) -> ConfigFile {
    try ConfigFile.parse(Array(text.utf8), path: ".phi-scan.yml")
  }

  /// A directory glob covers the files under it, whether or not the path is ASCII.
  @Test func directoryGlobsCoverFilesUnderThem() throws {
    let filter = PathFilter(
      include: [], exclude: [try Glob("fixtures", anywhere: true), try Glob("données/brouillons")])
    #expect(PathFilter.selfAndParents("a/b/c.json") == ["a/b/c.json", "a/b", "a"])
    #expect(PathFilter.selfAndParents("/abs/c.json") == ["/abs/c.json", "/abs"])
    #expect(PathFilter.selfAndParents("données/é/c.json") == ["données/é/c.json", "données/é", "données"])
    #expect(!filter.admits("schemas/fixtures/b.json"))
    #expect(!filter.admits("données/brouillons/x.json"))
    #expect(filter.admits("données/finales/x.json"))
    #expect(PathFilter().admits("anything/at/all.json"))
  }

  @Test func everyKeyIsRead() throws {
    let config = try ConfigFile.load(
      path: Fixtures.url("\(Self.fixtures)/every-key.yml").path, displayPath: "every-key.yml")
    #expect(config.path == "every-key.yml")
    #expect(config.rules["us-ssn"]?.value == .warning)
    #expect(config.rules["team-member-id"]?.value == .on)
    #expect(config.packs["us-identifiers"]?.value == true && config.packs["team"]?.value == false)
    #expect(config.patternDirectories == [Fixtures.url("\(Self.fixtures)/packs").path])
    #expect(config.pathFilter.admits("schemas/a/b.json"))
    #expect(config.pathFilter.admits("x/y/search.tool.json"))
    #expect(!config.pathFilter.admits("src/b.json"))
    #expect(!config.pathFilter.admits("schemas/fixtures/b.json"))
    #expect(config.sites == [.const, .enum, .default, .examples])
    #expect(config.allow.count == 2)
    let first = config.allow[0]
    #expect(first.rule == "us-ssn" && first.reason.hasPrefix("SSA's"))
    #expect(first.expires == AllowList.Entry.Day("2099-12-31"))
    #expect(first.position == SourcePosition(line: 18, column: 5))
    #expect(first.path?.matches("schemas/legacy/a.json") == true)
    #expect(first.pointer?.matches("/properties/a/examples/0") == true)
    #expect(first.value?.matches("078-05-1120") == true)
    #expect(config.allow[1].path?.matches("docs/a/b.json") == true)

    // The selection: team pack off but its rule switched on; us-ssn as a warning.
    let rules = try config.select(try PackLoader.rules(userPaths: config.patternDirectories))
    let ids = Set(rules.rules.map(\.id))
    #expect(ids.isSuperset(of: ["team-member-id", "us-ssn"]))
    #expect(rules.rules.allSatisfy { $0.pack != "team" || $0.id == "team-member-id" })
    #expect(rules.rule("us-ssn")?.level == .warning)
    #expect(rules.rule("us-ssn")?.sites == [.const, .enum, .default, .examples])
  }

  /// A level set in the config is the level of every finding of that rule, matcher rules
  /// (person names) included: before, `rules: {person-name-value: note}` changed what
  /// `phi-scan rules` showed while names were still reported as errors.
  @Test func aLevelInTheConfigReachesEveryRule() throws {
    let rules = try Self.parse("rules:\n  person-name-value: note\n  us-ssn: warning\n").select(
      try PackLoader.builtinRules())
    let detector = try Detector(rules: rules)
    func level(_ text: String) -> Level? {
      let string = ExtractedString(
        text: text, site: .const, pointer: JSONPointer(escaped: "/properties/patient/const"),
        range: SourceRange(start: SourcePosition(line: 1, column: 1), end: SourcePosition(line: 1, column: 1)),
        context: SchemaContext(shape: "json-schema", isCached: true), propertyPath: ["patient"])
      return detector.detect([string], subschemas: [], file: "t").findings.map(\.level).max()
    }
    #expect(level("Maria Gonzalez") == .note)
    #expect(level("512-43-8876") == .warning)
  }

  @Test func minimumLevelIsRead() throws {
    #expect(try Self.parse("min-level: note\n").minimumLevel == .note)
    #expect(try Self.parse("# default\n").minimumLevel == nil)
    #expect(throws: ConfigError.self) { try Self.parse("min-level: loud\n") }
  }

  /// A user pack's context-gated rule runs its examples under `examples.context`, as the
  /// built-in ones do; before, the load check read them without it and refused the pack.
  @Test func aUserRuleWithContextLoads() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("phi-scan-pack-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let pack = """
      version: 1
      pack: clinic
      description: A clinic's member numbers.
      rules:
        - id: clinic-member
          name: Clinic member number
          category: health-plan
          sites: [enum, const, default, examples]
          regex: '(?<![A-Z0-9])CLM[0-9]{7}(?![0-9])'
          needs: [digit]
          context: [member id]
          context-required: true
          level: error
          precision: medium
          security-severity: 5.0
          summary: A clinic member number.
          help: Remove the value.
          examples:
            context: member_id
            match: ["CLM4829133"]
            noMatch: ["CLM48"]

      """
    try pack.write(to: directory.appendingPathComponent("clinic.yaml"), atomically: true, encoding: .utf8)
    let rules = try PackLoader.rules(userPaths: [directory.path])
    #expect(rules.rule("clinic-member") != nil)
    // And a wrong example still names the rule and the example.
    try pack.replacingOccurrences(of: "CLM4829133", with: "CLM482913").write(
      to: directory.appendingPathComponent("clinic.yaml"), atomically: true, encoding: .utf8)
    do {
      _ = try PackLoader.rules(userPaths: [directory.path])
      Issue.record("a rule whose match example does not match was loaded")
    } catch {
      #expect("\(error)".contains("CLM482913") && "\(error)".contains("under 'member_id'"))
    }
  }

  @Test func emptyFileIsTheDefault() throws {
    let config = try Self.parse("# nothing yet\n")
    #expect(config.rules.isEmpty && config.allow.isEmpty && config.sites == nil)
    #expect(config.pathFilter.admits("any/file.json"))
  }

  @Test func packsAndRulesSwitchOff() throws {
    let builtin = try PackLoader.builtinRules()
    let everyPackOff = "packs:\n" + Set(builtin.rules.map(\.pack)).sorted().map { "  \($0): off\n" }.joined()
    #expect(throws: ConfigError.self) { try Self.parse(everyPackOff).select(builtin) }
    do {
      _ = try Self.parse(everyPackOff).select(builtin)
    } catch {
      #expect(error.description.contains("'packs': every rule is switched off"), "\(error.description)")
    }
    let sitesNarrowed = try Self.parse("sites: [pattern]\n").select(builtin)
    #expect(sitesNarrowed.rule("us-ssn")?.sites.isEmpty == true)
    let userPacks = Fixtures.url("\(Self.fixtures)/packs").path
    let all = try PackLoader.rules(userPaths: [userPacks])
    let teamOff = Set(try Self.parse("packs:\n  team: off\n").select(all).rules.map(\.id))
    #expect(teamOff.contains("us-ssn") && !teamOff.contains("team-member-id"))
    let ssnOff = Set(try Self.parse("rules:\n  us-ssn: off\n").select(all).rules.map(\.id))
    #expect(ssnOff.contains("team-member-id") && !ssnOff.contains("us-ssn"))
    #expect(try Self.parse("rules:\n  us-ssn: note\n").select(all).rule("us-ssn")?.level == .note)
    #expect(try Self.parse("rules:\n  us-ssn: error\n").select(all).rule("us-ssn")?.level == .error)
  }

  /// Each mistake, the key the message names, and its line.
  @Test(arguments: [
    ("colour: red\n", "'colour': unknown key", 1),
    ("version: 2\n", "'version': must be 1", 1),
    ("rules: [us-ssn]\n", "'rules': must be a mapping", 1),
    ("rules:\n  us-ssn: loud\n", "'rules.us-ssn': must be one of on, off, error, warning, note", 2),
    ("packs:\n  us-identifiers: maybe\n", "'packs.us-identifiers': must be on or off", 2),
    ("patterns: packs\n", "'patterns': must be a list of strings", 1),
    ("include: [\"\"]\n", "'include': entries must be non-empty strings", 1),
    ("exclude:\n  - \"a[b\"\n", "'exclude': '[' is not closed", 2),
    ("sites: [consts]\n", "'sites': unknown site", 1),
    ("sites: []\n", "'sites': an empty list would scan nothing", 1),
    ("allow: yes\n", "'allow': must be a list", 1),
    ("allow:\n  - just text\n", "'allow': each entry is a mapping", 2),
    ("allow:\n  - rule: us-ssn\n", "'allow.reason': every allow entry needs a reason", 2),
    (
      "allow:\n  - reason: why\n", "'allow': an entry with no rule, path, pointer or value would allow every finding", 2
    ),
    ("allow:\n  - rule: us-ssn\n    reason: r\n    because: x\n", "'allow.because': unknown key", 4),
    ("allow:\n  - pointer: properties/a\n    reason: r\n", "'allow.pointer': a JSON Pointer glob starts with '/'", 2),
    ("allow:\n  - value: '(unclosed'\n    reason: r\n", "'allow.value': the regex does not compile", 2),
    (
      "allow:\n  - rule: us-ssn\n    reason: r\n    expires: 2026-02-30\n",
      "'allow.expires': must be a date YYYY-MM-DD", 4
    ),
    (
      "allow:\n  - rule: us-ssn\n    reason: r\n    expires: next week\n", "'allow.expires': must be a date YYYY-MM-DD",
      4
    ),
    ("allow:\n  - rule: us-ssn\n    reason: \"\"\n", "'allow.reason': must be a non-empty string", 3),
    ("rules: {}\nrules: {}\n", "duplicated key(s): 'rules'", 1),
    ("rules:\n  us-ssn: [off\n", "YAML: while parsing a flow sequence", 3),
    ("- a\n- b\n", "the config is a mapping", 1),
  ])
  func mistakesNameKeyAndLine(text: String, message: String, line: Int) {
    do {
      _ = try Self.parse(text)
      Issue.record("accepted: \(text)")
    } catch {
      #expect(error.description.contains(message), "\(error.description)")
      #expect(error.description.hasPrefix(".phi-scan.yml:\(line == 0 ? "" : "\(line):")"), "\(error.description)")
    }
  }

  /// Names that only the loaded rules can check.
  @Test(arguments: [
    ("rules:\n  us-sn: off\n", "'rules.us-sn': no loaded rule has this id", 2),
    ("packs:\n  identifiers: off\n", "'packs.identifiers': no loaded pack has this name", 2),
    ("allow:\n  - rule: ssn\n    reason: r\n", "'allow.rule': no loaded rule has the id 'ssn'", 2),
  ])
  func unknownNamesAreErrors(text: String, message: String, line: Int) throws {
    let config = try Self.parse(text)
    let rules = try PackLoader.builtinRules()
    do {
      _ = try config.select(rules)
      Issue.record("accepted: \(text)")
    } catch {
      #expect(error.description.contains(message), "\(error.description)")
      if line > 0 { #expect(error.description.hasPrefix(".phi-scan.yml:\(line):")) }
    }
  }

  @Test func days() {
    #expect(AllowList.Entry.Day("2024-02-29") != nil)
    #expect(AllowList.Entry.Day("2023-02-29") == nil)
    #expect(AllowList.Entry.Day("1900-02-29") == nil)
    #expect(AllowList.Entry.Day("2026-13-01") == nil)
    #expect(AllowList.Entry.Day("2026-1-01") == nil)
    #expect(AllowList.Entry.Day("2026-01-31")! < AllowList.Entry.Day("2026-02-01")!)
    #expect(AllowList.Entry.Day.today(Date(timeIntervalSince1970: 0)).description == "1970-01-01")
    #expect(AllowList.Entry.Day.today(Date(timeIntervalSince1970: 86_399.9)).description == "1970-01-01")
    #expect(AllowList.Entry.Day.today(Date(timeIntervalSince1970: -0.5)).description == "1969-12-31")
    #expect(AllowList.Entry.Day.today(Date(timeIntervalSince1970: 951_782_400)).description == "2000-02-29")
  }

  /// The arithmetic civil date agrees with Foundation's UTC calendar, day by day over
  /// four centuries around 1970 and on every 29th day from 1600 to 2600.
  @Test func civilDatesAgreeWithTheCalendar() {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    func expected(_ days: Int) -> String {
      let parts = calendar.dateComponents(
        [.year, .month, .day], from: Date(timeIntervalSince1970: Double(days) * 86_400))
      return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
    let days = Array(-73_000...73_000).filter { $0 % 5 == 0 } + Array(stride(from: -135_140, through: 230_100, by: 29))
    var mismatches = 0
    for day in days where AllowList.Entry.Day.civil(daysSince1970: day).description != expected(day) { mismatches += 1 }
    #expect(mismatches == 0)
  }

  @Test(arguments: [
    ("*.json", "a.json", true), ("*.json", "dir/a.json", false), ("**/*.json", "a.json", true),
    ("**/*.json", "x/y/a.json", true), ("a/**/b.json", "a/b.json", true), ("a/**/b.json", "a/x/y/b.json", true),
    ("a/**/b.json", "a/xb.json", false), ("a/**", "a/x/y", true), ("a?.json", "ab.json", true),
    ("a?.json", "a/.json", false),
    ("[ab].json", "b.json", true), ("[!ab].json", "b.json", false), ("[a-c]x", "bx", true),
    ("\\*.json", "*.json", true),
    ("\\*.json", "a.json", false), ("/properties/*/const", "/properties/a/const", true),
    ("/properties/*/const", "/properties/a/properties/b/const", false),
    ("/properties/**/const", "/properties/a/properties/b/const", true),
  ])
  func globs(pattern: String, text: String, matches: Bool) throws {
    #expect(try Glob(pattern).matches(text) == matches)
  }

  @Test func pathGlobsWithoutSlashMatchAtAnyDepth() throws {
    #expect(try Glob("*.json", anywhere: true).matches("x/y/a.json"))
    #expect(try Glob("fixtures", anywhere: true).matches("a/fixtures"))
    #expect(!(try Glob("a/*.json", anywhere: true).matches("x/a/b.json")))
    #expect(try Glob(Glob.escape("we*ird[1].json")).matches("we*ird[1].json"))
  }
}
