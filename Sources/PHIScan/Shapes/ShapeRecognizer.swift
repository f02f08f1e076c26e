// Shapes owns deciding which provider envelope a document is and where its schemas and
// tool strings sit. It hands schemas to the walker; it knows no rules.

/// A schema found inside a document, with the context it lives in.
@_spi(Internals) public struct SchemaRoot: Sendable {
  public var node: Node
  public var pointer: JSONPointer
  public var context: SchemaContext
}

/// Recognizes provider envelopes by structure (never by file name).
///
/// Shape identifiers (`SchemaContext.shape`, SARIF `properties.shape`) are stable:
///
/// | id | where | cached |
/// |---|---|---|
/// | `json-schema` | a bare JSON Schema (any draft), at the root or found inside other data | yes |
/// | `anthropic.tool` | `tools[].name`, `description` of an Anthropic tool | if strict or tool search |
/// | `anthropic.tool.input_schema` | `tools[].input_schema` | if `strict: true` or a tool-search tool is in `tools` |
/// | `anthropic.tool.input_examples` | `tools[].input_examples` | as the tool |
/// | `anthropic.tool_choice` | `tool_choice.name` | no |
/// | `anthropic.output_config.format` | `output_config.format.schema` (`type: json_schema`) | yes |
/// | `anthropic.output_format` | deprecated `output_format.schema`, Agent SDK `outputFormat.schema` | yes |
/// | `openai.response_format` | Chat `response_format.json_schema.{name,description,schema}` | yes |
/// | `openai.tool` / `openai.tool.parameters` | Chat `tools[].function.{name,description}` / `.parameters` | if `strict: true` |
/// | `openai.tool_choice` | Chat `tool_choice.function.name` | no |
/// | `openai.function` / `openai.function.parameters` | legacy `functions[]`, and `{name, parameters}` tools | if `strict: true` |
/// | `openai.responses.text.format` | Responses `text.format.{name,description,schema}` | yes |
/// | `openai.responses.tool` / `.parameters` / `.output_schema` | Responses function tools (`strict` defaults to true) | unless `strict: false` |
/// | `openai.responses.custom_tool.grammar` | custom tools' `format.definition` (site `other`) | yes |
/// | `mcp.tool` | MCP tool `name`, `title`, `description`, `annotations.title`, `_meta`, `icons` | yes (a catalog) |
/// | `mcp.tool.inputSchema` / `mcp.tool.outputSchema` | `tools/list` results (JSON-RPC or bare), sampling `params.tools` | yes / no |
/// | `mcp.server`, `mcp.prompt`, `mcp.resource_template` | see `MCPServerShape.swift` | no |
/// | `openapi.*` | OpenAPI 3.x and Swagger 2.0 documents: see `OpenAPIShape.swift` | yes |
/// | `mcp.elicitation.requestedSchema` | `elicitation/create` `params.requestedSchema` (goes to a form, not a model) | no |
/// | `gemini.response_schema` / `gemini.response_json_schema` | `generationConfig.responseSchema` / `responseJsonSchema` (or snake_case) | yes |
/// | `gemini.function` / `.parameters` / `.parameters_json_schema` / `.response` | `tools[].functionDeclarations[]` (or snake_case) | no |
/// | `bedrock.tool` / `bedrock.tool.inputSchema` | Converse `toolConfig.tools[].toolSpec.{name,description}` / `inputSchema.json` | if `strict: true` |
/// | `bedrock.output` / `bedrock.output.jsonSchema` | `outputConfig.textFormat.structure.jsonSchema.{name,description}` / `.schema` (a JSON string, parsed; positions map into the file) | yes |
///
/// Batch containers are recognized around these and listed in `shapes`: `anthropic.batch`
/// (`custom_id` + `params`, or `requests[]`), `openai.batch` (`custom_id` + `body`),
/// `bedrock.batch` (`recordId` + `modelInput`), `gemini.batch` (`key` + `request`). A
/// pointer into a Bedrock string schema continues into the parsed string
/// (`.../jsonSchema/schema/properties/a/const`).
@_spi(Internals) public enum ShapeRecognizer {
  /// How deep recognition searches unrecognized data for embedded envelopes or schemas.
  static let searchDepth = 8

