/// JSON for the MCP client: messages built from values, and the collected result written
/// with keys sorted at every level (two-space indent), so the same server gives the same
/// bytes and a saved listing diffs cleanly.
indirect enum MCPValue: Sendable {
  case object([(String, MCPValue)])
  case array([MCPValue])
  case string(String)
  case number(String)
  case bool(Bool)
  case null
  /// A value received from the server, kept as read (numbers in their source text).
  case node(Node)

  /// One line of compact JSON (keys in the order given): a JSON-RPC message.
  var compact: [UInt8] {
    var out: [UInt8] = []
    MCPValue.write(self, into: &out, indent: nil, depth: 0)
    return out
  }

  /// Pretty JSON, keys sorted at every level, ending with a newline.
  var pretty: [UInt8] {
    var out: [UInt8] = []
    MCPValue.write(self, into: &out, indent: 2, depth: 0)
    out.append(0x0A)
    return out
  }

  static func write(_ value: MCPValue, into out: inout [UInt8], indent: Int?, depth: Int) {
    switch value {
    case .object(let members):
      let ordered =
        indent == nil ? members : members.sorted { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }
      writeContainer(ordered.count, open: 0x7B, close: 0x7D, into: &out, indent: indent, depth: depth) { i, out in
        string(ordered[i].0, into: &out)
        out += indent == nil ? [0x3A] : [0x3A, 0x20]
        write(ordered[i].1, into: &out, indent: indent, depth: depth + 1)
      }
    case .array(let elements):
      writeContainer(elements.count, open: 0x5B, close: 0x5D, into: &out, indent: indent, depth: depth) { i, out in
        write(elements[i], into: &out, indent: indent, depth: depth + 1)
      }
    case .string(let text): string(text, into: &out)
    case .number(let text): out += Array(text.utf8)
    case .bool(let flag): out += Array((flag ? "true" : "false").utf8)
    case .null: out += Array("null".utf8)
    case .node(let node): write(MCPValue(node), into: &out, indent: indent, depth: depth)
    }
  }

  static func writeContainer(
    _ count: Int, open: UInt8, close: UInt8, into out: inout [UInt8], indent: Int?, depth: Int,
    element: (Int, inout [UInt8]) -> Void
  ) {
    out.append(open)
    guard count > 0 else {
      out.append(close)
      return
    }
    for i in 0..<count {
      if i > 0 { out.append(0x2C) }
      if let indent { out += [0x0A] + [UInt8](repeating: 0x20, count: indent * (depth + 1)) }
      element(i, &out)
    }
    if let indent { out += [0x0A] + [UInt8](repeating: 0x20, count: indent * depth) }
    out.append(close)
  }

  static func string(_ text: String, into out: inout [UInt8]) {
    out.append(0x22)
    for byte in text.utf8 {
      switch byte {
      case 0x22: out += [0x5C, 0x22]
      case 0x5C: out += [0x5C, 0x5C]
      case 0x0A: out += [0x5C, 0x6E]
      case 0x0D: out += [0x5C, 0x72]
      case 0x09: out += [0x5C, 0x74]
      case 0..<0x20:
        let hex = Array("0123456789abcdef".utf8)
        out += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]]
      default: out.append(byte)
      }
    }
    out.append(0x22)
  }

  init(_ node: Node) {
    switch node.value {
    case .object(let members): self = .object(members.map { ($0.key, MCPValue($0.value)) })
    case .array(let elements): self = .array(elements.map(MCPValue.init))
    case .string(let text): self = .string(text)
    case .number(let text): self = .number(text)
    case .bool(let flag): self = .bool(flag)
    case .null: self = .null
    }
  }
}
