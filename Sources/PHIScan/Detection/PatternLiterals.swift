/// Derives the literal strings a regex (`pattern`, `patternProperties` keys; the
/// PCRE/ECMA-262 subset JSON Schema uses) allows, so that `^(MRN-00482913|MRN-00577120)$`
/// yields its two identifiers while `^\d{3}-\d{2}-\d{4}$` (a format) yields nothing.
///
/// Approach (after Go `regexp/syntax` and codesearch's `index/regexp.go`): parse into
/// a small tree, then compute each node's exact language when it is small. Character
/// classes of up to `maxClass` members are expanded, case pairs (`[Pp]`, `(?i)p`)
/// collapse to one letter, bounded repeats expand while the set stays small; anything
/// else is "too many". When the whole language is too large, the literal runs of at
/// least `minRun` characters are returned instead (`^patient_gonzalez_.*$`).
/// Work is bounded on hostile patterns: length, nesting depth and node count are
/// capped and the cap that was hit is reported.
@_spi(Internals) public enum PatternLiterals {
  public struct Limits: Sendable {
    public var maxPatternLength = 65536
    public var maxDepth = 64
    public var maxNodes = 32768
    public var maxStrings = 256
    public var maxStringLength = 256
    public var maxClass = 8
    public var minRun = 3
    /// Literal runs read from a pattern past the other caps.
    public var maxRuns = 65536
    public init() {}
  }

  public struct Analysis: Sendable, Equatable {
    /// The exact strings the pattern allows, or its literal runs when `isExact` is false.
    public var strings: [String]
    /// True when `strings` is the pattern's whole (finite, small) language.
    public var isExact: Bool
    /// The work cap that stopped the analysis early, if any (nil for normal patterns).
    public var limitHit: String?
  }

  /// The fewest ASCII digits any match of `pattern` contains (0 when unknown): a string
  /// with fewer digits cannot match, so the detector skips the search. A lower bound:
  /// look-arounds, back-references and anything the parser does not read count as none,
  /// and patterns that PCRE2 might read differently from this parser (extended mode,
  /// where spaces and `#` comments vanish; `{,n}`, a count in newer PCRE2) get 0.
  public static func minimumDigits(_ pattern: String, limits: Limits = Limits()) -> Int {
    let scalars = Array(pattern.unicodeScalars)
    guard scalars.count <= limits.maxPatternLength, !pattern.contains("{,"), !pattern.contains("(*") else { return 0 }
    var parser = Parser(scalars: scalars, limits: limits)
    guard let tree = try? parser.parseAlternation(depth: 0), parser.index == scalars.count, !parser.sawExtended else {
      return 0
    }
    return Evaluator(limits: limits).minimumDigits(tree)
  }

  /// Analyses one pattern. Never throws: an unparsable pattern gives its text back as
  /// one candidate so that it is still checked as plain text.
  public static func analyse(_ pattern: String, limits: Limits = Limits()) -> Analysis {
    let scalars = Array(pattern.unicodeScalars)
    if scalars.count > limits.maxPatternLength {
      return Analysis(
        strings: plainRuns(scalars, limits: limits), isExact: false,
        limitHit: "longer than \(limits.maxPatternLength) characters")
    }
    var parser = Parser(scalars: scalars, limits: limits)
    let tree: RegexNode
    do {
      tree = try parser.parseAlternation(depth: 0)
      if parser.index < scalars.count { throw ParseFailure.syntax }  // an unmatched ')'
    } catch ParseFailure.limit(let reason) {
      return Analysis(strings: plainRuns(scalars, limits: limits), isExact: false, limitHit: reason)
    } catch {
      return Analysis(strings: [pattern], isExact: false, limitHit: nil)
    }
    let evaluator = Evaluator(limits: limits)
    if let exact = evaluator.exact(tree) {
      return Analysis(strings: exact.filter { !$0.isEmpty }.sorted(), isExact: true, limitHit: nil)
    }
    var runs: [String] = []
    evaluator.collectRuns(tree, into: &runs)
    var seen: Set<String> = []
    let unique = runs.filter { $0.unicodeScalars.count >= limits.minRun && seen.insert($0).inserted }
    return Analysis(strings: unique, isExact: false, limitHit: nil)
  }