  /// Recognizes the shapes of one document. `source` (the file's bytes) lets strings
  /// inside strings (Bedrock's serialized schema) be positioned exactly.
  public static func recognize(_ document: Document, source: SourceText? = nil) -> RecognizedDocument {
    if CIDefinitionShape.isCIDefinition(document.root) { return RecognizedDocument() }
    var recognition = Recognition(source: source)
    recognition.recognizeAny(document.root, document.rootPointer, depth: 0)
    return recognition.result
  }

  /// Every candidate string of a document, with the shapes seen and recognition notes.
  public static func extract(from document: Document, source: SourceText? = nil) -> Extraction {
    let recognized = recognize(document, source: source)
    var extraction = Extraction(
      strings: recognized.envelopeStrings, subschemas: recognized.envelopes, shapes: recognized.shapes,
      notes: recognized.notes)
    let documentRoot = (document.root, document.rootPointer)
    var workspace = SchemaWalk.Workspace()
    for schema in recognized.schemas {
      let notes = SchemaWalker.walk(
        schema.node, at: schema.pointer, context: schema.context, source: source, document: documentRoot,
        appendingTo: &extraction.strings, subschemas: &extraction.subschemas, workspace: &workspace)
      extraction.notes += notes
    }
    return extraction
  }

  /// Every candidate string of a document, in document order of the schemas.
  public static func extractStrings(from document: Document) -> (strings: [ExtractedString], shapes: [String]) {
    let extraction = extract(from: document)
    return (extraction.strings, extraction.shapes)
  }

  /// True when an object is a JSON Schema by structure: a JSON Schema `$schema`, a
  /// `type` with structure, `$ref` with definitions, or a root of properties/definitions.
  static func isSchema(_ node: Node) -> Bool {
    guard let members = node.members, !members.isEmpty else { return false }
    var hasType = false
    var hasStructure = false
    var hasRef = false
    var hasMapOfSchemas = false
    for member in members {
      switch member.key {
      case "$schema":
        if let dialect = member.value.string, UTF8Text.contains(dialect[...], ascii: "json-schema.org") { return true }
      case "type":
        if let name = member.value.string {
          hasType = SchemaVocabulary.schemaTypes.contains(name.lowercased())
        } else if let names = member.value.elements {
          hasType =
            !names.isEmpty && names.allSatisfy { $0.string.map { SchemaVocabulary.schemaTypes.contains($0) } ?? false }
        }
      case "$ref":
        hasRef = member.value.string != nil
      case "properties", "$defs", "definitions":
        if let entries = member.value.members, !entries.isEmpty,
          entries.allSatisfy({ $0.value.members != nil || $0.value.isBool })
        {
          hasMapOfSchemas = true
        }
      case "anyOf", "oneOf", "allOf":
        if let elements = member.value.elements, !elements.isEmpty, elements.allSatisfy({ $0.members != nil }) {
          hasStructure = true
        }
      default:
        break
      }
      if SchemaVocabulary.structureKeywords.contains(member.key) { hasStructure = true }
    }
    if hasType && hasStructure { return true }
    if hasMapOfSchemas { return true }
    // Pydantic's recursive models (`$ref` + `$defs`), or a schema that only points elsewhere.
    if hasRef && (members.count == 1 || node["$defs"] != nil || node["definitions"] != nil) { return true }
    // Nothing but schema keywords, one of them structural: `{"enum": [...]}` on a JSONL line.
    return members.allSatisfy { SchemaVocabulary.knownKeywords.contains($0.key) || $0.key.hasPrefix("x-") }
      && members.contains { SchemaVocabulary.definingKeywords.contains($0.key) }
  }
}

extension Node {
  var isBool: Bool {
    if case .bool = value { return true }
    return false
  }

  /// The first member present among `keys` (camelCase and snake_case spellings).
  func first(_ keys: String...) -> (key: String, value: Node)? {
    for key in keys { if let value = self[key] { return (key, value) } }
    return nil
  }
}

