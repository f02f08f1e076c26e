/// A cheap test that spares the name matcher nearly every string.
///
/// Outside a person-name context (`namesExpected` false), the matcher reports a name only
/// when one of the string's words is a given name (any strength: `Grace40` is a
/// placeholder), an unambiguous surname (every pair without a strong word scores 0), a
/// title (Dr. Okafor) or the first word of a placeholder phrase (Test Patient): see
/// `NameMatcher.textScore` and `identifierScore`. The gate computes the
/// very keys the matcher's two tokenizers would look up, straight from the UTF-8 bytes
/// without building tokens, and probes a flat table of those words. Non-ASCII strings
/// are read by the tokenizers themselves (folding diacritics is their job) and their
/// keys probed the same way. Strings in a person-name context, where lone and unknown
/// words count too, never reach the gate.
struct NameGate: Sendable {
  /// Open addressing over the two halves of a `NameKey` (its count is implied: letters
  /// are never zero bytes); an empty slot has `high == 0`.
  private let slots: [(high: UInt64, low: UInt64)]
  private let mask: Int
  /// One bit per word hash (2^20 bits, 128 KB): stays in cache where the 2 MB table does
  /// not, and answers most probes (common English words) on its own.
  private let filter: [UInt64]
  static let filterBits = 1 << 20

  init(_ lexicon: NameLexicon) {
    var words: [NameKey] = lexicon.entries.compactMap { key, entry in
      let startsAName =
        NameMatcher.given(entry, identifier: false) != .none || NameMatcher.surname(entry, identifier: false) == .strong
        || !entry.flags.isDisjoint(with: [.title, .placeholder, .placeholderGiven])
      return startsAName ? key : nil
    }
    for phrase in lexicon.placeholderPhrases {
      if let first = phrase.split(separator: " ").first, let key = NameKey(first.utf8) { words.append(key) }
    }
    var size = 16
    while size < words.count * 2 { size <<= 1 }
    var slots = [(high: UInt64, low: UInt64)](repeating: (0, 0), count: size)
    for word in words {
      var slot = Self.hash(word.high, word.low) & (size - 1)
      while slots[slot].high != 0 && (slots[slot].high != word.high || slots[slot].low != word.low) {
        slot = (slot + 1) & (size - 1)
      }
      slots[slot] = (word.high, word.low)
    }
    self.slots = slots
    self.mask = size - 1
    var filter = [UInt64](repeating: 0, count: Self.filterBits / 64)
    for word in words {
      let bit = Self.filterBit(word.high, word.low)
      filter[bit >> 6] |= 1 << UInt64(bit & 63)
    }
    self.filter = filter
  }

  /// A bit index from other bits of the mixed hash than the table's.
  @inline(__always) static func filterBit(_ high: UInt64, _ low: UInt64) -> Int {
    let mixed = (high &* 0xD6E8_FEB8_6659_FD93) ^ (low &* 0x9E37_79B9_7F4A_7C15)
    return Int(truncatingIfNeeded: mixed >> 44)
  }

  @inline(__always) static func hash(_ high: UInt64, _ low: UInt64) -> Int {
    let mixed = (high &* 0x9E37_79B9_7F4A_7C15) ^ (low &* 0xC2B2_AE3D_27D4_EB4F)
    return Int(truncatingIfNeeded: mixed >> 29)
  }

  /// True when `key` is a word a name can start from.
  @inline(__always) func contains(_ key: NameKey) -> Bool {
    let bit = Self.filterBit(key.high, key.low)
    guard filter[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return false }
    var slot = Self.hash(key.high, key.low) & mask
    while true {
      let probe = slots[slot]
      if probe.high == 0 { return false }
      if probe.high == key.high && probe.low == key.low { return true }
      slot = (slot + 1) & mask
    }
  }

  /// False only when the name matcher cannot find a name in `text` outside a person-name
  /// context. Never false for a string the matcher would report. With a `site`, titles
  /// and descriptions that the matcher reads as text (`NameMatcher.readsAsText`) are
  /// looked at only for capitalized words: a name there is a run of capitalized words.
  func mayHoldName(_ text: String, at site: Site? = nil) -> Bool {
    var bytesOfText = text
    return bytesOfText.withUTF8 { bytes in
      if !NameGate.isASCII(bytes) { return tokensMayHoldName(text, at: site) }
      guard let site, site.holdsProse, NameMatcher.readsAsText(text, site: site) else {
        return NameGate.forEachKey(in: bytes) { contains($0) }
      }
      var identifierReadsMore = false
      return NameGate.textKeys(bytes, &identifierReadsMore, capitalizedOnly: true) { contains($0) }
    }
  }