  /// The runs of plain characters in a pattern too large to parse, in one pass: what
  /// lies between operators, groups, classes and escapes that are not a punctuation
  /// character (`\d`, `\b`), at least `minRun` characters long, each once. Enough to
  /// read an alternation of identifiers however long it is
  /// (`^(MRN-00482913|MRN-00577120|...)$`); what classes and repeats allow is not
  /// expanded. At most `maxRuns`.
  static func plainRuns(_ scalars: [Unicode.Scalar], limits: Limits) -> [String] {
    var runs: [String] = []
    var seen: Set<String> = []
    var run = String.UnicodeScalarView()
    func flush() {
      if run.count >= limits.minRun, runs.count < limits.maxRuns, seen.insert(String(run)).inserted {
        runs.append(String(run))
      }
      run = String.UnicodeScalarView()
    }
    var index = 0
    var inClass = false
    while index < scalars.count {
      let scalar = scalars[index]
      index += 1
      if inClass {
        if scalar == "\\" { index += 1 } else if scalar == "]" { inClass = false }
        continue
      }
      switch scalar {
      case "\\":
        // An escaped punctuation character is itself; a letter or digit is a class, an
        // anchor or a back-reference.
        if index < scalars.count, scalars[index].isASCII, scalars[index].properties.isPatternSyntax {
          run.append(scalars[index])
        } else {
          flush()
        }
        index += 1
      case "[":
        flush()
        inClass = true
      case "|", "(", ")", "^", "$", ".", "*", "+", "?", "{", "}":
        flush()
      default:
        run.append(scalar)
      }
    }
    flush()
    return runs
  }

  // MARK: tree

  indirect enum RegexNode: Equatable {
    /// One character (already case-collapsed when case-insensitive).
    case literal(Character)
    /// A small set of characters (an expanded class).
    case set([Character])
    /// Anything wider: `.`, large or negated classes, back-references.
    case wide
    /// One ASCII digit of more than a small set: `\d`, `[0-9]`.
    case digit
    /// Matches only the empty string (anchors, look-arounds, `\b`).
    case empty
    case concat([RegexNode])
    case alternation([RegexNode])
    case repeated(RegexNode, min: Int, max: Int?)
  }

  enum ParseFailure: Error { case syntax, limit(String) }

  struct Parser {
    let scalars: [Unicode.Scalar]
    let limits: Limits
    var index = 0
    var nodes = 0
    var caseless = false
    /// An `x` flag was seen: whitespace and comments then mean nothing to PCRE2.
    var sawExtended = false

    init(scalars: [Unicode.Scalar], limits: Limits) {
      self.scalars = scalars
      self.limits = limits
    }

    var atEnd: Bool { index >= scalars.count }
    var current: Unicode.Scalar? { atEnd ? nil : scalars[index] }

    mutating func count() throws(ParseFailure) {
      nodes += 1
      if nodes > limits.maxNodes { throw .limit("more than \(limits.maxNodes) regex items") }
    }

