/// What a parse accepts besides RFC 8259.
@_spi(Internals) public enum JSONDialect: Sendable {
  /// RFC 8259 only: JSON Lines records, JSON inside strings, protocol messages.
  case strict
  /// JSON with comments (`//` to the end of the line, `/* ... */`) and trailing commas, as
  /// `tsconfig.json`, VS Code and MCP client configs are written. Comments are skipped like
  /// whitespace (never scanned) and a strict document parses to the same tree.
  case jsonc
}

/// A strict RFC 8259 parser over raw UTF-8 bytes that records the range of every key
/// and value (JSONC, comments and trailing commas, when asked for). It is iterative (an
/// explicit stack, so nesting cannot overflow the call stack), validates UTF-8 with
/// positions, skips a leading BOM, and keeps duplicate keys as separate members with a
/// warning.
@_spi(Internals) public enum JSONParser {
  public struct Result: Sendable {
    public var root: Node
    public var warnings: [Diagnostic]
  }

  /// Parses one JSON document.
  /// - Throws: the first `ParseError`, with line, column and a plain-language cause.
  /// `firstLine` numbers the first line of `bytes` (JSON Lines records sit on line N of
  /// their file), so positions come out right without moving the tree afterwards.
  public static func parse(
    _ bytes: [UInt8], limits: ParseLimits = .default, firstLine: Int = 1, dialect: JSONDialect = .strict
  ) throws(ParseError) -> Result {
    try bytes.withUnsafeBufferPointer { buffer in
      Swift.Result { () throws(ParseError) in
        try parse(buffer, limits: limits, firstLine: firstLine, scratch: Scratch(), dialect: dialect)
      }
    }.get()
  }

  /// Parses one document of `bytes` with `scratch`, which the records of one JSON Lines
  /// file share: their scratch stacks and long strings are set up once, not per record.
  static func parse(
    _ bytes: UnsafeBufferPointer<UInt8>, limits: ParseLimits, firstLine: Int, scratch: Scratch,
    dialect: JSONDialect = .strict
  ) throws(ParseError) -> Result {
    var cursor = JSONCursor(bytes, limits: limits, scratch: scratch)
    cursor.allowsComments = dialect == .jsonc
    cursor.line = firstLine
    defer { swap(&cursor.recent, &scratch.recent) }
    return try cursor.parseDocument()
  }

  /// What consecutive parses can share (see `parse(_:limits:firstLine:scratch:)`).
  final class Scratch {
    let members = MoveStack<Member>()
    let keyPrints = MoveStack<UInt64>()
    let elements = MoveStack<Node>()
    /// Kept between parses: an equal string read again is equal whichever record it is in.
    var recent = RecentStrings()
  }

  /// Long strings read so far, one per slot (see `JSONCursor.sharedString`); empty until the first.
  struct RecentStrings {
    var texts: [String] = []
    var digests: [UInt64] = []
  }

  /// Parses one JSON document held in a string.
  public static func parse(_ text: String, limits: ParseLimits = .default, dialect: JSONDialect = .strict)
    throws(ParseError) -> Result
  {
    try parse(Array(text.utf8), limits: limits, dialect: dialect)
  }
}

/// Byte-level state of one parse. Positions are computed incrementally: tokens are
/// visited in order, so counting scalars since the last asked-for offset is linear overall,
/// even on a 50 MB single-line file.
private struct JSONCursor {
  let bytes: UnsafeBufferPointer<UInt8>
  let limits: ParseLimits
  var index = 0
  var line = 1
  var lineStart = 0
  var columnIndex = 0
  var columnValue = 1
  var warnings: [Diagnostic] = []
  /// JSONC: comments are skipped as whitespace and a comma may close a container.
  var allowsComments = false
  /// A comment failed to end; thrown by the caller of `skipWhitespace` that can throw.
  var unterminatedComment: Int?