  /// `mayHoldName` for text that is not ASCII: the same keys, from the tokenizers' own
  /// words (each word's key, or its hyphen parts; capitalized words only where prose is
  /// read as text).
  func tokensMayHoldName(_ text: String, at site: Site?) -> Bool {
    let capitalizedOnly = site.map { $0.holdsProse && NameMatcher.readsAsText(text, site: $0) } ?? false
    func hasKey(_ token: NameToken) -> Bool {
      guard token.isCapitalized || !capitalizedOnly else { return false }
      guard !token.hyphenParts.isEmpty else { return token.key.map(contains) ?? false }
      return token.hyphenParts.contains { $0.map(contains) ?? false }
    }
    return NameTokenizer.textWords(text).contains(where: hasKey)
      || (!capitalizedOnly && NameTokenizer.identifierWords(text).contains(where: hasKey))
  }

  /// True when no byte has its high bit set; eight bytes at a time.
  static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let raw = UnsafeRawBufferPointer(bytes)
    var index = 0
    var any: UInt64 = 0
    while index + 8 <= raw.count {
      any |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      index += 8
    }
    while index < raw.count {
      any |= UInt64(raw[index])
      index += 1
    }
    return WordBytes.nonASCII(any) == 0
  }

  /// Calls `body` with every key `NameTokenizer.textWords` and `identifierWords` give for
  /// ASCII `bytes` (hyphen parts included), until it returns true; true when it did. Mirrors their rules
  /// byte for byte; a test holds the two to the same keys. Without camel humps, digits
  /// inside words or apostrophes the identifier reading splits exactly where the text
  /// reading does, so it runs only when `everyReading` asks (tests) or it may add a key.
  @discardableResult
  static func forEachKey(in bytes: UnsafeBufferPointer<UInt8>, everyReading: Bool = false, _ body: (NameKey) -> Bool)
    -> Bool
  {
    var identifierReadsMore = false
    if textKeys(bytes, &identifierReadsMore, capitalizedOnly: false, body) { return true }
    return (everyReading || identifierReadsMore) && identifierKeys(bytes, body)
  }

  @inline(__always) static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
  @inline(__always) static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
  @inline(__always) static func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
  @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  /// One word being read. Until a hyphen the word's key and its part's key are the
  /// same letters, and after one only the parts are looked up, so one key serves both;
  /// `overflowed` marks a part too long to be a key (the tokenizer's nil key).
  private struct Word {
    var part = NameKey()
    var overflowed = false
    var letters = 0
    /// The word's first letter is a capital.
    var startsUpper = false

    @inline(__always) mutating func add(_ byte: UInt8) {
      if letters == 0 { startsUpper = byte < 0x61 }
      letters += 1
      if !overflowed && !part.append(byte | 0x20) { overflowed = true }
    }

    /// Ends a hyphen part (`Smith-` of `Smith-Jones`); true when `body` says stop.
    @inline(__always) mutating func endPart(_ body: (NameKey) -> Bool, capitalizedOnly: Bool = false) -> Bool {
      defer {
        part = NameKey()
        overflowed = false
      }
      return !overflowed && (startsUpper || !capitalizedOnly) && body(part)
    }

    /// Hands the word's key (or its last part) to `body`; true when `body` says stop.
    @inline(__always) mutating func finish(_ body: (NameKey) -> Bool, capitalizedOnly: Bool = false) -> Bool {
      defer { self = Word() }
      return letters > 0 && !overflowed && (startsUpper || !capitalizedOnly) && body(part)
    }
  }

  /// `NameTokenizer.textWords`: words run over digits and inner apostrophes, a
  /// possessive `'s` is dropped, an inner hyphen splits the word into parts.
  /// `identifierReadsMore` is set when the identifier reading may split differently:
  /// at a capital inside a word, a digit after letters, or an apostrophe.
  /// `capitalizedOnly`: only words whose first letter is a capital are handed on.
  static func textKeys(
    _ bytes: UnsafeBufferPointer<UInt8>, _ identifierReadsMore: inout Bool, capitalizedOnly: Bool,
    _ body: (NameKey) -> Bool
  ) -> Bool {
    var word = Word()
    var index = 0
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      // A word that starts in lowercase hands on no key when only capitalized words count
      // (its hyphen parts share its first letter): skip it without building keys.
      if capitalizedOnly && word.letters == 0 {
        if isLower(byte) {
          index = endOfTextWord(bytes, after: index)
          continue
        }
        if !isUpper(byte) {
          let resume = resumeBeforeNextCapital(bytes, from: index)
          if resume > index {
            index = resume
            continue
          }
        }
      }
      // Most bytes are lowercase letters: they only extend the word.
      if isLower(byte) {
        word.add(byte)
        index += 1
        continue
      }
      let nextIsLetter = index + 1 < count && isLetter(bytes[index + 1])
      if isUpper(byte) {
        if index > 0 && isLetter(bytes[index - 1]) { identifierReadsMore = true }
        word.add(byte)
      } else if isDigit(byte) && word.letters > 0 {
        identifierReadsMore = true  // digits stay inside the word (`Sophie40`)
      } else if byte == 0x27 && word.letters > 0 && nextIsLetter {
        identifierReadsMore = true
        let next = bytes[index + 1]
        if next == 0x73 || next == 0x53, index + 2 >= count || !isLetter(bytes[index + 2]) {
          index += 2
          continue
        }
      } else if byte == 0x2D && word.letters > 0 && nextIsLetter {
        if word.endPart(body, capitalizedOnly: capitalizedOnly) { return true }
      } else {
        if word.finish(body, capitalizedOnly: capitalizedOnly) { return true }
      }
      index += 1
    }
    return word.finish(body, capitalizedOnly: capitalizedOnly)
  }

  /// Where the text word that starts at `start` ends, read as `textKeys` reads it: letters,
  /// digits, and an apostrophe or hyphen followed by a letter continue it (a possessive
  /// `'s` too); any other byte ends it and is only a separator.
  @inline(__always) static func endOfTextWord(_ bytes: UnsafeBufferPointer<UInt8>, after start: Int) -> Int {
    var index = start + 1
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      if isLetter(byte) || isDigit(byte) {
        index += 1
      } else if (byte == 0x27 || byte == 0x2D) && index + 1 < count && isLetter(bytes[index + 1]) {
        index += 2
      } else {
        return index
      }
    }
    return index
  }

  /// Where reading for capitalized words can resume, from `start` (outside a word), so
  /// that no capital is passed over: eight bytes at a time up to the block that holds the
  /// next capital (or a non-ASCII byte), then back to just after the last byte there that
  /// ends every word (not a letter, digit, apostrophe or hyphen), where no word is open.
  /// Words starting before that point have no capital first letter and hand on nothing.
  static func resumeBeforeNextCapital(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    let raw = UnsafeRawBufferPointer(bytes)
    var block = start
    while block + 8 <= raw.count {
      let word = raw.loadUnaligned(fromByteOffset: block, as: UInt64.self)
      if WordBytes.nonASCII(word) != 0 || hasCapital(word) { break }
      block += 8
    }
    var resume = block
    while resume > start {
      let byte = bytes[resume - 1]
      if isLetter(byte) || isDigit(byte) || byte == 0x27 || byte == 0x2D {
        resume -= 1
      } else {
        break
      }
    }
    return resume
  }

  /// True when an ASCII word (no high bit set) holds a byte `A`...`Z`: adding 0x3F sets
  /// the high bit of bytes from `A` up, adding 0x25 that of bytes past `Z` (no carries
  /// below 0x80).
  @inline(__always) static func hasCapital(_ word: UInt64) -> Bool {
    let fromA = word &+ WordBytes.ones &* 0x3F
    let pastZ = word &+ WordBytes.ones &* 0x25
    return fromA & ~pastZ & WordBytes.highs != 0
  }

  /// `NameTokenizer.identifierWords`: words end at every non-letter but an inner
  /// apostrophe, at camel humps and where an acronym meets a capitalized word.
  private static func identifierKeys(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (NameKey) -> Bool) -> Bool {
    var word = Word()
    var previous: UInt8?
    var afterApostrophe = false
    let count = bytes.count
    for index in 0..<count {
      let byte = bytes[index]
      if byte == 0x27, previous != nil, index + 1 < count, isLetter(bytes[index + 1]) {
        afterApostrophe = true
        continue
      }
      guard isLetter(byte) else {
        if word.finish(body) { return true }
        previous = nil
        continue
      }
      if let previous, word.letters > 0, !afterApostrophe {
        let upper = isUpper(byte)
        let camel = isLower(previous) && upper
        let acronymEnd = isUpper(previous) && upper && index + 1 < count && isLower(bytes[index + 1])
        if camel || acronymEnd, word.finish(body) { return true }
      }
      word.add(byte)
      previous = byte
      afterApostrophe = false
    }
    return word.finish(body)
  }
}

extension NameLexicon {
  /// The gate over the built-in lexicons, built on first use.
  static let builtinGate = NameGate(.builtin)
}