/// The state of one recognition pass.
struct Recognition {
  let source: SourceText?
  var result = RecognizedDocument()

  init(source: SourceText?) {
    self.source = source
  }

  mutating func saw(_ shape: String) {
    if !result.shapes.contains(shape) { result.shapes.append(shape) }
  }

  mutating func schema(_ node: Node, _ pointer: JSONPointer, _ shape: String, cached: Bool, tool: String? = nil) {
    result.schemas.append(
      SchemaRoot(node: node, pointer: pointer, context: SchemaContext(shape: shape, isCached: cached, toolName: tool)))
    saw(shape)
  }

  /// A tool-level string (name, description, title) when `node` is a string.
  mutating func string(
    _ node: Node?, _ pointer: JSONPointer, _ site: Site, _ shape: String, cached: Bool, tool: String?
  ) {
    guard let node, let text = node.string else { return }
    let context = SchemaContext(shape: shape, isCached: cached, toolName: tool)
    result.envelopeStrings.append(
      ExtractedString(
        text: text, site: site, pointer: pointer, range: node.range, context: context,
        subschema: envelope(context, at: pointer)))
    saw(shape)
  }

  /// The envelope a tool-level string belongs to: the strings of one tool come one after
  /// another with the same context and share it; any other string gets one of its own.
  /// `pointer`: the string's; its envelope is the object that holds it.
  mutating func envelope(_ context: SchemaContext, at pointer: JSONPointer) -> Int32 {
    if context.toolName != nil, let last = result.envelopeStrings.last, last.context == context {
      return last.subschema
    }
    result.envelopes.append(Subschema(pointer: pointer.droppingLastToken, parent: -1, name: nil))
    return Int32(result.envelopes.count - 1)
  }

  /// Every string of a data value (input examples, `_meta`), keys included.
  mutating func data(_ node: Node?, _ pointer: JSONPointer, _ site: Site, _ shape: String, cached: Bool, tool: String?)
  {
    guard let node else { return }
    let context = SchemaContext(shape: shape, isCached: cached, toolName: tool)
    var walk = SchemaWalk(context: context, source: source)
    walk.subschemaBase = envelope(context, at: pointer)
    walk.walkData(node, pointer, site, [], owner: 0)
    result.envelopeStrings += walk.output
    if !walk.output.isEmpty { saw(shape) }
  }

  // MARK: Dispatch

  /// Recognizes `node`; when it is no known shape, searches inside it.
  mutating func recognizeAny(_ node: Node, _ pointer: JSONPointer, depth: Int) {
    if recognize(node, pointer) { return }
    guard depth < ShapeRecognizer.searchDepth else { return }
    if let members = node.members {
      for member in members { recognizeAny(member.value, pointer.appending(member.key), depth: depth + 1) }
    } else if let elements = node.elements {
      for (i, element) in elements.enumerated() { recognizeAny(element, pointer.appending(index: i), depth: depth + 1) }
    }
  }

  /// Tries every shape on `node`; true when it was one.
  mutating func recognize(_ node: Node, _ pointer: JSONPointer) -> Bool {
    if let elements = node.elements {
      // A top-level array of tools (Anthropic, MCP, OpenAI...).
      guard elements.contains(where: { Recognition.toolKind($0) != nil }) else { return false }
      tools(node, pointer)
      return true
    }
    guard node.members != nil else { return false }
    if let dialect = node["$schema"]?.string, UTF8Text.contains(dialect[...], ascii: "json-schema.org") {
      schema(node, pointer, "json-schema", cached: true)
      return true
    }
    if batch(node, pointer) { return true }
    if openAPI(node, pointer) { return true }
    if envelope(node, pointer) { return true }
    if Recognition.toolKind(node) != nil {
      tool(node, pointer, catalog: false)
      return true
    }
    if ShapeRecognizer.isSchema(node) {
      schema(node, pointer, "json-schema", cached: true)
      return true
    }
    return false
  }

