#!/usr/bin/env python3
"""Writes corpus/shapes: one document per provider envelope with a distinct synthetic SSN
at every site, its clean twin (same structure, values replaced by format descriptions),
and labels.jsonl per folder (pointer, site, line, shape; never the value).

The SSNs are synthetic (valid format, never issued to a person on purpose). Rerun after
editing: python3 corpus/shapes/generate.py  (writes next to this file; review the diff)."""
import json, os, shutil

HERE = os.path.dirname(os.path.abspath(__file__))
USED = []  # every SSN written, for validate-sarif --forbid

class S:
    """A string that holds an SSN at `site`; `template` places it in text."""
    def __init__(self, site, shape, template="{}", style="dash", clean=None, same_as=None):
        self.site, self.shape, self.template, self.style = site, shape, template, style
        self.clean, self.same_as, self.ssn = clean, same_as, None

class Embedded:
    """A JSON document serialized into a string (Bedrock's output schema)."""
    def __init__(self, inner):
        self.inner = inner

class Emitter:
    def __init__(self, flagged, ssns, indent=2, start_line=1, yaml=False):
        self.flagged, self.ssns, self.indent, self.yaml = flagged, ssns, indent, yaml
        self.out, self.line, self.labels = [], start_line, []

    def text(self, s):
        if isinstance(s, str):
            return s
        if not self.flagged:
            if s.clean is not None:
                return s.clean
            fill = {"dash": "NNN-NN-NNNN", "underscore": "member", "regex": r"\d{3}-\d{2}-\d{4}"}[s.style]
            return s.template.format(fill)
        if s.ssn is None:
            s.ssn = s.same_as.ssn if s.same_as is not None else next(self.ssns)
            USED.append(s.ssn)
        value = {"dash": s.ssn, "underscore": s.ssn.replace("-", "_"), "regex": s.ssn}[s.style]
        return s.template.format(value)

    def label(self, s, pointer, line):
        if self.flagged and isinstance(s, S):
            self.labels.append({"pointer": pointer, "site": s.site, "category": "ssn", "expect": "flag", "line": line, "shape": s.shape})

    def write(self, t):
        self.out.append(t)
        self.line += t.count("\n")

    def scalar(self, value, pointer):
        if isinstance(value, Embedded):
            inner = Emitter(self.flagged, self.ssns, indent=None)
            inner.emit(value.inner, "")
            for l in inner.labels:
                self.labels.append(dict(l, pointer=pointer + l["pointer"], line=self.line))
            self.write(json.dumps("".join(inner.out)))
        elif isinstance(value, S) or isinstance(value, str):
            self.label(value, pointer, self.line)
            self.write(json.dumps(self.text(value)))
        else:
            self.write(json.dumps(value))

    def emit(self, value, pointer, depth=0):
        pad = lambda d: "" if self.indent is None else "\n" + " " * (self.indent * d)
        sep = ", " if self.indent is None else ","
        if isinstance(value, dict):
            if not value:
                return self.write("{}")
            self.write("{")
            for i, (k, v) in enumerate(value.items()):
                if i: self.write(sep if self.indent is None else ",")
                self.write(pad(depth + 1))
                token = self.text(k).replace("~", "~0").replace("/", "~1")
                self.label(k, pointer + "/" + token, self.line)
                self.write(json.dumps(self.text(k)) + ": ")
                self.emit(v, pointer + "/" + token, depth + 1)
            self.write(pad(depth) + "}")
        elif isinstance(value, list):
            if not value:
                return self.write("[]")
            self.write("[")
            for i, v in enumerate(value):
                if i: self.write(sep if self.indent is None else ",")
                self.write(pad(depth + 1))
                self.emit(v, pointer + "/" + str(i), depth + 1)
            self.write(pad(depth) + "]")
        else:
            self.scalar(value, pointer)

    def emit_yaml(self, value, pointer, depth=0, inline=False):
        """Block YAML with double-quoted strings (JSON escapes are valid YAML)."""
        ind = "  " * depth
        if isinstance(value, dict):
            for i, (k, v) in enumerate(value.items()):
                if not (inline and i == 0): self.write(ind)
                token = self.text(k).replace("~", "~0").replace("/", "~1")
                self.label(k, pointer + "/" + token, self.line)
                self.write(json.dumps(self.text(k)) + ":")
                self.yaml_value(v, pointer + "/" + token, depth + 1)
        elif isinstance(value, list):
            for i, v in enumerate(value):
                if not (inline and i == 0): self.write(ind)
                self.write("- ")
                if isinstance(v, (dict, list)) and v:
                    self.emit_yaml(v, pointer + "/" + str(i), depth + 1, inline=True)
                else:
                    self.scalar(v, pointer + "/" + str(i)); self.write("\n")

    def yaml_value(self, v, pointer, depth):
        if isinstance(v, (dict, list)) and v:
            self.write("\n")
            self.emit_yaml(v, pointer, depth)
        elif isinstance(v, (dict, list)):
            self.write(" " + ("{}" if isinstance(v, dict) else "[]") + "\n")
        else:
            self.write(" "); self.scalar(v, pointer); self.write("\n")

