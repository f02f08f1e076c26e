import Foundation
import Testing

@_spi(Internals) @testable import PHIScan

/// Reports, baselines and standard output that cannot be written in full (DESIGN.md 3,
/// "Writing files"): exit 2, a message naming the file and the system's reason, the
/// earlier file intact and no temporary file left. Run through the real binary, under a
/// shell where a redirection or `ulimit -f` is needed.
@Suite struct CLIWriteTests {
  typealias CLI = CLIExitCodeTests

  static let formats = ["sarif", "json", "text"]

  /// `script` run by /bin/sh in `dir`, with `$PHI` set to the binary.
  static func shell(_ script: String, in dir: URL) throws -> CLI.Run {
    try CLI.run(["-c", script], in: dir, executable: "/bin/sh", environment: ["PHI": CLI.binary.path])
  }

  static func names(in dir: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
  }

  /// /dev/full is the full-disk device. An old phi-scan (or anything that writes a file
  /// atomically) can replace it with a regular file; the tests that need it then skip
  /// rather than write into /dev.
  static let hasFullDevice: Bool = {
    var status = stat()
    return stat("/dev/full", &status) == 0 && (status.st_mode & S_IFMT) == S_IFCHR
  }()

  @Test(.enabled(if: hasFullDevice), arguments: formats)
  func aFullDeviceFailsEachFormat(format: String) throws {
    let dir = try CLI.directory(["s/a.json": CLI.positive])
    let run = try CLI.run(["scan", "s", "-f", format, "-o", "/dev/full"], in: dir)
    #expect(run.status == 2)
    #expect(run.stderr.contains("phi-scan: cannot write /dev/full: No space left on device"))
  }

  @Test(.enabled(if: hasFullDevice)) func aFullDeviceFailsTheBaseline() throws {
    let dir = try CLI.directory(["s/a.json": CLI.positive])
    let run = try CLI.run(["scan", "s", "--write-baseline", "/dev/full"], in: dir)
    #expect(run.status == 2)
    #expect(run.stderr.contains("phi-scan: cannot write /dev/full: No space left on device"))
    #expect(!run.stderr.contains("recorded"))
  }

  @Test(.enabled(if: hasFullDevice)) func aFullStandardOutputFails() throws {
    let dir = try CLI.directory(["s/a.json": CLI.positive])
    for format in Self.formats {
      let run = try Self.shell("\"$PHI\" scan s -f \(format) > /dev/full", in: dir)
      #expect(run.status == 2, "\(format)")
      #expect(run.stderr.contains("phi-scan: cannot write standard output: No space left on device"), "\(format)")
    }
    // Clean input too: exit 2, not 0, when the report did not arrive.
    let clean = try CLI.directory(["s/a.json": CLI.describing])
    #expect(try Self.shell("\"$PHI\" scan s > /dev/full", in: clean).status == 2)
    #expect(try Self.shell("\"$PHI\" rules > /dev/full", in: clean).status == 2)
  }

  /// A file-size limit is an error (EFBIG), not death by SIGXFSZ; the earlier report stays
  /// and no temporary file is left.
  @Test(arguments: formats + ["baseline"])
  func aFileSizeLimitFailsAndKeepsTheEarlierFile(format: String) throws {
    let dir = try CLI.directory(["s/a.json": CLI.positive, "out/report": "earlier report\n"])
    let write = format == "baseline" ? "--write-baseline out/report" : "-f \(format) -o out/report"
    let run = try Self.shell("ulimit -f 0 && exec \"$PHI\" scan s \(write)", in: dir)
    #expect(run.status == 2, "\(format): \(run.stderr)")
    #expect(run.stderr.contains("phi-scan: cannot write out/report: File too large"), "\(format): \(run.stderr)")
    #expect(run.stderr.contains("an earlier out/report, if any, is unchanged"))
    #expect(try String(contentsOf: dir.appendingPathComponent("out/report"), encoding: .utf8) == "earlier report\n")
    #expect(try Self.names(in: dir.appendingPathComponent("out")) == ["report"])
  }

