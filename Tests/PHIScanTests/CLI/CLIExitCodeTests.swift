import Foundation
import Testing

/// Runs the built `phi-scan` binary: exit codes and flag wiring (DESIGN.md 3).
@Suite struct CLIExitCodeTests {
  /// The binary sits next to the test bundle in the build directory.
  static let binary: URL = {
    let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
      "phi-scan")
    if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
    return Fixtures.url(".build/debug/phi-scan")
  }()

  struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  static func run(
    _ arguments: [String], in directory: URL? = nil, executable: String? = nil, environment: [String: String] = [:]
  ) throws -> Run {
    let process = Process()
    if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
    process.executableURL = executable.map { URL(fileURLWithPath: $0) } ?? binary
    process.arguments = arguments
    process.currentDirectoryURL = directory ?? Fixtures.repositoryRoot
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  /// A fresh directory with the given files.
  static func directory(_ files: [String: String]) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("phi-scan-cli-\(UUID().uuidString)")
    for (name, text) in files {
      let url = dir.appendingPathComponent(name)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return dir
  }

  static let positive = #"{"type": "object", "properties": {"member": {"const": "512-43-8876"}}}"#
  static let describing =
    #"{"type": "object", "properties": {"ssn": {"type": "string", "pattern": "^\\d{3}-\\d{2}-\\d{4}$"}}}"#

  @Test func cleanInputExitsZero() throws {
    let dir = try Self.directory(["a.json": Self.describing])
    let run = try Self.run(["scan", dir.path])
    #expect(run.status == 0)
    #expect(run.stdout.contains("0 findings"))
  }

  @Test func findingsExitOne() throws {
    let dir = try Self.directory(["a.json": Self.positive])
    let run = try Self.run(["scan", "a.json"], in: dir)
    #expect(run.status == 1)
    #expect(run.stdout.contains("a.json:1:55  error  us-ssn  ssn  const  /properties/member/const"))
    #expect(!run.stdout.contains("512-43-8876"))
  }

  @Test func failOnNeverExitsZeroWithFindings() throws {
    let dir = try Self.directory(["a.json": Self.positive])
    #expect(try Self.run(["scan", "--fail-on", "never", dir.path]).status == 0)
    #expect(try Self.run(["scan", "--fail-on", "warning", dir.path]).status == 1)
  }

  /// Notes (a placeholder SSN) stay out of reports unless asked for; `--fail-on note`
  /// keeps its meaning, so it shows them and fails on them; `--min-level error` hides
  /// warnings from the report and from the exit code's view alike.
  @Test func minimumLevelDecidesWhatReportsShow() throws {
    let placeholder =
      #"{"type": "object", "properties": {"ssn": {"const": "078-05-1120"}, "x": {"default": "617-239-8841"}}}"#
    let dir = try Self.directory(["a.json": placeholder])
    let quiet = try Self.run(["scan", "a.json"], in: dir)
    #expect(quiet.status == 0 && quiet.stdout.contains("warning  phone-nanp") && !quiet.stdout.contains("note "))
    let notes = try Self.run(["scan", "a.json", "--min-level", "note"], in: dir)
    #expect(notes.status == 0 && notes.stdout.contains("note  us-ssn"))
    let failing = try Self.run(["scan", "a.json", "--fail-on", "note"], in: dir)
    #expect(failing.status == 1 && failing.stdout.contains("note  us-ssn"))
    let errorsOnly = try Self.run(["scan", "a.json", "--min-level", "error", "--fail-on", "warning"], in: dir)
    #expect(errorsOnly.status == 0 && errorsOnly.stdout.contains("0 findings"))
    let configured = try Self.directory(["a.json": placeholder, ".phi-scan.yml": "min-level: note\n"])
    #expect(try Self.run(["scan", "a.json"], in: configured).stdout.contains("note  us-ssn"))
    #expect(try Self.run(["scan", "a.json", "--min-level", "loud"], in: dir).status == 2)
  }

  @Test func brokenFileExitsTwoAndOthersAreStillScanned() throws {
    let dir = try Self.directory([
      "a.json": Self.positive, "b.json": "{\"type\": ",
      "c.yaml": "type: object\nproperties:\n  x:\n    default: 329-51-7784\n",
    ])
    let output = dir.appendingPathComponent("r.sarif")
    let run = try Self.run(["scan", ".", "--strict", "--format", "sarif", "--output", output.path], in: dir)
    #expect(run.status == 2)
    #expect(run.stderr.contains("b.json:1:10"))
    let sarif = try String(contentsOf: output, encoding: .utf8)
    #expect(sarif.contains("/properties/member/const"))
    #expect(sarif.contains("/properties/x/default"))
    #expect(sarif.contains("\"executionSuccessful\":false"))
    #expect(!sarif.contains("512-43-8876") && !sarif.contains("329-51-7784"))
  }

  @Test func missingPathExitsTwo() throws {
    let run = try Self.run(["scan", "/nonexistent/phi-scan-input"])
    #expect(run.status == 2)
    #expect(run.stderr.contains("no such file or directory"))
  }

  @Test func usageErrorsExitTwo() throws {
    #expect(try Self.run(["scan", "--format", "pdf", "."]).status == 2)
    #expect(try Self.run(["scan", "--no-such-flag", "."]).status == 2)
    #expect(try Self.run(["scan"]).status == 2)
  }

  @Test func helpExitsZero() throws {
    let run = try Self.run(["scan", "--help"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("--format"))
  }

  @Test func explicitFilesAreScannedWhateverTheirExtension() throws {
    let dir = try Self.directory(["schema.txt": Self.positive, "ignored.txt": Self.positive])
    #expect(try Self.run(["scan", "schema.txt"], in: dir).status == 1)
    #expect(try Self.run(["scan", "."], in: dir).status == 0)
  }

  @Test func reportPathsAreRelativeAndForwardSlashed() throws {
    let dir = try Self.directory(["sub/dir/a.json": Self.positive])
    let run = try Self.run(["scan", "--format", "sarif", "sub"], in: dir)
    #expect(run.stdout.contains("\"uri\":\"sub/dir/a.json\""))
    let outside = try Self.run([
      "scan", "--format", "sarif", "--root", "/nonexistent-root", dir.appendingPathComponent("sub").path,
    ])
    #expect(outside.stdout.contains("\"uri\":\"dir/a.json\""))
  }
}