def ssn_stream():
    k, seen = 0, set()
    while True:
        area = 201 + (k * 7) % 460          # 201..660: never 000, 666 or 9xx
        group = 10 + (k * 13) % 89          # 10..98
        serial = 1001 + (k * 37) % 8998     # 1001..9998
        k += 1
        ssn = f"{area:03d}-{group:02d}-{serial:04d}"
        if ssn not in seen:
            seen.add(ssn)
            yield ssn

def schema(shape):
    """Every schema site, nested under each applicator, and a `$defs` entry used by `$ref`."""
    c = lambda site, template="{}", style="dash": S(site, shape, template, style)
    return {
        "type": "object",
        "title": c("title", "Member {} record"),
        "description": c("description", "Eligibility record for member {}."),
        "properties": {
            c("property-name", "ssn_{}", "underscore"): {"type": "string"},
            "member": {"type": "string", "const": c("const")},
            "alternate": {"type": "string", "enum": ["unknown", c("enum")]},
            "fallback": {"type": "string", "default": c("default")},
            "sample": {"type": "string", "examples": [c("examples")]},
            "allowed": {"type": "string", "pattern": c("pattern", "^({}|unknown)$", "regex")},
            "choice": {"anyOf": [{"type": "string", "const": c("const")}, {"type": "null"}]},
            "history": {"type": "array", "items": {"type": "string", "enum": [c("enum")]}},
            "pair": {"type": "array", "prefixItems": [{"type": "string", "const": c("const")}]},
            "extra": {"type": "object", "additionalProperties": {"type": "string", "const": c("const")}},
            "conditional": {"type": "string", "if": {"const": "primary"}, "then": {"const": c("const")}, "else": {"default": c("default")}},
            "excluded": {"type": "string", "not": {"const": c("const")}},
            "linked": {"$ref": "#/$defs/Linked"},
        },
        "required": ["member"],
        "additionalProperties": False,
        "$defs": {"Linked": {"type": "string", "const": c("const")}},
    }

def anthropic_tool(strict=True, shape="anthropic.tool.input_schema"):
    name = S("tool-name", "anthropic.tool", "lookup_{}")
    tool = {"name": name, "description": S("tool-description", "anthropic.tool", "Looks up the eligibility of member {}."),
            "input_schema": schema(shape), "input_examples": [{"member": S("examples", "anthropic.tool.input_examples")}]}
    if strict: tool["strict"] = True
    return tool, name