  @Test func aMissingDirectoryIsNamedAndOtherReportsAreStillWritten() throws {
    let dir = try CLI.directory(["s/a.json": CLI.positive])
    let run = try CLI.run(["scan", "s", "-f", "sarif", "-o", "no/such/r.sarif", "-f", "json", "-o", "r.json"], in: dir)
    #expect(run.status == 2)
    #expect(
      run.stderr.contains(
        "phi-scan: cannot write no/such/r.sarif: cannot create a temporary file in no/such: No such file or directory"))
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("r.json").path))
  }

  @Test func aSuccessfulWriteReplacesTheFileAndLeavesNothingElse() throws {
    let dir = try CLI.directory(["s/a.json": CLI.positive, "out/r.sarif": "earlier"])
    let run = try CLI.run(["scan", "s", "-f", "sarif", "-o", "out/r.sarif", "--write-baseline", "out/b.json"], in: dir)
    #expect(run.status == 0)
    #expect(try Self.names(in: dir.appendingPathComponent("out")) == ["b.json", "r.sarif"])
    #expect(
      try String(contentsOf: dir.appendingPathComponent("out/r.sarif"), encoding: .utf8).hasPrefix("{\"$schema\""))
    // The baseline goes through the same writer: a device is written in place.
    #expect(try CLI.run(["scan", "s", "--write-baseline", "/dev/null"], in: dir).status == 0)
  }

  /// SIGINT and SIGTERM during a scan: exit 130 and 143, nothing left behind. The scan
  /// reads standard input, which stays open, so the signal always comes mid-scan; the
  /// signal is sent once /proc shows the handlers installed, so no timing is involved.
  @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/status")), arguments: [SIGINT, SIGTERM])
  func aSignalMidScanExitsWithItsStatus(signal: Int32) throws {
    let dir = try CLI.directory(["s/a.json": CLI.positive])
    let process = Process()
    process.executableURL = CLI.binary
    process.arguments = ["scan", "s", "-", "-f", "sarif", "-o", "r.sarif"]
    process.currentDirectoryURL = dir
    let input = Pipe()
    process.standardInput = input
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    while process.isRunning && !Self.catches([SIGINT, SIGTERM], pid: process.processIdentifier) {
      usleep(1000)  // polling for a state, not timing it
    }
    kill(process.processIdentifier, signal)
    // A handler that is not async-signal-safe can deadlock (on malloc's lock, say) and
    // never exit: stop it after a minute and fail, rather than hang the suite.
    var waited = 0
    while process.isRunning && waited < 60_000 {
      usleep(1000)
      waited += 1
    }
    let hung = process.isRunning
    if hung { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    try? input.fileHandleForWriting.close()
    #expect(!hung, "phi-scan did not exit after signal \(signal): its handler is stuck")
    #expect(process.terminationReason == .exit && process.terminationStatus == [SIGINT: 130, SIGTERM: 143][signal])
    #expect(try Self.names(in: dir) == ["s"])
  }

  /// True when the process has handlers for all of `signals` (SigCgt in /proc).
  static func catches(_ signals: [Int32], pid: Int32) -> Bool {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("SigCgt:") }),
      let mask = UInt64(line.dropFirst("SigCgt:".count).trimmingCharacters(in: .whitespaces), radix: 16)
    else { return false }
    return signals.allSatisfy { mask & (1 << UInt64($0 - 1)) != 0 }
  }

  /// Files whose names break naive URIs: SARIF names them by URIs that decode back to the
  /// JSON report's paths, and the validator accepts the SARIF.
  @Test func unusualFileNamesSurviveTheRoundTrip() throws {
    let names = ["a b#c%d.json", "q?x.json", "new\nline.json", "tab\there.json", "naïve 日本.json", "[x].json"]
    var files: [String: String] = [:]
    for name in names { files["sp/\(name)"] = CLI.positive }
    let dir = try CLI.directory(files)
    let run = try CLI.run(["scan", "sp", "-f", "sarif", "-o", "r.sarif", "-f", "json", "-o", "r.json"], in: dir)
    #expect(run.status == 1, "\(run.stderr)")
    let sarif = try ReportDetailsTests.sarifRun(
      String(contentsOf: dir.appendingPathComponent("r.sarif"), encoding: .utf8))
    let uris = ((sarif["results"] as? [[String: Any]]) ?? []).compactMap { result in
      (((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"]
        as? [String: Any])?["uri"] as? String
    }
    let json = try ReportDetailsTests.json(String(contentsOf: dir.appendingPathComponent("r.json"), encoding: .utf8))
    let paths = ((json["findings"] as? [[String: Any]]) ?? []).compactMap { $0["file"] as? String }
    #expect(paths.sorted() == names.map { "sp/\($0)" }.sorted())
    #expect(uris.map { ArtifactURI.decode($0) } == paths)
    #expect(uris.allSatisfy { !$0.contains(" ") && !$0.contains("#") && !$0.contains("\n") && !$0.contains("?") })
    if let validator = Self.validator {
      let check = try CLI.run([validator, dir.appendingPathComponent("r.sarif").path], executable: "/usr/bin/env")
      #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }
  }

  /// ../shared/tools/validate-sarif beside the repository, when it is there and can run.
  static let validator: String? = {
    let path = Fixtures.url("../shared/tools/validate-sarif").standardizedFileURL.path
    guard FileManager.default.isExecutableFile(atPath: path),
      (try? CLI.run(["python3", "-c", "import jsonschema"], executable: "/usr/bin/env").status) == 0
    else { return nil }
    return path
  }()
}