  init(_ bytes: UnsafeBufferPointer<UInt8>, limits: ParseLimits, scratch: JSONParser.Scratch) {
    self.bytes = bytes
    self.limits = limits
    memberScratch = scratch.members
    keyPrints = scratch.keyPrints
    elementScratch = scratch.elements
    // A parse that failed left its open containers' entries behind.
    memberScratch.truncate(to: 0)
    keyPrints.truncate(to: 0)
    elementScratch.truncate(to: 0)
    swap(&recent, &scratch.recent)
  }

  // MARK: Positions

  /// Most calls ask for the offset the column is already tracked at (whitespace and plain
  /// strings advance it as they are read), so that case returns at once.
  @inline(__always)
  mutating func position(at offset: Int) -> SourcePosition {
    if columnIndex == offset, columnIndex >= lineStart { return SourcePosition(line: line, column: columnValue) }
    return countedPosition(at: offset)
  }

  mutating func countedPosition(at offset: Int) -> SourcePosition {
    if columnIndex < lineStart || columnIndex > offset {
      columnIndex = lineStart
      columnValue = 1
    }
    var i = columnIndex
    // Eight bytes at a time: each byte that is not a UTF-8 continuation (10xxxxxx)
    // starts a scalar, so a word adds 8 minus its continuation bytes.
    if let base = bytes.baseAddress {
      let highs: UInt64 = 0x8080_8080_8080_8080
      while i + 8 <= offset {
        let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
        let continuations = word & ~(word << 1) & highs
        columnValue += 8 - continuations.nonzeroBitCount
        i += 8
      }
    }
    while i < offset {
      if bytes[i] & 0xC0 != 0x80 { columnValue += 1 }
      i += 1
    }
    columnIndex = offset
    return SourcePosition(line: line, column: columnValue)
  }

  mutating func here() -> SourcePosition { position(at: index) }

  /// Steps over one ASCII punctuation byte (`{`, `,`, `:`...), the column with it.
  @inline(__always)
  mutating func stepOverPunctuation() {
    index += 1
    advanceColumn(overASCIIFrom: index - 1)
  }

  /// Moves the tracked column to `index` when it stood at `start` and every byte between
  /// is ASCII (one column each), so the next position needs no counting.
  @inline(__always)
  mutating func advanceColumn(overASCIIFrom start: Int) {
    if columnIndex == start {
      columnValue += index - start
      columnIndex = index
    }
  }

  mutating func fail(_ message: String, at offset: Int? = nil, kind: ParseError.Kind = .syntax) -> ParseError {
    // A `/*` that never ended ate the rest of the file: that is the error to report.
    if let start = unterminatedComment {
      return ParseError(.syntax, at: position(at: start), "the comment opened here is not closed with '*/'")
    }
    return ParseError(kind, at: position(at: offset ?? index), message)
  }

  // MARK: Document

  /// One open container. Its members or elements sit at the end of the shared scratch
  /// stacks (`memberScratch`, `elementScratch`) from `scratchStart` on, and move into one
  /// exactly sized array when the container closes: one allocation per container
  /// instead of a growing array each.
  struct Frame {
    var isObject: Bool
    var start: SourcePosition
    var scratchStart: Int
    var pendingKey = ""
    var pendingKeyRange = JSONCursor.noRange
    var pendingPrint: UInt64 = 0
    var keyIndex: [String: SourcePosition]? = nil
  }

  let memberScratch: MoveStack<Member>
  /// The fingerprint of each key in `memberScratch` (see `fingerprint`): most keys of an
  /// object differ in length, first or last byte, so duplicates are looked for cheaply.
  let keyPrints: MoveStack<UInt64>
  /// The fingerprint of the last string read: nonzero only for plain ASCII (no escapes),
  /// whose equal strings are exactly the equal byte sequences.
  var lastPrint: UInt64 = 0
  var recent = JSONParser.RecentStrings()
  /// Room for decoding strings with escapes or non-ASCII text (see `parseString`).
  var decodedScratch: [UInt8] = []
  let elementScratch: MoveStack<Node>

  /// Moves the scratch entries from `start` on into their own array.
  mutating func takeMembers(from start: Int) -> [Member] {
    keyPrints.truncate(to: start)
    return memberScratch.take(from: start)
  }

