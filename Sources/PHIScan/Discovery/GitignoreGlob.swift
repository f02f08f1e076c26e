/// A pattern line of a `.gitignore` or `.ignore` file, over `/`-separated relative paths.
///
/// `*` matches within one path segment, `?` one character (never `/`), `[abc]`,
/// `[a-z]` and `[!a-z]` (or `[^a-z]`) one character of a set, `**/` any number of
/// leading directories, `/**` everything inside, `/**/` zero or more directories,
/// and `\x` the character `x`. A pattern without a `/` (other than a trailing one)
/// matches the name at any depth; one with a `/` is anchored at its base.
struct GitignoreGlob: Sendable, Hashable, CustomStringConvertible {
  /// The pattern as written.
  let pattern: String
  /// True when the pattern matches a name at any depth (it has no inner `/`).
  let matchesNameOnly: Bool
  /// True when the pattern ended with `/`: it matches directories only.
  let directoryOnly: Bool
  let tokens: [Token]

  enum Token: Sendable, Hashable {
    case literal(UInt8)
    /// `?`: one character, not `/`.
    case anyCharacter
    /// `*`: any run within one segment.
    case star
    /// `**/`: empty or any directories ending in `/`.
    case anyDirectories
    /// trailing `/**`'s `**`: one or more characters of any kind.
    case anyRest
    case set(ranges: [ClosedRange<UInt32>], negated: Bool)
  }

