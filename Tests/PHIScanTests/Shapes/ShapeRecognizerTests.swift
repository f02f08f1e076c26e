import Testing

@_spi(Internals) @testable import PHIScan

/// Envelopes recognized by structure, their cache classes, and schemas in strings.
@Suite struct ShapeRecognizerTests {
  func extract(_ text: String, format: DocumentFormat = .json) -> Extraction {
    let bytes = Array(text.utf8)
    let (documents, _) = DocumentLoader.load(bytes, format: format)
    var all = Extraction()
    for document in documents {
      let one = ShapeRecognizer.extract(from: document, source: SourceText(bytes))
      all.strings += one.strings
      all.shapes += one.shapes
      all.notes += one.notes
    }
    return all
  }

  func string(_ extraction: Extraction, _ pointer: String) -> ExtractedString? {
    extraction.strings.first { $0.pointer.string == pointer }
  }

  @Test func filesWithoutAShapeYieldNothing() {
    for config in [
      #"{"name": "app", "version": "1.0.0", "scripts": {"test": "make"}, "$schema": "https://json.schemastore.org/package"}"#,
      #"{"compilerOptions": {"strict": true, "target": "es2022"}, "include": ["src"]}"#,
      #"{"title": "Notes", "description": "plain data", "format": "markdown"}"#,
    ] {
      let extraction = extract(config)
      #expect(extraction.strings.isEmpty && extraction.shapes.isEmpty && extraction.notes.isEmpty, "\(config)")
    }
    #expect(extract("on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n", format: .yaml).shapes.isEmpty)
    // Message content is not scanned as schemas, tool calls are not tool definitions.
    let row =
      #"{"messages": [{"role": "assistant", "tool_calls": [{"type": "function", "function": {"name": "f", "arguments": "{\"a\": 1}"}}]}]}"#
    #expect(extract(row).strings.isEmpty)
  }