  /// Batch files and lines: the body inside is recognized like any document.
  mutating func batch(_ node: Node, _ pointer: JSONPointer) -> Bool {
    let wrappers: [(body: String, marker: String?, shape: String)] = [
      ("params", "custom_id", "anthropic.batch"), ("body", "custom_id", "openai.batch"),
      ("modelInput", nil, "bedrock.batch"), ("request", "key", "gemini.batch"),
    ]
    for wrapper in wrappers {
      guard let body = node[wrapper.body], body.members != nil else { continue }
      if let marker = wrapper.marker, node[marker] == nil {
        // Vertex batch lines are `{"request": {...}}` alone.
        guard wrapper.body == "request", node.members?.count == 1 else { continue }
      }
      saw(wrapper.shape)
      recognizeAny(body, pointer.appending(wrapper.body), depth: 1)
      return true
    }
    if let requests = node["requests"]?.elements, !requests.isEmpty,
      requests.allSatisfy({ $0["params"]?.members != nil })
    {
      let here = pointer.appending("requests")
      saw("anthropic.batch")
      for (i, request) in requests.enumerated() {
        recognizeAny(request["params"]!, here.appending(index: i).appending("params"), depth: 1)
      }
      return true
    }
    return false
  }

  // MARK: Request bodies and containers

  /// Request bodies of every provider, JSON-RPC messages and tool containers; true when
  /// any part of `node` was recognized.
  mutating func envelope(_ node: Node, _ pointer: JSONPointer) -> Bool {
    var found = false
    if node["jsonrpc"] != nil {
      for key in ["result", "params"] {
        if let inner = node[key], inner.members != nil {
          recognizeAny(inner, pointer.appending(key), depth: 1)
          found = true
        }
      }
      if found { return true }
    }
    if let tools = node["tools"], tools.elements != nil {
      found = self.tools(tools, pointer.appending("tools")) || found
    }
    if let functions = node["functions"], let elements = functions.elements,
      elements.contains(where: { $0["parameters"] != nil })
    {
      let here = pointer.appending("functions")
      for (i, function) in elements.enumerated() { openAIFunction(function, here.appending(index: i)) }
      found = true
    }
    found = anthropicOutput(node, pointer) || found
    found = openAIOutput(node, pointer) || found
    found = gemini(node, pointer) || found
    found = bedrock(node, pointer) || found
    if let requested = node["requestedSchema"], requested.members != nil {
      schema(requested, pointer.appending("requestedSchema"), "mcp.elicitation.requestedSchema", cached: false)
      found = true
    }
    found = mcpServer(node, pointer) || found
    if found { toolChoice(node, pointer) }
    return found
  }

  mutating func anthropicOutput(_ node: Node, _ pointer: JSONPointer) -> Bool {
    var found = false
    if let format = node["output_config"]?["format"], let body = format["schema"] {
      schema(
        body, pointer.appending("output_config").appending("format").appending("schema"),
        "anthropic.output_config.format", cached: true)
      found = true
    }
    if let (key, format) = node.first("output_format", "outputFormat"), let body = format["schema"],
      format["type"]?.string != "text"
    {
      schema(body, pointer.appending(key).appending("schema"), "anthropic.output_format", cached: true)
      found = true
    }
    return found
  }

  mutating func openAIOutput(_ node: Node, _ pointer: JSONPointer) -> Bool {
    var found = false
    if let jsonSchema = node["response_format"]?["json_schema"], jsonSchema.members != nil {
      let here = pointer.appending("response_format").appending("json_schema")
      let name = jsonSchema["name"]?.string
      string(jsonSchema["name"], here.appending("name"), .toolName, "openai.response_format", cached: true, tool: name)
      string(
        jsonSchema["description"], here.appending("description"), .toolDescription, "openai.response_format",
        cached: true, tool: name)
      if let body = jsonSchema["schema"] {
        schema(body, here.appending("schema"), "openai.response_format", cached: true, tool: name)
      }
      found = true
    }
    if let format = node["text"]?["format"], format["schema"] != nil {
      let here = pointer.appending("text").appending("format")
      let name = format["name"]?.string
      string(
        format["name"], here.appending("name"), .toolName, "openai.responses.text.format", cached: true, tool: name)
      string(
        format["description"], here.appending("description"), .toolDescription, "openai.responses.text.format",
        cached: true, tool: name)
      schema(format["schema"]!, here.appending("schema"), "openai.responses.text.format", cached: true, tool: name)
      found = true
    }
    return found
  }