    mutating func parseAlternation(depth: Int) throws(ParseFailure) -> RegexNode {
      if depth > limits.maxDepth { throw .limit("nested deeper than \(limits.maxDepth) groups") }
      let savedCaseless = caseless
      defer { caseless = savedCaseless }  // inline flags end with their group
      var branches: [RegexNode] = [try parseConcat(depth: depth)]
      while current == "|" {
        index += 1
        branches.append(try parseConcat(depth: depth))
      }
      return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    mutating func parseConcat(depth: Int) throws(ParseFailure) -> RegexNode {
      var items: [RegexNode] = []
      while let scalar = current, scalar != "|", scalar != ")" {
        let atom = try parseAtom(depth: depth)
        items.append(try parseQuantifier(atom))
        try count()
      }
      return items.count == 1 ? items[0] : .concat(items)
    }

    mutating func parseQuantifier(_ atom: RegexNode) throws(ParseFailure) -> RegexNode {
      var node = atom
      while let scalar = current {
        var bounds: (Int, Int?)?
        switch scalar {
        case "*":
          bounds = (0, nil)
          index += 1
        case "+":
          bounds = (1, nil)
          index += 1
        case "?":
          bounds = (0, 1)
          index += 1
        case "{":
          guard let counted = parseCount() else { return node }  // a literal `{`
          bounds = counted
        default: return node
        }
        if current == "?" || current == "+" { index += 1 }  // lazy or possessive: same language
        if let (min, max) = bounds { node = .repeated(node, min: min, max: max) }
      }
      return node
    }

    /// `{m}`, `{m,}`, `{m,n}`; nil (and no input consumed) when it is not a count.
    mutating func parseCount() -> (Int, Int?)? {
      var cursor = index + 1
      func number() -> Int? {
        var value: Int?
        while cursor < scalars.count, scalars[cursor].value >= 0x30, scalars[cursor].value <= 0x39 {
          value = min((value ?? 0) * 10 + Int(scalars[cursor].value - 0x30), 100_000)
          cursor += 1
        }
        return value
      }
      guard let low = number() else { return nil }
      var high: Int? = low
      if cursor < scalars.count, scalars[cursor] == "," {
        cursor += 1
        high = number()
      }
      guard cursor < scalars.count, scalars[cursor] == "}" else { return nil }
      if let high, high < low { return nil }
      index = cursor + 1
      return (low, high)
    }

    mutating func parseAtom(depth: Int) throws(ParseFailure) -> RegexNode {
      guard let scalar = current else { throw .syntax }
      index += 1
      switch scalar {
      case "(": return try parseGroup(depth: depth)
      case "[": return try parseClass()
      case ".": return .wide
      case "^", "$": return .empty
      case "\\": return try parseEscape(inClass: false).node
      case "*", "+", "?": throw .syntax  // nothing to repeat
      default: return .literal(Character(scalar))
      }
    }

    mutating func parseGroup(depth: Int) throws(ParseFailure) -> RegexNode {
      var isLookaround = false
      if current == "?" {
        index += 1
        guard let kind = current else { throw .syntax }
        switch kind {
        case ":", ">", "|": index += 1
        case "=", "!":
          index += 1
          isLookaround = true
        case "<":
          index += 1
          if current == "=" || current == "!" {
            index += 1
            isLookaround = true
          } else {
            try skipName(until: ">")
          }
        case "P":
          index += 1
          guard current == "<" else { throw .syntax }  // (?P=name), (?P>name): not supported
          index += 1
          try skipName(until: ">")
        case "'":
          index += 1
          try skipName(until: "'")
        case "#":
          while let c = current, c != ")" { index += 1 }
          guard current == ")" else { throw .syntax }
          index += 1
          return .empty
        default:
          // Inline flags: (?i) for the rest of the group, or (?i:...) for a subgroup.
          var enable = true
          var newCaseless = caseless
          while let flag = current, flag != ")", flag != ":" {
            switch flag {
            case "-": enable = false
            case "i": newCaseless = enable
            case "x": sawExtended = true
            case "m", "s", "n", "U", "J", "u": break
            default: throw .syntax
            }
            index += 1
          }
          guard let end = current else { throw .syntax }
          index += 1
          if end == ")" {
            caseless = newCaseless
            return .empty
          }
          let saved = caseless
          caseless = newCaseless
          let inner = try parseAlternation(depth: depth + 1)
          caseless = saved
          guard current == ")" else { throw .syntax }
          index += 1
          return inner
        }
      }
      let inner = try parseAlternation(depth: depth + 1)
      guard current == ")" else { throw .syntax }
      index += 1
      return isLookaround ? .empty : inner
    }

    mutating func skipName(until terminator: Unicode.Scalar) throws(ParseFailure) {
      while let c = current, c != terminator { index += 1 }
      guard current == terminator else { throw .syntax }
      index += 1
    }

    /// One escape. In a class, only single characters and shorthand classes make sense.
    mutating func parseEscape(inClass: Bool) throws(ParseFailure) -> (node: RegexNode, character: Character?) {
      guard let scalar = current else { throw .syntax }
      index += 1
      switch scalar {
      case "d":
        return (.digit, nil)
      case "D", "w", "W", "s", "S", "h", "H", "V", "R", "N", "X":
        return (.wide, nil)
      case "p", "P":
        if current == "{" { try skipName(until: "}") } else { index += 1 }
        return (.wide, nil)
      case "b": return inClass ? (.literal("\u{8}"), "\u{8}") : (.empty, nil)
      case "B", "A", "z", "Z", "G", "K":
        return (.empty, nil)
      case "t": return (.literal("\t"), "\t")
      case "n": return (.literal("\n"), "\n")
      case "r": return (.literal("\r"), "\r")
      case "f": return (.literal("\u{C}"), "\u{C}")
      case "v": return (.literal("\u{B}"), "\u{B}")
      case "e": return (.literal("\u{1B}"), "\u{1B}")
      case "0": return (.literal("\0"), "\0")
      case "x", "u":
        let value = try parseHex(braced: current == "{", fixed: scalar == "x" ? 2 : 4)
        guard let decoded = Unicode.Scalar(value) else { throw .syntax }
        return (.literal(Character(decoded)), Character(decoded))
      case "c":
        guard let letter = current, letter.isASCII else { throw .syntax }
        index += 1
        guard let control = Unicode.Scalar(letter.value & 0x1F) else { throw .syntax }
        return (.literal(Character(control)), Character(control))
      case "1"..."9", "k", "g":
        // Back-references repeat earlier text: their language is not literal here.
        if scalar == "k" || scalar == "g", let open = current, open == "<" || open == "{" || open == "'" {
          index += 1
          try skipName(until: open == "<" ? ">" : open == "{" ? "}" : "'")
        } else {
          while let c = current, c.properties.numericType != nil, c.isASCII { index += 1 }
        }
        return (.wide, nil)
      case "Q":
        var text: [Character] = []
        while index < scalars.count {
          if scalars[index] == "\\", index + 1 < scalars.count, scalars[index + 1] == "E" {
            index += 2
            break
          }
          text.append(Character(scalars[index]))
          index += 1
        }
        return (.concat(text.map { .literal($0) }), text.count == 1 ? text[0] : nil)
      case "E":
        return (.empty, nil)
      default:
        return (.literal(Character(scalar)), Character(scalar))
      }
    }

    mutating func parseHex(braced: Bool, fixed: Int) throws(ParseFailure) -> UInt32 {
      var value: UInt32 = 0
      var digits = 0
      if braced { index += 1 }
      while let c = current, let digit = c.properties.isASCIIHexDigit ? UInt32(String(c), radix: 16) : nil {
        if !braced && digits == fixed { break }
        value = value &* 16 &+ digit
        digits += 1
        index += 1
        if value > 0x10FFFF { throw .syntax }
      }
      if braced {
        guard current == "}" else { throw .syntax }
        index += 1
      }
      guard digits > 0 else { throw .syntax }
      return value
    }

    /// A bracket class: small ones become a set of characters, the rest are wide.
    /// Members are read as scalars (every member is one): building a `Character` for
    /// each one cost more than the rest of the analysis.
    mutating func parseClass() throws(ParseFailure) -> RegexNode {
      var negated = false
      if current == "^" {
        negated = true
        index += 1
      }
      // Members as written, one spelling per letter: `[Pp]` is one letter written in both
      // cases. `written` counts every member for the size cap.
      var members: [Unicode.Scalar] = []
      var written = 0
      func add(_ member: Unicode.Scalar) {
        written += 1
        if !members.contains(where: { Self.sameIgnoringCase($0, member) }) { members.append(member) }
      }
      var wide = false
      // Every member is an ASCII digit (`[0-9]`, `[\d]`): the class is one digit.
      var digitsOnly = true
      func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }
      while let scalar = current, scalar != "]" {
        index += 1
        var low: Unicode.Scalar
        if scalar == "\\" {
          let escape = try parseEscape(inClass: true)
          guard let character = escape.character, let first = character.unicodeScalars.first else {
            if escape.node != .digit { digitsOnly = false }
            wide = true
            continue
          }
          low = first
        } else if scalar == "[", current == ":" {
          while let c = current, c != "]" { index += 1 }  // [:alpha:] and friends
          index += 1
          wide = true
          digitsOnly = false
          continue
        } else {
          low = scalar
        }
        if current == "-", index + 1 < scalars.count, scalars[index + 1] != "]" {
          index += 1
          guard var high = current else { throw .syntax }
          index += 1
          if high == "\\" {
            guard let character = try parseEscape(inClass: true).character, let first = character.unicodeScalars.first
            else { throw .syntax }
            high = first
          }
          guard low.value <= high.value else { throw .syntax }
          if !isDigit(low) || !isDigit(high) { digitsOnly = false }
          if high.value - low.value >= UInt32(limits.maxClass) {
            wide = true
          } else {
            for value in low.value...high.value { if let s = Unicode.Scalar(value) { add(s) } }
          }
        } else {
          if !isDigit(low) { digitsOnly = false }
          add(low)
        }
        if written > limits.maxClass { wide = true }
      }
      guard current == "]" else { throw .syntax }
      index += 1
      if negated { return .wide }
      if wide || members.isEmpty { return digitsOnly && wide ? .digit : .wide }
      return members.count == 1 ? .literal(Character(members[0])) : .set(members.map(Character.init))
    }

