import Foundation
import Testing

@_spi(Internals) @testable import PHIScan

/// The allow list (with expiry) and the baseline, as pure functions over a result.
@Suite struct SuppressionTests {
  static func finding(_ pointer: String, file: String = "a.json", site: Site = .const) -> Finding {
    ReportDetailsTests.finding(pointer, site: site, file: file)
  }

  static func result(_ findings: [Finding]) throws -> ScanResult { try ReportDetailsTests.result(findings) }

  static let day = AllowList.Entry.Day("2026-06-15")!

  static func entry(_ yaml: String) throws -> AllowList.Entry {
    try #require(try ConfigFile.parse(Array("allow:\n\(yaml)".utf8), path: "c.yml").allow.first)
  }

  /// One file's findings through a one-entry allow list: what stays reported, what is
  /// allowed, and the notes about the entry.
  static func allow(_ yaml: String, _ findings: [Finding], today: AllowList.Entry.Day = day) throws -> (
    reported: [Finding], allowed: [Finding], diagnostics: [Diagnostic]
  ) {
    let list = AllowList(entries: [try Self.entry(yaml)], file: "c.yml", today: today)
    var tally = AllowList.Tally(entries: 1)
    let (reported, allowed) = list.split(findings, tally: &tally)
    return (reported, allowed, list.diagnostics(tally))
  }

  @Test func entriesMatchOnEveryGivenField() throws {
    var findings = [Self.finding("/properties/a/const"), Self.finding("/properties/b/enum/0", file: "docs/b.json")]
    findings[0].revealedValue = "078-05-1120"
    findings[1].revealedValue = "512-43-8876"
    func allowed(_ yaml: String) throws -> [String] { try Self.allow(yaml, findings).allowed.map(\.pointer.string) }
    #expect(try allowed("  - rule: us-ssn\n    reason: r\n") == ["/properties/a/const", "/properties/b/enum/0"])
    #expect(try allowed("  - path: docs/*\n    reason: r\n") == ["/properties/b/enum/0"])
    #expect(try allowed("  - pointer: /properties/*/const\n    reason: r\n") == ["/properties/a/const"])
    #expect(try allowed("  - value: '^078-05-1120$'\n    reason: r\n") == ["/properties/a/const"])
    #expect(try allowed("  - value: '^078'\n    path: docs/**\n    reason: r\n") == [])
  }

  @Test func anExpiredEntryStopsSuppressingAndSaysSo() throws {
    let findings = [Self.finding("/properties/a/const")]
    let yaml = "  - rule: us-ssn\n    reason: r\n    expires: 2026-06-14\n"
    let expired = try Self.allow(yaml, findings)
    #expect(expired.reported.count == 1 && expired.allowed.isEmpty)
    let warning = try #require(expired.diagnostics.first { $0.code == .allowExpired })
    #expect(warning.severity == .warning && warning.file == "c.yml" && warning.position?.line == 2)
    #expect(warning.message.contains("expired on 2026-06-14") && warning.message.contains("reported again"))
    // Through its expiry day it still suppresses.
    let lastDay = try Self.allow(yaml, findings, today: AllowList.Entry.Day("2026-06-14")!)
    #expect(lastDay.reported.isEmpty && lastDay.allowed.count == 1)
    #expect(lastDay.diagnostics.isEmpty)
  }

  @Test func unusedEntriesAreNoted() throws {
    let out = try Self.allow("  - path: nowhere/**\n    reason: r\n", [Self.finding("/properties/a/const")])
    #expect(out.reported.count == 1)
    #expect(out.diagnostics.map(\.code) == [.allowUnused])
  }

  /// The scanner matches `value` entries while it holds the values, and no value stays on
  /// a finding unless the scan reveals values.
  @Test func theScannerMatchesValuesAndKeepsNone() throws {
    let schema = #"{"properties": {"member_ssn": {"enum": ["512-43-8876", "431-85-2207"]}}}"#
    var configuration = ScanConfiguration(paths: [])
    configuration.allowList = AllowList(
      entries: [try Self.entry("  - value: '^512-'\n    reason: r\n")], file: "c.yml", today: Self.day)
    let result = try Scanner(configuration: configuration).scan(Array(schema.utf8), format: .json, reportPath: "a.json")
    #expect(result.suppressed.allowListed.map(\.pointer.string) == ["/properties/member_ssn/enum/0"])
    #expect(result.findings.map(\.pointer.string) == ["/properties/member_ssn/enum/1"])
    #expect(result.allFlagged.allSatisfy { $0.revealedValue == nil })
    #expect(!result.diagnostics.contains { $0.code == .allowUnused })
  }