  mutating func takeElements(from start: Int) -> [Node] {
    elementScratch.take(from: start)
  }

  static let noRange = SourceRange(start: SourcePosition(line: 1, column: 1), end: SourcePosition(line: 1, column: 1))

  mutating func parseDocument() throws(ParseError) -> JSONParser.Result {
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
      index = 3
      lineStart = 3
      columnIndex = 3
    }
    skipWhitespace()
    guard index < bytes.count else { throw fail("the file is empty (a JSON document needs a value)") }

    var stack: [Frame] = []
    stack.reserveCapacity(16)  // one allocation for most documents instead of one per doubling
    parseValue: while true {
      skipWhitespace()
      guard index < bytes.count else { throw unexpectedEnd(stack) }
      let start = here()
      var value: Node
      switch bytes[index] {
      case UInt8(ascii: "{"):
        try checkDepth(stack.count + 1)
        stepOverPunctuation()
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
          stepOverPunctuation()
          value = Node(.object([]), range: SourceRange(start: start, end: here()))
        } else {
          var frame = Frame(isObject: true, start: start, scratchStart: memberScratch.count)
          // Not after a comma: parseKey returns a key or throws.
          (frame.pendingKey, frame.pendingKeyRange) = try parseKey(afterComma: false, objectStart: start)!
          frame.pendingPrint = lastPrint
          stack.append(frame)
          continue parseValue
        }
      case UInt8(ascii: "["):
        try checkDepth(stack.count + 1)
        stepOverPunctuation()
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
          stepOverPunctuation()
          value = Node(.array([]), range: SourceRange(start: start, end: here()))
        } else {
          stack.append(Frame(isObject: false, start: start, scratchStart: elementScratch.count))
          continue parseValue
        }
      case UInt8(ascii: "\""):
        let text = try parseString()
        value = Node(.string(text), range: SourceRange(start: start, end: here()))
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        let text = try parseNumber()
        value = Node(.number(text), range: SourceRange(start: start, end: here()))
      case UInt8(ascii: "t"):
        try expectLiteral("true")
        value = Node(.bool(true), range: SourceRange(start: start, end: here()))
      case UInt8(ascii: "f"):
        try expectLiteral("false")
        value = Node(.bool(false), range: SourceRange(start: start, end: here()))
      case UInt8(ascii: "n"):
        try expectLiteral("null")
        value = Node(.null, range: SourceRange(start: start, end: here()))
      default:
        throw unexpectedCharacter(expecting: "a value")
      }

      // Attach the finished value to its container; close containers as they end.
      while true {
        guard !stack.isEmpty else {
          skipWhitespace()
          guard index >= bytes.count, unterminatedComment == nil else {
            throw fail("unexpected \(describeByte()) after the end of the JSON document")
          }
          return JSONParser.Result(root: value, warnings: warnings)
        }
        let top = stack.count - 1
        skipWhitespace()
        if stack[top].isObject {
          noteDuplicate(in: &stack[top])
          var key = ""
          swap(&key, &stack[top].pendingKey)  // moved, not copied: the next key replaces it
          memberScratch.push(Member(key: consume key, keyRange: stack[top].pendingKeyRange, value: value))
          keyPrints.push(stack[top].pendingPrint)
          guard index < bytes.count else { throw unexpectedEnd(stack) }
          if bytes[index] == UInt8(ascii: ",") {
            stepOverPunctuation()
            guard let (key, range) = try parseKey(afterComma: true, objectStart: stack[top].start) else {
              // JSONC's trailing comma: parseKey stepped over the '}'.
              let frame = stack.removeLast()
              value = Node(
                .object(takeMembers(from: frame.scratchStart)), range: SourceRange(start: frame.start, end: here()))
              continue
            }
            (stack[top].pendingKey, stack[top].pendingKeyRange) = (key, range)
            stack[top].pendingPrint = lastPrint
            continue parseValue
          } else if bytes[index] == UInt8(ascii: "}") {
            stepOverPunctuation()
            let frame = stack.removeLast()
            value = Node(
              .object(takeMembers(from: frame.scratchStart)), range: SourceRange(start: frame.start, end: here()))
          } else {
            throw unexpectedCharacter(expecting: "',' or '}' after an object member")
          }
        } else {
          elementScratch.push(value)
          guard index < bytes.count else { throw unexpectedEnd(stack) }
          if bytes[index] == UInt8(ascii: ",") {
            stepOverPunctuation()
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
              guard allowsComments else { throw fail("trailing comma before ']' (JSON does not allow one)") }
              stepOverPunctuation()
              let frame = stack.removeLast()
              value = Node(
                .array(takeElements(from: frame.scratchStart)), range: SourceRange(start: frame.start, end: here()))
              continue
            }
            continue parseValue
          } else if bytes[index] == UInt8(ascii: "]") {
            stepOverPunctuation()
            let frame = stack.removeLast()
            value = Node(
              .array(takeElements(from: frame.scratchStart)), range: SourceRange(start: frame.start, end: here()))
          } else {
            throw unexpectedCharacter(expecting: "',' or ']' after an array element")
          }
        }
      }
    }
  }

  mutating func checkDepth(_ depth: Int) throws(ParseError) {
    if depth > limits.maxDepth {
      throw fail(
        "nesting is deeper than \(limits.maxDepth) levels; phi-scan stops here to stay bounded", kind: .tooDeep)
    }
  }

  /// Parses `"key"` and the `:` after it; nil when a JSONC trailing comma was followed by
  /// the object's `}` (stepped over).
  mutating func parseKey(afterComma: Bool, objectStart: SourcePosition) throws(ParseError) -> (String, SourceRange)? {
    skipWhitespace()
    guard index < bytes.count else {
      throw fail("unexpected end of file; the object opened at \(objectStart) is not closed")
    }
    if bytes[index] == UInt8(ascii: "}"), afterComma {
      guard allowsComments else { throw fail("trailing comma before '}' (JSON does not allow one)") }
      stepOverPunctuation()
      return nil
    }
    guard bytes[index] == UInt8(ascii: "\"") else {
      throw unexpectedCharacter(expecting: "an object key in double quotes")
    }
    let start = here()
    let key = try parseString()
    let range = SourceRange(start: start, end: here())
    skipWhitespace()
    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
      throw index < bytes.count
        ? unexpectedCharacter(expecting: "':' after an object key")
        : fail("unexpected end of file; the object opened at \(objectStart) is not closed")
    }
    stepOverPunctuation()
    return (key, range)
  }

  /// Warns when the pending key repeats an earlier key of the same object.
  mutating func noteDuplicate(in frame: inout Frame) {
    let key = frame.pendingKey
    // Small objects: a linear scan of fingerprints beats hashing every key. Large ones
    // keep an index.
    var first: SourcePosition?
    let members = frame.scratchStart..<memberScratch.count
    if members.count < 48 {
      // Fingerprints rule most keys out without comparing strings; 0 (a key that was
      // escaped or not ASCII, which may equal another spelling) always compares.
      let print = frame.pendingPrint
      for i in members {
        let other = keyPrints[i]
        if print != 0, other != 0, print != other { continue }
        if memberScratch[i].key == key {
          first = memberScratch[i].keyRange.start
          break
        }
      }
    } else {
      if frame.keyIndex == nil {
        var built: [String: SourcePosition] = [:]
        for i in members where built[memberScratch[i].key] == nil {
          built[memberScratch[i].key] = memberScratch[i].keyRange.start
        }
        frame.keyIndex = built
      }
      first = frame.keyIndex?[key]
      if first == nil { frame.keyIndex?[key] = frame.pendingKeyRange.start }
    }
    if let first {
      // The key itself is not echoed: it may be the very PHI the scan is looking for.
      warnings.append(.duplicateKey(at: frame.pendingKeyRange.start, firstAt: first))
    }
  }

  // MARK: Tokens

  /// Skips whitespace and keeps the column tracked: whitespace is ASCII, so the column
  /// after it is known without counting (from the line start when a line ended, else
  /// from the tracked column when it stood at the first skipped byte).
  @inline(__always)
  mutating func skipWhitespace() {
    // Most tokens follow another without whitespace (`":"`, `"],"`): nothing to do.
    if index < bytes.count, bytes[index] > UInt8(ascii: " "), bytes[index] != UInt8(ascii: "/") || !allowsComments {
      return
    }
    skipWhitespaceRun()
    // Comments are rare: the call is made only when one may start here.
    if allowsComments, index < bytes.count, bytes[index] == UInt8(ascii: "/") { skipComments() }
  }

  /// JSONC: skips comments and the whitespace between them. The column is tracked when a
  /// comment is ASCII; after a non-ASCII one it is counted again when next asked for.
  mutating func skipComments() {
    while index + 1 < bytes.count, bytes[index] == UInt8(ascii: "/"), unterminatedComment == nil {
      let start = index
      let startLine = line
      var ascii = true
      if bytes[index + 1] == UInt8(ascii: "/") {
        index += 2
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "\r") {
          if bytes[index] >= 0x80 { ascii = false }
          index += 1
        }
      } else if bytes[index + 1] == UInt8(ascii: "*") {
        index += 2
        var closed = false
        while index < bytes.count {
          let byte = bytes[index]
          if byte == UInt8(ascii: "*"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "/") {
            index += 2
            closed = true
            break
          }
          index += 1
          if byte == UInt8(ascii: "\n")
            || (byte == UInt8(ascii: "\r") && (index >= bytes.count || bytes[index] != UInt8(ascii: "\n")))
          {
            line += 1
            lineStart = index
            ascii = true
          } else if byte >= 0x80 {
            ascii = false
          }
        }
        if !closed {
          unterminatedComment = start
          return
        }
      } else {
        return
      }
      if ascii {
        if line != startLine {
          columnIndex = index
          columnValue = 1 + index - lineStart
        } else {
          advanceColumn(overASCIIFrom: start)
        }
      }
      skipWhitespaceRun()
    }
  }

  mutating func skipWhitespaceRun() {
    let start = index
    let startLine = line
    scan: while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: " "), UInt8(ascii: "\t"):
        index += 1
      case UInt8(ascii: "\n"):
        index += 1
        line += 1
        lineStart = index
      case UInt8(ascii: "\r"):
        index += 1
        if index < bytes.count, bytes[index] == UInt8(ascii: "\n") { index += 1 }
        line += 1
        lineStart = index
      default:
        break scan
      }
    }
    if line != startLine {
      columnIndex = index
      columnValue = 1 + index - lineStart
    } else {
      advanceColumn(overASCIIFrom: start)
    }
  }

  mutating func expectLiteral(_ word: StaticString) throws(ParseError) {
    let start = index
    let count = word.utf8CodeUnitCount
    let matches = index + count <= bytes.count && (0..<count).allSatisfy { bytes[start + $0] == word.utf8Start[$0] }
    guard matches else { throw unexpectedCharacter(expecting: "a value") }
    index += count
    if index < bytes.count, isIdentifierByte(bytes[index]) {
      throw unexpectedCharacter(expecting: "',' or the end of a container after '\(word)'")
    }
    advanceColumn(overASCIIFrom: start)
  }

  func isIdentifierByte(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
      || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
  }

  mutating func parseNumber() throws(ParseError) -> String {
    let start = index
    func isDigit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= UInt8(ascii: "0") && bytes[i] <= UInt8(ascii: "9") }
    if bytes[index] == UInt8(ascii: "-") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "I") {
        throw fail("-Infinity is not valid JSON (use a string or a large number)")
      }
      guard isDigit(index) else { throw fail("expected a digit after '-'") }
    }
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
      if isDigit(index) {
        throw fail("numbers may not have leading zeros (write it as a string if the zeros matter)", at: start)
      }
    } else {
      while isDigit(index) { index += 1 }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard isDigit(index) else { throw fail("expected a digit after the decimal point") }
      while isDigit(index) { index += 1 }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
      guard isDigit(index) else { throw fail("expected a digit in the exponent") }
      while isDigit(index) { index += 1 }
    }
    if index < bytes.count, isIdentifierByte(bytes[index]) {
      throw unexpectedCharacter(expecting: "the end of the number")
    }
    advanceColumn(overASCIIFrom: start)
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
  }

  /// Parses a string token starting at the opening quote; returns its decoded text.
  mutating func parseString() throws(ParseError) -> String {
    let open = index
    index += 1
    // Fast path: plain ASCII with no escapes is most of every schema. Eight bytes at a
    // time while none of them is a quote, a backslash, a control or a non-ASCII byte.
    var scan = index
    if let base = bytes.baseAddress {
      while scan + 8 <= bytes.count {
        let word = UnsafeRawPointer(base + scan).loadUnaligned(as: UInt64.self)
        let special = WordBytes.equal(word, 0x22) | WordBytes.equal(word, 0x5C) | WordBytes.belowOrNonASCII(word, 0x20)
        if special != 0 {
          // The lowest flagged byte is the first special one: the byte loop starts there.
          scan += WordBytes.firstFlagged(special)
          break
        }
        scan += 8
      }
    }
    while scan < bytes.count {
      let byte = bytes[scan]
      if byte == UInt8(ascii: "\"") {
        let length = scan - index
        let text =
          length > Self.inlineStringBytes && length <= Self.sharedStringBytes
          ? sharedString(from: index, to: scan)
          : String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<scan]), as: UTF8.self)
        lastPrint = fingerprint(from: index, to: scan)
        index = scan + 1
        advanceColumn(overASCIIFrom: open)  // every byte from the opening quote on was ASCII
        return text
      }
      if byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { break }
      scan += 1
    }
    lastPrint = 0
    // Decoded in a buffer kept for the next string with escapes (one allocation per
    // document instead of one or more per such string).
    var decoded: [UInt8] = []
    swap(&decoded, &decodedScratch)
    defer { swap(&decoded, &decodedScratch) }
    decoded.removeAll(keepingCapacity: true)
    decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<scan]))
    index = scan
    while true {
      guard index < bytes.count else {
        throw fail("unterminated string (it starts at \(position(at: open)))", at: open)
      }
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\""):
        index += 1
        return String(decoding: decoded, as: UTF8.self)
      case UInt8(ascii: "\\"):
        try parseEscape(into: &decoded)
      case 0..<0x20:
        let hint = byte == 0x0A ? " (a string cannot span lines; use \\n)" : byte == 0x09 ? " (use \\t)" : ""
        throw fail("unescaped control character U+\(hex(UInt32(byte), width: 4)) in a string\(hint)")
      case 0x80...:
        let length = try validateUTF8Sequence()
        decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<index + length]))
        index += length
      default:
        decoded.append(byte)
        index += 1
      }
    }
  }

  /// Swift stores strings of up to 15 UTF-8 bytes inline; longer ones take an allocation.
  static let inlineStringBytes = 15
  /// Longer strings (prose, mostly) seldom repeat: looking them up would cost more than
  /// the allocations it saves.
  static let sharedStringBytes = 64
  static let recentLongSlots = 256

  /// The plain ASCII string `bytes[start..<end]` (longer than `inlineStringBytes`, at most
  /// `sharedStringBytes`), reusing the storage of an equal string read earlier when its
  /// slot still holds it: schemas repeat long keys (`additionalProperties`), `$ref`
  /// targets and short values, and an equal string is the same value whichever storage
  /// it sits in.
  mutating func sharedString(from start: Int, to end: Int) -> String {
    let here = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start..<end])
    let count = here.count
    let head = here.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
    let tail = here.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
    let digest = (head &* 0x9E37_79B9_7F4A_7C15) ^ ((tail &+ UInt64(count)) &* 0xC2B2_AE3D_27D4_EB4F)
    let slot = Int(truncatingIfNeeded: digest >> 56) & (Self.recentLongSlots - 1)
    if recent.texts.isEmpty {
      recent.texts = Array(repeating: "", count: Self.recentLongSlots)
      recent.digests = Array(repeating: 0, count: Self.recentLongSlots)
    }
    // The digest rules most other strings out without touching the stored one.
    if recent.digests[slot] == digest {
      let same = recent.texts[slot].utf8.withContiguousStorageIfAvailable { stored in
        WordBytes.sameBytes(UnsafeRawBufferPointer(stored), here)
      }
      if same == true { return recent.texts[slot] }
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    recent.texts[slot] = text
    recent.digests[slot] = digest
    return text
  }

  /// A nonzero digest of `bytes[start..<end]` (length, first and last byte): different
  /// digests mean different bytes.
  @inline(__always)
  func fingerprint(from start: Int, to end: Int) -> UInt64 {
    guard end > start else { return 1 }
    return UInt64(end - start) << 16 | UInt64(bytes[start]) << 8 | UInt64(bytes[end - 1])
  }

  mutating func parseEscape(into decoded: inout [UInt8]) throws(ParseError) {
    let escapeStart = index
    index += 1
    guard index < bytes.count else { throw fail("unterminated escape sequence at the end of the file") }
    let byte = bytes[index]
    index += 1
    switch byte {
    case UInt8(ascii: "\""): decoded.append(0x22)
    case UInt8(ascii: "\\"): decoded.append(0x5C)
    case UInt8(ascii: "/"): decoded.append(0x2F)
    case UInt8(ascii: "b"): decoded.append(0x08)
    case UInt8(ascii: "f"): decoded.append(0x0C)
    case UInt8(ascii: "n"): decoded.append(0x0A)
    case UInt8(ascii: "r"): decoded.append(0x0D)
    case UInt8(ascii: "t"): decoded.append(0x09)
    case UInt8(ascii: "u"):
      var scalar = try parseHex4(escapeStart: escapeStart)
      if (0xD800...0xDBFF).contains(scalar) {
        // A high surrogate must be followed by an escaped low surrogate.
        if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
          let save = index
          index += 2
          let low = try parseHex4(escapeStart: save)
          if (0xDC00...0xDFFF).contains(low) {
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          } else {
            index = save
            scalar = loneSurrogate(at: escapeStart)
          }
        } else {
          scalar = loneSurrogate(at: escapeStart)
        }
      } else if (0xDC00...0xDFFF).contains(scalar) {
        scalar = loneSurrogate(at: escapeStart)
      }
      appendUTF8(Unicode.Scalar(scalar) ?? "\u{FFFD}", to: &decoded)
    default:
      throw fail(
        "invalid escape '\\\(describeASCII(byte))' in a string (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)",
        at: escapeStart)
    }
  }

  mutating func loneSurrogate(at offset: Int) -> UInt32 {
    warnings.append(.loneSurrogate(at: position(at: offset)))
    return 0xFFFD
  }

  mutating func parseHex4(escapeStart: Int) throws(ParseError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard index < bytes.count else { throw fail("incomplete \\u escape: expected 4 hex digits", at: escapeStart) }
      let byte = bytes[index]
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
      default: throw fail("incomplete \\u escape: expected 4 hex digits", at: escapeStart)
      }
      value = value << 4 | digit
      index += 1
    }
    return value
  }

  func appendUTF8(_ scalar: Unicode.Scalar, to buffer: inout [UInt8]) {
    UTF8.encode(scalar) { buffer.append($0) }
  }

  /// Checks the multi-byte UTF-8 sequence at `index`; returns its length.
  mutating func validateUTF8Sequence() throws(ParseError) -> Int {
    let lead = bytes[index]
    let length: Int
    var lowest: UInt8 = 0x80
    var highest: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0:
      length = 3
      lowest = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED:
      length = 3
      highest = 0x9F
    case 0xF0:
      length = 4
      lowest = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4:
      length = 4
      highest = 0x8F
    default:
      throw fail(
        "invalid UTF-8: byte 0x\(hex(UInt32(lead), width: 2)) cannot start a character (is the file UTF-8?)",
        kind: .invalidUTF8)
    }
    for offset in 1..<length {
      let i = index + offset
      let low = offset == 1 ? lowest : 0x80
      let high = offset == 1 ? highest : 0xBF
      guard i < bytes.count, bytes[i] >= low, bytes[i] <= high else {
        throw fail(
          "invalid UTF-8: a truncated or overlong sequence starts here (is the file UTF-8?)", kind: .invalidUTF8)
      }
    }
    return length
  }

  // MARK: Errors

  mutating func unexpectedEnd(_ stack: [Frame]) -> ParseError {
    var open = ""
    if let frame = stack.last {
      open = "; the \(frame.isObject ? "object" : "array") opened at \(frame.start) is not closed"
    }
    return fail("unexpected end of file\(open)")
  }

  mutating func unexpectedCharacter(expecting: String) -> ParseError {
    guard index < bytes.count else { return fail("unexpected end of file: expected \(expecting)") }
    let byte = bytes[index]
    if byte >= 0x80, (try? validateUTF8Sequence()) == nil {
      return fail("invalid UTF-8: byte 0x\(hex(UInt32(byte), width: 2)) (is the file UTF-8?)", kind: .invalidUTF8)
    }
    switch byte {
    case UInt8(ascii: "'"): return fail("strings and keys must use double quotes, not single quotes")
    case UInt8(ascii: "/"):
      return fail(
        allowsComments ? "unexpected '/': a comment starts with // or /*" : "comments are not allowed in JSON")
    case UInt8(ascii: "N"): return fail("NaN is not valid JSON (use null or a string)")
    case UInt8(ascii: "I"): return fail("Infinity is not valid JSON (use a string or a large number)")
    case UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ","), UInt8(ascii: ":"):
      return fail("unexpected '\(describeASCII(byte))': expected \(expecting)")
    default:
      return fail("unexpected \(describeByte()): expected \(expecting)")
    }
  }

  func describeByte() -> String {
    guard index < bytes.count else { return "end of file" }
    let byte = bytes[index]
    if byte >= 0x21 && byte < 0x7F { return "character '\(describeASCII(byte))'" }
    if byte >= 0x80 { return "non-ASCII character" }
    return "control character U+\(hex(UInt32(byte), width: 4))"
  }

  func describeASCII(_ byte: UInt8) -> String {
    byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "U+\(hex(UInt32(byte), width: 4))"
  }
}

