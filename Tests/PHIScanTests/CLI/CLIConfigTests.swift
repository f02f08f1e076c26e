import Foundation
import Testing

/// The config file, the baseline, `rules`, `explain` and `--patterns`, end to end.
@Suite struct CLIConfigTests {
  typealias CLI = CLIExitCodeTests

  @Test func configAtTheRootIsFoundAndUsed() throws {
    let dir = try CLI.directory(["a.json": CLI.positive, ".phi-scan.yml": "rules:\n  us-ssn: note\n"])
    #expect(try CLI.run(["scan", "."], in: dir).status == 0)
    #expect(try CLI.run(["scan", ".", "--fail-on", "note"], in: dir).status == 1)
    // --config replaces the one at the root.
    try "allow:\n  - path: other.json\n    reason: r\n".write(
      to: dir.appendingPathComponent("c.yml"), atomically: true, encoding: .utf8)
    #expect(try CLI.run(["scan", "a.json", "--config", "c.yml"], in: dir).status == 1)
  }

  @Test func configErrorsExitTwoNamingKeyAndLine() throws {
    let dir = try CLI.directory(["a.json": CLI.positive, ".phi-scan.yml": "rules:\n  us-ssn: warning\nfail: never\n"])
    let run = try CLI.run(["scan", "."], in: dir)
    #expect(run.status == 2)
    #expect(run.stderr.contains(".phi-scan.yml:3:1: 'fail': unknown key"))
    #expect(run.stdout.isEmpty)
    #expect(try CLI.run(["scan", ".", "--config", "missing.yml"], in: dir).status == 2)
  }

  @Test func includeExcludeAndSites() throws {
    let dir = try CLI.directory([
      "schemas/a.json": CLI.positive, "fixtures/b.json": CLI.positive, "c.json": "{\"type\": ",
      ".phi-scan.yml": "include: [\"schemas/**\", \"fixtures/**\"]\nexclude: [fixtures]\n",
    ])
    let run = try CLI.run(["scan", ".", "-f", "json"], in: dir)
    #expect(run.status == 1, "c.json is not included, so its syntax error does not count")
    #expect(run.stdout.contains("schemas/a.json") && !run.stdout.contains("fixtures/b.json"))
    try "sites: [enum]\n".write(to: dir.appendingPathComponent(".phi-scan.yml"), atomically: true, encoding: .utf8)
    #expect(try CLI.run(["scan", "schemas"], in: dir).status == 0)
  }

  @Test func allowListWithExpiry() throws {
    let allow = "allow:\n  - pointer: /properties/member/const\n    reason: demo value\n    expires: "
    let dir = try CLI.directory(["a.json": CLI.positive, ".phi-scan.yml": allow + "2999-01-01\n"])
    let active = try CLI.run(["scan", "."], in: dir)
    #expect(active.status == 0)
    #expect(active.stdout.contains("1 allowed by the config file"))
    try (allow + "2001-01-01\n").write(
      to: dir.appendingPathComponent(".phi-scan.yml"), atomically: true, encoding: .utf8)
    let expired = try CLI.run(["scan", "."], in: dir)
    #expect(expired.status == 1)
    #expect(expired.stderr.contains("warning: .phi-scan.yml:2:5: allow entry expired on 2001-01-01"))
  }

  @Test func baselineRoundTrip() throws {
    let dir = try CLI.directory(["s/a.json": CLI.positive])
    let write = try CLI.run(["scan", "s", "--write-baseline", "baseline.json"], in: dir)
    #expect(write.status == 0)
    let baseline = try String(contentsOf: dir.appendingPathComponent("baseline.json"), encoding: .utf8)
    #expect(!baseline.contains("512-43-8876"))
    #expect(try CLI.run(["scan", "s", "--baseline", "baseline.json"], in: dir).status == 0)
    // Reformatted: same findings on other lines.
    let pretty =
      "{\n  \"type\": \"object\",\n\n  \"properties\": {\n    \"member\": {\n      \"const\": \"512-43-8876\"\n    }\n  }\n}\n"
    try pretty.write(to: dir.appendingPathComponent("s/a.json"), atomically: true, encoding: .utf8)
    #expect(try CLI.run(["scan", "s", "--baseline", "baseline.json"], in: dir).status == 0)
    // A new finding.
    let added = pretty.replacingOccurrences(
      of: "\"member\": {", with: "\"other\": {\"default\": \"329-51-7784\"},\n    \"member\": {")
    try added.write(to: dir.appendingPathComponent("s/a.json"), atomically: true, encoding: .utf8)
    let run = try CLI.run(["scan", "s", "--baseline", "baseline.json"], in: dir)
    #expect(run.status == 1)
    #expect(run.stdout.contains("/properties/other/default") && !run.stdout.contains("/properties/member/const"))
    // The old finding fixed: its entry is listed as stale.
    try "{\"type\": \"object\"}".write(to: dir.appendingPathComponent("s/a.json"), atomically: true, encoding: .utf8)
    let stale = try CLI.run(["scan", "s", "--baseline", "baseline.json"], in: dir)
    #expect(stale.status == 0)
    #expect(stale.stderr.contains("stale entry: rule us-ssn in s/a.json at /properties/member/const"))
    // Rewriting keeps the salt, so unchanged entries keep their keys.
    try pretty.write(to: dir.appendingPathComponent("s/a.json"), atomically: true, encoding: .utf8)
    _ = try CLI.run(["scan", "s", "--write-baseline", "baseline.json"], in: dir)
    #expect(try String(contentsOf: dir.appendingPathComponent("baseline.json"), encoding: .utf8) == baseline)
    #expect(try CLI.run(["scan", "s", "--baseline", "missing.json"], in: dir).status == 2)
  }

