/// Turns a file's bytes into documents, collecting per-document problems so one broken
/// line of a JSONL batch never hides the other lines.
@_spi(Internals) public enum DocumentLoader {
  public static func load(_ bytes: [UInt8], format: DocumentFormat, limits: ParseLimits = .default) -> (
    documents: [Document], problems: [Diagnostic]
  ) {
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
              try JSONParser.parse(
                UnsafeBufferPointer(rebasing: all[line]), limits: limits, firstLine: number, scratch: scratch)
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
