import YAMLEvents
import Yams

/// Loads YAML through Yams' composer into the same `Node` tree as JSON. Scalars keep
/// their raw text: YAML 1.1 would turn `yes`, `010` or `2024-03-12` into other types,
/// and the raw text is what a provider would receive and cache.
@_spi(Internals) public enum YAMLLoader {
  /// Every document in a YAML stream (multi-document files give several).
  /// - Throws: the first `ParseError`, with line, column and cause.
  /// - Parameter namingKeys: name duplicated keys in errors; only for phi-scan's own
  ///   config file, never for scanned documents, whose keys may be PHI.
  public static func load(_ bytes: [UInt8], limits: ParseLimits = .default, namingKeys: Bool = false) throws(ParseError)
    -> [Node]
  {
    if let bad = UTF8Text.firstInvalidOffset(bytes) {
      throw ParseError(
        .invalidUTF8, at: UTF8Text.position(of: bad, in: bytes),
        "invalid UTF-8 byte 0x\(hex(UInt32(bytes[bad]), width: 2)) (is the file UTF-8?)")
    }
    let body = UTF8Text.hasBOM(bytes) ? Array(bytes.dropFirst(3)) : bytes
    try YAMLNestingBound.check(body, maxDepth: limits.maxDepth)
    if let roots = loadFromEvents(body, limits: limits) { return roots }
    return try loadThroughYams(body, limits: limits, namingKeys: namingKeys)
  }

  /// The documents as Yams composes them: the reference reading, and the one for streams
  /// that `loadFromEvents` declines (anchors, tags, complex or repeated keys, errors).
  @_spi(Differential)
  public static func loadThroughYams(_ body: [UInt8], limits: ParseLimits = .default, namingKeys: Bool = false)
    throws(ParseError) -> [Node]
  {
    let text = String(decoding: body, as: UTF8.self)
    // Yams checks every mapping for duplicate keys, comparing key texts and resolved tags;
    // resolving a plain key's tag runs up to seven regular expressions per key. phi-scan
    // reads no tag, so a first parse resolves none (every plain key counts as a string).
    // Its verdict is the full resolver's unless a key carries another explicit tag or is a
    // collection, or the parse fails: then the full resolver parses again and decides.
    if let documents = try? parse(text, resolver: .basic, limits: limits, namingKeys: namingKeys),
      !documents.keysNeedTags
    {
      return documents.roots
    }
    return try parse(text, resolver: .default, limits: limits, namingKeys: namingKeys).roots
  }

  static func parse(_ text: String, resolver: Resolver, limits: ParseLimits, namingKeys: Bool) throws(ParseError) -> (
    roots: [Node], keysNeedTags: Bool
  ) {
    var documents: [Node] = []
    var budget = ExpansionBudget(nodes: limits.maxYAMLNodes, aliasNodes: limits.maxYAMLAliasNodes)
    do {
      // An explicit encoding: Yams' default reads the whole environment on every parser
      // (and YAMS_DEFAULT_ENCODING would make it print to stdout, into a report).
      let parser = try Parser(yaml: text, resolver: resolver, encoding: .utf8)
      while let root = try parser.nextRoot() {
        documents.append(try convert(root, depth: 0, inAlias: false, budget: &budget, limits: limits))
      }
    } catch let error as ParseError {
      throw error
    } catch let error as YamlError {
      throw describe(error, namingKeys: namingKeys)
    } catch {
      throw ParseError(.syntax, at: SourcePosition(line: 1, column: 1), "YAML could not be read: \(error)")
    }
    return (documents, budget.keysNeedTags)
  }

  static func describe(_ error: YamlError, namingKeys: Bool = false) -> ParseError {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let prefix = context.map { "\($0.text) " } ?? ""
      return ParseError(.syntax, at: SourcePosition(line: mark.line, column: mark.column), "YAML: \(prefix)\(problem)")
    case .reader(let problem, _, _, _):
      return ParseError(.invalidUTF8, at: SourcePosition(line: 1, column: 1), "YAML: \(problem)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      // Yams' own text quotes the keys and the mapping: they may be the PHI being sought.
      let count = duplicates.count
      if namingKeys {
        return ParseError(
          .syntax, at: position(context.mark),
          "YAML: duplicated key(s): \(duplicates.map { "'\($0)'" }.joined(separator: ", "))")
      }
      return ParseError(
        .syntax, at: position(context.mark),
        "YAML: a mapping repeats \(count) key\(count == 1 ? "" : "s") (keys must be unique; the keys are not shown, they may hold PHI)"
      )
    default:
      // Never interpolate the error itself: Yams messages can quote the document.
      return ParseError(.syntax, at: SourcePosition(line: 1, column: 1), "YAML could not be read")
    }
  }

  static func position(_ mark: Mark?) -> SourcePosition {
    SourcePosition(line: mark?.line ?? 1, column: mark?.column ?? 1)
  }

  /// What conversion may still create. Yams has already resolved aliases into shared
  /// copies of the anchored node, so an alias shows up as a collection whose source
  /// position was converted before; everything under it counts against `aliasNodes`.
  struct ExpansionBudget {
    var nodes: Int
    var aliasNodes: Int
    var seenCollections: Set<SourcePosition> = []
    /// A mapping key whose duplicate check may depend on tag resolution: one with an
    /// explicit tag other than `!!str`, or a collection.
    var keysNeedTags = false
  }

