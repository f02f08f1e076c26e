import ArgumentParser
import Foundation
import PHIScan

/// `phi-scan mcp`: lists a live MCP server's tools, prompts and instructions (library:
/// `MCPClient`) and scans the listing as one document named `mcp/<server>`, with the
/// reporting of `scan`.
struct MCPCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mcp",
    abstract: "Scan the tools, prompts and instructions a running MCP server lists.",
    discussion: """
      phi-scan mcp [options] -- COMMAND [ARGS...]   starts COMMAND (with your rights) as a stdio server
      phi-scan mcp [options] --url URL [--header 'Name: value']...   a Streamable HTTP server

      Only initialize, tools/list, prompts/list and resources/templates/list are sent; no tool
      is called. The server's whole process group is stopped when phi-scan ends.
      """)

  @Argument(
    parsing: .postTerminator, help: ArgumentHelp("The stdio server to start, after '--'.", valueName: "command"))
  var command: [String] = []

  @Option(
    help: ArgumentHelp(
      "A Streamable HTTP endpoint instead of a command (only this URL is contacted).", valueName: "url"))
  var url: String?

  @Option(
    name: .customLong("header"),
    help: ArgumentHelp(
      "An HTTP header for --url, e.g. 'Authorization: Bearer ...' (repeatable).", valueName: "name: value"))
  var headers: [String] = []

  @Option(
    help: ArgumentHelp(
      "The source name in reports: mcp/NAME (default: the server's serverInfo.name).", valueName: "name"))
  var name: String?

  @Option(help: ArgumentHelp("Seconds to wait for each answer of the server.", valueName: "seconds"))
  var timeout: Double = 30

  @Option(
    help: ArgumentHelp(
      "Write what the server listed to this file (one JSON document, keys sorted), to keep, diff or scan again with 'scan'.",
      valueName: "file"))
  var save: String?

  @Option(
    name: .customLong("automation-id"),
    help: ArgumentHelp(
      "SARIF runs[0].automationDetails.id (default: phi-scan/mcp/NAME/, a category per server).", valueName: "id"))
  var automationID: String?

  @OptionGroup var report: ReportOptions

  @OptionGroup var ruleSource: RuleSourceOptions

  @Flag(help: "Print the server's standard error, what was listed and the shapes found.")
  var verbose = false

  mutating func validate() throws {
    if url == nil && command.isEmpty {
      throw ValidationError("give the server to scan: phi-scan mcp -- COMMAND [ARGS...], or phi-scan mcp --url URL")
    }
    if url != nil && !command.isEmpty {
      throw ValidationError("give either --url or a command after '--', not both")
    }
    if let url, !(url.hasPrefix("http://") || url.hasPrefix("https://")) {
      throw ValidationError("--url '\(url)' must start with http:// or https://")
    }
    if !headers.isEmpty && url == nil { throw ValidationError("--header goes with --url") }
    _ = try parsedHeaders()
    guard timeout > 0, timeout <= 86_400 else { throw ValidationError("--timeout must be a number of seconds above 0") }
    if let name, MCPClient.sourceName(name) != name {
      throw ValidationError("--name '\(name)' may hold only letters, digits, '.', '_' and '-'")
    }
  }

  func parsedHeaders() throws -> [(name: String, value: String)] {
    try headers.map { header in
      guard let colon = header.firstIndex(of: ":"), !header[..<colon].trimmingCharacters(in: .whitespaces).isEmpty,
        !header.contains("\n"), !header.contains("\r")
      else {
        throw ValidationError("--header must be 'Name: value' on one line (the value is not shown here)")
      }
      return (
        header[..<colon].trimmingCharacters(in: .whitespaces),
        header[header.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      )
    }
  }

  func run() throws {
    let rootPath = FileManager.default.currentDirectoryPath
    let setup = try ruleSource.load(root: rootPath)
    var configuration = ScanConfiguration(paths: [], root: rootPath, jobs: 1)
    try report.configure(&configuration, config: setup.config)
    let scanner = try ruleSource.scanner(configuration, rules: setup.rules)
    let (listing, source) = try list()
    // The listing is scanned as if it were the file `source`: allow entries with `path:
    // mcp/NAME` apply, and excerpts come from the listing.
    let result = scanner.scan(listing.document, format: .json, reportPath: source)
    if verbose { Terminal.shapes(result.shapesByFile.first?.shapes ?? [], in: source) }
    try report.finish(result, automationID: automationID ?? "phi-scan/\(source)/")
  }

  /// What the server lists, and the name reports give it (`mcp/NAME`).
  func list() throws -> (listing: MCPListing, source: String) {
    let started = ContinuousClock.now
    let endpoint: MCPEndpoint = url.map { .url($0, headers: (try? parsedHeaders()) ?? []) } ?? .command(command)
    let listing: MCPListing
    do {
      listing = try MCPClient.collect(from: endpoint, timeout: .milliseconds(Int(timeout * 1000)))
    } catch {
      Terminal.error("phi-scan: error: \(error)")
      throw ExitCode(ExitStatus.usageOrInput)
    }
    let source = "mcp/" + (name ?? MCPClient.sourceName(listing.serverName))
    if verbose {
      if !listing.serverOutput.isEmpty {
        Terminal.error("phi-scan: \(source) standard error:\n\(listing.serverOutput)")
      }
      Terminal.error(
        "phi-scan: \(source): protocol \(listing.protocolVersion), \(listing.toolCount) tools, \(listing.promptCount) prompts, \(listing.resourceTemplateCount) resource templates, listed in \(started.duration(to: .now))"
      )
    }
    if let save { try write(String(decoding: listing.document, as: UTF8.self), to: save) }
    return (listing, source)
  }

  /// Writes `text` to `output` (nil: standard output) whole or not at all.
  func write(_ text: String, to output: String?) throws {
    guard Output.write(to: output, { $0.write(text) }) else { throw ExitCode(ExitStatus.usageOrInput) }
  }
}
