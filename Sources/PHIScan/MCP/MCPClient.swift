/// Where the server is: a command to start (stdio), or a Streamable HTTP URL.
package enum MCPEndpoint: Sendable {
  case command([String])
  case url(String, headers: [(name: String, value: String)])
}

/// What was listed: one JSON document (keys sorted, two-space indent) holding the
/// `initialize` result's `serverInfo`, `protocolVersion`, `capabilities` and
/// `instructions`, and every page of `tools`, `prompts` and `resourceTemplates`. It is
/// what `--save` writes and what is scanned, so pointers and positions hold in both.
package struct MCPListing: Sendable {
  package var document: [UInt8]
  /// `serverInfo.name`, or nil when the server gave none.
  package var serverName: String?
  package var protocolVersion: String
  package var toolCount: Int
  package var promptCount: Int
  package var resourceTemplateCount: Int
  /// The server's standard error (stdio), for `--verbose`.
  package var serverOutput: String
}

/// Connects to an MCP server and lists its definitions: `initialize`,
/// `notifications/initialized`, every page of `tools/list`, then `prompts/list` and
/// `resources/templates/list` when the server declares those capabilities. Nothing is
/// called, read or subscribed to. A stdio server's process group is stopped on every
/// path before this returns.
package enum MCPClient {
  /// Handshake versions, newest first: the first is offered; the server may answer
  /// with another, which is then used (listing is the same in all of them).
  package static let protocolVersions = ["2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"]
  /// Stops a server whose cursors never end.
  static let maxPages = 10_000

  package static func collect(from endpoint: MCPEndpoint, timeout: Duration = .seconds(30)) throws(MCPClientError)
    -> MCPListing
  {
    let transport: MCPTransport
    switch endpoint {
    case .command(let arguments): transport = try StdioTransport(arguments: arguments, timeout: timeout)
    case .url(let url, let headers): transport = HTTPTransport(url: url, headers: headers, timeout: timeout)
    }
    defer { transport.close() }
    var session = Session(transport: transport)
    var listing: MCPListing
    do {
      listing = try session.list()
    } catch {
      // A server that failed gets no grace period: straight to SIGTERM, then SIGKILL.
      (transport as? StdioTransport)?.process.stop(polite: false)
      throw error
    }
    if let stdio = transport as? StdioTransport {
      stdio.close()
      listing.serverOutput = stdio.process.errorText
    }
    return listing
  }

  struct Session {
    let transport: MCPTransport
    var nextID = 0

    mutating func call(_ method: String, _ params: [(String, MCPValue)], step: String) throws(MCPClientError) -> Node {
      nextID += 1
      let message = MCPValue.object([
        ("jsonrpc", .string("2.0")), ("id", .number(String(nextID))), ("method", .string(method)),
        ("params", .object(params)),
      ])
      let response = try transport.request(message, id: nextID, step: step)
      if let error = response.node["error"] {
        lastErrorData = error["data"]?["supported"]?.elements?.compactMap(\.string) ?? []
        let code =
          error["code"].map { node -> String in
            if case .number(let text) = node.value { return text }
            return node.string ?? "?"
          } ?? "?"
        throw .rpcError(
          step: step, code: code, message: error["message"]?.string ?? "(no message)", lastWords: transport.lastWords)
      }
      guard let result = response.node["result"], result.members != nil else {
        throw .badResponse(step: step, reason: "the result is not a JSON object")
      }
      return result
    }

    mutating func initialize() throws(MCPClientError) -> Node {
      let offered = MCPClient.protocolVersions[0]
      func params(_ version: String) -> [(String, MCPValue)] {
        [
          ("protocolVersion", .string(version)),
          ("capabilities", .object([])),
          (
            "clientInfo",
            .object([("name", .string(PhiScanVersion.name)), ("version", .string(PhiScanVersion.semanticVersion))])
          ),
        ]
      }
      do {
        return try call("initialize", params(offered), step: "initialize")
      } catch .rpcError(let step, let code, let message, let words) {
        // A server that refuses the version may name the ones it speaks (error data
        // `supported`, or the message): retry once with the newest that phi-scan knows.
        let offers = lastErrorData + [message]
        guard
          let retry = MCPClient.protocolVersions.dropFirst().first(where: { version in
            offers.contains { $0.contains(version) }
          })
        else {
          throw .rpcError(step: step, code: code, message: message, lastWords: words)
        }
        return try call("initialize", params(retry), step: "initialize (protocol \(retry))")
      }
    }

    /// `error.data.supported` of the last JSON-RPC error (the versions a server speaks).
    var lastErrorData: [String] = []

    /// Every page of a list method; `key` names the array in each result.
    mutating func pages(_ method: String, key: String) throws(MCPClientError) -> [Node] {
      var items: [Node] = []
      var cursor: String?
      var seen: Set<String> = []
      var page = 1
      while true {
        let step = page == 1 ? method : "\(method) (page \(page), cursor from page \(page - 1))"
        let params: [(String, MCPValue)] = cursor.map { [("cursor", .string($0))] } ?? []
        let result = try call(method, params, step: step)
        guard let list = result[key]?.elements else {
          throw .badResponse(step: step, reason: "the result has no '\(key)' array")
        }
        items += list
        guard let next = result["nextCursor"]?.string, !next.isEmpty else { return items }
        guard seen.insert(next).inserted, page < MCPClient.maxPages else {
          throw .badResponse(step: step, reason: "the server repeats a nextCursor: its pages never end")
        }
        cursor = next
        page += 1
      }
    }

    mutating func list() throws(MCPClientError) -> MCPListing {
      let initialized = try initialize()
      let version = initialized["protocolVersion"]?.string ?? MCPClient.protocolVersions[0]
      transport.negotiated(protocolVersion: version)
      try transport.notify(
        .object([("jsonrpc", .string("2.0")), ("method", .string("notifications/initialized"))]),
        step: "notifications/initialized")
      let capabilities = initialized["capabilities"]
      var members: [(String, MCPValue)] = [("protocolVersion", .string(version))]
      for key in ["serverInfo", "capabilities", "instructions"] {
        if let value = initialized[key] { members.append((key, .node(value))) }
      }
      // tools/list is asked for even without the capability: some servers leave it out.
      let tools = try pages("tools/list", key: "tools")
      members.append(("tools", .array(tools.map(MCPValue.node))))
      var prompts: [Node] = []
      if capabilities?["prompts"] != nil {
        prompts = try pages("prompts/list", key: "prompts")
        members.append(("prompts", .array(prompts.map(MCPValue.node))))
      }
      var templates: [Node] = []
      if capabilities?["resources"] != nil {
        templates = try pages("resources/templates/list", key: "resourceTemplates")
        members.append(("resourceTemplates", .array(templates.map(MCPValue.node))))
      }
      return MCPListing(
        document: MCPValue.object(members).pretty, serverName: initialized["serverInfo"]?["name"]?.string,
        protocolVersion: version, toolCount: tools.count, promptCount: prompts.count,
        resourceTemplateCount: templates.count,
        serverOutput: "")
    }
  }

  /// A server name as a report path segment: letters, digits, `.`, `_` and `-` kept,
  /// anything else `-` (a name may hold `/` or spaces).
  package static func sourceName(_ name: String?) -> String {
    let cleaned = String(
      (name ?? "").unicodeScalars.map { scalar -> Character in
        let ok =
          (scalar.value < 0x80)
          && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            || "._-".unicodeScalars.contains(scalar))
        return ok ? Character(scalar) : "-"
      })
    let trimmed = cleaned.drop { $0 == "-" || $0 == "." }
    return trimmed.isEmpty ? "server" : String(trimmed.prefix(100))
  }
}
