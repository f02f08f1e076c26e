// Config owns what users tell phi-scan in `.phi-scan.yml` and on the command line about
// which rules run and which findings they accept: globs, the allow list, the baseline.

/// A glob over `/`-separated text (report paths and JSON Pointers): `*` and `?` stay
/// within one segment, `**` crosses segments (`a/**/b` also matches `a/b`), `[abc]` and
/// `[a-z]` are classes. A path glob without `/` matches the file name at any depth.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
  public let pattern: String
  private let tokens: [Token]
  /// The scalars to compare with when every token is a literal (an escaped file name,
  /// such as the report file discovery must skip): no matching table needed.
  private let literal: [Unicode.Scalar]?

  enum Token: Sendable, Hashable {
    case literal(Unicode.Scalar)
    case any  // ?
    case star  // *
    case globstar(slashed: Bool)  // `**`, or `**/` (empty or whole segments)
    case set([ClosedRange<Unicode.Scalar>], negated: Bool)
  }

  public enum Syntax: Error, Equatable { case unclosedClass }

  /// - Parameter anywhere: treat a pattern without `/` as `**/pattern` (path globs).
  public init(_ pattern: String, anywhere: Bool = false) throws(Syntax) {
    self.pattern = pattern
    var source = Array(pattern.unicodeScalars)
    if anywhere && !source.contains("/") { source = Array("**/".unicodeScalars) + source }
    var tokens: [Token] = []
    var i = 0
    while i < source.count {
      let c = source[i]
      switch c {
      case "*":
        if i + 1 < source.count && source[i + 1] == "*" {
          i += 2
          let slashed = i < source.count && source[i] == "/"
          if slashed { i += 1 }
          tokens.append(.globstar(slashed: slashed))
          continue
        }
        tokens.append(.star)
      case "?": tokens.append(.any)
      case "[":
        var j = i + 1
        var negated = false
        if j < source.count && (source[j] == "!" || source[j] == "^") {
          negated = true
          j += 1
        }
        var ranges: [ClosedRange<Unicode.Scalar>] = []
        var first = true
        while j < source.count && (source[j] != "]" || first) {
          first = false
          if j + 2 < source.count && source[j + 1] == "-" && source[j + 2] != "]" && source[j] <= source[j + 2] {
            ranges.append(source[j]...source[j + 2])
            j += 3
          } else {
            ranges.append(source[j]...source[j])
            j += 1
          }
        }
        guard j < source.count else { throw .unclosedClass }
        tokens.append(.set(ranges, negated: negated))
        i = j
      case "\\" where i + 1 < source.count:
        i += 1
        tokens.append(.literal(source[i]))
      default: tokens.append(.literal(c))
      }
      i += 1
    }
    self.tokens = tokens
    var scalars: [Unicode.Scalar]? = []
    for token in tokens {
      guard case .literal(let scalar) = token else {
        scalars = nil
        break
      }
      scalars?.append(scalar)
    }
    literal = scalars
  }

  public var description: String { pattern }

  /// A glob that matches exactly `text`.
  public static func escape(_ text: String) -> String {
    var out = ""
    for c in text.unicodeScalars {
      if "*?[\\".unicodeScalars.contains(c) { out.append("\\") }
      out.unicodeScalars.append(c)
    }
    return out
  }

  /// Whole-text match; linear in pattern times text (no backtracking blow-up).
  public func matches(_ text: String) -> Bool {
    if let literal { return text.unicodeScalars.elementsEqual(literal) }
    let s = Array(text.unicodeScalars)
    // reachable[j]: the tokens consumed so far can match s[0..<j].
    var reachable = [Bool](repeating: false, count: s.count + 1)
    reachable[0] = true
    for token in tokens {
      var next = [Bool](repeating: false, count: s.count + 1)
      switch token {
      case .star:
        var open = false
        for j in 0...s.count {
          if reachable[j] { open = true }
          if open { next[j] = true }
          if j < s.count && s[j] == "/" { open = false }
        }
      case .globstar(let slashed):
        var open = false
        for j in 0...s.count {
          // `**/` ends on a segment boundary: nothing, or text ending in `/`.
          if open && (!slashed || s[j - 1] == "/") { next[j] = true }
          if reachable[j] {
            open = true
            next[j] = true
          }
        }
      default:
        for j in 0..<s.count where reachable[j] && Glob.single(token, s[j]) { next[j + 1] = true }
      }
      reachable = next
    }
    return reachable[s.count]
  }

  static func single(_ token: Token, _ c: Unicode.Scalar) -> Bool {
    switch token {
    case .literal(let l): return l == c
    case .any: return c != "/"
    case .set(let ranges, let negated): return c != "/" && (ranges.contains { $0.contains(c) } != negated)
    case .star, .globstar: return false
    }
  }
}
