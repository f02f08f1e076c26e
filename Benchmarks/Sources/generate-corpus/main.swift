// Writes a deterministic synthetic corpus of schema documents for the throughput
// benchmark: generate-corpus OUT_DIR [DOCUMENTS] [SEED]
// Shapes: bare JSON Schemas, Anthropic tool lists, OpenAI function tools, MCP
// tools/list results, JSON Lines request batches and YAML schemas. Values are fake
// (synthetic identifiers in valid formats), sprinkled thinly among ordinary text.
import Foundation

struct SplitMix64 {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
  mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
  mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
  print("usage: generate-corpus OUT_DIR [DOCUMENTS] [SEED]")
  exit(2)
}
let outDirectory = URL(fileURLWithPath: arguments[1])
let documentCount = arguments.count > 2 ? Int(arguments[2]) ?? 4000 : 4000
var random = SplitMix64(state: arguments.count > 3 ? UInt64(arguments[3]) ?? 7 : 7)

let nouns = [
  "account", "appointment", "billing", "claim", "clinic", "coverage", "device", "encounter", "facility", "invoice",
  "lab", "location", "medication", "order", "payment", "policy", "prescription", "provider", "referral", "report",
  "result", "schedule", "service", "specimen", "visit", "ward",
]
let attributes = [
  "id", "code", "status", "type", "name", "date", "time", "count", "total", "notes", "reference", "category",
  "priority", "unit", "value", "label", "source", "version", "region", "channel",
]
let words = [
  "the", "value", "of", "a", "record", "used", "when", "returned", "by", "service", "must", "be", "optional",
  "identifier", "format", "defined", "field", "request", "response", "for", "each", "item", "list", "current",
  "updated", "system", "client", "tool", "call", "query", "filter", "limit", "page", "results", "sorted", "ascending",
  "descending", "timestamp", "configuration", "option",
]
let formats = ["date", "date-time", "email", "uri", "uuid", "ipv4", "hostname"]
// Fake, format-valid values: a few per thousand strings, like real leaks would be.
let fakeValues = [
  "512-43-8876", "329-51-7784", "1EG4-TE5-MK73", "(415) 555-0134", "jordan.alvarez@mailbox.test", "MRN-00482913",
  "1984-03-12", "03/12/1984", "10.20.30.40", "94107-1234",
]

@MainActor func sentence(_ count: Int) -> String {
  var parts: [String] = []
  for _ in 0..<count { parts.append(random.pick(words)) }
  var text = parts.joined(separator: " ")
  text = text.prefix(1).uppercased() + text.dropFirst() + "."
  return text
}

@MainActor func quoted(_ text: String) -> String {
  var out = "\""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\"": out += "\\\""
    case "\\": out += "\\\\"
    case "\n": out += "\\n"
    default: out.unicodeScalars.append(scalar)
    }
  }
  return out + "\""
}

/// A JSON Schema object with `depth` levels of nesting, as JSON text.
@MainActor func schema(depth: Int, indent: String) -> String {
  let inner = indent + "  "
  var properties: [String] = []
  let count = 3 + random.below(depth > 0 ? 4 : 7)
  var used: Set<String> = []
  for _ in 0..<count {
    let name = "\(random.pick(nouns))_\(random.pick(attributes))"
    guard used.insert(name).inserted else { continue }
    var fields: [String] = []
    if depth > 0 && random.chance(25) {
      properties.append("\(inner)  \(quoted(name)): \(schema(depth: depth - 1, indent: inner + "  "))")
      continue
    }
    let type = random.pick(["string", "string", "string", "integer", "number", "boolean", "array"])
    fields.append("\"type\": \(quoted(type))")
    fields.append("\"description\": \(quoted(sentence(6 + random.below(18))))")
    if type == "string" && random.chance(30) { fields.append("\"format\": \(quoted(random.pick(formats)))") }
    if type == "string" && random.chance(20) {
      let members = (0..<(2 + random.below(6))).map { _ in quoted("\(random.pick(attributes))_\(random.pick(nouns))") }
      fields.append("\"enum\": [\(members.joined(separator: ", "))]")
    }
    if type == "string" && random.chance(10) {
      fields.append(
        "\"pattern\": \(quoted(random.pick(["^[A-Z]{2}[0-9]{6}$", "^\\\\d{3}-\\\\d{2}-\\\\d{4}$", "^[a-z0-9_-]{3,32}$", "^(draft|final|amended)$"])))"
      )
    }
    if random.chance(15) {
      fields.append("\"default\": \(type == "string" ? quoted(random.pick(attributes)) : String(random.below(1000)))")
    }
    if random.chance(12) {
      fields.append("\"examples\": [\(quoted(random.chance(3) ? random.pick(fakeValues) : sentence(3)))]")
    }
    if random.chance(1) { fields.append("\"const\": \(quoted(random.pick(fakeValues)))") }
    if type == "array" { fields.append("\"items\": {\"type\": \"string\", \"maxLength\": \(16 + random.below(200))}") }
    if random.chance(20) { fields.append("\"maxLength\": \(8 + random.below(500))") }
    properties.append("\(inner)  \(quoted(name)): {\(fields.joined(separator: ", "))}")
  }
  let required = (0..<random.below(4)).map { _ in quoted("\(random.pick(nouns))_\(random.pick(attributes))") }
  return "{\n\(inner)\"type\": \"object\",\n\(inner)\"title\": \(quoted(sentence(3))),"
    + "\n\(inner)\"properties\": {\n" + properties.joined(separator: ",\n")
    + "\n\(inner)},\n\(inner)\"required\": [\(required.joined(separator: ", "))],\n\(inner)\"additionalProperties\": false\n\(indent)}"
}

