/// Yams composes nodes recursively, so a YAML text nested 200,000 levels deep (`[[[[…`,
/// `- - - - …`, `? ? ? …` or ever deeper indentation) would overflow the thread's stack
/// before any depth check on the composed tree could run. This pass bounds the nesting
/// on the bytes, before Yams sees them.
///
/// It computes an *upper bound* of the depth libyaml's events reach: open block levels
/// (one per indentation column still open, plus one per compact `- `, `? ` or `: `
/// indicator) plus open flow collections. Where a byte-level reader cannot tell what
/// libyaml will do, it errs upwards. The one real ambiguity is a line that starts with a
/// quote right after a line that ended inside a plain scalar (the quote may continue that
/// scalar or start a quoted one): until that quote closes, everything that could nest
/// counts and nothing that could un-nest does. A closing bracket can only lower the flow
/// count while it is positive. Over-counting needs hundreds of unbalanced brackets or
/// odd quotes at token starts, which no real schema has.
enum YAMLNestingBound {
  static func check(_ bytes: [UInt8], maxDepth: Int) throws(ParseError) {
    var scanner = Scan(bytes: bytes, maxDepth: maxDepth)
    if let offset = scanner.run() {
      throw ParseError(
        .tooDeep, at: UTF8Text.position(of: offset, in: bytes),
        "nesting is deeper than \(maxDepth) levels; phi-scan stops here to stay bounded")
    }
    if let offset = scanner.aliasInKey ?? (scanner.anyAlias ? scanner.explicitKey : nil) {
      throw ParseError(
        .tooLarge, at: UTF8Text.position(of: offset, in: bytes),
        "a YAML alias is used in a mapping key; Yams would hash its whole expansion (an alias bomb?), so phi-scan refuses the file"
      )
    }
  }

  struct Scan {
    let bytes: [UInt8]
    let maxDepth: Int
    /// Indentation columns of open block levels (compact indicators push their column + 1).
    var blockLevels: [Int] = []
    var flowDepth = 0
    /// Inside a quoted scalar: its quote byte; `ambiguousQuote` when it may not be one.
    var quote: UInt8 = 0
    var ambiguousQuote = false
    /// The previous line ended inside a plain scalar, which the next line may continue.
    var previousEndedInPlain = false
    /// The column of the block collection that plain scalar sits in, or one around it,
    /// when known. libyaml continues a block plain scalar only on lines indented more
    /// than its collection, so a line that starts with a quote at that column or less
    /// starts a quoted scalar (`a: b` then `'*/*': x`).
    var plainScalarOwner: Int?
    /// When the last line ended right after a block indicator (`a:`, `-`): the column of
    /// that indicator's collection, which a node on the next line indented more is in.
    var indicatorOwner: Int?
    /// Whether the readings below are recorded: tests hold them to libyaml; a scan does
    /// not pay for a list that grows with every wrapped line.
    let recordsReadings: Bool
    /// Offsets of quotes at the start of a line after a plain scalar that were read as
    /// starting a quoted scalar, not as more of the plain one.
    var quotesProvenNew: [Int] = []
    /// Offsets of lines read as more of the plain scalar the last line ended in.
    var linesProvenContinuing: [Int] = []
    /// A block scalar (`|`, `>`) started: the indentation of its parent node (its text is
    /// indented more) and the explicit indentation indicator, if any. Its text is skipped.
    var blockScalarParent: (column: Int, explicit: Int?)?
    var blockScalarIndent: Int?

    init(bytes: [UInt8], maxDepth: Int, recordsReadings: Bool = false) {
      self.bytes = bytes
      self.maxDepth = maxDepth
      self.recordsReadings = recordsReadings
    }

    static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), cr = UInt8(ascii: "\r")

    func isBlank(_ byte: UInt8) -> Bool { byte == Self.space || byte == Self.tab || byte == Self.cr }