def docs():
    d = []
    # Plain schemas: 2020-12 and draft-07.
    s = schema("json-schema"); s = {"$schema": "https://json-schema.org/draft/2020-12/schema", **s}
    d.append(("json-schema", "schema-2020-12", "json", s))
    s7 = schema("json-schema"); s7["definitions"] = s7.pop("$defs"); s7["properties"]["linked"]["$ref"] = "#/definitions/Linked"
    s7 = {"$schema": "http://json-schema.org/draft-07/schema#", **s7}
    d.append(("json-schema", "schema-draft-07", "json", s7))
    # Anthropic Messages: strict tool with tool_choice; tool-search catalog; top-level tool array.
    tool, name = anthropic_tool()
    d.append(("anthropic.tool.input_schema", "messages-strict-tool", "json", {
        "model": "claude-sonnet-4-5", "max_tokens": 1024, "messages": [{"role": "user", "content": "Check eligibility."}],
        "tools": [tool], "tool_choice": {"type": "tool", "name": S("tool-name", "anthropic.tool_choice", "lookup_{}", same_as=name)}}))
    tool, _ = anthropic_tool(strict=False)
    d.append(("anthropic.tool.input_schema", "messages-tool-search", "json", {
        "model": "claude-sonnet-4-5", "max_tokens": 1024, "messages": [],
        "tools": [{"type": "tool_search_tool_regex_20251119", "name": "tool_search_tool_regex"}, dict(tool, defer_loading=True)]}))
    tool, _ = anthropic_tool(strict=False)
    d.append(("anthropic.tool.input_schema", "tools-array", "json", [tool]))
    d.append(("anthropic.output_config.format", "messages-output-config", "json", {
        "model": "claude-sonnet-4-5", "max_tokens": 1024, "messages": [],
        "output_config": {"effort": "medium", "format": {"type": "json_schema", "schema": schema("anthropic.output_config.format")}}}))
    d.append(("anthropic.output_format", "messages-output-format-beta", "json", {
        "model": "claude-sonnet-4-5", "max_tokens": 1024, "messages": [],
        "output_format": {"type": "json_schema", "schema": schema("anthropic.output_format")}}))
    # OpenAI Chat Completions.
    d.append(("openai.response_format", "chat-response-format", "json", {
        "model": "gpt-x", "messages": [],
        "response_format": {"type": "json_schema", "json_schema": {
            "name": S("tool-name", "openai.response_format", "eligibility_{}"),
            "description": S("tool-description", "openai.response_format", "Eligibility of member {}."),
            "strict": True, "schema": schema("openai.response_format")}}}))
    d.append(("openai.tool.parameters", "chat-function-tool", "json", {
        "model": "gpt-x", "messages": [],
        "tools": [{"type": "function", "function": {
            "name": S("tool-name", "openai.tool", "lookup_{}"),
            "description": S("tool-description", "openai.tool", "Looks up member {}."),
            "strict": True, "parameters": schema("openai.tool.parameters")}}]}))
    # OpenAI Responses: text.format, a function tool and a custom grammar tool.
    d.append(("openai.responses.text.format", "responses-text-format", "json", {
        "model": "gpt-x", "input": "Check eligibility.",
        "text": {"format": {"type": "json_schema", "name": S("tool-name", "openai.responses.text.format", "eligibility_{}"),
                            "strict": True, "schema": schema("openai.responses.text.format")}}}))
    d.append(("openai.responses.tool.parameters", "responses-tools", "json", {
        "model": "gpt-x", "input": "Check eligibility.",
        "tools": [
            {"type": "function", "name": S("tool-name", "openai.responses.tool", "lookup_{}"),
             "description": S("tool-description", "openai.responses.tool", "Looks up member {}."),
             "parameters": schema("openai.responses.tool.parameters")},
            {"type": "custom", "name": "member_filter", "description": "Filters members.",
             "format": {"type": "grammar", "syntax": "regex",
                        "definition": S("other", "openai.responses.custom_tool.grammar", "^({}|unknown)$", "regex")}}]}))
    # MCP tools/list: JSON-RPC and bare.
    def mcp_tool():
        return {"name": S("tool-name", "mcp.tool", "lookup_{}"), "title": S("title", "mcp.tool", "Lookup {}"),
                "description": S("tool-description", "mcp.tool", "Looks up member {}."),
                "inputSchema": schema("mcp.tool.inputSchema"),
                "outputSchema": {"type": "object", "properties": {"status": {"type": "string", "const": S("const", "mcp.tool.outputSchema")}}},
                "annotations": {"title": S("title", "mcp.tool", "Member {} lookup"), "readOnlyHint": True}}
    d.append(("mcp.tool.inputSchema", "tools-list-jsonrpc", "json", {"jsonrpc": "2.0", "id": 7, "result": {"tools": [mcp_tool()]}}))
    d.append(("mcp.tool.inputSchema", "tools-list-bare", "json", {"tools": [mcp_tool()]}))
    # Gemini: camelCase request, snake_case SDK dump.
    d.append(("gemini.response_schema", "generate-content", "json", {
        "contents": [], "generationConfig": {"responseMimeType": "application/json", "responseSchema": schema("gemini.response_schema")},
        "tools": [{"functionDeclarations": [{"name": S("tool-name", "gemini.function", "lookup_{}"),
                                             "description": S("tool-description", "gemini.function", "Looks up member {}."),
                                             "parametersJsonSchema": schema("gemini.function.parameters_json_schema")}]}]}))
    d.append(("gemini.function.parameters", "generate-content-snake-case", "json", {
        "contents": [], "generation_config": {"response_json_schema": schema("gemini.response_json_schema")},
        "tools": [{"function_declarations": [{"name": S("tool-name", "gemini.function", "lookup_{}"),
                                              "description": S("tool-description", "gemini.function", "Looks up member {}."),
                                              "parameters": schema("gemini.function.parameters")}]}]}))
    # Bedrock Converse: tool input schema and the output schema serialized into a string.
    d.append(("bedrock.tool.inputSchema", "converse-tools", "json", {
        "modelId": "anthropic.claude-sonnet-4-5", "messages": [],
        "toolConfig": {"tools": [{"toolSpec": {"name": S("tool-name", "bedrock.tool", "lookup_{}"),
                                               "description": S("tool-description", "bedrock.tool", "Looks up member {}."),
                                               "strict": True, "inputSchema": {"json": schema("bedrock.tool.inputSchema")}}},
                                 {"cachePoint": {"type": "default"}}]}}))
    d.append(("bedrock.output.jsonSchema", "converse-output-schema-string", "json", {
        "modelId": "anthropic.claude-sonnet-4-5", "messages": [],
        "outputConfig": {"textFormat": {"type": "json_schema", "structure": {"jsonSchema": {
            "name": S("tool-name", "bedrock.output", "eligibility_{}"),
            "description": S("tool-description", "bedrock.output", "Eligibility of member {}."),
            "schema": Embedded(schema("bedrock.output.jsonSchema"))}}}}}))
    # Batch JSONL: one envelope per provider.
    tool, _ = anthropic_tool()
    d.append(("batch", "anthropic-batch", "jsonl", [
        {"custom_id": "req-1", "params": {"model": "claude-sonnet-4-5", "max_tokens": 64, "messages": [], "tools": [tool]}},
        {"custom_id": "req-2", "params": {"model": "claude-sonnet-4-5", "max_tokens": 64, "messages": [],
                                          "output_config": {"format": {"type": "json_schema", "schema": schema("anthropic.output_config.format")}}}}]))
    d.append(("batch", "openai-batch", "jsonl", [
        {"custom_id": "req-1", "method": "POST", "url": "/v1/chat/completions",
         "body": {"model": "gpt-x", "messages": [], "response_format": {"type": "json_schema", "json_schema": {"name": "eligibility", "schema": schema("openai.response_format")}}}}]))
    d.append(("batch", "bedrock-batch", "jsonl", [
        {"recordId": "rec-1", "modelInput": {"anthropic_version": "bedrock-2023-05-31", "max_tokens": 64, "messages": [],
                                             "output_config": {"format": {"type": "json_schema", "schema": schema("anthropic.output_config.format")}}}}]))
    d.append(("batch", "gemini-batch", "jsonl", [
        {"key": "req-1", "request": {"contents": [], "generationConfig": {"responseSchema": schema("gemini.response_schema")}}}]))
    # YAML: multi-document (an MCP tool list, then a plain schema).
    d.append(("yaml", "mcp-and-schema", "yaml", [{"tools": [mcp_tool()]}, schema("json-schema")]))
    # OpenAPI 3.0 (JSON), 3.1 (YAML, with webhooks) and Swagger 2.0 (JSON and YAML).
    d.append(("openapi", "openapi-3.0", "json", openapi3("3.0.3")))
    d.append(("openapi", "openapi-3.1", "yaml", [openapi3("3.1.0", webhooks=True)]))
    d.append(("openapi", "swagger-2.0", "json", swagger2()))
    d.append(("openapi", "swagger-2.0", "yaml", [swagger2()]))
    return d