  static let salt: [UInt8] = Array(0..<16)

  @Test func baselineRoundTrip() throws {
    let a = Self.finding("/properties/a/const")
    let b = Self.finding("/properties/b/const")
    let baseline = Baseline.record([a], flagged: [a], salt: Self.salt)
    let parsed = try Baseline.parse(Data(baseline.rendered().utf8), path: "b.json")
    #expect(parsed == baseline)
    var moved = a
    moved.range.start.line += 30  // reformatted or moved: same rule, file, pointer
    let applied = parsed.apply(to: try Self.result([moved, b]))
    #expect(applied.findings.map(\.pointer.string) == ["/properties/b/const"])
    #expect(applied.suppressed.baselined.count == 1)
    #expect(applied.suppressed.staleBaselineEntries.isEmpty)
    let fixed = parsed.apply(to: try Self.result([b]))
    #expect(fixed.suppressed.staleBaselineEntries.map(\.location) == ["/properties/a/const"])
  }

  @Test func baselineStoresNothingThatGivesAValueBack() throws {
    let name = Self.finding("/properties/jane_doe_1984", site: .propertyName)
    let inside = Self.finding("/properties/jane_doe_1984/properties/x/const")
    let text = Baseline.record([name, inside], flagged: [name, inside], salt: Self.salt).rendered()
    #expect(!text.contains("jane_doe_1984"))
    #expect(text.contains("\"location\" : \"/properties/*/properties/x/const\""))
    // Keys depend on the salt, so a table of hashed pointers is useless.
    let salted = Baseline(salt: Self.salt, entries: [])
    #expect(salted.key(for: name) != Baseline(salt: Array(repeating: 7, count: 16), entries: []).key(for: name))
    #expect(salted.key(for: name) != SHA256.hex("us-ssn\u{0}a.json\u{0}/properties/jane_doe_1984"))
    // A secret from outside the file changes every key and is needed to read it back.
    let secret = Array("org-secret".utf8)
    let keyed = Baseline.record([name], flagged: [name], salt: Self.salt, secret: secret)
    #expect(keyed.entries[0].key != salted.key(for: name))
    let text2 = keyed.rendered()
    #expect(!text2.contains("org-secret") && text2.contains("secretCheck"))
    #expect(try Baseline.parse(Data(text2.utf8), path: "b.json", secret: secret) == keyed)
    do {
      _ = try Baseline.parse(Data(text2.utf8), path: "b.json")
      Issue.record("a keyed baseline was read without its secret")
    } catch {
      #expect(error.description.contains("set PHI_SCAN_BASELINE_KEY"))
    }
    do {
      _ = try Baseline.parse(Data(text2.utf8), path: "b.json", secret: Array("wrong".utf8))
      Issue.record("a keyed baseline was read with a wrong secret")
    } catch {
      #expect(error.description.contains("is not the secret"))
    }
  }

  @Test(arguments: [
    ("not json", "not a phi-scan baseline"),
    (
      #"{"format": "other", "version": 1, "salt": "000102030405060708090a0b0c0d0e0f", "entries": []}"#,
      "'format' is 'other'"
    ),
    (
      #"{"format": "phi-scan-baseline", "version": 9, "salt": "000102030405060708090a0b0c0d0e0f", "entries": []}"#,
      "version 9 is not supported"
    ),
    (#"{"format": "phi-scan-baseline", "version": 1, "salt": "xyz", "entries": []}"#, "'salt' must be"),
    (
      #"{"format": "phi-scan-baseline", "version": 1, "salt": "000102030405060708090a0b0c0d0e0f"}"#, "missing 'entries'"
    ),
  ])
  func brokenBaselinesAreErrors(text: String, message: String) {
    #expect(throws: ConfigError.self) { try Baseline.parse(Data(text.utf8), path: "b.json") }
    do { _ = try Baseline.parse(Data(text.utf8), path: "b.json") } catch {
      #expect(error.description.contains(message), "\(error)")
    }
  }

  @Test func hmacKnownAnswer() {
    // RFC 4231 test case 2.
    let mac = SHA256.hmac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
    #expect(SHA256.hexString(mac) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
  }
}
