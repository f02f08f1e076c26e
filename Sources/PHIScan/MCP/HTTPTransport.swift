import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A Streamable HTTP server: each message is POSTed to the one URL the user named; the
/// answer is a JSON body or a Server-Sent Events stream, and `Mcp-Session-Id` from the
/// `initialize` answer goes with every later request.
///
/// The requests run through `curl` (TLS, proxies off, no config file read): Foundation's
/// URLSession cannot be linked into the static binary, and a TLS stack of phi-scan's own
/// is out of the question. Headers, with the user's secrets, go to curl in a file that
/// only the user can read, never on its command line (visible to `ps`).
final class HTTPTransport: MCPTransport {
  let url: String
  let userHeaders: [(name: String, value: String)]
  let timeout: Duration
  var sessionID: String?
  var protocolVersion: String?
  private(set) var lastWords = ""

  init(url: String, headers: [(name: String, value: String)], timeout: Duration) {
    self.url = url
    self.userHeaders = headers
    self.timeout = timeout
  }

  func negotiated(protocolVersion: String) { self.protocolVersion = protocolVersion }

  struct Response {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    func header(_ name: String) -> String? {
      headers.last { $0.name.lowercased() == name.lowercased() }?.value
    }
  }

  func notify(_ message: MCPValue, step: String) throws(MCPClientError) {
    _ = try post(message.compact, step: step)
  }

  func request(_ message: MCPValue, id: Int, step: String) throws(MCPClientError) -> MCPMessage {
    let response = try post(message.compact, step: step)
    if sessionID == nil, let session = response.header("Mcp-Session-Id") { sessionID = session }
    let contentType = response.header("Content-Type")?.lowercased() ?? ""
    var messages: [[UInt8]] = []
    if contentType.hasPrefix("text/event-stream") {
      messages = HTTPTransport.events(response.body)
    } else {
      messages = [response.body]
    }
    for bytes in messages {
      guard let received = parseMessage(bytes) else {
        throw .badResponse(
          step: step,
          reason:
            "the HTTP \(response.status) body (\(contentType.isEmpty ? "no Content-Type" : contentType)) is not a JSON-RPC message: \(String(decoding: bytes.prefix(200), as: UTF8.self))"
        )
      }
      if received.answers(id) { return received }
      if let reply = replyToServerRequest(received) { _ = try? post(reply.compact, step: step) }
    }
    throw .badResponse(step: step, reason: "HTTP \(response.status) came without a JSON-RPC response to request \(id)")
  }

  /// The `data:` payloads of a Server-Sent Events stream, one per event.
  static func events(_ body: [UInt8]) -> [[UInt8]] {
    var events: [[UInt8]] = []
    var data: [UInt8]?
    // Lines split on bytes: as Characters, "\r\n" is one and would not split on "\n".
    for rawLine in body.split(separator: 0x0A, omittingEmptySubsequences: false) {
      let line = String(decoding: rawLine.last == 0x0D ? rawLine.dropLast() : rawLine, as: UTF8.self)
      if line.isEmpty {
        if let payload = data { events.append(payload) }
        data = nil
      } else if line.hasPrefix("data:") {
        var value = line.dropFirst(5)
        if value.hasPrefix(" ") { value = value.dropFirst() }
        if data == nil { data = Array(value.utf8) } else { data! += [0x0A] + Array(value.utf8) }
      }
    }
    if let payload = data { events.append(payload) }
    return events
  }

  /// POSTs `body`; a status of 400 or more is an error naming the status and body.
  func post(_ body: [UInt8], step: String) throws(MCPClientError) -> Response {
    let response = try run(method: "POST", body: body, step: step)
    if response.status >= 400 {
      lastWords = MCPClientError.tail(String(decoding: response.body.prefix(2000), as: UTF8.self))
      throw .http(
        step: step, reason: "the server answered HTTP \(response.status)\(lastWords.isEmpty ? "" : ":\n\(lastWords)")")
    }
    return response
  }

  /// Ends the session (DELETE with its id), as the protocol asks; failures do not matter.
  func close() {
    guard sessionID != nil else { return }
    _ = try? run(method: "DELETE", body: nil, step: "closing the session", timeLimit: .seconds(5))
    sessionID = nil
  }

