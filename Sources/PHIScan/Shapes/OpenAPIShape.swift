/// OpenAPI 3.x and Swagger 2.0 documents, read as tool definitions: tool sets are often
/// generated from operations, so an operation's id is a tool name, its summary and
/// description are tool descriptions, and its parameters, bodies and responses are the
/// tool's schemas and examples.
///
/// | id | where | cached |
/// |---|---|---|
/// | `openapi.operation` | `operationId` (site `tool-name`), `summary`, `description` (`tool-description`) of an operation; a path item's `summary`, `description` | yes |
/// | `openapi.parameter` | a parameter's `name` (`property-name`) and `description`; a header's name and description | yes |
/// | `openapi.parameter.schema` | a parameter's or header's `schema` (Swagger 2.0: the parameter's own schema keywords) | yes |
/// | `openapi.request_body` / `openapi.request_body.schema` | a request body's `description` / its content schemas | yes |
/// | `openapi.response` / `openapi.response.schema` | a response's `description` / its content schemas (Swagger 2.0 `schema`) | yes |
/// | `openapi.example` | `example`, `examples` values (site `examples`) and example `summary`, `description` | yes |
/// | `openapi.components.schemas` | `components.schemas`, Swagger `definitions` | yes |
///
/// Operations become tools whose definitions are cached like any tool catalog's, so
/// their strings count as cached (the schemas of an OpenAPI document counted so before
/// it was recognized, as bare schemas).
extension Recognition {
  static let openAPICached = true
  static let httpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
  /// True when `node` is an OpenAPI 3.x or Swagger 2.0 document (and was read as one).
  mutating func openAPI(_ node: Node, _ pointer: JSONPointer) -> Bool {
    let isOpenAPI3 = node["openapi"]?.string?.hasPrefix("3.") ?? false
    let isSwagger2 =
      node["swagger"]?.string == "2.0"
      || node["swagger"].map { if case .number("2.0") = $0.value { return true } else { return false } } ?? false
    guard isOpenAPI3 || isSwagger2 else { return false }
    guard node["paths"] != nil || node["components"] != nil || node["definitions"] != nil || node["webhooks"] != nil
    else { return false }
    saw(isOpenAPI3 ? "openapi" : "swagger")
    var api = OpenAPIWalk(recognition: self, swagger: isSwagger2)
    for key in ["paths", "webhooks"] {
      guard let items = node[key]?.members else { continue }
      let here = pointer.appending(key)
      for item in items { api.pathItem(item.value, here.appending(item.key)) }
    }
    if let components = node["components"] {
      api.components(components, pointer.appending("components"))
    }
    if isSwagger2 {
      api.schemaMap(node["definitions"], pointer.appending("definitions"))
      api.parameterMap(node["parameters"], pointer.appending("parameters"), tool: nil)
      api.responseMap(node["responses"], pointer.appending("responses"), tool: nil)
    }
    self = api.recognition
    return true
  }
}

/// One pass over an OpenAPI document, adding to `recognition`.
struct OpenAPIWalk {
  var recognition: Recognition
  let swagger: Bool
  let cached = Recognition.openAPICached

  mutating func pathItem(_ item: Node, _ pointer: JSONPointer) {
    guard item.members != nil else { return }
    recognition.string(
      item["summary"], pointer.appending("summary"), .toolDescription, "openapi.operation", cached: cached, tool: nil)
    recognition.string(
      item["description"], pointer.appending("description"), .toolDescription, "openapi.operation", cached: cached,
      tool: nil)
    parameterList(item["parameters"], pointer.appending("parameters"), tool: nil)
    for method in Recognition.httpMethods {
      if let operation = item[method], operation.members != nil { self.operation(operation, pointer.appending(method)) }
    }
  }