  static func convert(_ node: Yams.Node, depth: Int, inAlias: Bool, budget: inout ExpansionBudget, limits: ParseLimits)
    throws(ParseError) -> Node
  {
    budget.nodes -= 1
    guard budget.nodes >= 0 else {
      throw ParseError(
        .tooLarge, at: position(node.mark),
        "the YAML document expands to more than \(limits.maxYAMLNodes) nodes; phi-scan stops here to stay bounded")
    }
    var inAlias = inAlias
    if case .scalar = node {
    } else if !inAlias, !budget.seenCollections.insert(position(node.mark)).inserted {
      inAlias = true
    }
    if inAlias {
      budget.aliasNodes -= 1
      guard budget.aliasNodes >= 0 else {
        throw ParseError(
          .tooLarge, at: position(node.mark),
          "YAML aliases expand to more than \(limits.maxYAMLAliasNodes) nodes (an alias bomb?); phi-scan refuses to expand them"
        )
      }
    }
    guard depth <= limits.maxDepth else {
      throw ParseError(
        .tooDeep, at: position(node.mark),
        "nesting is deeper than \(limits.maxDepth) levels; phi-scan stops here to stay bounded")
    }
    let start = position(node.mark)
    switch node {
    case .scalar(let scalar):
      return Node(
        scalarValue(scalar.string, style(scalar)), range: scalarRange(scalar.string, style(scalar), start: start))
    case .mapping(let mapping):
      var members: [Member] = []
      members.reserveCapacity(mapping.count)
      for (key, value) in mapping {
        let keyText: String
        let keyRange: SourceRange
        if case .scalar(let scalar) = key {
          // Yams has resolved the tags of keys by now (plain ones to `!!str` without rules).
          if scalar.tag.rawValue != Tag.Name.str.rawValue && scalar.tag.rawValue != Tag.Name.implicit.rawValue {
            budget.keysNeedTags = true
          }
          keyText = scalar.string
          keyRange = scalarRange(scalar.string, style(scalar), start: position(key.mark))
        } else {
          // A complex key (a mapping or sequence as key) has no text a schema would use;
          // keep the value reachable under a placeholder key.
          budget.keysNeedTags = true
          keyText = "?"
          keyRange = SourceRange(start: position(key.mark), end: position(key.mark))
          _ = try convert(key, depth: depth + 1, inAlias: inAlias, budget: &budget, limits: limits)
        }
        members.append(
          Member(
            key: keyText, keyRange: keyRange,
            value: try convert(value, depth: depth + 1, inAlias: inAlias, budget: &budget, limits: limits)))
      }
      return Node(.object(members), range: SourceRange(start: start, end: start))
    case .sequence(let sequence):
      var elements: [Node] = []
      elements.reserveCapacity(sequence.count)
      for element in sequence {
        elements.append(try convert(element, depth: depth + 1, inAlias: inAlias, budget: &budget, limits: limits))
      }
      return Node(.array(elements), range: SourceRange(start: start, end: start))
    case .alias:
      // Yams resolves aliases while composing; an unresolved one carries no value.
      return Node(.null, range: SourceRange(start: start, end: start))
    }
  }

  /// JSON-like typing for plain scalars (YAML 1.2 core schema); everything else is text.
  static func scalarValue(_ text: String, _ style: YAMLEvent.ScalarStyle) -> Node.Value {
    guard style == .plain else { return .string(text) }
    switch text {
    case "true", "True", "TRUE": return .bool(true)
    case "false", "False", "FALSE": return .bool(false)
    case "", "~", "null", "Null", "NULL": return .null
    default: return isJSONNumber(text) ? .number(text) : .string(text)
    }
  }

  /// A Yams scalar's style as the event reader names it (both use libyaml's numbering).
  static func style(_ scalar: Yams.Node.Scalar) -> YAMLEvent.ScalarStyle {
    YAMLEvent.ScalarStyle(rawValue: Int(scalar.style.rawValue)) ?? .any
  }

  static func isJSONNumber(_ text: String) -> Bool {
    // JSON's grammar: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?; anything else
    // (`1.2.3`, `512.43.8876`, `010`, `1.`) is text, and text is what the rules read.
    let bytes = Array(text.utf8)
    var index = 0
    @inline(__always) func isDigit(_ at: Int) -> Bool { at < bytes.count && bytes[at] &- 0x30 < 10 }
    func digits() -> Int {
      let start = index
      while isDigit(index) { index += 1 }
      return index - start
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
    guard isDigit(index) else { return false }
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
      if isDigit(index) { return false }  // leading zeros: `010` stays text
    } else {
      _ = digits()
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard digits() > 0 else { return false }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
      guard digits() > 0 else { return false }
    }
    return index == bytes.count
  }

  /// Yams gives start marks only. A flow scalar on one line ends after its text (and
  /// quotes); a block scalar is given its first line.
  static func scalarRange(_ text: String, _ style: YAMLEvent.ScalarStyle, start: SourcePosition) -> SourceRange {
    let length = UTF8Text.scalarCount(text)
    // A byte test first: Foundation's `contains` bridges the string, and a line break it
    // could find always has its byte.
    let multiline = UTF8Text.contains(text, byte: 0x0A) && text.contains("\n")
    let width: Int
    switch style {
    case .plain where !multiline: width = length
    case .singleQuoted where !multiline, .doubleQuoted where !multiline: width = length + 2
    default: width = 1
    }
    return SourceRange(start: start, end: SourcePosition(line: start.line, column: start.column + max(width, 1)))
  }
}