    static func isAnchorByte(_ byte: UInt8) -> Bool {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "_"), UInt8(ascii: "-"):
        return true
      default: return false
      }
    }

    /// The offset where the bound first exceeds `maxDepth`, or nil.
    mutating func run() -> Int? {
      var lineStart = 0
      while lineStart < bytes.count {
        let lineEnd = Self.next(in: bytes, from: lineStart, to: bytes.count, where: Self.lineFeed)
        currentLineStart = lineStart
        if let offset = line(lineStart, lineEnd) { return offset }
        lineStart = lineEnd + 1
      }
      return nil
    }

    var depth: Int { blockLevels.count + flowDepth }
    /// Yams hashes every mapping key in full, aliases expanded, so an alias inside a key
    /// can cost exponential time. Recorded: an alias in an implicit or flow-mapping key,
    /// an explicit `? ` key, whether any alias occurs, and per flow level whether an alias
    /// occurred since its current entry began.
    var aliasInKey: Int?
    var explicitKey: Int?
    var anyAlias = false
    var aliasInEntry: [Bool] = [false]
    /// Per open flow collection: true for `{`, and whether a key is expected there.
    var flowIsMapping: [Bool] = []
    var expectingKey = false

    mutating func sawAlias(at offset: Int) {
      anyAlias = true
      aliasInEntry[aliasInEntry.count - 1] = true
      if flowIsMapping.last == true && expectingKey && aliasInKey == nil { aliasInKey = offset }
    }

    mutating func sawValueIndicator(at offset: Int) {
      if aliasInEntry.last == true && aliasInKey == nil { aliasInKey = offset }
      expectingKey = false
    }

    mutating func openFlow(_ byte: UInt8) {
      flowIsMapping.append(byte == UInt8(ascii: "{"))
      aliasInEntry.append(false)
      expectingKey = byte == UInt8(ascii: "{")
    }

    mutating func closeFlow() {
      if !flowIsMapping.isEmpty { flowIsMapping.removeLast() }
      if aliasInEntry.count > 1 {
        let inner = aliasInEntry.removeLast()
        if inner { aliasInEntry[aliasInEntry.count - 1] = true }
      }
      expectingKey = false
    }

    /// Where the current line starts; columns here are byte counts, which is enough
    /// because only leading spaces and indicators are compared.
    var currentLineStart = 0

    /// One line; returns the offset where the bound was exceeded.
    mutating func line(_ start: Int, _ end: Int) -> Int? {
      var index = start
      while index < end, bytes[index] == Self.space { index += 1 }
      let indent = index - start
      let blank = index == end || bytes[index] == Self.cr || bytes[index] == UInt8(ascii: "#")
      if quote != 0 && ambiguousQuote && !blank {
        if indent > (blockLevels.last ?? -1) { blockLevels.append(indent) }
        if depth > maxDepth { return index }
      }
      if quote == 0 {
        // Block scalar text: every line at least as indented as its first text line.
        if let parent = blockScalarParent {
          if blank { return nil }
          blockScalarParent = nil
          let textIndent = parent.explicit.map { parent.column + $0 } ?? indent
          if indent > parent.column && indent >= textIndent {
            blockScalarIndent = textIndent
            return nil
          }
        }
        if let textIndent = blockScalarIndent {
          if blank || indent >= textIndent { return nil }
          blockScalarIndent = nil
        }
        if blank { return nil }
        while let top = blockLevels.last, top >= indent { blockLevels.removeLast() }
        blockLevels.append(indent)
        if flowDepth == 0 { aliasInEntry[0] = false }
        if depth > maxDepth { return index }
      }
      return tokens(from: index, to: end)
    }

    /// Walks the tokens of a line that matter for nesting.
    mutating func tokens(from start: Int, to end: Int) -> Int? {
      var index = start
      var atTokenStart = true
      var inPlainScalar = false
      let lineMayContinuePlain = previousEndedInPlain
      var firstToken = true
      let indent = start - currentLineStart
      // A line indented no more than the collection of the plain scalar the last line
      // ended in starts new tokens. Any other line after one may continue it: its `- `
      // or `: ` may be text, so it proves no collection, and a plain scalar on it gets
      // the old scalar's collection, which stays open either way.
      let continuationRuledOut = plainScalarOwner.map { indent <= $0 } ?? false
      let mayContinue = lineMayContinuePlain && !continuationRuledOut
      let ownerFromLastLine = lineMayContinuePlain ? plainScalarOwner : indicatorOwner
      /// The column of the block collection a node starting here sits in, once a block
      /// `- `, `? ` (their own column) or `: ` (where its key began: the mapping's
      /// column) proves it; nil before.
      var owner: Int? = mayContinue ? ownerFromLastLine : nil
      /// Where a key on this line begins: its first token, or the first after its last
      /// `- ` or `? `.
      var keyColumn = indent
      var awaitingKey = true
      var lastTokenWasIndicator = false
      defer { indicatorOwner = lastTokenWasIndicator && quote == 0 && flowDepth == 0 ? owner : nil }
      /// The collection of a plain scalar that starts now. A line's first token sits in
      /// what the last line left open (a scalar or an indicator's node) when it is
      /// indented more than that.
      func ownerOfPlainScalar(isFirstToken: Bool) -> Int? {
        guard flowDepth == 0 else { return nil }
        guard isFirstToken && !mayContinue else { return owner }
        guard !lineMayContinuePlain, let ownerFromLastLine, indent > ownerFromLastLine else { return nil }
        return ownerFromLastLine
      }
      /// The column of the node a block scalar on this line would belong to.
      var nodeColumn = start - currentLineStart
      defer { previousEndedInPlain = inPlainScalar || (lineMayContinuePlain && firstToken) }
      // A document marker (`--- |`): what follows it is a top-level node.
      if start == currentLineStart, start + 3 <= end, bytes[start] == bytes[start + 1],
        bytes[start] == bytes[start + 2],
        bytes[start] == UInt8(ascii: "-") || bytes[start] == UInt8(ascii: "."),
        start + 3 == end || isBlank(bytes[start + 3])
      {
        index = start + 3
        nodeColumn = -1
        firstToken = false
        awaitingKey = false
      }
      // Indented more than the plain scalar's collection, the line is more of that scalar
      // (its collection's column is exact: where the key, `-` or `?` before it began), and
      // its first byte is text, not an indicator: `[see docs)` or `- not a list`.
      if quote == 0, flowDepth == 0, lineMayContinuePlain, index == start, let collection = plainScalarOwner,
        indent > collection
      {
        if recordsReadings { linesProvenContinuing.append(index) }
        inPlainScalar = true
        atTokenStart = false
        firstToken = false
        awaitingKey = false
      }
      while index < end {
        // Inside a block plain scalar only a blank (before a comment or a token) or a `:`
        // changes anything; inside a quote that surely is one, only its closing quote or
        // an escape.
        if inPlainScalar && !atTokenStart && flowDepth == 0 && quote == 0 {
          index = Self.next(in: bytes, from: index, to: end, where: Self.endsPlainText)
          if index == end { break }
        } else if quote != 0 && !ambiguousQuote {
          index = Self.next(
            in: bytes, from: index, to: end,
            where: quote == UInt8(ascii: "'") ? Self.endsSingleQuoted : Self.endsDoubleQuoted)
          if index == end { break }
        }
        let byte = bytes[index]
        if quote != 0 {
          index = quoted(byte, at: index, end: end)
          if quote == 0 {
            atTokenStart = false
            inPlainScalar = false
          }
          if depth > maxDepth { return index - 1 }
          continue
        }
        let isFirstToken = firstToken
        if !isBlank(byte) {
          firstToken = false
          lastTokenWasIndicator = false
          if awaitingKey {
            keyColumn = index - currentLineStart
            awaitingKey = false
          }
        }
        let next: UInt8? = index + 1 < end ? bytes[index + 1] : nil
        let separated = next == nil || isBlank(next!)
        if isBlank(byte) {
          index += 1
          if !inPlainScalar { atTokenStart = true }
          if let next, next == UInt8(ascii: "#") { return nil }  // " #" starts a comment everywhere
          continue
        }
        switch byte {
        case UInt8(ascii: "["), UInt8(ascii: "{"):
          if atTokenStart || flowDepth > 0 {
            flowDepth += 1
            openFlow(byte)
            if depth > maxDepth { return index }
            atTokenStart = true
            inPlainScalar = false
          }
        case UInt8(ascii: "]"), UInt8(ascii: "}"):
          if flowDepth > 0 {
            flowDepth -= 1
            closeFlow()
            atTokenStart = false
            inPlainScalar = false
          }
        case UInt8(ascii: ","):
          if flowDepth > 0 {
            atTokenStart = true
            inPlainScalar = false
            aliasInEntry[aliasInEntry.count - 1] = false
            expectingKey = flowIsMapping.last == true
          }
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
          if atTokenStart {
            if flowDepth == 0 { nodeColumn = index - currentLineStart }
            quote = byte
            // Proven not to continue the plain scalar when it starts (no tab before it)
            // no further in than that scalar's collection.
            let provenNew = index == start && flowDepth == 0 && continuationRuledOut
            ambiguousQuote = isFirstToken && lineMayContinuePlain && !provenNew
            if recordsReadings && isFirstToken && lineMayContinuePlain && provenNew { quotesProvenNew.append(index) }
          }
        case UInt8(ascii: "#"):
          if atTokenStart { return nil }
        case UInt8(ascii: "-"), UInt8(ascii: "?"):
          if atTokenStart && separated {
            blockLevels.append((blockLevels.last ?? 0) + 1)
            nodeColumn = index - currentLineStart
            if byte == UInt8(ascii: "?") && explicitKey == nil { explicitKey = index }
            if flowDepth == 0 {
              if !mayContinue { owner = index - currentLineStart }
              awaitingKey = true
              lastTokenWasIndicator = true
            }
            if depth > maxDepth { return index }
          } else if atTokenStart && byte == UInt8(ascii: "?") && flowDepth > 0 {
            // libyaml reads `?` in flow context as a key indicator whatever follows it.
            if explicitKey == nil { explicitKey = index }
          } else if atTokenStart {
            atTokenStart = false
            inPlainScalar = true
            plainScalarOwner = ownerOfPlainScalar(isFirstToken: isFirstToken)
            nodeColumn = index - currentLineStart
          }
        case UInt8(ascii: ":"):
          if separated
            || (flowDepth > 0
              && next.map { [UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}")].contains($0) } == true)
          {
            sawValueIndicator(at: index)
            if separated && flowDepth == 0 {
              if !mayContinue { owner = keyColumn }
              lastTokenWasIndicator = true
            }
            if atTokenStart && separated {
              blockLevels.append((blockLevels.last ?? 0) + 1)
              if depth > maxDepth { return index }
            }
            atTokenStart = true
            inPlainScalar = false
          } else if flowDepth > 0 {
            sawValueIndicator(at: index)  // `{"a":*b}`: libyaml may read an adjacent `:` as one
          }
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
          if atTokenStart && flowDepth == 0 && !(isFirstToken && lineMayContinuePlain) {
            var explicit: Int?
            var header = index + 1
            while header < end, let digit = Optional(bytes[header]),
              digit == UInt8(ascii: "+") || digit == UInt8(ascii: "-")
                || (digit >= UInt8(ascii: "1") && digit <= UInt8(ascii: "9"))
            {
              if digit >= UInt8(ascii: "1") { explicit = Int(digit - UInt8(ascii: "0")) }
              header += 1
            }
            blockScalarParent = (nodeColumn, explicit)
            return nil
          }
        case UInt8(ascii: "!"), UInt8(ascii: "&"), UInt8(ascii: "*"):
          // A tag runs to the next blank (or flow indicator); an anchor or alias name is
          // what libyaml allows in one, [0-9A-Za-z_-], so `*a:b` is an alias and a `:`.
          if atTokenStart {
            if byte == UInt8(ascii: "*") { sawAlias(at: index) }
            if byte == UInt8(ascii: "!") {
              while index + 1 < end, !isBlank(bytes[index + 1]),
                !(flowDepth > 0
                  && [UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}")].contains(bytes[index + 1]))
              { index += 1 }
            } else {
              while index + 1 < end, Self.isAnchorByte(bytes[index + 1]) { index += 1 }
            }
            atTokenStart = false
          }
        default:
          if atTokenStart {
            atTokenStart = false
            inPlainScalar = true
            plainScalarOwner = ownerOfPlainScalar(isFirstToken: isFirstToken)
            if flowDepth == 0 { nodeColumn = index - currentLineStart }
          }
        }
        index += 1
      }
      return nil
    }

    /// Bytes that may matter inside block plain text, a single- and a double-quoted scalar.
    static let endsPlainText = byteSet(" \t\r:")
    static let endsSingleQuoted = byteSet("'")
    static let endsDoubleQuoted = byteSet("\"\\")
    static let lineFeed = byteSet("\n")

    static func byteSet(_ members: String) -> [Bool] {
      var set = [Bool](repeating: false, count: 256)
      for byte in members.utf8 { set[Int(byte)] = true }
      return set
    }

    /// The first index from `start` whose byte is in `set`, or `end`.
    @inline(__always) static func next(in bytes: [UInt8], from start: Int, to end: Int, where set: [Bool]) -> Int {
      bytes.withUnsafeBufferPointer { buffer in
        set.withUnsafeBufferPointer { member in
          var index = start
          while index < end, !member[Int(buffer[index])] { index += 1 }
          return index
        }
      }
    }

    /// One byte inside a quoted scalar; returns the next index. Inside a quote that may
    /// not be one, whatever could nest counts and nothing lowers the count.
    mutating func quoted(_ byte: UInt8, at index: Int, end: Int) -> Int {
      switch byte {
      case quote:
        if quote == UInt8(ascii: "'"), index + 1 < end, bytes[index + 1] == quote { return index + 2 }
        quote = 0
        ambiguousQuote = false
      case UInt8(ascii: "\\") where quote == UInt8(ascii: "\""):
        return index + 2
      case UInt8(ascii: "["), UInt8(ascii: "{"):
        if ambiguousQuote { flowDepth += 1 }
      case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
        if ambiguousQuote, index + 1 == end || isBlank(bytes[index + 1]) {
          blockLevels.append((blockLevels.last ?? 0) + 1)
          if byte == UInt8(ascii: ":") { sawValueIndicator(at: index) }
          if byte == UInt8(ascii: "?") && explicitKey == nil { explicitKey = index }
        }
      case UInt8(ascii: "*"):
        if ambiguousQuote { sawAlias(at: index) }
      default:
        break
      }
      return index + 1
    }
  }
}
