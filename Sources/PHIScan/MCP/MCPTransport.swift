#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One JSON-RPC message from the server.
struct MCPMessage {
  var node: Node

  var id: String? {
    guard let id = node["id"] else { return nil }
    switch id.value {
    case .number(let text): return text
    case .string(let text): return "\"" + text + "\""
    default: return nil
    }
  }

  var method: String? { node["method"]?.string }
  var isResponse: Bool { method == nil && (node["result"] != nil || node["error"] != nil) }

  /// True for the response to request `id`, or for an error with a null id: the server
  /// could not read the request (JSON-RPC's parse error), which answers it too.
  func answers(_ id: Int) -> Bool {
    guard isResponse else { return false }
    if self.id == String(id) { return true }
    if case .null = node["id"]?.value, node["error"] != nil { return true }
    return false
  }
}

/// How messages reach a server and its answers come back.
protocol MCPTransport: AnyObject {
  /// Sends a request and returns the response whose id is `id` (a request from the
  /// server meanwhile is answered, a notification skipped).
  func request(_ message: MCPValue, id: Int, step: String) throws(MCPClientError) -> MCPMessage
  /// Sends a notification (no answer is due).
  func notify(_ message: MCPValue, step: String) throws(MCPClientError)
  /// The negotiated protocol version, for transports that send it with every request.
  func negotiated(protocolVersion: String)
  /// Ends the connection; a stdio server's whole process group is stopped.
  func close()
  /// What the server wrote last (standard error, or an HTTP body), for messages.
  var lastWords: String { get }
}

/// Answers for the requests a server may send while it is being listed: `ping` gets an
/// empty result, anything else "method not found" (phi-scan offers no client capability).
func replyToServerRequest(_ message: MCPMessage) -> MCPValue? {
  guard let method = message.method, let id = message.node["id"] else { return nil }
  if method == "ping" {
    return .object([("jsonrpc", .string("2.0")), ("id", .node(id)), ("result", .object([]))])
  }
  return .object([
    ("jsonrpc", .string("2.0")), ("id", .node(id)),
    (
      "error",
      .object([
        ("code", .number("-32601")),
        ("message", .string("phi-scan only lists definitions; it does not serve \(method)")),
      ])
    ),
  ])
}

/// Parses one message; `nil` when the bytes are not a JSON-RPC object.
func parseMessage(_ bytes: [UInt8]) -> MCPMessage? {
  guard let root = try? JSONParser.parse(bytes).root, root.members != nil else { return nil }
  return MCPMessage(node: root)
}

/// A server started as a command, speaking newline-delimited JSON-RPC on stdin/stdout.
final class StdioTransport: MCPTransport {
  let process: ServerProcess
  let timeout: Duration

  init(arguments: [String], timeout: Duration) throws(MCPClientError) {
    process = try ServerProcess(arguments: arguments)
    self.timeout = timeout
  }

  var lastWords: String {
    process.drainErrors()
    var words = MCPClientError.tail(process.errorText)
    if words.isEmpty, let line = process.lastOutputLine { words = "(standard output) " + line }
    return words
  }

  func negotiated(protocolVersion: String) {}

  func send(_ message: MCPValue, step: String) throws(MCPClientError) {
    guard process.write(message.compact + [0x0A]) else {
      throw .exited(step: step, how: exitedHow(), lastWords: lastWords)
    }
  }

  func exitedHow() -> String {
    _ = process.waitForExit(.milliseconds(500))
    return process.exitDescription() ?? "closed its standard input"
  }

  func notify(_ message: MCPValue, step: String) throws(MCPClientError) {
    try send(message, step: step)
  }

  func request(_ message: MCPValue, id: Int, step: String) throws(MCPClientError) -> MCPMessage {
    try send(message, step: step)
    let deadline = ContinuousClock.now + timeout
    while true {
      switch process.readLine(deadline: deadline) {
      case .timedOut:
        throw .timeout(
          step: step, seconds: Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18,
          lastWords: lastWords)
      case .closed:
        let how = exitedHow()
        throw .exited(
          step: step, how: how == "closed its standard input" ? "closed its standard output" : how, lastWords: lastWords
        )
      case .line(let bytes):
        guard let received = parseMessage(bytes) else {
          throw .notJSON(
            step: step, line: String(decoding: bytes.prefix(200), as: UTF8.self),
            lastWords: MCPClientError.tail(process.errorText))
        }
        if received.answers(id) { return received }
        if let reply = replyToServerRequest(received) { try send(reply, step: step) }
      }
    }
  }

  func close() { process.stop() }
}
