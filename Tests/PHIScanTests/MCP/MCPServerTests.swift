import Foundation
import Testing

@_spi(Internals) @testable import PHIScan

#if canImport(Glibc)
  import Glibc
#endif

/// `phi-scan mcp` against real servers built with the official MCP Python SDK
/// (Tests/MCPServers). The test command (`make test`, `.ci/run`) installs the SDK into a
/// virtual environment and names its interpreter in `PHI_SCAN_MCP_PYTHON`; without it
/// these tests are skipped (and listed as skipped).
enum MCPTestPython {
  static let path = ProcessInfo.processInfo.environment["PHI_SCAN_MCP_PYTHON"].flatMap { $0.isEmpty ? nil : $0 }
}

@Suite(.enabled(if: MCPTestPython.path != nil, "PHI_SCAN_MCP_PYTHON is not set: run the tests with make test"))
struct MCPServerTests {
  static let python = MCPTestPython.path
  static func server(_ name: String) -> String { Fixtures.url("Tests/MCPServers/\(name)").path }
  static func run(_ arguments: [String], in directory: URL? = nil) throws -> CLIExitCodeTests.Run {
    try CLIExitCodeTests.run(arguments, in: directory)
  }

  /// A process is gone when it no longer exists or is a zombie (killed, not yet reaped
  /// by whoever adopted it).
  static func isGone(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return kill(pid, 0) != 0 }
    guard let close = stat.lastIndex(of: ")") else { return false }
    return stat[stat.index(close, offsetBy: 2)] == "Z"
  }

  @Test func stdioServerWithPHIInAnEnumADefaultAndADescription() throws {
    let dir = try CLIExitCodeTests.directory([:])
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let run = try Self.run(
      [
        "mcp", "-f", "sarif", "-o", "mcp.sarif", "-f", "text", "--save", "listing.json", "--", Self.python!,
        Self.server("clinic_server.py"),
      ], in: dir)
    #expect(run.status == 1, "\(run.stderr)")
    #expect(run.stdout.contains("mcp/clinic-records:"))
    #expect(run.stdout.contains("error  us-ssn  ssn  enum  /tools/0/inputSchema/properties/member/enum/1"))
    #expect(run.stdout.contains("default  /tools/0/inputSchema/properties/mrn/default"))
    #expect(run.stdout.contains("description  /tools/1/inputSchema/properties/chart/description"))
    #expect(!run.stdout.contains("512-43-8876") && !run.stdout.contains("Maria"))

    // The saved listing is what was scanned: scanning it again finds the same.
    let saved = try String(contentsOf: dir.appendingPathComponent("listing.json"), encoding: .utf8)
    #expect(saved.contains("\"instructions\": \"Use lookup_member"))
    #expect(saved.contains("\"resourceTemplates\""))
    let again = try Self.run(["scan", "listing.json"], in: dir)
    #expect(again.status == 1)
    #expect(
      again.stdout.contains("listing.json:") && again.stdout.contains("/tools/0/inputSchema/properties/member/enum/1"))
    #expect(
      again.stdout.components(separatedBy: "\n").filter { $0.contains("  error  ") }.count
        == run.stdout.components(separatedBy: "\n").filter { $0.contains("  error  ") }.count)

    // SARIF: a category of its own, the source named mcp/<server>, valid.
    let sarifText = try String(contentsOf: dir.appendingPathComponent("mcp.sarif"), encoding: .utf8)
    let sarif = try #require(try JSONSerialization.jsonObject(with: Data(sarifText.utf8)) as? [String: Any])
    let runs = try #require(sarif["runs"] as? [[String: Any]])
    #expect((runs[0]["automationDetails"] as? [String: Any])?["id"] as? String == "phi-scan/mcp/clinic-records/")
    #expect(sarifText.contains("\"uri\":\"mcp/clinic-records\""))
    let validator = "/work/shared/tools/validate-sarif"
    if FileManager.default.isExecutableFile(atPath: validator) {
      let check = try CLIExitCodeTests.run([dir.appendingPathComponent("mcp.sarif").path], executable: validator)
      #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }
  }

  @Test func promptsInstructionsAndTemplatesAreScannedWithTheirShapes() throws {
    let run = try Self.run([
      "mcp", "--verbose", "--min-level", "note", "--name", "clinic", "--", Self.python!,
      Self.server("clinic_server.py"),
    ])
    #expect(run.status == 1)
    #expect(run.stderr.contains("clinic-records: starting on stdio"))  // the server's stderr, with --verbose
    #expect(run.stderr.contains("protocol 2025-11-25, 2 tools, 1 prompts, 1 resource templates"))
    #expect(
      run.stderr.contains("mcp.server") && run.stderr.contains("mcp.prompt")
        && run.stderr.contains("mcp.resource_template"))
    #expect(run.stdout.contains("mcp/clinic:"))
  }

  @Test func everyPageOfAPaginatedToolsListIsRead() throws {
    let run = try Self.run(["mcp", "--verbose", "--", Self.python!, Self.server("paged_server.py")])
    #expect(run.status == 1, "\(run.stderr)")
    #expect(run.stderr.contains("8 tools"))
    #expect(
      run.stdout.contains("mcp/paged-tools:") && run.stdout.contains("/tools/7/inputSchema/properties/member/const"))
  }

  @Test(arguments: [false, true])
  func streamableHTTPServer(jsonResponses: Bool) throws {
    let port = try Self.freePort()
    // Started like a stdio server (a group of its own, stopped with it): Foundation's
    // Process waits on a long-running child in a way that kept other runs from finishing.
    let server = try ServerProcess(
      arguments: [Self.python!, Self.server("clinic_server.py"), "http", String(port)] + (jsonResponses ? ["json"] : [])
    )
    defer { server.stop(polite: false) }
    // Ready when it accepts connections (uvicorn takes a moment to start).
    for _ in 0..<300 {
      if Self.accepts(port) || server.hasExited() { break }
      server.drainErrors()
      usleep(100_000)
    }
    let run = try Self.run([
      "mcp", "--url", "http://127.0.0.1:\(port)/mcp", "--header", "X-Test: yes", "--timeout", "20",
    ])
    #expect(run.status == 1, "\(run.stderr)")
    #expect(
      run.stdout.contains("mcp/clinic-records:") && run.stdout.contains("/tools/0/inputSchema/properties/member/enum/1")
    )
  }

  /// A server that refuses the offered version and names the one it speaks.
  @Test func initializeFallsBackToTheVersionTheServerOffers() throws {
    let run = try Self.run(["mcp", "--verbose", "--", Self.python!, Self.server("version_fallback_server.py")])
    #expect(run.status == 1, "\(run.stderr)")
    #expect(run.stderr.contains("protocol 2025-06-18, 1 tools"))
    #expect(
      run.stdout.contains("mcp/old-clinic:") && run.stdout.contains("/tools/0/inputSchema/properties/member/const"))
  }

  @Test func serverThatExitsAtOnce() throws {
    let run = try Self.run(["mcp", "--timeout", "10", "--", Self.python!, Self.server("exits_at_once.py")])
    #expect(run.status == 2)
    #expect(run.stderr.contains("exited with status 3 during initialize"))
    #expect(run.stderr.contains("cannot read config.toml"))
  }

  @Test func serverThatPrintsGarbage() throws {
    let run = try Self.run(["mcp", "--timeout", "10", "--", Self.python!, Self.server("prints_garbage.py")])
    #expect(run.status == 2)
    #expect(
      run.stderr.contains("during initialize the MCP server wrote a line to standard output that is not JSON-RPC"))
    #expect(run.stderr.contains("Welcome to the clinic server"))
  }

  /// Never answers, ignores SIGTERM and has a child: the timeout ends it, and neither the
  /// server nor its child is left running.
  @Test func serverThatNeverAnswersIsStoppedWithItsGroup() throws {
    let dir = try CLIExitCodeTests.directory(["x": ""])
    let pids = dir.appendingPathComponent("pids").path
    let run = try Self.run(["mcp", "--timeout", "3", "--", Self.python!, Self.server("never_answers.py"), pids])
    #expect(run.status == 2)
    #expect(run.stderr.contains("did not answer initialize within 3 s"))
    let written = try String(contentsOfFile: pids, encoding: .utf8)
    let ids = written.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { Int32($0) }
    #expect(ids.count == 2)
    for pid in ids { #expect(Self.isGone(pid), "process \(pid) was left running") }
  }

  @Test func missingCommandIsAClearError() throws {
    let run = try Self.run(["mcp", "--", "/nonexistent/mcp-server"])
    #expect(run.status == 2)
    #expect(run.stderr.contains("cannot start the MCP server '/nonexistent/mcp-server'"))
  }

  static func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
    }
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  static func accepts(_ port: Int) -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = UInt16(port).bigEndian
    return withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    } == 0
  }
}
