import Foundation
import Testing

/// The GitHub Action's scan step (`scripts/action/scan.sh`) run as the runner runs it:
/// inputs as environment variables, `GITHUB_OUTPUT`, `GITHUB_STEP_SUMMARY` and
/// `RUNNER_TEMP` as files, the built binary as `PHI_SCAN_BIN`.
@Suite struct ActionScriptTests {
  typealias CLI = CLIExitCodeTests

  struct Step {
    var status: Int32
    var stdout: String
    var outputs: String
    var summary: String
    var sarif: Data?
  }

  static func runStep(workspace: URL, inputs: [String: String]) throws -> Step {
    let runner = try CLI.directory([:])
    try FileManager.default.createDirectory(at: runner, withIntermediateDirectories: true)
    let output = runner.appendingPathComponent("output")
    let summary = runner.appendingPathComponent("summary.md")
    for file in [output, summary] { try Data().write(to: file) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["bash", Fixtures.url("scripts/action/scan.sh").path]
    process.currentDirectoryURL = workspace
    process.environment = [
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "PHI_SCAN_BIN": CLI.binary.path,
      "GITHUB_WORKSPACE": workspace.path, "GITHUB_OUTPUT": output.path, "GITHUB_STEP_SUMMARY": summary.path,
      "RUNNER_TEMP": runner.path,
    ].merging(inputs) { $1 }
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let sarif = FileManager.default.contents(
      atPath: workspace.appendingPathComponent(inputs["PHI_SCAN_SARIF"] ?? "phi-scan.sarif").path)
    return Step(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      outputs: try String(contentsOf: output, encoding: .utf8),
      summary: try String(contentsOf: summary, encoding: .utf8), sarif: sarif)
  }

  @Test func writesSARIFAnnotationsAndASummary() throws {
    let workspace = try CLI.directory([
      "schemas/a.json": CLI.positive, "dir with space/b.json": CLI.positive, "other/c.json": CLI.positive,
    ])
    let step = try Self.runStep(workspace: workspace, inputs: ["PHI_SCAN_PATHS": "schemas\n  dir with space  \n\n"])
    #expect(step.status == 1)
    #expect(step.outputs == "exit-code=1\n")
    let sarif = try #require(step.sarif)
    let log = try #require(try JSONSerialization.jsonObject(with: sarif) as? [String: Any])
    let results = try #require((log["runs"] as? [[String: Any]])?.first?["results"] as? [Any])
    #expect(results.count == 2, "a.json and b.json; other/ is not among the paths")
    let annotations = step.stdout.split(separator: "\n").filter { $0.hasPrefix("::error ") }
    #expect(annotations.count == 2)
    #expect(annotations.contains { $0.contains("file=dir with space/b.json,line=1,") })
    #expect(step.summary.hasPrefix("### phi-scan"))
    #expect(step.summary.utf8.count < 100_000)
    #expect(!step.stdout.contains("512-43-8876") && !step.summary.contains("512-43-8876"))
    let quiet = try Self.runStep(
      workspace: workspace,
      inputs: ["PHI_SCAN_PATHS": "schemas other", "PHI_SCAN_ANNOTATIONS": "false", "PHI_SCAN_FAIL_ON": "never"])
    #expect(quiet.status == 0)
    #expect(!quiet.stdout.contains("::error"))
  }

  @Test func aUsageErrorStillLeavesAValidSARIF() throws {
    let workspace = try CLI.directory(["a.json": CLI.positive])
    let step = try Self.runStep(
      workspace: workspace, inputs: ["PHI_SCAN_ARGS": "--no-such-flag", "PHI_SCAN_SARIF": "out/r.sarif"])
    #expect(step.status == 2)
    #expect(step.outputs == "exit-code=2\n")
    let sarif = try #require(step.sarif)
    let log = try #require(try JSONSerialization.jsonObject(with: sarif) as? [String: Any])
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    #expect((run["results"] as? [Any])?.isEmpty == true)
    #expect(((run["invocations"] as? [[String: Any]])?.first?["executionSuccessful"] as? Bool) == false)
    #expect(step.summary.contains("stopped with exit code 2"))
  }
}
