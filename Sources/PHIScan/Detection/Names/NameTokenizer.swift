import Foundation

/// One word of a candidate string, with what the name matcher needs to know about it.
struct NameToken: Sendable {
  /// Lowercase ASCII letters (diacritics folded, apostrophes dropped); nil when the word
  /// is longer than a key or holds letters that do not fold to ASCII.
  var key: NameKey?
  var letterCount = 0
  /// Starts with an uppercase letter.
  var isCapitalized = false
  /// Every letter is uppercase.
  var isAllCaps = true
  /// Ends with a possessive `'s` ("Crohn's").
  var isPossessive = false
  /// Letters glued to digits, as synthetic generators write names (`Sophie40`).
  var hasDigits = false
  /// Parts of a hyphenated word (`Smith-Jones`), each with its own key; empty otherwise.
  var hyphenParts: [NameKey?] = []
  /// The separator after the word: a space, a comma, a period, or something else.
  var after: Separator = .end
  /// The word begins a sentence (first word, or after `.`, `!`, `?`, `:`).
  var startsSentence = false

  enum Separator: Sendable, Equatable { case space, comma, period, other, end }

  var isInitial: Bool { letterCount == 1 && isCapitalized }
}

/// Splits strings into words. Identifiers (`patient_maria_gonzalez_1984`, `robertOkafor`)
/// split at `_ - . space`, camel humps and digits; text splits at spaces and
/// punctuation, keeping hyphenated and apostrophe names (`Smith-Jones`, `O'Brien`)
/// whole.
enum NameTokenizer {
  static func identifierWords(_ text: String) -> [NameToken] {
    var tokens: [NameToken] = []
    var current = WordBuilder()
    var previous: Unicode.Scalar?
    var afterApostrophe = false
    let scalars = Array(text.unicodeScalars)
    for (index, scalar) in scalars.enumerated() {
      let isLetter = ScalarClass.isAlphabetic(scalar)
      let isApostrophe = scalar == "'" || scalar == "\u{2019}"
      if isApostrophe, previous != nil, index + 1 < scalars.count, ScalarClass.isAlphabetic(scalars[index + 1]) {
        afterApostrophe = true
        continue  // O'Brien stays one word
      }
      if !isLetter {
        current.finish(into: &tokens, after: .other)
        previous = nil
        continue
      }
      if let previous, current.letterCount > 0, !afterApostrophe {
        let upper = ScalarClass.isUppercase(scalar)
        let camel = ScalarClass.isLowercase(previous) && upper
        let acronymEnd =
          ScalarClass.isUppercase(previous) && upper && index + 1 < scalars.count
          && ScalarClass.isLowercase(scalars[index + 1])
        if camel || acronymEnd { current.finish(into: &tokens, after: .other) }
      }
      current.add(scalar)
      previous = scalar
      afterApostrophe = false
    }
    current.finish(into: &tokens, after: .end)
    return tokens
  }

