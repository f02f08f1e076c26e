/// Why a server's definitions could not be collected. Every case names the step that
/// failed (`initialize`, `tools/list (page 2)`...) and, where there is one, what the
/// server printed last, so the user sees the server's own complaint.
package enum MCPClientError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The command could not be started (not found, not executable).
  case start(command: String, reason: String)
  /// The server exited, or closed its output, before answering.
  case exited(step: String, how: String, lastWords: String)
  /// The server wrote something that is not a JSON-RPC message where one was due.
  case notJSON(step: String, line: String, lastWords: String)
  /// The server answered with a JSON-RPC error.
  case rpcError(step: String, code: String, message: String, lastWords: String)
  /// No answer within the timeout.
  case timeout(step: String, seconds: Double, lastWords: String)
  /// An HTTP failure: a status of 400 or more, or no connection.
  case http(step: String, reason: String)
  /// An answer that is JSON-RPC but not what the step needs.
  case badResponse(step: String, reason: String)

  package var description: String {
    func said(_ words: String) -> String {
      words.isEmpty ? "; the server printed nothing" : "; the server printed last:\n\(words)"
    }
    switch self {
    case .start(let command, let reason):
      return "cannot start the MCP server '\(command)': \(reason)"
    case .exited(let step, let how, let words):
      return "the MCP server \(how) during \(step), before answering\(said(words))"
    case .notJSON(let step, let line, let words):
      return
        "during \(step) the MCP server wrote a line to standard output that is not JSON-RPC (a stdio server must write only MCP messages there, logs go to standard error): \(line)\(said(words))"
    case .rpcError(let step, let code, let message, let words):
      return "the MCP server answered \(step) with JSON-RPC error \(code): \(message)\(said(words))"
    case .timeout(let step, let seconds, let words):
      return
        "the MCP server did not answer \(step) within \(MCPClientError.format(seconds)) s (raise --timeout for slow servers)\(said(words))"
    case .http(let step, let reason):
      return "\(step) failed: \(reason)"
    case .badResponse(let step, let reason):
      return "the MCP server's answer to \(step) is not usable: \(reason)"
    }
  }

  static func format(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
  }

  /// The last lines of `text`, at most `lines` of them and 2,000 characters.
  static func tail(_ text: String, lines: Int = 12) -> String {
    let kept = text.split(separator: "\n", omittingEmptySubsequences: true).suffix(lines).joined(separator: "\n")
    return kept.count > 2000 ? "..." + String(kept.suffix(2000)) : kept
  }
}