    /// `Character(a).lowercased() == Character(b).lowercased()`, without building strings
    /// for ASCII.
    static func sameIgnoringCase(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Bool {
      if a.isASCII && b.isASCII {
        let x = UInt8(a.value)
        let y = UInt8(b.value)
        let isLetter = (x | 0x20) >= 0x61 && (x | 0x20) <= 0x7A
        return isLetter ? (x | 0x20) == (y | 0x20) : x == y
      }
      return Character(a).lowercased() == Character(b).lowercased()
    }
  }

  // MARK: languages

  struct Evaluator {
    let limits: Limits

    /// The exact language of `node`, or nil when it is infinite or too large.
    func exact(_ node: RegexNode) -> [String]? {
      switch node {
      case .literal(let character): return [String(character)]
      case .set(let characters): return characters.map { String($0) }
      case .wide, .digit: return nil
      case .empty: return [""]
      case .concat(let items):
        var result: [String] = [""]
        // Scalars in the longest string so far: a literal is appended in place (no array
        // per character), and the length cap is checked as `cross` checks it.
        var longest = 0
        for item in items {
          switch item {
          case .empty:
            continue
          case .literal(let character):
            longest += character.unicodeScalars.count
            if longest > limits.maxStringLength { return nil }
            for i in result.indices { result[i].append(character) }
          default:
            guard let part = exact(item), let product = cross(result, part) else { return nil }
            result = product
            longest = result.reduce(0) { max($0, $1.unicodeScalars.count) }
          }
        }
        return result
      case .alternation(let branches):
        var result: [String] = []
        var seen: Set<String> = []
        for branch in branches {
          guard let part = exact(branch) else { return nil }
          for string in part where seen.insert(string).inserted { result.append(string) }
          if result.count > limits.maxStrings { return nil }
        }
        return result
      case .repeated(let inner, let min, let max):
        guard let max, max - min <= 3, let part = exact(inner) else { return nil }
        var power: [String] = [""]
        for _ in 0..<min {
          guard let next = cross(power, part) else { return nil }
          power = next
        }
        var result = power
        var seen = Set(power)
        for _ in min..<max {
          guard let next = cross(power, part) else { return nil }
          power = next
          for string in power where seen.insert(string).inserted { result.append(string) }
          if result.count > limits.maxStrings { return nil }
        }
        return result
      }
    }