  /// `generationConfig` (request) or `config` (SDK dump) with a response schema.
  mutating func gemini(_ node: Node, _ pointer: JSONPointer) -> Bool {
    var found = false
    for key in ["generationConfig", "generation_config", "config"] {
      guard let config = node[key], config.members != nil else { continue }
      let here = pointer.appending(key)
      if let (schemaKey, body) = config.first("responseSchema", "response_schema") {
        schema(body, here.appending(schemaKey), "gemini.response_schema", cached: true)
        found = true
      }
      if let (schemaKey, body) = config.first("responseJsonSchema", "response_json_schema") {
        schema(body, here.appending(schemaKey), "gemini.response_json_schema", cached: true)
        found = true
      }
      if let tools = config["tools"], tools.elements != nil {
        found = self.tools(tools, here.appending("tools")) || found
      }
    }
    return found
  }

  mutating func bedrock(_ node: Node, _ pointer: JSONPointer) -> Bool {
    var found = false
    if let tools = node["toolConfig"]?["tools"], tools.elements != nil {
      found = self.tools(tools, pointer.appending("toolConfig").appending("tools")) || found
    }
    if let jsonSchema = node["outputConfig"]?["textFormat"]?["structure"]?["jsonSchema"], jsonSchema.members != nil {
      let here = pointer.appending("outputConfig").appending("textFormat").appending("structure").appending(
        "jsonSchema")
      let name = jsonSchema["name"]?.string
      string(jsonSchema["name"], here.appending("name"), .toolName, "bedrock.output", cached: true, tool: name)
      string(
        jsonSchema["description"], here.appending("description"), .toolDescription, "bedrock.output", cached: true,
        tool: name)
      if let body = jsonSchema["schema"] {
        embeddedSchema(body, here.appending("schema"), "bedrock.output.jsonSchema", tool: name)
      }
      found = true
    }
    return found
  }

  /// `tool_choice` naming a tool (Anthropic `{type: tool, name}`, OpenAI `{function: {name}}`).
  mutating func toolChoice(_ node: Node, _ pointer: JSONPointer) {
    guard let choice = node["tool_choice"] else { return }
    let here = pointer.appending("tool_choice")
    if let name = choice["name"] {
      string(name, here.appending("name"), .toolName, "anthropic.tool_choice", cached: false, tool: name.string)
    } else if let name = choice["function"]?["name"] {
      string(
        name, here.appending("function").appending("name"), .toolName, "openai.tool_choice", cached: false,
        tool: name.string)
    }
  }

  // MARK: Tools

  enum ToolKind {
    case anthropic, mcp, openAIChat, openAIResponsesFunction, openAIFunction, openAICustom, openAINamespace, gemini,
      bedrock, toolSearch
  }

  /// What kind of tool an object is, by its members.
  static func toolKind(_ node: Node) -> ToolKind? {
    guard node.members != nil else { return nil }
    let type = node["type"]?.string
    if let type, type.hasPrefix("tool_search_tool") { return .toolSearch }
    if node["toolSpec"]?.members != nil { return .bedrock }
    if node.first("functionDeclarations", "function_declarations")?.value.elements != nil { return .gemini }
    if node["input_schema"] != nil { return .anthropic }
    if node["inputSchema"] != nil { return .mcp }
    // A tool call (`function.arguments`, message content) is not a tool definition.
    if let function = node["function"], function.members != nil, function["name"] != nil, function["arguments"] == nil {
      return .openAIChat
    }
    if type == "custom", node["name"] != nil { return .openAICustom }
    if type == "namespace", node["tools"]?.elements != nil { return .openAINamespace }
    if node["name"]?.string != nil, node.first("parameters", "parametersJsonSchema", "parameters_json_schema") != nil {
      return type == "function" ? .openAIResponsesFunction : .openAIFunction
    }
    return nil
  }

