import Foundation
import Testing

/// Discovery and scheduling flags wired through the real binary.
@Suite struct CLIDiscoveryFlagsTests {
  static func run(_ arguments: [String], stdin: String, in directory: URL) throws -> CLIExitCodeTests.Run {
    let process = Process()
    process.executableURL = CLIExitCodeTests.binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let input = Pipe()
    let out = Pipe()
    let err = Pipe()
    process.standardInput = input
    process.standardOutput = out
    process.standardError = err
    try process.run()
    input.fileHandleForWriting.write(Data(stdin.utf8))
    try input.fileHandleForWriting.close()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLIExitCodeTests.Run(
      status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self))
  }

  @Test func dashReadsStandardInputUnderStdinName() throws {
    let dir = try CLIExitCodeTests.directory(["keep.txt": "x"])
    let run = try Self.run(
      ["scan", "-", "--stdin-name", "tools/request.json"], stdin: CLIExitCodeTests.positive, in: dir)
    #expect(run.status == 1)
    #expect(run.stdout.contains("tools/request.json:1:55  error  us-ssn"))
    #expect(!run.stdout.contains("512-43-8876"))
    let yaml = try Self.run(["scan", "-"], stdin: "type: object\nproperties:\n  x:\n    const: 329-51-7784\n", in: dir)
    #expect(yaml.status == 1)
    #expect(yaml.stdout.contains("stdin:4:12"))
  }

  @Test func jobsOneAndTwoWriteIdenticalSARIF() throws {
    var files: [String: String] = [:]
    for i in 0..<40 {
      files["d\(i % 5)/f\(i).json"] = i % 3 == 0 ? CLIExitCodeTests.positive : CLIExitCodeTests.describing
    }
    files["d0/broken.json"] = "{\"a\": ["
    let dir = try CLIExitCodeTests.directory(files)
    let one = try CLIExitCodeTests.run(
      ["scan", ".", "--strict", "--format", "sarif", "--jobs", "1", "--quiet"], in: dir)
    let two = try CLIExitCodeTests.run(["scan", ".", "--strict", "--format", "sarif", "-j", "2"], in: dir)
    #expect(one.status == 2 && two.status == 2)
    #expect(one.stdout == two.stdout)
    #expect(one.stdout.contains("d0/broken.json"))
    // No terminal: no progress bar on stderr.
    #expect(!two.stderr.contains("files"))
  }

  @Test func shardsTogetherCoverTheTreeAndNameTheirUpload() throws {
    var files: [String: String] = [:]
    for i in 0..<30 { files["s/f\(i).json"] = CLIExitCodeTests.positive }
    let dir = try CLIExitCodeTests.directory(files)
    var total = 0
    for i in 1...3 {
      let run = try CLIExitCodeTests.run(["scan", ".", "--format", "sarif", "--shard", "\(i)/3"], in: dir)
      #expect(run.stdout.contains(#""automationDetails":{"id":"phi-scan/shard-\#(i)-of-3/"}"#))
      total += run.stdout.components(separatedBy: #""ruleId""#).count - 1
    }
    #expect(total == 30)
  }

  @Test func badFlagValuesAreUsageErrors() throws {
    let dir = try CLIExitCodeTests.directory(["a.json": "{}"])
    for arguments in [["--shard", "3/2"], ["--max-file-size", "huge"], ["--jobs", "0"], ["--exclude", "[oops"]] {
      let run = try CLIExitCodeTests.run(["scan", "."] + arguments, in: dir)
      #expect(run.status == 2, "\(arguments)")
      #expect(run.stderr.contains(arguments[0]), "\(arguments)")
    }
  }

  @Test func ignoreHiddenAndSizeFlags() throws {
    let dir = try CLIExitCodeTests.directory([
      ".gitignore": "ignored/\n", "ignored/a.json": CLIExitCodeTests.positive,
      ".hidden/b.json": CLIExitCodeTests.positive,
      "big.json": CLIExitCodeTests.positive + String(repeating: " ", count: 4096),
    ])
    let plain = try CLIExitCodeTests.run(["scan", ".", "--max-file-size", "1K"], in: dir)
    #expect(plain.status == 0)
    #expect(plain.stderr.contains("big.json: skipped"))
    let everything = try CLIExitCodeTests.run(
      ["scan", ".", "--no-ignore", "--hidden", "--exclude", "big.json"], in: dir)
    #expect(everything.status == 1)
    #expect(everything.stdout.contains("ignored/a.json") && everything.stdout.contains(".hidden/b.json"))
    #expect(!everything.stdout.contains("big.json"))
  }
}