  mutating func operation(_ node: Node, _ pointer: JSONPointer) {
    let tool = node["operationId"]?.string
    recognition.string(
      node["operationId"], pointer.appending("operationId"), .toolName, "openapi.operation", cached: cached, tool: tool)
    recognition.string(
      node["summary"], pointer.appending("summary"), .toolDescription, "openapi.operation", cached: cached, tool: tool)
    recognition.string(
      node["description"], pointer.appending("description"), .toolDescription, "openapi.operation", cached: cached,
      tool: tool)
    parameterList(node["parameters"], pointer.appending("parameters"), tool: tool)
    if let body = node["requestBody"] { requestBody(body, pointer.appending("requestBody"), tool: tool) }
    responseMap(node["responses"], pointer.appending("responses"), tool: tool)
  }

  mutating func components(_ node: Node, _ pointer: JSONPointer) {
    schemaMap(node["schemas"], pointer.appending("schemas"))
    parameterMap(node["parameters"], pointer.appending("parameters"), tool: nil)
    responseMap(node["responses"], pointer.appending("responses"), tool: nil)
    if let bodies = node["requestBodies"]?.members {
      let here = pointer.appending("requestBodies")
      for body in bodies { requestBody(body.value, here.appending(body.key), tool: nil) }
    }
    headerMap(node["headers"], pointer.appending("headers"), tool: nil)
    if let examples = node["examples"]?.members {
      let here = pointer.appending("examples")
      for example in examples { exampleObject(example.value, here.appending(example.key), tool: nil) }
    }
  }

  mutating func schemaMap(_ node: Node?, _ pointer: JSONPointer) {
    guard let schemas = node?.members else { return }
    for schema in schemas where schema.value.members != nil {
      recognition.schema(schema.value, pointer.appending(schema.key), "openapi.components.schemas", cached: cached)
    }
  }

  mutating func parameterList(_ node: Node?, _ pointer: JSONPointer, tool: String?) {
    guard let parameters = node?.elements else { return }
    for (i, parameter) in parameters.enumerated() { self.parameter(parameter, pointer.appending(index: i), tool: tool) }
  }

  mutating func parameterMap(_ node: Node?, _ pointer: JSONPointer, tool: String?) {
    guard let parameters = node?.members else { return }
    for parameter in parameters { self.parameter(parameter.value, pointer.appending(parameter.key), tool: tool) }
  }

  /// A parameter (a `$ref` is skipped: its target is read where it is defined).
  mutating func parameter(_ node: Node, _ pointer: JSONPointer, tool: String?) {
    guard node.members != nil, node["$ref"] == nil else { return }
    recognition.string(
      node["name"], pointer.appending("name"), .propertyName, "openapi.parameter", cached: cached, tool: tool)
    described(node, pointer, tool: tool)
    if swagger, node["in"]?.string != "body" {
      inlineSchema(node, pointer, tool: tool)
    }
    if let schema = node["schema"] {
      let shape = node["in"]?.string == "body" ? "openapi.request_body.schema" : "openapi.parameter.schema"
      recognition.schema(schema, pointer.appending("schema"), shape, cached: cached, tool: tool)
    }
    content(node["content"], pointer.appending("content"), shape: "openapi.parameter.schema", tool: tool)
  }

  /// A header (its name is the key of its map): name, description, schema and examples.
  mutating func headerMap(_ node: Node?, _ pointer: JSONPointer, tool: String?) {
    guard let headers = node?.members else { return }
    for header in headers where header.value.members != nil && header.value["$ref"] == nil {
      let here = pointer.appending(header.key)
      recognition.result.envelopeStrings.append(
        ExtractedString(
          text: header.key, site: .propertyName, pointer: here, range: header.keyRange,
          context: SchemaContext(shape: "openapi.parameter", isCached: cached, toolName: tool)))
      recognition.saw("openapi.parameter")
      described(header.value, here, tool: tool)
      if swagger { inlineSchema(header.value, here, tool: tool) }
      if let schema = header.value["schema"] {
        recognition.schema(schema, here.appending("schema"), "openapi.parameter.schema", cached: cached, tool: tool)
      }
      content(header.value["content"], here.appending("content"), shape: "openapi.parameter.schema", tool: tool)
    }
  }