def openapi3(version, webhooks=False):
    c = lambda site, shape, template="{}", style="dash": S(site, shape, template, style)
    def parameter():
        return {"name": c("property-name", "openapi.parameter", "ssn_{}", "underscore"), "in": "query",
                "description": c("description", "openapi.parameter", "Member {} only."),
                "schema": {"type": "string", "enum": ["unknown", c("enum", "openapi.parameter.schema")]},
                "example": c("examples", "openapi.example"),
                "examples": {"one": {"summary": c("description", "openapi.example", "Member {}"), "value": c("examples", "openapi.example")}}}
    def operation():
        return {"operationId": c("tool-name", "openapi.operation", "lookup_{}"),
                "summary": c("tool-description", "openapi.operation", "Looks up member {}."),
                "description": c("tool-description", "openapi.operation", "Eligibility of member {}."),
                "parameters": [parameter(), {"$ref": "#/components/parameters/memberId"}],
                "requestBody": {"description": c("description", "openapi.request_body", "Record of member {}."),
                                "content": {"application/json": {"schema": schema("openapi.request_body.schema"),
                                                                 "example": {"member": c("examples", "openapi.example")}}}},
                "responses": {"200": {"description": c("description", "openapi.response", "Member {} found."),
                                      "headers": {"X-Member": {"description": c("description", "openapi.parameter", "Set for member {}."),
                                                               "schema": {"type": "string", "default": c("default", "openapi.parameter.schema")}}},
                                      "content": {"application/json": {"schema": {"type": "object", "properties": {"id": {"type": "string", "const": c("const", "openapi.response.schema")}}},
                                                                       "examples": {"found": {"value": {"id": c("examples", "openapi.example")}}}}}},
                              "404": {"$ref": "#/components/responses/NotFound"}}}
    doc = {"openapi": version, "info": {"title": "Members", "version": "1.0.0"},
           "paths": {"/members": {"summary": c("tool-description", "openapi.operation", "Lists member {} and others."), "post": operation()}},
           "components": {
               "schemas": {"Member": {"type": "object", "properties": {"id": {"type": "string", "const": c("const", "openapi.components.schemas")}}}},
               "parameters": {"memberId": {"name": "member_id", "in": "header", "schema": {"type": "string", "default": c("default", "openapi.parameter.schema")}}},
               "examples": {"member": {"summary": c("description", "openapi.example", "Member {}"), "value": {"id": c("examples", "openapi.example")}}},
               "requestBodies": {"Member": {"description": c("description", "openapi.request_body", "Member {} record."),
                                            "content": {"application/json": {"schema": {"type": "string", "const": c("const", "openapi.request_body.schema")}}}}},
               "responses": {"NotFound": {"description": c("description", "openapi.response", "No member {}.")}}}}
    if webhooks:
        doc["webhooks"] = {"memberChanged": {"post": {"operationId": c("tool-name", "openapi.operation", "changed_{}"),
                                                      "responses": {"200": {"description": "OK"}}}}}
    return doc