  @Test func baselineKeyedWithASecretFromTheEnvironment() throws {
    let dir = try CLI.directory(["s/a.json": CLI.positive])
    let secret = ["PHI_SCAN_BASELINE_KEY": "team-secret-1"]
    #expect(try CLI.run(["scan", "s", "--write-baseline", "b.json"], in: dir, environment: secret).status == 0)
    #expect(try CLI.run(["scan", "s", "--baseline", "b.json"], in: dir, environment: secret).status == 0)
    let missing = try CLI.run(
      ["scan", "s", "--baseline", "b.json"], in: dir, environment: ["PHI_SCAN_BASELINE_KEY": ""])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("set PHI_SCAN_BASELINE_KEY"))
    #expect(
      try CLI.run(["scan", "s", "--baseline", "b.json"], in: dir, environment: ["PHI_SCAN_BASELINE_KEY": "other"])
        .status == 2)
    // Rewriting it without the secret is refused rather than dropping the key.
    #expect(
      try CLI.run(["scan", "s", "--write-baseline", "b.json"], in: dir, environment: ["PHI_SCAN_BASELINE_KEY": ""])
        .status == 2)
  }

  @Test func rulesAndExplain() throws {
    let rules = try CLI.run(["rules"])
    #expect(rules.status == 0)
    #expect(rules.stdout.hasPrefix("ID"))
    #expect(rules.stdout.contains("us-ssn") && rules.stdout.contains("us-identifiers"))
    let json = try CLI.run(["rules", "--format", "json"])
    let list = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    let ssn = try #require(list.first { $0["id"] as? String == "us-ssn" })
    #expect(ssn["category"] as? String == "ssn" && ssn["pack"] as? String == "us-identifiers")
    #expect((ssn["sites"] as? [String])?.contains("const") == true)
    // The config file's choices show: a level changed, a rule switched off.
    let dir = try CLI.directory([".phi-scan.yml": "rules:\n  us-ssn: note\n  us-itin: off\n"])
    let configured = try CLI.run(["rules"], in: dir).stdout
    #expect(!configured.isEmpty && !configured.split(separator: "\n").contains { $0.hasPrefix("us-itin ") })
    #expect(configured.split(separator: "\n").contains { $0.hasPrefix("us-ssn ") && $0.contains(" note ") })
    let explain = try CLI.run(["explain", "us-ssn"])
    #expect(explain.status == 0)
    #expect(explain.stdout.contains("How to fix:") && explain.stdout.contains("Examples (synthetic) that are flagged:"))
    let unknown = try CLI.run(["explain", "ssn"])
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("did you mean us-ssn"))
  }

  @Test func userPacks() throws {
    let pack = try Fixtures.text("Tests/PHIScanTests/Config/Fixtures/packs/team.yaml")
    let dir = try CLI.directory([
      "packs/team.yaml": pack, "s/a.json": #"{"type": "object", "properties": {"m": {"enum": ["TM-482913"]}}}"#,
    ])
    #expect(try CLI.run(["scan", "s"], in: dir).status == 0)
    let run = try CLI.run(["scan", "s", "--patterns", "packs"], in: dir)
    #expect(run.status == 1)
    #expect(run.stdout.contains("team-member-id"))
    #expect(try CLI.run(["rules", "--patterns", "packs"], in: dir).stdout.contains("team-member-id"))
    // A user rule may not take a built-in id.
    let clash = pack.replacingOccurrences(of: "id: team-member-id", with: "id: us-ssn")
    let clashing = try CLI.directory(["packs/team.yaml": clash, "a.json": CLI.positive])
    let refused = try CLI.run(["scan", "a.json", "--patterns", "packs"], in: clashing)
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("rule id us-ssn is defined in more than one pack"))
    #expect(try CLI.run(["scan", "a.json", "--patterns", "nowhere"], in: clashing).status == 2)
    // A user rule's examples run at load time.
    let wrong = pack.replacingOccurrences(of: "        - TM-12\n", with: "        - TM-12\n        - TM-654321\n")
    let wrongExamples = try CLI.directory(["packs/team.yaml": wrong, "a.json": CLI.positive])
    let failed = try CLI.run(["scan", "a.json", "--patterns", "packs"], in: wrongExamples)
    #expect(failed.status == 2)
    #expect(failed.stderr.contains("'TM-654321' is listed under noMatch but the rule flags it"))
  }
}
