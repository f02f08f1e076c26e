import Foundation
import Testing

/// Report flags of `phi-scan scan`: several formats per run, --reveal, --automation-id,
/// every --fail-on level, byte-identical reruns.
@Suite struct CLIReportTests {
  typealias CLI = CLIExitCodeTests

  @Test func severalFormatsInOneRun() throws {
    let dir = try CLI.directory(["a.json": CLI.positive])
    let run = try CLI.run(
      ["scan", ".", "--format", "sarif", "--output", "r.sarif", "-f", "json", "-o", "r.json", "-f", "text"], in: dir)
    #expect(run.status == 1)
    #expect(run.stdout.contains("a.json:1:55  error  us-ssn"))
    let sarif = try String(contentsOf: dir.appendingPathComponent("r.sarif"), encoding: .utf8)
    #expect(sarif.hasPrefix("{\"$schema\""))
    let json = try String(contentsOf: dir.appendingPathComponent("r.json"), encoding: .utf8)
    #expect(json.contains("\"format\":\"phi-scan-report\""))
    for report in [sarif, json, run.stdout] { #expect(!report.contains("512-43-8876")) }
  }

  @Test func aTextReportFileListsTheDiagnosticsStdoutLeavesThemToStderr() throws {
    let dir = try CLI.directory(["a.json": CLI.positive, "b.json": "{\"type\": "])
    let out = try CLI.directory([:])
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    let file = out.appendingPathComponent("r.txt")
    let run = try CLI.run(["scan", ".", "--strict", "-f", "text", "-o", file.path, "-f", "text"], in: dir)
    #expect(run.status == 2)
    let report = try String(contentsOf: file, encoding: .utf8)
    #expect(report.contains("error: b.json:1:10: "))
    #expect(!run.stdout.contains("error: b.json"))
    #expect(run.stderr.contains("error: b.json:1:10: "))
  }

  @Test func mismatchedFormatAndOutputPairsAreUsageErrors() throws {
    let dir = try CLI.directory(["a.json": CLI.positive])
    let tooManyOutputs = try CLI.run(["scan", ".", "-f", "json", "-o", "a.out", "-o", "b.out"], in: dir)
    #expect(tooManyOutputs.status == 2)
    #expect(tooManyOutputs.stderr.contains("--output"))
    #expect(try CLI.run(["scan", ".", "-f", "json", "-f", "sarif", "-f", "text", "-o", "a.out"], in: dir).status == 2)
    #expect(try CLI.run(["scan", ".", "-f", "json", "-f", "sarif", "-o", "a.out", "-o", "a.out"], in: dir).status == 2)
  }

  @Test func revealShowsValuesInTextAndJSONButIsRefusedWithSARIF() throws {
    let dir = try CLI.directory(["a.json": CLI.positive])
    let text = try CLI.run(["scan", ".", "--reveal"], in: dir)
    #expect(text.status == 1)
    #expect(text.stdout.contains("value: 512-43-8876"))
    let json = try CLI.run(["scan", ".", "--reveal", "-f", "json"], in: dir)
    #expect(json.stdout.contains("\"value\":\"512-43-8876\""))
    let sarif = try CLI.run(["scan", ".", "--reveal", "-f", "text", "-f", "sarif", "-o", "r.sarif"], in: dir)
    #expect(sarif.status == 2)
    #expect(sarif.stderr.contains("--reveal cannot be used with --format sarif"))
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("r.sarif").path))
  }

  @Test func automationIDReachesTheSARIF() throws {
    let dir = try CLI.directory(["a.json": CLI.positive])
    let run = try CLI.run(["scan", ".", "-f", "sarif", "--automation-id", "phi-scan/schemas"], in: dir)
    #expect(run.stdout.contains("\"automationDetails\":{\"id\":\"phi-scan/schemas\"}"))
    #expect(try CLI.run(["scan", ".", "-f", "sarif", "--automation-id", " "], in: dir).status == 2)
  }

  /// One error, one warning-free note (a placeholder SSN) and nothing else.
  @Test func failOnLevels() throws {
    let note = #"{"type": "object", "properties": {"a": {"const": "078-05-1120"}}}"#
    let noteOnly = try CLI.directory(["a.json": note])
    let withError = try CLI.directory(["a.json": note, "b.json": CLI.positive])
    let clean = try CLI.directory(["a.json": CLI.describing])
    let expected: [(String, URL, Int32)] = [
      ("error", noteOnly, 0), ("warning", noteOnly, 0), ("note", noteOnly, 1), ("never", noteOnly, 0),
      ("error", withError, 1), ("warning", withError, 1), ("note", withError, 1), ("never", withError, 0),
      ("error", clean, 0), ("warning", clean, 0), ("note", clean, 0), ("never", clean, 0),
    ]
    for (level, dir, status) in expected {
      let run = try CLI.run(["scan", ".", "--fail-on", level], in: dir)
      #expect(run.status == status, "--fail-on \(level) in \(dir.lastPathComponent)")
    }
    #expect(try CLI.run(["scan", ".", "--fail-on"], in: clean).status == 2)
    #expect(try CLI.run(["scan", ".", "--fail-on", "critical"], in: clean).status == 2)
    // A discovered file that does not parse is a warning: --fail-on never exits 0. Strict,
    // or named, it is an input error, which wins over findings: exit 2 even then.
    let broken = try CLI.directory(["a.json": CLI.positive, "b.json": "{"])
    #expect(try CLI.run(["scan", ".", "--fail-on", "never"], in: broken).status == 0)
    #expect(try CLI.run(["scan", ".", "--fail-on", "never", "--strict"], in: broken).status == 2)
    #expect(try CLI.run(["scan", "a.json", "b.json", "--fail-on", "never"], in: broken).status == 2)
  }

  @Test func twoRunsWriteByteIdenticalReports() throws {
    let dir = try CLI.directory([
      "a.json": CLI.positive, "b.yaml": "type: object\nproperties:\n  x:\n    default: 329-51-7784\n",
      "c.json": "{\"type\": ",
      "d/e.jsonl": "{\"type\":\"object\",\"properties\":{\"a\":{\"const\":\"078-05-1120\"}}}\n",
    ])
    let out = try CLI.directory([:])
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    for format in ["sarif", "json", "text"] {
      _ = try CLI.run(["scan", ".", "-f", format, "-o", out.appendingPathComponent("one.\(format)").path], in: dir)
      _ = try CLI.run(["scan", ".", "-f", format, "-o", out.appendingPathComponent("two.\(format)").path], in: dir)
      let one = try Data(contentsOf: out.appendingPathComponent("one.\(format)"))
      let two = try Data(contentsOf: out.appendingPathComponent("two.\(format)"))
      #expect(!one.isEmpty && one == two, "\(format) differs between runs")
    }
  }

  /// `script` (util-linux) gives the binary a pseudo-terminal.
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
  func colorsOnATerminalUnlessNoColor() throws {
    let dir = try CLI.directory(["a.json": CLI.positive])
    let command = "\(CLI.binary.path) scan a.json"
    let colored = try CLI.run(
      ["-c", "env -u NO_COLOR TERM=xterm script -qec '\(command)' /dev/null"], in: dir, executable: "/bin/sh")
    #expect(colored.stdout.contains("\u{1B}[31;1merror"))
    let plain = try CLI.run(["-c", "NO_COLOR=1 script -qec '\(command)' /dev/null"], in: dir, executable: "/bin/sh")
    #expect(plain.stdout.contains("error  us-ssn") && !plain.stdout.contains("\u{1B}["))
  }

  /// Standard input named like a file on disk: the disk file holds other text, so a code
  /// frame from it could show an unmasked value. Frames come from the scanned bytes.
  @Test func standardInputFramesComeFromThePipedText() throws {
    let onDisk = #"{"type": "object", "properties": {"member": {"const": "ssn 329-51-7784 here"}}}"#
    let dir = try CLI.directory(["a.json": onDisk])
    let process = Process()
    process.executableURL = CLI.binary
    process.arguments = ["scan", "-", "--stdin-name", "a.json"]
    process.currentDirectoryURL = dir
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = Pipe()
    try process.run()
    input.fileHandleForWriting.write(Data(CLI.positive.utf8))
    try input.fileHandleForWriting.close()
    let stdout = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 1)
    #expect(stdout.contains("a.json:1:55  error  us-ssn"))
    // The frame is the piped text's own line, masked; never the file of that name.
    #expect(stdout.contains(#"  1 | …ct", "properties": {"member": {"const": [ssn, 11 chars]}}}"#))
    #expect(!stdout.contains("329-51-7784") && !stdout.contains("512-43-8876") && !stdout.contains("here"))
  }

  @Test func textOutsideATerminalHasNoColor() throws {
    let dir = try CLI.directory(["a.json": CLI.positive])
    #expect(!(try CLI.run(["scan", "."], in: dir).stdout.contains("\u{1B}[")))
  }
}