@MainActor func toolName() -> String {
  "\(random.pick(["get", "list", "create", "update", "search", "cancel"]))_\(random.pick(nouns))"
}

@MainActor func document(_ index: Int) -> (name: String, text: String) {
  switch index % 6 {
  case 0:
    return (
      "schemas/s\(index).json",
      "{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n  \"$id\": \"https://example.test/\(index).json\",\n  \"type\": \"object\",\n  \"title\": \(quoted(sentence(4))),\n  \"properties\": \(schema(depth: 3, indent: "  "))\n}\n"
    )
  case 1:
    let tools = (0..<(2 + random.below(4))).map { _ in
      "    {\"name\": \(quoted(toolName())), \"description\": \(quoted(sentence(20))), \"strict\": true, \"input_schema\": \(schema(depth: 2, indent: "    "))}"
    }
    return (
      "anthropic/request\(index).json",
      "{\n  \"model\": \"claude-test\",\n  \"max_tokens\": 1024,\n  \"tools\": [\n\(tools.joined(separator: ",\n"))\n  ],\n  \"messages\": [{\"role\": \"user\", \"content\": \(quoted(sentence(12)))}]\n}\n"
    )
  case 2:
    let tools = (0..<(2 + random.below(4))).map { _ in
      "    {\"type\": \"function\", \"function\": {\"name\": \(quoted(toolName())), \"description\": \(quoted(sentence(16))), \"strict\": true, \"parameters\": \(schema(depth: 2, indent: "    "))}}"
    }
    return (
      "openai/tools\(index).json",
      "{\n  \"model\": \"gpt-test\",\n  \"tools\": [\n\(tools.joined(separator: ",\n"))\n  ]\n}\n"
    )
  case 3:
    let tools = (0..<(3 + random.below(5))).map { _ in
      "      {\"name\": \(quoted(toolName())), \"description\": \(quoted(sentence(14))), \"inputSchema\": \(schema(depth: 1, indent: "      "))}"
    }
    return (
      "mcp/list\(index).json",
      "{\n  \"jsonrpc\": \"2.0\",\n  \"id\": \(index),\n  \"result\": {\n    \"tools\": [\n\(tools.joined(separator: ",\n"))\n    ]\n  }\n}\n"
    )
  case 4:
    let lines = (0..<(3 + random.below(6))).map { _ -> String in
      let compact = schema(depth: 1, indent: "").replacingOccurrences(of: "\n", with: " ")
      return
        "{\"custom_id\": \"req-\(random.below(100000))\", \"params\": {\"model\": \"claude-test\", \"tools\": [{\"name\": \(quoted(toolName())), \"input_schema\": \(compact)}]}}"
    }
    return ("batches/batch\(index).jsonl", lines.joined(separator: "\n") + "\n")
  default:
    var yaml = "type: object\ntitle: \(sentence(3))\nproperties:\n"
    var used: Set<String> = []
    for _ in 0..<(6 + random.below(20)) {
      let name = "\(random.pick(nouns))_\(random.pick(attributes))"
      guard used.insert(name).inserted else { continue }
      yaml += "  \(name):\n    type: string\n    description: \(sentence(10))\n"
      if random.chance(20) { yaml += "    enum: [\(random.pick(attributes)), \(random.pick(attributes))]\n" }
      if random.chance(2) { yaml += "    default: \"\(random.pick(fakeValues))\"\n" }
    }
    return ("yaml/schema\(index).yaml", yaml)
  }
}

var totalBytes = 0
for index in 0..<documentCount {
  let (name, text) = document(index)
  let url = outDirectory.appendingPathComponent(name)
  try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
  let data = Data(text.utf8)
  try data.write(to: url)
  totalBytes += data.count
}
print("generated \(documentCount) documents, \(totalBytes) bytes in \(outDirectory.path)")