  func run(method: String, body: [UInt8]?, step: String, timeLimit: Duration? = nil) throws(MCPClientError) -> Response
  {
    let limit = timeLimit ?? timeout
    var headers = [("Accept", "application/json, text/event-stream")]
    if body != nil { headers.append(("Content-Type", "application/json")) }
    if let protocolVersion { headers.append(("MCP-Protocol-Version", protocolVersion)) }
    if let sessionID { headers.append(("Mcp-Session-Id", sessionID)) }
    headers += userHeaders.map { ($0.name, $0.value) }
    let headerFile = try HTTPTransport.privateFile(headers.map { "\($0.0): \($0.1)\n" }.joined(), step: step)
    defer { unlink(headerFile) }
    let seconds = String(Double(limit.components.seconds) + Double(limit.components.attoseconds) / 1e18)
    // -q first: no ~/.curlrc. --noproxy '*': only the URL the user named is contacted.
    var arguments = [
      "curl", "-q", "--silent", "--show-error", "--include", "--no-buffer", "--noproxy", "*", "--max-time", seconds,
      "-X", method, "-H", "@" + headerFile,
    ]
    if body != nil { arguments += ["--data-binary", "@-"] }
    arguments += ["--", url]
    let process: ServerProcess
    do {
      process = try ServerProcess(arguments: arguments)
    } catch {
      throw .http(step: step, reason: "phi-scan runs curl for --url and could not start it (\(error)); install curl")
    }
    defer { process.stop(polite: false) }
    if let body { _ = process.write(body) }
    process.closeInput()
    // curl stops itself at --max-time; the extra second is for it to say so.
    guard let output = process.readToEnd(deadline: .now + limit + .seconds(1)) else {
      throw .timeout(step: step, seconds: Double(limit.components.seconds), lastWords: lastWords)
    }
    _ = process.waitForExit(.seconds(2))
    let how = process.exitDescription() ?? ""
    if how != "exited with status 0" {
      let said = MCPClientError.tail(process.errorText, lines: 3)
      if how == "exited with status 28" {
        throw .timeout(step: step, seconds: Double(limit.components.seconds), lastWords: lastWords)
      }
      throw .http(step: step, reason: "no HTTP answer from \(url): \(said.isEmpty ? "curl \(how)" : said)")
    }
    guard let response = HTTPTransport.parse(output) else {
      throw .http(step: step, reason: "the answer from \(url) is not HTTP")
    }
    return response
  }

  /// Splits curl's `--include` output: status line and headers (interim 1xx answers
  /// skipped), then the body as sent.
  static func parse(_ output: [UInt8]) -> Response? {
    var rest = output[...]
    while true {
      guard let end = findHeaderEnd(rest) else { return nil }
      let head = String(decoding: rest[rest.startIndex..<end.start], as: UTF8.self)  // ends before the blank line
      rest = rest[end.bodyStart...]
      var lines = head.unicodeScalars.split(separator: "\n").map {
        String(String.UnicodeScalarView($0)).trimmingCharacters(in: .newlines)
      }
      guard !lines.isEmpty else { return nil }
      let statusLine = lines.removeFirst().split(separator: " ")
      guard statusLine.count >= 2, statusLine[0].hasPrefix("HTTP/"), let status = Int(statusLine[1]) else { return nil }
      if (100..<200).contains(status) { continue }
      let headers = lines.compactMap { line -> (name: String, value: String)? in
        guard let colon = line.firstIndex(of: ":") else { return nil }
        return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
      }
      return Response(status: status, headers: headers, body: Array(rest))
    }
  }

  static func findHeaderEnd(_ bytes: ArraySlice<UInt8>) -> (start: Int, bodyStart: Int)? {
    var i = bytes.startIndex
    while i < bytes.endIndex {
      if bytes[i] == 0x0A {
        if i + 1 < bytes.endIndex, bytes[i + 1] == 0x0A { return (i, i + 2) }
        if i + 2 < bytes.endIndex, bytes[i + 1] == 0x0D, bytes[i + 2] == 0x0A { return (i, i + 3) }
      }
      i += 1
    }
    return nil
  }

  /// A new file readable only by this user, holding `text`; its path.
  static func privateFile(_ text: String, step: String) throws(MCPClientError) -> String {
    let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    var template = Array((directory + "/phi-scan-headers-XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else {
      throw .http(step: step, reason: "cannot create a temporary file for the request headers in \(directory)")
    }
    defer { Glibc.close(descriptor) }
    let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let bytes = Array(text.utf8)
    guard bytes.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) == bytes.count else {
      unlink(path)
      throw .http(step: step, reason: "cannot write the request headers to \(path)")
    }
    return path
  }
}