  /// Why a glob is rejected.
  struct SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    var pattern: String
    var reason: String
    var description: String { "invalid glob '\(pattern)': \(reason)" }
  }

  init(_ pattern: String) throws(SyntaxError) {
    self.pattern = pattern
    var text = Array(pattern.utf8)
    directoryOnly = text.count > 1 && text.last == UInt8(ascii: "/")
    if directoryOnly { text.removeLast() }
    guard !text.isEmpty else { throw SyntaxError(pattern: pattern, reason: "the pattern is empty") }
    // An inner or leading slash anchors the pattern; a leading `**/` does not.
    let slash = text.firstIndex(of: UInt8(ascii: "/"))
    matchesNameOnly = slash == nil
    if text.first == UInt8(ascii: "/") { text.removeFirst() }
    tokens = try GitignoreGlob.tokenize(text, pattern: pattern)
  }

  var description: String { pattern }

  private static func tokenize(_ text: [UInt8], pattern: String) throws(SyntaxError) -> [Token] {
    var tokens: [Token] = []
    var i = 0
    let slash = UInt8(ascii: "/")
    let star = UInt8(ascii: "*")
    while i < text.count {
      let byte = text[i]
      switch byte {
      case star:
        var j = i
        while j < text.count, text[j] == star { j += 1 }
        let run = j - i
        let atSegmentStart = i == 0 || text[i - 1] == slash
        let atSegmentEnd = j == text.count || text[j] == slash
        if run >= 2, atSegmentStart, atSegmentEnd {
          if j == text.count {
            tokens.append(.anyRest)
          } else {
            tokens.append(.anyDirectories)
            j += 1  // the `/` is part of `**/`
          }
        } else {
          tokens.append(.star)
        }
        i = j
      case UInt8(ascii: "?"):
        tokens.append(.anyCharacter)
        i += 1
      case UInt8(ascii: "\\"):
        guard i + 1 < text.count else { throw SyntaxError(pattern: pattern, reason: "it ends with a lone backslash") }
        tokens.append(.literal(text[i + 1]))
        i += 2
      case UInt8(ascii: "["):
        let (token, next) = try parseSet(text, from: i, pattern: pattern)
        tokens.append(token)
        i = next
      default:
        tokens.append(.literal(byte))
        i += 1
      }
    }
    return tokens
  }

  /// Parses `[...]` starting at the `[`; returns the token and the index after `]`.
  private static func parseSet(_ text: [UInt8], from open: Int, pattern: String) throws(SyntaxError) -> (Token, Int) {
    var i = open + 1
    var negated = false
    if i < text.count, text[i] == UInt8(ascii: "!") || text[i] == UInt8(ascii: "^") {
      negated = true
      i += 1
    }
    var ranges: [ClosedRange<UInt32>] = []
    var first = true
    // Decode scalars so a class may hold non-ASCII characters.
    func scalar(at index: Int) -> (UInt32, Int) {
      var iterator = text[index...].makeIterator()
      var decoder = UTF8()
      if case .scalarValue(let value) = decoder.decode(&iterator) {
        return (value.value, index + UTF8.width(value))
      }
      return (UInt32(text[index]), index + 1)
    }
    while i < text.count {
      if text[i] == UInt8(ascii: "]"), !first {
        return (.set(ranges: ranges, negated: negated), i + 1)
      }
      first = false
      var index = i
      if text[index] == UInt8(ascii: "\\"), index + 1 < text.count { index += 1 }
      let (low, afterLow) = scalar(at: index)
      if afterLow + 1 < text.count, text[afterLow] == UInt8(ascii: "-"), text[afterLow + 1] != UInt8(ascii: "]") {
        let (high, afterHigh) = scalar(at: afterLow + 1)
        guard low <= high else { throw SyntaxError(pattern: pattern, reason: "the range in '[...]' runs backwards") }
        ranges.append(low...high)
        i = afterHigh
      } else {
        ranges.append(low...low)
        i = afterLow
      }
    }
    throw SyntaxError(pattern: pattern, reason: "'[' is not closed by ']'")
  }

  /// Whether the glob matches `path` (relative, `/`-separated). `isDirectory` matters
  /// for patterns ending in `/`. Name-only patterns are tried against the last segment.
  func matches(_ path: String, isDirectory: Bool) -> Bool {
    if directoryOnly && !isDirectory { return false }
    var path = path
    return path.withUTF8 { bytes in
      if matchesNameOnly {
        let nameStart = (bytes.lastIndex(of: UInt8(ascii: "/")) ?? -1) + 1
        return match(UnsafeBufferPointer(rebasing: bytes[nameStart...]))
      }
      return match(bytes)
    }
  }

  /// Backtracking match with a memo of failed states, so no pattern is exponential.
  func match(_ subject: UnsafeBufferPointer<UInt8>) -> Bool {
    var failed = Set<Int>()
    let width = subject.count + 1
    func step(_ t: Int, _ s: Int) -> Bool {
      if t == tokens.count { return s == subject.count }
      if failed.contains(t * width + s) { return false }
      let result: Bool
      switch tokens[t] {
      case .literal(let byte):
        result = s < subject.count && subject[s] == byte && step(t + 1, s + 1)
      case .anyCharacter:
        if s < subject.count, subject[s] != UInt8(ascii: "/") {
          result = step(t + 1, s + GitignoreGlob.scalarWidth(subject, at: s))
        } else {
          result = false
        }
      case .set(let ranges, let negated):
        if s < subject.count, subject[s] != UInt8(ascii: "/") {
          let (value, width) = GitignoreGlob.scalar(subject, at: s)
          let inSet = ranges.contains { $0.contains(value) }
          result = inSet != negated && step(t + 1, s + width)
        } else {
          result = false
        }
      case .star:
        var end = s
        var found = step(t + 1, s)
        while !found, end < subject.count, subject[end] != UInt8(ascii: "/") {
          end += 1
          found = step(t + 1, end)
        }
        result = found
      case .anyDirectories:
        var found = step(t + 1, s)
        var end = s
        while !found, end < subject.count {
          if subject[end] == UInt8(ascii: "/") { found = step(t + 1, end + 1) }
          end += 1
        }
        result = found
      case .anyRest:
        result = s < subject.count
      }
      if !result { failed.insert(t * width + s) }
      return result
    }
    return step(0, 0)
  }

  static func scalarWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let lead = bytes[index]
    let width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    return min(width, bytes.count - index)
  }

  static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
    let width = scalarWidth(bytes, at: index)
    guard width > 1 else { return (UInt32(bytes[index]), 1) }
    var value = UInt32(bytes[index]) & (0xFF >> (width + 1))
    for k in 1..<width { value = value << 6 | UInt32(bytes[index + k] & 0x3F) }
    return (value, width)
  }
}
