import Foundation
import Synchronization

/// Splits identifiers into words: snake_case, kebab-case, dotted, camelCase, and digit
/// runs (`pt_482913Notes` -> `pt 482913 notes`), so that property names can be read
/// like text and context words can be found inside them.
package enum NameWords {
  /// The lowercase words of `text`, in order.
  package static func split(_ text: String) -> [String] {
    var copy = text
    if let words = copy.withUTF8({ splitASCII($0) }) { return words }
    return splitUnicode(text)
  }

  /// The same rules over bytes, for ASCII text (nearly every property name and
  /// description): no `Character` or Unicode property lookups. Nil when a byte is not ASCII.
  static func splitASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> [String]? {
    var words: [String] = []
    let complete = forEachASCIIWord(bytes) { word in
      words.append(
        String(unsafeUninitializedCapacity: word.count) { out in
          for k in word.indices { out[k - word.startIndex] = lowered(bytes[k]) }
          return word.count
        })
    }
    return complete ? words : nil
  }

  @inline(__always) static func lowered(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

  /// Appends the lowercase words of `text` to `out`, each followed by one space: what
  /// `split` gives, without a String per word.
  static func appendWords(of text: String, to out: inout [UInt8]) {
    var copy = text
    let complete = copy.withUTF8 { bytes in
      // Non-ASCII text is rare: check first, so that nothing is appended twice.
      guard !bytes.contains(where: { $0 >= 0x80 }) else { return false }
      _ = forEachASCIIWord(bytes) { word in
        for k in word { out.append(lowered(bytes[k])) }
        out.append(0x20)
      }
      return true
    }
    if !complete {
      forEachUnicodeWord(text) { word in
        out.append(contentsOf: word)
        out.append(0x20)
      }
    }
  }

  /// Calls `body` with the byte range of every word of ASCII `bytes`, in order; false
  /// (after some calls) when a byte is not ASCII.
  static func forEachASCIIWord(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) -> Bool {
    @inline(__always) func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    @inline(__always) func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    @inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    var start = -1  // first byte of the current word, -1 when none
    var i = 0
    func flush(_ end: Int) {
      guard start >= 0, end > start else { return }
      body(start..<end)
    }
    while i < bytes.count {
      let b = bytes[i]
      guard b < 0x80 else { return false }
      guard isUpper(b) || isLower(b) || isDigit(b) else {
        flush(i)
        start = -1
        i += 1
        continue
      }
      if start >= 0, i > start {
        let p = bytes[i - 1]
        let boundary =
          (isLower(p) && isUpper(b))
          || (isDigit(p) != isDigit(b))
          || (isUpper(p) && isUpper(b) && i + 1 < bytes.count && isLower(bytes[i + 1]))
        if boundary {
          flush(i)
          start = i
        }
      } else if start < 0 {
        start = i
      }
      i += 1
    }
    flush(bytes.count)
    return true
  }

  /// `split` for text that is not all ASCII, by the rules of `Character`: letters and
  /// numbers make words, which break at a lowercase-uppercase step, between digits and
  /// letters, and before the last capital of an acronym followed by a lowercase letter.
  static func splitUnicode(_ text: String) -> [String] {
    var words: [String] = []
    forEachUnicodeWord(text) { words.append(String(decoding: $0, as: UTF8.self)) }
    return words
  }

  /// Calls `body` with the lowercase bytes of each word of `text` (`splitUnicode`).
  static func forEachUnicodeWord(_ text: String, _ body: ([UInt8]) -> Void) {
    var units = CharacterUnits(text)
    var current: [UInt8] = []
    var previous: CharacterUnits.Unit?
    var next = units.next()
    while let unit = next {
      next = units.next()
      guard unit.isLetter || unit.isNumber else {
        if !current.isEmpty { body(current) }
        current.removeAll(keepingCapacity: true)
        previous = nil
        continue
      }
      if let previous, !current.isEmpty {
        let boundary =
          (previous.isLowercase && unit.isUppercase)
          || (previous.isNumber != unit.isNumber)
          || (previous.isUppercase && unit.isUppercase && next?.isLowercase == true)
        if boundary {
          body(current)
          current.removeAll(keepingCapacity: true)
        }
      }
      unit.appendLowercased(to: &current)
      previous = unit
    }
    if !current.isEmpty { body(current) }
  }

  /// The characters of a text, as `Character` sees them, for `forEachUnicodeWord`. An
  /// ASCII byte followed by another (or by the end) is a character of its own, read from
  /// the byte; the rest, cut where two ASCII bytes meet (a break between characters, but
  /// inside CR LF, where both halves are separators anyway), is read as `Character`s.
  struct CharacterUnits {
    struct Unit {
      var isLetter: Bool
      var isNumber: Bool
      var isUppercase: Bool
      var isLowercase: Bool
      /// The byte of an ASCII character, or nil for a `Character`.
      var ascii: UInt8?
      var character: Character?

      init(ascii byte: UInt8) {
        isUppercase = byte >= 0x41 && byte <= 0x5A
        isLowercase = byte >= 0x61 && byte <= 0x7A
        isNumber = byte >= 0x30 && byte <= 0x39
        isLetter = isUppercase || isLowercase
        ascii = byte
      }

      init(_ character: Character) {
        isLetter = character.isLetter
        isNumber = character.isNumber
        isUppercase = character.isUppercase
        isLowercase = character.isLowercase
        self.character = character
      }

      func appendLowercased(to bytes: inout [UInt8]) {
        if let ascii {
          bytes.append(NameWords.lowered(ascii))
        } else if let character {
          bytes.append(contentsOf: character.lowercased().utf8)
        }
      }
    }

    private let bytes: [UInt8]
    private var position = 0
    private var pending: [Character] = []
    private var pendingIndex = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    mutating func next() -> Unit? {
      if pendingIndex < pending.count {
        pendingIndex += 1
        return Unit(pending[pendingIndex - 1])
      }
      guard position < bytes.count else { return nil }
      let count = bytes.count
      if bytes[position] < 0x80 && (position + 1 == count || bytes[position + 1] < 0x80) {
        position += 1
        return Unit(ascii: bytes[position - 1])
      }
      // Up to the first pair of ASCII bytes (or the end): the run starts where its first
      // byte follows an ASCII byte (or the start), so both its edges are breaks.
      var end = position + 1
      while end < count && !(bytes[end - 1] < 0x80 && bytes[end] < 0x80) { end += 1 }
      pending = Array(String(decoding: bytes[position..<end], as: UTF8.self))
      pendingIndex = 0
      position = end
      return next()
    }
  }

  /// The words joined by single spaces: the text name-site rules run on.
  package static func normalized(_ text: String) -> String { split(text).joined(separator: " ") }
}

/// The words around a string that say what it is: enclosing property names, the
/// subschema's title and description, the tool name, and the string's own words.
package struct ContextWords: Sendable, Hashable {
  /// ` word word word `: padded so a phrase matches only at word boundaries.
  package private(set) var padded: String

  /// One bit per word signature (`signature(of:)`): a phrase whose first word's bit is
  /// clear cannot occur, and most rule phrases are answered without a search.
  private var firstWords = SIMD4<UInt64>(repeating: 0)

  /// Long words shared with other contexts (a long description in the context of each
  /// member of its enum) and where they sit in `padded`: whether a phrase occurs inside
  /// them is searched once for all those contexts.
  private var shared: (words: Range<Int>, answers: SharedAnswers)?

  /// A prose cue window as written (capitals kept): rules that count a person's name as
  /// context (`Rule.personCue`) read it, and only they (`Readings.namesPerson`).
  var cueWindow: String?

  package init(_ parts: [String]) {
    var words = Words()
    for part in parts { words.append(part) }
    self.init(words)
  }

  init(_ words: Words) {
    padded = words.bytes.count == 1 ? "  " : String(decoding: words.bytes, as: UTF8.self)
    firstWords = words.signatures
    shared = words.shared
  }

  package static func == (a: ContextWords, b: ContextWords) -> Bool { a.padded == b.padded }

  package func hash(into hasher: inout Hasher) { hasher.combine(padded) }

  /// Whether phrases occur in some shared words, as far as asked.
  final class SharedAnswers: Sendable {
    private let known = Mutex<[String: Bool]>([:])

    func answer(_ phrase: String, _ search: () -> Bool) -> Bool {
      if let found = known.withLock({ $0[phrase] }) { return found }
      let found = search()
      known.withLock { $0[phrase] = found }
      return found
    }
  }

  /// Texts split into words once, to be joined into contexts: " w1 w2 ... ", the words
  /// of every text lowercased and each followed by a space, with their signatures. The
  /// prose of a subschema is split once and shared by all the strings it describes.
  struct Words {
    private(set) var bytes: [UInt8] = [0x20]
    private(set) var signatures = SIMD4<UInt64>(repeating: 0)
    /// Set by `sharing()`, or by appending words that were.
    private(set) var shared: (words: Range<Int>, answers: SharedAnswers)?

    /// Words worth remembering phrase answers for: shorter ones are searched faster than
    /// an answer is looked up.
    static let sharedMinimum = 1_024

    /// These words, marked to share phrase answers with every context they join, when
    /// they are at least `minimum` bytes long.
    func sharing(minimum: Int = sharedMinimum) -> Words {
      guard bytes.count >= minimum, bytes.count > 1 else { return self }
      var marked = self
      marked.shared = (1..<bytes.count, SharedAnswers())
      return marked
    }

    mutating func append(_ text: String) {
      let start = bytes.count
      NameWords.appendWords(of: text, to: &bytes)
      bytes.withUnsafeBufferPointer { buffer in
        var start = start
        while start < buffer.count {
          var end = start
          while end < buffer.count && buffer[end] != 0x20 { end += 1 }
          if end > start {
            ContextWords.setBit(
              ContextWords.signature(of: UnsafeBufferPointer(rebasing: buffer[start..<end])), in: &signatures)
          }
          start = end + 1
        }
      }
    }

    mutating func append(_ other: Words) {
      // One shared run per context: the first one kept.
      if shared == nil, let theirs = other.shared {
        let offset = bytes.count - 1
        shared = ((theirs.words.lowerBound + offset)..<(theirs.words.upperBound + offset), theirs.answers)
      }
      bytes += other.bytes.dropFirst()
      signatures |= other.signatures
    }
  }

  /// A word's signature: its first two bytes and its length, in 0..<256.
  static func signature(of word: UnsafeBufferPointer<UInt8>) -> Int {
    let second = word.count > 1 ? Int(word[1]) : 0
    return (Int(word[0]) &* 31 &+ second &* 7 &+ min(word.count, 31)) & 255
  }

  private static func setBit(_ bit: Int, in bits: inout SIMD4<UInt64>) { bits[bit >> 6] |= 1 << UInt64(bit & 63) }

  private func hasBit(_ bit: Int) -> Bool { firstWords[bit >> 6] & (1 << UInt64(bit & 63)) != 0 }

  /// True when the phrase (lowercase words separated by spaces) occurs. A byte search:
  /// both sides are already split and lowercased, so no Unicode comparison is needed.
  package func contains(_ phrase: String) -> Bool {
    var haystack = padded
    var needle = phrase
    return haystack.withUTF8 { h in
      needle.withUTF8 { n in
        guard !n.isEmpty, n.count + 2 <= h.count else { return false }
        let firstWordEnd = n.firstIndex(of: 0x20) ?? n.count
        guard firstWordEnd > 0, hasBit(Self.signature(of: UnsafeBufferPointer(rebasing: n[0..<firstWordEnd]))) else {
          return false
        }
        let last = h.count - n.count - 1  // the phrase's first byte sits at most here
        guard let shared else { return Self.occurs(n, in: h, from: 1, through: last) }
        // Inside the shared words (a space before them, each word followed by one), asked
        // once for all contexts; then the rest, and across their edges.
        let words = shared.words
        if shared.answers.answer(
          phrase, { Self.occurs(n, in: h, from: words.lowerBound, through: words.upperBound - 1 - n.count) })
        {
          return true
        }
        return Self.occurs(n, in: h, from: 1, through: min(words.lowerBound - 1, last))
          || Self.occurs(n, in: h, from: max(1, words.lowerBound, words.upperBound - n.count), through: last)
      }
    }
  }

  /// True when `phrase`, with a space before and after it, starts at a position from
  /// `from` through `last` of `padded` (a phrase ending before its last byte). The context
  /// of a string can be a long description, asked about once per rule: libc's `memchr`
  /// finds the candidates.
  private static func occurs(
    _ phrase: UnsafeBufferPointer<UInt8>, in padded: UnsafeBufferPointer<UInt8>, from: Int, through last: Int
  ) -> Bool {
    guard let base = padded.baseAddress, let first = phrase.first else { return false }
    var from = from
    while from <= last, let hit = memchr(base + from, Int32(first), last - from + 1) {
      let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
      if padded[at - 1] == 0x20, padded[at + phrase.count] == 0x20,
        memcmp(base + at, phrase.baseAddress!, phrase.count) == 0
      {
        return true
      }
      from = at + 1
    }
    return false
  }

  package func containsAny(_ phrases: [String]) -> Bool { phrases.contains { contains($0) } }
}

/// A word list that confirms regex candidates for lexicon-based rules (person names).
/// File format: one entry per line, `#` starts a comment, tab-separated extra columns
/// are ignored; entries are matched case-insensitively. A candidate is accepted when
/// every one of its words is an entry.
@_spi(Internals) public struct Lexicon: Sendable, Hashable {
  public var name: String
  public var entries: Set<String>

  public init(name: String, text: String) {
    self.name = name
    var entries: Set<String> = []
    for line in text.split(whereSeparator: \.isNewline) {
      let entry = line.prefix { $0 != "#" && $0 != "\t" }.trimmingCharacters(in: .whitespaces).lowercased()
      if !entry.isEmpty { entries.insert(entry) }
    }
    self.entries = entries
  }

  public func accepts(_ candidate: String) -> Bool {
    let words = NameWords.split(candidate)
    return !words.isEmpty && words.allSatisfy { entries.contains($0) }
  }
}