def swagger2():
    c = lambda site, shape, template="{}", style="dash": S(site, shape, template, style)
    return {"swagger": "2.0", "info": {"title": "Members", "version": "1.0.0"},
            "paths": {"/members": {"get": {
                "operationId": c("tool-name", "openapi.operation", "lookup_{}"),
                "summary": c("tool-description", "openapi.operation", "Looks up member {}."),
                "parameters": [
                    {"name": c("property-name", "openapi.parameter", "ssn_{}", "underscore"), "in": "query", "required": True,
                     "description": c("description", "openapi.parameter", "Member {} only."), "type": "string",
                     "enum": ["unknown", c("enum", "openapi.parameter.schema")], "default": c("default", "openapi.parameter.schema")},
                    {"name": "body", "in": "body", "description": c("description", "openapi.parameter", "Record of member {}."),
                     "schema": {"type": "object", "properties": {"member": {"type": "string", "const": c("const", "openapi.request_body.schema")}}}}],
                "responses": {"200": {"description": c("description", "openapi.response", "Member {} found."),
                                      "schema": {"type": "object", "properties": {"id": {"type": "string", "const": c("const", "openapi.response.schema")}}},
                                      "examples": {"application/json": {"id": c("examples", "openapi.example")}},
                                      "headers": {"X-Member": {"description": c("description", "openapi.parameter", "Set for member {}."),
                                                               "type": "string", "default": c("default", "openapi.parameter.schema")}}}}}}},
            "definitions": {"Member": {"type": "object", "properties": {"id": {"type": "string", "const": c("const", "openapi.components.schemas")}}}},
            "parameters": {"memberId": {"name": "member_id", "in": "header", "type": "string", "pattern": c("pattern", "openapi.parameter.schema", "^({}|unknown)$", "regex")}}}