  /// Swagger 2.0: a parameter's or header's own schema keywords, walked as a schema
  /// (a copy holding only them, so `name`, `in` and `required: true` are not read as
  /// schema keywords; pointers still lead into the parameter).
  mutating func inlineSchema(_ node: Node, _ pointer: JSONPointer, tool: String?) {
    guard let members = node.members else { return }
    let kept = members.filter { SchemaVocabulary.swaggerSchemaKeywords.contains($0.key) }
    guard !kept.isEmpty else { return }
    recognition.schema(
      Node(.object(kept), range: node.range), pointer, "openapi.parameter.schema", cached: cached, tool: tool)
  }

  /// `description`, `example` and `examples` of a parameter, header or media type.
  mutating func described(_ node: Node, _ pointer: JSONPointer, tool: String?) {
    recognition.string(
      node["description"], pointer.appending("description"), .description, "openapi.parameter", cached: cached,
      tool: tool)
    examples(node, pointer, tool: tool)
  }

  /// `example` (a value) and `examples` (OpenAPI 3: example objects by name; Swagger 2.0
  /// responses: values by media type).
  mutating func examples(_ node: Node, _ pointer: JSONPointer, tool: String?) {
    recognition.data(
      node["example"], pointer.appending("example"), .examples, "openapi.example", cached: cached, tool: tool)
    guard let examples = node["examples"] else { return }
    let here = pointer.appending("examples")
    if swagger || examples.elements != nil {
      recognition.data(examples, here, .examples, "openapi.example", cached: cached, tool: tool)
      return
    }
    for example in examples.members ?? [] { exampleObject(example.value, here.appending(example.key), tool: tool) }
  }

  mutating func exampleObject(_ node: Node, _ pointer: JSONPointer, tool: String?) {
    guard node.members != nil, node["$ref"] == nil else { return }
    recognition.string(
      node["summary"], pointer.appending("summary"), .description, "openapi.example", cached: cached, tool: tool)
    recognition.string(
      node["description"], pointer.appending("description"), .description, "openapi.example", cached: cached, tool: tool
    )
    recognition.data(
      node["value"], pointer.appending("value"), .examples, "openapi.example", cached: cached, tool: tool)
  }

  /// `content`: per media type, a schema and examples.
  mutating func content(_ node: Node?, _ pointer: JSONPointer, shape: String, tool: String?) {
    guard let types = node?.members else { return }
    for type in types where type.value.members != nil {
      let here = pointer.appending(type.key)
      if let schema = type.value["schema"] {
        recognition.schema(schema, here.appending("schema"), shape, cached: cached, tool: tool)
      }
      examples(type.value, here, tool: tool)
    }
  }

  mutating func requestBody(_ node: Node, _ pointer: JSONPointer, tool: String?) {
    guard node.members != nil, node["$ref"] == nil else { return }
    recognition.string(
      node["description"], pointer.appending("description"), .description, "openapi.request_body", cached: cached,
      tool: tool)
    content(node["content"], pointer.appending("content"), shape: "openapi.request_body.schema", tool: tool)
  }

  mutating func responseMap(_ node: Node?, _ pointer: JSONPointer, tool: String?) {
    guard let responses = node?.members else { return }
    for response in responses where response.value.members != nil && response.value["$ref"] == nil {
      let here = pointer.appending(response.key)
      let value = response.value
      recognition.string(
        value["description"], here.appending("description"), .description, "openapi.response", cached: cached,
        tool: tool)
      if let schema = value["schema"] {
        recognition.schema(schema, here.appending("schema"), "openapi.response.schema", cached: cached, tool: tool)
      }
      if swagger { examples(value, here, tool: tool) }
      headerMap(value["headers"], here.appending("headers"), tool: tool)
      content(value["content"], here.appending("content"), shape: "openapi.response.schema", tool: tool)
    }
  }
}