func hex(_ value: UInt32, width: Int) -> String {
  let digits = String(value, radix: 16, uppercase: true)
  return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

/// A stack of values in one buffer the parser manages itself, so that a closing container
/// moves its entries out without retaining, releasing or destroying any of them (with an
/// `Array` as the stack, taking entries off its end costs one of those per entry).
final class MoveStack<Element> {
  private var base: UnsafeMutablePointer<Element>
  private var capacity: Int
  private(set) var count = 0

  init() {
    capacity = 16  // grows by doubling; a JSON Lines record often needs no more
    base = .allocate(capacity: capacity)
  }

  deinit {
    base.deinitialize(count: count)
    base.deallocate()
  }

  func push(_ element: consuming Element) {
    if count == capacity {
      let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
      larger.moveInitialize(from: base, count: count)
      base.deallocate()
      base = larger
      capacity *= 2
    }
    (base + count).initialize(to: element)
    count += 1
  }

  /// Read access in place (no copy of the entry).
  subscript(index: Int) -> Element {
    unsafeAddress { UnsafePointer(base + index) }
  }

  /// Moves the entries from `start` on into an exactly sized array, in order.
  func take(from start: Int) -> [Element] {
    var taken: [Element] = []
    taken.reserveCapacity(count - start)
    for i in start..<count { taken.append((base + i).move()) }
    count = start
    return taken
  }

  /// Drops the entries from `start` on.
  func truncate(to start: Int) {
    (base + start).deinitialize(count: count - start)
    count = start
  }
}