  /// A `tools` array; true when it held at least one tool. A tool-search tool in the
  /// array puts every tool of it in the server-side catalog.
  @discardableResult
  mutating func tools(_ node: Node, _ pointer: JSONPointer) -> Bool {
    guard let elements = node.elements else { return false }
    let catalog = elements.contains { Recognition.toolKind($0) == .toolSearch }
    var found = catalog
    for (i, element) in elements.enumerated() where Recognition.toolKind(element) != nil {
      tool(element, pointer.appending(index: i), catalog: catalog)
      found = true
    }
    return found
  }

  mutating func tool(_ node: Node, _ pointer: JSONPointer, catalog: Bool) {
    guard let kind = Recognition.toolKind(node) else { return }
    let name = node["name"]?.string
    let strict = node["strict"]?.isTrue ?? false
    switch kind {
    case .toolSearch:
      saw("anthropic.tool_search")
    case .anthropic:
      let cached = strict || catalog
      names(node, pointer, "anthropic.tool", cached: cached)
      data(
        node["input_examples"], pointer.appending("input_examples"), .examples, "anthropic.tool.input_examples",
        cached: cached, tool: name)
      if let body = node["input_schema"] {
        schema(body, pointer.appending("input_schema"), "anthropic.tool.input_schema", cached: cached, tool: name)
      }
    case .mcp:
      names(node, pointer, "mcp.tool", cached: true)
      string(node["title"], pointer.appending("title"), .title, "mcp.tool", cached: true, tool: name)
      string(
        node["annotations"]?["title"], pointer.appending("annotations").appending("title"), .title, "mcp.tool",
        cached: true, tool: name)
      data(node["_meta"], pointer.appending("_meta"), .other, "mcp.tool", cached: true, tool: name)
      data(node["icons"], pointer.appending("icons"), .other, "mcp.tool", cached: true, tool: name)
      if let body = node["inputSchema"] {
        schema(body, pointer.appending("inputSchema"), "mcp.tool.inputSchema", cached: true, tool: name)
      }
      if let body = node["outputSchema"] {
        schema(body, pointer.appending("outputSchema"), "mcp.tool.outputSchema", cached: false, tool: name)
      }
    case .openAIChat:
      guard let function = node["function"] else { return }
      let here = pointer.appending("function")
      let cached = function["strict"]?.isTrue ?? false
      names(function, here, "openai.tool", cached: cached)
      if let body = function["parameters"] {
        schema(
          body, here.appending("parameters"), "openai.tool.parameters", cached: cached, tool: function["name"]?.string)
      }
    case .openAIResponsesFunction:
      // Responses function tools are strict unless they say otherwise.
      let cached = node["strict"].map { !isFalse($0) } ?? true
      names(node, pointer, "openai.responses.tool", cached: cached)
      if let body = node["parameters"] {
        schema(body, pointer.appending("parameters"), "openai.responses.tool.parameters", cached: cached, tool: name)
      }
      if let body = node["output_schema"] {
        schema(
          body, pointer.appending("output_schema"), "openai.responses.tool.output_schema", cached: cached, tool: name)
      }
    case .openAIFunction:
      openAIFunction(node, pointer)
    case .openAICustom:
      names(node, pointer, "openai.responses.tool", cached: true)
      string(
        node["format"]?["definition"], pointer.appending("format").appending("definition"), .other,
        "openai.responses.custom_tool.grammar", cached: true, tool: name)
    case .openAINamespace:
      names(node, pointer, "openai.responses.tool", cached: true)
      tools(node["tools"]!, pointer.appending("tools"))
    case .gemini:
      guard let (key, declarations) = node.first("functionDeclarations", "function_declarations"),
        let elements = declarations.elements
      else { return }
      let here = pointer.appending(key)
      for (i, declaration) in elements.enumerated() {
        let at = here.appending(index: i)
        let declared = declaration["name"]?.string
        names(declaration, at, "gemini.function", cached: false)
        let schemas: [(keys: [String], shape: String)] = [
          (["parameters"], "gemini.function.parameters"),
          (["parametersJsonSchema", "parameters_json_schema"], "gemini.function.parameters_json_schema"),
          (["response", "responseJsonSchema", "response_json_schema"], "gemini.function.response"),
        ]
        for entry in schemas {
          for key in entry.keys {
            if let body = declaration[key] {
              schema(body, at.appending(key), entry.shape, cached: false, tool: declared)
            }
          }
        }
      }
    case .bedrock:
      guard let spec = node["toolSpec"] else { return }
      let here = pointer.appending("toolSpec")
      let cached = spec["strict"]?.isTrue ?? false
      names(spec, here, "bedrock.tool", cached: cached)
      if let input = spec["inputSchema"] {
        if let body = input["json"] {
          embeddedSchema(
            body, here.appending("inputSchema").appending("json"), "bedrock.tool.inputSchema", cached: cached,
            tool: spec["name"]?.string)
        } else {
          schema(
            input, here.appending("inputSchema"), "bedrock.tool.inputSchema", cached: cached, tool: spec["name"]?.string
          )
        }
      }
    }
  }