    /// The fewest ASCII digits in any string of the node's language (see `minimumDigits`).
    func minimumDigits(_ node: RegexNode) -> Int {
      switch node {
      case .literal(let character): return character.isASCII && character.isWholeNumber ? 1 : 0
      case .set(let characters): return characters.allSatisfy { $0.isASCII && $0.isWholeNumber } ? 1 : 0
      case .digit: return 1
      case .wide, .empty: return 0
      case .concat(let items): return min(items.reduce(0) { $0 + minimumDigits($1) }, 100_000)
      case .alternation(let branches): return branches.map(minimumDigits).min() ?? 0
      case .repeated(let inner, let low, _): return min(low * minimumDigits(inner), 100_000)  // both at most 100,000
      }
    }

    /// Every pairing of `a` and `b`, or nil past the caps.
    func cross(_ a: [String], _ b: [String]) -> [String]? {
      guard a.count * b.count <= limits.maxStrings else { return nil }
      var out: [String] = []
      out.reserveCapacity(a.count * b.count)
      for x in a {
        for y in b {
          let joined = x + y
          if joined.unicodeScalars.count > limits.maxStringLength { return nil }
          out.append(joined)
        }
      }
      return out
    }

    /// Runs of text that every match of a concatenation contains, from the parts whose
    /// language is one string; alternations contribute each branch's runs.
    func collectRuns(_ node: RegexNode, into runs: inout [String]) {
      switch node {
      case .concat(let items):
        var run = ""
        var runScalars = 0
        for item in items {
          if case .literal(let character) = item {
            run.append(character)
            runScalars += character.unicodeScalars.count
            if runScalars > limits.maxStringLength { return }
            continue
          }
          let part = exact(item)
          if let part, part.count == 1 {
            run += part[0]
            runScalars += part[0].unicodeScalars.count
            if runScalars > limits.maxStringLength { return }
            continue
          }
          if !run.isEmpty { runs.append(run) }
          run = ""
          runScalars = 0
          if let part, part.count <= limits.maxStrings / 4 {
            runs += part  // a small alternation inside a large pattern
          } else {
            collectRuns(item, into: &runs)
          }
        }
        if !run.isEmpty { runs.append(run) }
      case .alternation(let branches):
        for branch in branches {
          if let part = exact(branch) { runs += part } else { collectRuns(branch, into: &runs) }
        }
      case .repeated(let inner, let min, _):
        if min >= 1 { collectRuns(inner, into: &runs) }
      case .literal, .set, .wide, .digit, .empty:
        if let part = exact(node), part.count == 1 { runs += part }
      }
    }
  }
}