  @Test func anthropicToolsAreCachedWhenStrictOrInAToolSearchCatalog() throws {
    let plain = extract(
      #"{"model": "m", "max_tokens": 9, "messages": [], "tools": [{"name": "t", "input_schema": {"type": "object", "properties": {"a": {}}}}]}"#
    )
    #expect(
      string(plain, "/tools/0/input_schema/properties/a")?.context
        == SchemaContext(shape: "anthropic.tool.input_schema", isCached: false, toolName: "t"))
    let strict = extract(#"{"tools": [{"name": "t", "strict": true, "input_schema": {"properties": {"a": {}}}}]}"#)
    #expect(string(strict, "/tools/0/input_schema/properties/a")?.context.isCached == true)
    #expect(string(strict, "/tools/0/name")?.site == .toolName)
    let catalog = extract(
      #"{"tools": [{"type": "tool_search_tool_bm25_20251119", "name": "tool_search_tool_bm25"}, {"name": "t", "description": "d", "input_schema": {"properties": {"a": {}}}}]}"#
    )
    #expect(string(catalog, "/tools/1/input_schema/properties/a")?.context.isCached == true)
    #expect(
      string(catalog, "/tools/1/description")?.context
        == SchemaContext(shape: "anthropic.tool", isCached: true, toolName: "t"))
    #expect(string(catalog, "/tools/0/name") == nil)  // server tool names are vocabulary
    #expect(catalog.shapes.contains("anthropic.tool_search"))
  }

  @Test func everyProviderEnvelopeIsRecognized() {
    let cases: [(String, String, String)] = [
      (
        #"{"output_config": {"format": {"type": "json_schema", "schema": {"properties": {"a": {}}}}}}"#,
        "/output_config/format/schema/properties/a", "anthropic.output_config.format"
      ),
      (
        #"{"output_format": {"type": "json_schema", "schema": {"properties": {"a": {}}}}}"#,
        "/output_format/schema/properties/a", "anthropic.output_format"
      ),
      (
        #"{"messages": [], "tool_choice": {"type": "tool", "name": "t"}, "tools": [{"name": "t", "input_schema": {}}]}"#,
        "/tool_choice/name", "anthropic.tool_choice"
      ),
      (
        #"{"response_format": {"type": "json_schema", "json_schema": {"name": "n", "schema": {"properties": {"a": {}}}}}}"#,
        "/response_format/json_schema/schema/properties/a", "openai.response_format"
      ),
      (
        #"{"tools": [{"type": "function", "function": {"name": "f", "parameters": {"properties": {"a": {}}}}}]}"#,
        "/tools/0/function/parameters/properties/a", "openai.tool.parameters"
      ),
      (
        #"{"functions": [{"name": "f", "parameters": {"properties": {"a": {}}}}]}"#,
        "/functions/0/parameters/properties/a", "openai.function.parameters"
      ),
      (
        #"{"input": "x", "text": {"format": {"type": "json_schema", "name": "n", "schema": {"properties": {"a": {}}}}}}"#,
        "/text/format/schema/properties/a", "openai.responses.text.format"
      ),
      (
        #"{"tools": [{"type": "function", "name": "f", "parameters": {"properties": {"a": {}}}}]}"#,
        "/tools/0/parameters/properties/a", "openai.responses.tool.parameters"
      ),
      (
        #"{"tools": [{"type": "custom", "name": "g", "format": {"type": "grammar", "syntax": "lark", "definition": "start: x"}}]}"#,
        "/tools/0/format/definition", "openai.responses.custom_tool.grammar"
      ),
      (
        #"{"tools": [{"type": "namespace", "name": "crm", "tools": [{"type": "function", "name": "f", "parameters": {"properties": {"a": {}}}}]}]}"#,
        "/tools/0/tools/0/parameters/properties/a", "openai.responses.tool.parameters"
      ),
      (
        #"{"jsonrpc": "2.0", "id": 1, "result": {"tools": [{"name": "t", "inputSchema": {"properties": {"a": {}}}}]}}"#,
        "/result/tools/0/inputSchema/properties/a", "mcp.tool.inputSchema"
      ),
      (
        #"{"tools": [{"name": "t", "annotations": {"title": "T"}, "inputSchema": {}}]}"#, "/tools/0/annotations/title",
        "mcp.tool"
      ),
      (
        #"{"name": "t", "inputSchema": {}, "outputSchema": {"properties": {"a": {}}}}"#, "/outputSchema/properties/a",
        "mcp.tool.outputSchema"
      ),
      (
        #"{"jsonrpc": "2.0", "id": 2, "method": "elicitation/create", "params": {"message": "m", "requestedSchema": {"properties": {"a": {}}}}}"#,
        "/params/requestedSchema/properties/a", "mcp.elicitation.requestedSchema"
      ),
      (
        #"{"contents": [], "generationConfig": {"responseSchema": {"type": "OBJECT", "properties": {"a": {}}}}}"#,
        "/generationConfig/responseSchema/properties/a", "gemini.response_schema"
      ),
      (
        #"{"generation_config": {"response_json_schema": {"properties": {"a": {}}}}}"#,
        "/generation_config/response_json_schema/properties/a", "gemini.response_json_schema"
      ),
      (
        #"{"tools": [{"function_declarations": [{"name": "f", "parameters_json_schema": {"properties": {"a": {}}}}]}]}"#,
        "/tools/0/function_declarations/0/parameters_json_schema/properties/a", "gemini.function.parameters_json_schema"
      ),
      (
        #"{"toolConfig": {"tools": [{"toolSpec": {"name": "t", "inputSchema": {"json": {"properties": {"a": {}}}}}}, {"cachePoint": {"type": "default"}}]}}"#,
        "/toolConfig/tools/0/toolSpec/inputSchema/json/properties/a", "bedrock.tool.inputSchema"
      ),
      (
        #"{"custom_id": "r", "params": {"tools": [{"name": "t", "input_schema": {"properties": {"a": {}}}}]}}"#,
        "/params/tools/0/input_schema/properties/a", "anthropic.tool.input_schema"
      ),
      (
        #"{"requests": [{"custom_id": "r", "params": {"output_format": {"schema": {"properties": {"a": {}}}}}}]}"#,
        "/requests/0/params/output_format/schema/properties/a", "anthropic.output_format"
      ),
      (
        #"{"recordId": "r", "modelInput": {"output_config": {"format": {"schema": {"properties": {"a": {}}}}}}}"#,
        "/modelInput/output_config/format/schema/properties/a", "anthropic.output_config.format"
      ),
      (
        #"{"key": "k", "request": {"generationConfig": {"responseSchema": {"properties": {"a": {}}}}}}"#,
        "/request/generationConfig/responseSchema/properties/a", "gemini.response_schema"
      ),
      (
        #"{"mcpServers": {"clinic": {"command": "x", "tools": [{"name": "t", "inputSchema": {"properties": {"a": {}}}}]}}}"#,
        "/mcpServers/clinic/tools/0/inputSchema/properties/a", "mcp.tool.inputSchema"
      ),
      (##"{"$defs": {"A": {"type": "string"}}, "$ref": "#/$defs/A"}"##, "/$defs/A", "json-schema"),
      (#"{"enum": ["a"]}"#, "/enum/0", "json-schema"),
    ]
    for (json, pointer, shape) in cases {
      let found = string(extract(json), pointer)
      #expect(found?.context.shape == shape, "\(json) -> \(pointer): \(found?.context.shape ?? "nothing")")
    }
  }

  @Test func schemasInsideOtherDataMayReferToTheDocument() {
    // An OpenAPI component refers to its siblings from the document root (OpenAPI is a
    // shape of its own: the components are read as such).
    let openAPI = extract(
      ##"{"openapi": "3.1.0", "components": {"schemas": {"A": {"type": "object", "properties": {"b": {"$ref": "#/components/schemas/B"}}}, "B": {"type": "string", "enum": ["x"]}}}}"##
    )
    #expect(string(openAPI, "/components/schemas/B/enum/0")?.context.shape == "openapi.components.schemas")
    #expect(openAPI.notes.isEmpty)
    let dangling = extract(
      ##"{"tools": [{"name": "t", "input_schema": {"properties": {"b": {"$ref": "#/$defs/Missing"}}}}]}"##)
    #expect(dangling.notes.map(\.code) == [.danglingRef])
  }

  @Test func batchLinesKeepTheirIndexPrefix() {
    let jsonl = """
      {"custom_id": "a", "params": {"tools": [{"name": "t", "input_schema": {"properties": {"x": {"const": "c"}}}}]}}
      {"custom_id": "b", "body": {"response_format": {"type": "json_schema", "json_schema": {"name": "n", "schema": {"const": "c"}}}}}
      """
    let extraction = extract(jsonl, format: .jsonLines)
    #expect(string(extraction, "/0/params/tools/0/input_schema/properties/x/const")?.range.start.line == 1)
    #expect(string(extraction, "/1/body/response_format/json_schema/schema/const")?.range.start.line == 2)
    #expect(extraction.shapes.contains("anthropic.batch") && extraction.shapes.contains("openai.batch"))
  }

  @Test func bedrockStringSchemaMapsPositionsThroughEscapes() throws {
    // The inner schema spans escaped quotes, a \u escape and an escaped newline.
    let marked = MarkedText(
      #"{"outputConfig": {"textFormat": {"structure": {"jsonSchema": {"name": "n", "schema": "{\"properties\": {\"caf\u00e9\": {\"const\": 1️⃣\"x\\\"y\"},\n \"b\": {\"enum\": [2️⃣\"z\"]}}}"}}}}}"#
    )
    let extraction = extract(marked.text)
    #expect(extraction.notes.isEmpty)
    let base = "/outputConfig/textFormat/structure/jsonSchema/schema"
    let key = try #require(string(extraction, "\(base)/properties/café"))
    #expect(key.site == .propertyName && key.context.shape == "bedrock.output.jsonSchema" && key.context.isCached)
    let const = try #require(string(extraction, "\(base)/properties/café/const"))
    #expect(const.text == "x\"y")
    #expect(const.range.start.line == marked["1️⃣"].line && const.range.start.column == marked["1️⃣"].column)
    let member = try #require(string(extraction, "\(base)/properties/b/enum/0"))
    #expect(member.range.start.column == marked["2️⃣"].column)
  }

  @Test func malformedStringSchemaIsAnErrorNoteAndStillScannedAsText() throws {
    let extraction = extract(
      #"{"outputConfig": {"textFormat": {"structure": {"jsonSchema": {"schema": "{\"properties\": {"}}}}}"#)
    let note = try #require(extraction.notes.first)
    #expect(note.severity == .error && note.code == .embeddedSchemaInvalid)
    #expect(note.position?.line == 1 && (note.position?.column ?? 0) > 70)
    #expect(string(extraction, "/outputConfig/textFormat/structure/jsonSchema/schema")?.site == .other)
  }

  @Test func yamlLiteralBlockTrailersArePositioned() throws {
    let yaml = """
      type: object
      properties:
        member:
          type: string
          description: |
            Member id

            {pattern: ^(512-43-8876)$}
      """
    let extraction = extract(yaml, format: .yaml)
    let pattern = try #require(extraction.strings.first { $0.site == .pattern })
    #expect(pattern.pointer.string == "/properties/member/description")
    #expect(pattern.range.start == SourcePosition(line: 8, column: 17))
  }

  /// Several schemas in one document append their strings to one array: each schema's
  /// `$ref` usages and property-path context must land on its own strings, exactly as
  /// when every schema is walked alone.
  @Test func severalSchemasGatherTheSameStringsAsSeparateWalks() throws {
    let json = """
      {"tools": [
        {"name": "lookup_member", "description": "Finds a member.", "input_schema": {
          "type": "object",
          "properties": {"subscriber": {"$ref": "#/$defs/Member"}, "note": {"type": "string", "description": "free text"}},
          "$defs": {"Member": {"type": "object", "properties": {"id": {"type": "string", "enum": ["A-1", "B-2"]}}}}
        }},
        {"name": "file_claim", "description": "Files a claim.", "input_schema": {
          "type": "object",
          "properties": {"claimant": {"$ref": "#/definitions/Person"}, "amount": {"type": "number"}},
          "definitions": {"Person": {"properties": {"name": {"type": "string", "examples": ["Jane Roe"]}}}}
        }}
      ]}
      """
    let bytes = Array(json.utf8)
    let document = try #require(DocumentLoader.load(bytes, format: .json).documents.first)
    let source = SourceText(bytes)
    let gathered = ShapeRecognizer.extract(from: document, source: source)
    let recognized = ShapeRecognizer.recognize(document, source: source)
    try #require(recognized.schemas.count == 2)
    var separate = recognized.envelopeStrings
    for schema in recognized.schemas {
      separate +=
        SchemaWalker.walk(
          schema.node, at: schema.pointer, context: schema.context, source: source,
          document: (document.root, document.rootPointer)
        ).strings
    }
    try #require(gathered.strings.count == separate.count)
    for (a, b) in zip(gathered.strings, separate) {
      #expect(a.text == b.text && a.site == b.site && a.pointer == b.pointer && a.range == b.range)
      #expect(a.context == b.context && a.propertyPath == b.propertyPath && a.relatedLocations == b.relatedLocations)
    }
    // The usages are really there: the definitions' strings point back at their `$ref`s.
    #expect(
      string(gathered, "/tools/0/input_schema/$defs/Member/properties/id/enum/0")?.relatedLocations.map(
        \.pointer.string) == ["/tools/0/input_schema/properties/subscriber/$ref"])
    #expect(
      string(gathered, "/tools/1/input_schema/definitions/Person/properties/name/examples/0")?.propertyPath == [
        "claimant", "name",
      ])
  }
}
