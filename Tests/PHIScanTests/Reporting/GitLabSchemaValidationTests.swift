import Foundation
import Testing

/// The `gitlab` report of the whole corpus validated against GitLab's SAST report schema
/// (15.2.1; `Schemas/` holds the constraints on every member phi-scan writes, copied from
/// it) by Python's `jsonschema`, which the MCP test environment has (the MCP SDK depends
/// on it): `make test` creates it and names its interpreter in `PHI_SCAN_MCP_PYTHON`.
@Suite(.enabled(if: MCPTestPython.path != nil, "PHI_SCAN_MCP_PYTHON is not set: run the tests with make test"))
struct GitLabSchemaValidationTests {
  static let schema = "Tests/PHIScanTests/Reporting/Schemas/gitlab-sast-report-format-15.2.1.excerpt.json"

  /// The schema's verdict on `report`: nil when valid, else jsonschema's messages.
  static func validate(_ report: URL) throws -> String? {
    let check = """
      import json, sys, jsonschema
      schema = json.load(open(sys.argv[1]))
      jsonschema.Draft7Validator.check_schema(schema)
      errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in jsonschema.Draft7Validator(schema).iter_errors(json.load(open(sys.argv[2])))]
      print("\\n".join(errors[:5]) if errors else "valid")
      """
    let run = try CLIExitCodeTests.run(
      ["-c", check, Fixtures.url(schema).path, report.path], executable: MCPTestPython.path!)
    #expect(run.status == 0, "\(run.stderr)")
    let verdict = run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    return verdict == "valid" ? nil : verdict
  }

  @Test func theCorpusReportIsValid() throws {
    let out = try CLIExitCodeTests.directory([:])
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    let report = out.appendingPathComponent("gl-sast-report.json")
    let run = try CLIExitCodeTests.run([
      "scan", "corpus", "--strict", "--min-level", "note", "-f", "gitlab", "-o", report.path,
    ])
    #expect(run.status == 2, "corpus/malformed makes a strict run exit 2: \(run.stderr)")
    let text = try String(contentsOf: report, encoding: .utf8)
    #expect(text.contains(#""messages":[{"level":"warn""#), "input problems are scan messages")
    #expect(text.components(separatedBy: #""identifiers":"#).count > 500, "every corpus finding is a vulnerability")
    let verdict = try Self.validate(report)
    #expect(verdict == nil, "\(verdict ?? "")")
  }

  /// The check can fail: a report with a severity outside the schema's enum is refused.
  @Test func anInvalidReportIsRefused() throws {
    let dir = try CLIExitCodeTests.directory([
      "bad.json":
        #"{"scan":{"analyzer":{"id":"a","name":"a","version":"1","vendor":{"name":"a"}},"scanner":{"id":"a","name":"a","version":"1","vendor":{"name":"a"}},"start_time":"2026-01-01T00:00:00","end_time":"2026-01-01 00:00","status":"success","type":"sast"},"version":"15.2.1","vulnerabilities":[{"id":"x","identifiers":[],"location":{},"severity":"Severe"}]}"#
    ])
    let verdict = try Self.validate(dir.appendingPathComponent("bad.json"))
    #expect(verdict?.contains("end_time") == true)
    #expect(verdict?.contains("Severe") == true)
    #expect(verdict?.contains("identifiers") == true)
  }
}
