import Foundation
import Testing

@_spi(Internals) @testable import PHIScan

/// The MCP client's pure parts: the saved listing's JSON, HTTP and SSE reading, names.
@Suite struct MCPClientPartsTests {
  @Test func listingJSONSortsKeysAndEscapes() throws {
    let value = MCPValue.object([
      ("tools", .array([.object([("name", .string("a\"b\n")), ("inputSchema", .object([]))])])),
      ("capabilities", .object([("z", .bool(true)), ("a", .null)])),
    ])
    let text = String(decoding: value.pretty, as: UTF8.self)
    #expect(
      text
        == "{\n  \"capabilities\": {\n    \"a\": null,\n    \"z\": true\n  },\n  \"tools\": [\n    {\n      \"inputSchema\": {},\n      \"name\": \"a\\\"b\\n\"\n    }\n  ]\n}\n"
    )
    // Compact messages keep the order given (jsonrpc first).
    #expect(
      String(decoding: MCPValue.object([("jsonrpc", .string("2.0")), ("id", .number("1"))]).compact, as: UTF8.self)
        == #"{"jsonrpc":"2.0","id":1}"#)
    // Read back through the parser, values and numbers are unchanged.
    let node = try JSONParser.parse(#"{"b": 1e400, "a": ["x", {"d": false}]}"#).root
    #expect(String(decoding: MCPValue(node).pretty, as: UTF8.self).contains("\"b\": 1e400"))
  }

  @Test func serverSentEventsAreSplitIntoMessages() {
    let body = Array("event: message\r\ndata: {\"a\":1}\r\n\r\n: comment\n\ndata: {\"b\":\ndata: 2}\n\n".utf8)
    let events = HTTPTransport.events(body).map { String(decoding: $0, as: UTF8.self) }
    #expect(events == ["{\"a\":1}", "{\"b\":\n2}"])
  }

  @Test func curlOutputIsSplitIntoStatusHeadersAndBody() throws {
    let output = Array(
      "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nmcp-session-id: abc\r\n\r\ndata: {}\r\n\r\n"
        .utf8)
    let response = try #require(HTTPTransport.parse(output))
    #expect(response.status == 200)
    #expect(response.header("Mcp-Session-Id") == "abc")
    #expect(response.header("Content-Type") == "text/event-stream")
    #expect(String(decoding: response.body, as: UTF8.self) == "data: {}\r\n\r\n")
  }

  @Test func serverNamesBecomeSafeSourceNames() {
    #expect(MCPClient.sourceName("clinic-records") == "clinic-records")
    #expect(MCPClient.sourceName("@acme/mcp server") == "acme-mcp-server")
    #expect(MCPClient.sourceName(nil) == "server")
    #expect(MCPClient.sourceName("../..") == "server")
  }

  /// A saved listing is recognized with every part at its pointer and site.
  @Test func savedListingShapes() throws {
    let text = """
      {
        "instructions": "Ask for member 512-43-8876 first.",
        "prompts": [{"arguments": [{"description": "Member id", "name": "member_id"}], "description": "Drafts a note.", "name": "follow_up"}],
        "protocolVersion": "2025-11-25",
        "resourceTemplates": [{"name": "record", "uriTemplate": "records://{id}"}],
        "serverInfo": {"name": "clinic"},
        "tools": [{"inputSchema": {"type": "object"}, "name": "lookup"}]
      }
      """
    let (documents, _) = DocumentLoader.load(Array(text.utf8), format: .json)
    let extraction = ShapeRecognizer.extract(from: try #require(documents.first))
    func site(_ pointer: String) -> (Site, String, Bool)? {
      extraction.strings.first { $0.pointer.string == pointer }.map { ($0.site, $0.context.shape, $0.context.isCached) }
    }
    #expect(site("/instructions")! == (.description, "mcp.server", false))
    #expect(site("/prompts/0/name")! == (.toolName, "mcp.prompt", false))
    #expect(site("/prompts/0/arguments/0/name")! == (.propertyName, "mcp.prompt", false))
    #expect(site("/prompts/0/arguments/0/description")! == (.description, "mcp.prompt", false))
    #expect(site("/resourceTemplates/0/uriTemplate")! == (.other, "mcp.resource_template", false))
    #expect(site("/tools/0/name")! == (.toolName, "mcp.tool", true))
  }

  /// An array that merely is called `prompts` is not an MCP prompt list.
  @Test func otherPromptArraysAreNotMCP() throws {
    let text = #"{"prompts": [{"name": "a", "text": "hello"}]}"#
    let (documents, _) = DocumentLoader.load(Array(text.utf8), format: .json)
    #expect(ShapeRecognizer.extract(from: try #require(documents.first)).shapes.isEmpty)
  }
}