def render(kind, value, flagged, ssns):
    labels = []
    if kind == "json":
        e = Emitter(flagged, ssns); e.emit(value, ""); e.write("\n")
        return "".join(e.out), e.labels
    if kind == "jsonl":
        out = []
        for i, record in enumerate(value):
            e = Emitter(flagged, ssns, indent=None, start_line=i + 1); e.emit(record, "/" + str(i))
            out.append("".join(e.out)); labels += e.labels
        return "\n".join(out) + "\n", labels
    out = []
    line = 1
    for i, document in enumerate(value):
        e = Emitter(flagged, ssns, start_line=line + 1)
        e.emit_yaml(document, "/" + str(i) if len(value) > 1 else "")
        text = "---\n" + "".join(e.out)
        out.append(text); labels += e.labels
        line += text.count("\n")
    return "".join(out), labels

def main():
    root = HERE
    for entry in os.listdir(root):
        if os.path.isdir(os.path.join(root, entry)): shutil.rmtree(os.path.join(root, entry))
    ssns = ssn_stream()
    by_folder = {}
    for folder, name, kind, build in docs():
        os.makedirs(os.path.join(root, folder), exist_ok=True)
        for flagged in (True, False):
            # Build fresh objects for each twin so S instances are not shared.
            structure = build
            file = f"{name}.{kind}" if flagged else f"{name}.clean.{kind}"
            text, labels = render(kind, structure, flagged, ssns)
            with open(os.path.join(root, folder, file), "w") as f: f.write(text)
            for l in labels: by_folder.setdefault(folder, []).append(dict({"file": file}, **l))
    forbid = os.environ.get("FORBID_FILE", "/tmp/phi-scan-shapes-ssns.txt")
    with open(forbid, "w") as f: f.write("\n".join(sorted(set(USED))) + "\n")
    print(f"{len(set(USED))} distinct SSNs; list for validate-sarif --forbid in {forbid}")
    for folder, labels in by_folder.items():
        with open(os.path.join(root, folder, "labels.jsonl"), "w") as f:
            for l in labels: f.write(json.dumps(l) + "\n")

if __name__ == "__main__":
    main()
