/// How a file's bytes are read: chosen from the extension, or sniffed for files named
/// explicitly on the command line.
public enum DocumentFormat: String, Sendable, CaseIterable {
  case json
  case jsonLines = "jsonl"
  case yaml

  /// The format implied by a file name, or nil when the extension is not one phi-scan reads.
  public static func forPath(_ path: String) -> DocumentFormat? {
    let lower = path.lowercased()
    // JSONC (`.jsonc`) is read as JSON, which accepts comments and trailing commas.
    if lower.hasSuffix(".json") || lower.hasSuffix(".jsonc") { return .json }
    if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return .jsonLines }
    if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { return .yaml }
    return nil
  }

  /// A guess from content: JSON when it starts like JSON, YAML otherwise (YAML is a superset).
  public static func sniff(_ bytes: [UInt8]) -> DocumentFormat {
    let start = UTF8Text.hasBOM(bytes) ? 3 : 0
    for byte in bytes[start...] {
      switch byte {
      case 0x20, 0x09, 0x0A, 0x0D: continue
      // A leading comment: JSONC (`/` starts nothing in YAML).
      case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "/"): return .json
      default: return .yaml
      }
    }
    return .json
  }
}

/// One document of a file. `index` is set for files that hold several (JSON Lines,
/// multi-document YAML) and becomes the `/N` prefix of every pointer into it.
public struct Document: Sendable {
  public var root: Node
  public var index: Int?

  public init(root: Node, index: Int? = nil) {
    self.root = root
    self.index = index
  }

  /// The pointer of the document root: "" or "/N".
  public var rootPointer: JSONPointer {
    index.map { JSONPointer.root.appending(index: $0) } ?? .root
  }
}

/// Turns a file's bytes into documents, collecting per-document problems so one broken
/// line of a JSONL batch never hides the other lines.
public enum DocumentLoader {
  public static func load(_ bytes: [UInt8], format: DocumentFormat, limits: ParseLimits = .default) -> (documents: [Document], problems: [Diagnostic]) {
    // Errors: the document or line was not scanned; warnings: scanned anyway.
    var problems: [Diagnostic] = []
    func warn(_ warnings: [Diagnostic]) { problems += warnings }
    func error(_ error: ParseError) { problems.append(.unparsable(error)) }
    switch format {
    case .json:
      do {
        // Editor, compiler and MCP client configs are JSON with comments: accepted, and a
        // strict document reads the same.
        let result = try JSONParser.parse(bytes, limits: limits, dialect: .jsonc)
        warn(result.warnings)
        return ([Document(root: result.root)], problems)
      } catch let parseError {
        error(parseError)
        return ([], problems)
      }
    case .yaml:
      if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return ([], []) }
      do {
        let roots = try YAMLLoader.load(bytes, limits: limits)
        if roots.count == 1 { return ([Document(root: roots[0])], []) }
        return (roots.enumerated().map { Document(root: $1, index: $0) }, [])
      } catch let parseError {
        error(parseError)
        return ([], problems)
      }
    case .jsonLines:
      var documents: [Document] = []
      var lineNumber = 0
      var lineStart = UTF8Text.hasBOM(bytes) ? 3 : 0
      var recordIndex = 0
      let scratch = JSONParser.Scratch()  // shared by the records: set up once per file
      while lineStart <= bytes.count {
        lineNumber += 1
        var lineEnd = lineStart
        while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
        let line = lineStart..<lineEnd
        lineStart = lineEnd + 1
        if bytes[line].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
        let index = recordIndex
        recordIndex += 1
        do {
          let number = lineNumber
          let result = try bytes.withUnsafeBufferPointer { all in
            Swift.Result { () throws(ParseError) in
              try JSONParser.parse(UnsafeBufferPointer(rebasing: all[line]), limits: limits, firstLine: number, scratch: scratch)
            }
          }.get()
          warn(result.warnings)
          documents.append(Document(root: result.root, index: index))
        } catch let parseError {
          var moved = parseError
          moved.message = "line \(lineNumber) (record \(index)) is not valid JSON: \(parseError.message)"
          error(moved)
        }
        if lineEnd >= bytes.count { break }
      }
      return (documents, problems)
    }
  }
}