  /// A legacy `functions[]` entry, or any `{name, description, parameters}` function.
  mutating func openAIFunction(_ node: Node, _ pointer: JSONPointer) {
    let cached = node["strict"]?.isTrue ?? false
    names(node, pointer, "openai.function", cached: cached)
    for key in ["parameters", "parametersJsonSchema", "parameters_json_schema"] {
      if let body = node[key] {
        schema(body, pointer.appending(key), "openai.function.parameters", cached: cached, tool: node["name"]?.string)
      }
    }
  }

  /// A tool's `name` and `description`.
  mutating func names(_ node: Node, _ pointer: JSONPointer, _ shape: String, cached: Bool) {
    let name = node["name"]?.string
    string(node["name"], pointer.appending("name"), .toolName, shape, cached: cached, tool: name)
    string(node["description"], pointer.appending("description"), .toolDescription, shape, cached: cached, tool: name)
  }

  func isFalse(_ node: Node) -> Bool {
    if case .bool(false) = node.value { return true }
    return false
  }

  // MARK: Schemas serialized into strings

  /// A schema given as an object, or serialized into a JSON string (Bedrock's output
  /// schema): the string is parsed and its positions mapped back into the file through
  /// the escapes of the outer token. A string that is not valid JSON is an error note,
  /// and its text is still scanned as one string.
  mutating func embeddedSchema(
    _ node: Node, _ pointer: JSONPointer, _ shape: String, cached: Bool = true, tool: String?
  ) {
    guard let text = node.string else {
      schema(node, pointer, shape, cached: cached, tool: tool)
      return
    }
    let map = source?.map(stringAt: node.range.start, expected: text)
    do {
      let parsed = try JSONParser.parse(Array(text.utf8))
      let root = map?.relocate(parsed.root) ?? Recognition.pinned(parsed.root, to: node.range)
      schema(root, pointer, shape, cached: cached, tool: tool)
    } catch {
      let inner =
        map.map { $0.relocate(Node(.null, range: SourceRange(start: error.position, end: error.position))).range.start }
        ?? node.range.start
      result.notes.append(.embeddedSchemaInvalid(at: inner, error))
      let context = SchemaContext(shape: shape, isCached: cached, toolName: tool)
      result.envelopeStrings.append(
        ExtractedString(
          text: text, site: .other, pointer: pointer, range: node.range, context: context,
          subschema: envelope(context, at: pointer)))
      saw(shape)
    }
  }

  /// Gives every node of a tree one range (when the outer token cannot be re-read).
  static func pinned(_ node: Node, to range: SourceRange) -> Node {
    var moved = node
    moved.range = range
    switch node.value {
    case .object(let members):
      moved.value = .object(members.map { Member(key: $0.key, keyRange: range, value: pinned($0.value, to: range)) })
    case .array(let elements):
      moved.value = .array(elements.map { pinned($0, to: range) })
    default:
      break
    }
    return moved
  }
}