  static func textWords(_ text: String) -> [NameToken] {
    var tokens: [NameToken] = []
    var current = WordBuilder()
    var sentenceStart = true
    let scalars = Array(text.unicodeScalars)
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      let next = index + 1 < scalars.count ? scalars[index + 1] : nil
      let nextIsLetter = next.map(ScalarClass.isAlphabetic) ?? false
      if ScalarClass.isAlphabetic(scalar) {
        if current.letterCount == 0 { current.startsSentence = sentenceStart }
        current.add(scalar)
      } else if ScalarClass.isNumeric(scalar) && current.letterCount > 0 {
        current.hasDigits = true
      } else if (scalar == "'" || scalar == "\u{2019}") && current.letterCount > 0 && nextIsLetter {
        // O'Brien keeps one word; Crohn's is Crohn, possessive.
        let following = index + 2 < scalars.count ? scalars[index + 2] : nil
        if next == "s" || next == "S", following == nil || !(ScalarClass.isAlphabetic(following!)) {
          current.isPossessive = true
          index += 2
          continue
        }
      } else if scalar == "-" && current.letterCount > 0 && nextIsLetter {
        current.splitHyphen()
      } else {
        let separator: NameToken.Separator
        switch scalar {
        case " ", "\t", "\n", "\r": separator = .space
        case ",": separator = .comma
        case ".": separator = .period
        default: separator = .other
        }
        if current.letterCount > 0 || current.hasDigits {
          current.finish(into: &tokens, after: separator)
        } else if separator != .space, var last = tokens.popLast() {
          // Two separators in a row: the stronger one wins ("Dr. Okafor" keeps .period).
          if last.after == .space || last.after == .end { last.after = separator }
          tokens.append(last)
        }
        if scalar == "." || scalar == "!" || scalar == "?" || scalar == ":" || scalar == ";" || scalar == "\n" {
          sentenceStart = true
        } else if separator != .space {
          sentenceStart = false
        }
        index += 1
        continue
      }
      sentenceStart = false
      index += 1
    }
    current.finish(into: &tokens, after: .end)
    return tokens
  }

  /// Accumulates one word's letters into keys without building a String.
  struct WordBuilder {
    var key: NameKey? = NameKey()
    var partKey: NameKey? = NameKey()
    var parts: [NameKey?] = []
    var letterCount = 0
    var isCapitalized = false
    var isAllCaps = true
    var hasDigits = false
    var isPossessive = false
    var startsSentence = false

    mutating func add(_ scalar: Unicode.Scalar) {
      if letterCount == 0 { isCapitalized = ScalarClass.isUppercase(scalar) }
      if ScalarClass.isLowercase(scalar) { isAllCaps = false }
      letterCount += 1
      let (first, second) = Self.folded(scalar)
      if first == 0 {
        key = nil
        partKey = nil
      }
      if first != 0 { push(first) }
      if second != 0 { push(second) }
    }

    private mutating func push(_ byte: UInt8) {
      if key != nil, !key!.append(byte) { key = nil }
      if partKey != nil, !partKey!.append(byte) { partKey = nil }
    }

    mutating func splitHyphen() {
      parts.append(partKey)
      partKey = NameKey()
    }

    mutating func finish(into tokens: inout [NameToken], after: NameToken.Separator) {
      defer { self = WordBuilder() }
      guard letterCount > 0 else { return }
      var token = NameToken()
      token.letterCount = letterCount
      token.isCapitalized = isCapitalized
      token.isAllCaps = isAllCaps
      token.hasDigits = hasDigits
      token.isPossessive = isPossessive
      token.startsSentence = startsSentence
      token.after = after
      if !parts.isEmpty {
        token.hyphenParts = parts + [partKey]
        token.key = nil
      } else {
        token.key = key
      }
      tokens.append(token)
    }

    /// Lowercase ASCII bytes for one letter: ASCII directly, Latin letters with
    /// diacritics through their canonical decomposition (é -> e), a few ligatures by
    /// hand; other scripts fold to nothing (no key). Two bytes at most, 0 = none, so
    /// the common ASCII path allocates nothing.
    static func folded(_ scalar: Unicode.Scalar) -> (UInt8, UInt8) {
      let value = scalar.value
      if value < 0x80 {
        let byte = UInt8(value)
        if byte >= 0x41 && byte <= 0x5A { return (byte + 0x20, 0) }
        if byte >= 0x61 && byte <= 0x7A { return (byte, 0) }
        return (0, 0)
      }
      guard value < 0x0250 else { return (0, 0) }
      return latinFolds[Int(value) - 0x80]
    }

    /// `foldedLatin` of every scalar from U+0080 to U+024F, worked out once: the
    /// decomposition goes through Foundation and costs microseconds per letter.
    static let latinFolds: [(UInt8, UInt8)] = (0x80..<0x0250).map { foldedLatin(Unicode.Scalar(UInt32($0))!) }

    /// `folded` for a scalar from U+0080 to U+024F.
    static func foldedLatin(_ scalar: Unicode.Scalar) -> (UInt8, UInt8) {
      switch scalar {
      case "ß": return (0x73, 0x73)
      case "æ", "Æ": return (0x61, 0x65)
      case "ø", "Ø": return (0x6F, 0)
      case "đ", "Đ": return (0x64, 0)
      case "ł", "Ł": return (0x6C, 0)
      case "œ", "Œ": return (0x6F, 0x65)
      default: break
      }
      let base = String(Character(scalar)).decomposedStringWithCanonicalMapping.unicodeScalars.first
      guard let base, base.value < 0x80 else { return (0, 0) }
      return folded(base)
    }
  }
}

/// Unicode letter classes with an ASCII shortcut: the property lookups behind
/// `Unicode.Scalar.Properties` cost a table search per call, and nearly every
/// scanned character is ASCII. Exactly the same answers for every scalar.
enum ScalarClass {
  @inline(__always) static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 { return (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A) }
    return scalar.properties.isAlphabetic
  }

  @inline(__always) static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 { return value >= 0x41 && value <= 0x5A }
    return scalar.properties.isUppercase
  }

  @inline(__always) static func isLowercase(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 { return value >= 0x61 && value <= 0x7A }
    return scalar.properties.isLowercase
  }

  @inline(__always) static func isNumeric(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 { return value >= 0x30 && value <= 0x39 }
    return scalar.properties.numericType != nil
  }

  @inline(__always) static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
    return scalar.properties.isWhitespace
  }
}
