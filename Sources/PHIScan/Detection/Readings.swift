/// The ways one string is read besides as written: identifiers as the runs of their
/// segments (`check_dob_19470909` holds `19470909` under the cue `dob`), and prose as
/// sentences whose cue words sit just before a value ("Bill to patient account 5147...").
package enum Readings {
  /// At most this many segments of an identifier are read (longer names are split
  /// into runs of their first segments only): identifiers are short, and runs grow
  /// with the square of the segments.
  static let maximumSegments = 16
  /// A run spans at most this many segments (`visit_8136_reed_extensions_suite_388`
  /// is six).
  static let maximumRunLength = 7

  /// The runs of adjacent segments of an identifier that hold a digit, each as written
  /// (`9HA2-UE1-HE77` of `mbi_9HA2-UE1-HE77`) and, when it joins lowercase words with
  /// underscores, as words (`794 Torres Avenue Apt 593` of
  /// `visit_794_torres_avenue_apt_593`), so value rules read it as they read a value.
  /// Segments end at `_`, spaces and a lowercase letter followed by an uppercase one
  /// or a digit (`dob19470909`); `-`, `.`, `/` and `:` stay inside a run, since
  /// dates, phone numbers, IP addresses and MBIs are written with them, and the runs
  /// of their parts are not read alone.
  /// The identifier itself comes first (a property named with an IP address is one run).
  package static func identifierRuns(_ text: String) -> [String] {
    let bytes = Array(text.utf8)
    guard bytes.contains(where: { $0 &- 0x30 < 10 }) else { return [] }
    var segments: [Range<Int>] = []
    var start = 0
    @inline(__always) func isLower(_ b: UInt8) -> Bool { b >= 0x61 && b <= 0x7A }
    @inline(__always) func isUpperOrDigit(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b &- 0x30 < 10) }
    for index in bytes.indices {
      let byte = bytes[index]
      if byte == UInt8(ascii: "_") || byte == UInt8(ascii: " ") {
        if index > start { segments.append(start..<index) }
        start = index + 1
      } else if index > start, isLower(bytes[index - 1]), isUpperOrDigit(byte) {
        segments.append(start..<index)
        start = index
      }
    }
    if bytes.count > start { segments.append(start..<bytes.count) }
    guard segments.count > 1 else { return [text] }
    segments = Array(segments.prefix(maximumSegments))
    var runs: [String] = [text]
    var seen: Set<String> = [text]
    func add(_ run: String) {
      if seen.insert(run).inserted { runs.append(run) }
    }
    for first in segments.indices {
      for last in first..<min(segments.count, first + maximumRunLength) {
        let span = segments[first].lowerBound..<segments[last].upperBound
        guard bytes[span].contains(where: { $0 &- 0x30 < 10 }) else { continue }
        add(String(decoding: bytes[span], as: UTF8.self))
        // Snake-case words as a value would spell them: each word capitalized.
        if last > first, bytes[span].contains(UInt8(ascii: "_")) {
          let words = segments[first...last].map { segment -> String in
            let word = String(decoding: bytes[segment], as: UTF8.self)
            guard let head = word.first, head.isLowercase else { return word }
            return head.uppercased() + word.dropFirst()
          }
          add(words.joined(separator: " "))
        }
      }
    }
    return runs
  }

  /// The cue window of a match in prose: the last `maximumWords` words before `match`
  /// (a UTF-8 byte range of `text`) in the same sentence. A cue there says what the
  /// value is, as a property name does for a value ("ZIP 29033-1664", "driver's
  /// license 983 843 694"); words of other sentences do not.
  package static let maximumCueWords = 6

  /// A full stop after a single letter (`e.g.`, `i.e.`, `J. Smith`) ends no sentence.
  static func endsAbbreviation(_ bytes: UnsafeBufferPointer<UInt8>, dot: Int) -> Bool {
    guard bytes[dot] == UInt8(ascii: "."), dot >= 1 else { return false }
    @inline(__always) func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    return isLetter(bytes[dot - 1]) && (dot == 1 || !isLetter(bytes[dot - 2]))
  }

  /// How far back in its sentence a sample cue reaches ("like 'King Arthur' or 'Miss
  /// Islington <...>'").
  static let maximumSampleWords = 12

  /// Words in the sentence before a value that make it a sample of a format, not
  /// someone's data ("e.g. 212-555-0147", "such as jane@clinic.org").
  static let exampleCues = [
    "e g", "eg", "for example", "for instance", "example", "examples", "such as", "i e", "like", "sample", "format",
    "formatted as", "placeholder",
  ]

  /// True when a cue window holds a person's name (medium or better, no placeholder):
  /// a value right after it is that person's.
  static func namesPerson(_ window: String) -> Bool {
    // The name stands right before the value ("Harold Jennings (", "Maria Okafor, "): the
    // last word of the window is capitalized. Most windows ("released on") end otherwise
    // and never reach the name matcher.
    var copy = window
    let endsCapitalized = copy.withUTF8 { bytes -> Bool in
      var end = bytes.count
      while end > 0, !NameGate.isLetter(bytes[end - 1]) && bytes[end - 1] < 0x80 { end -= 1 }
      var start = end
      while start > 0, NameGate.isLetter(bytes[start - 1]) || bytes[start - 1] >= 0x80 { start -= 1 }
      return end - start >= 2 && !NameGate.isLower(bytes[start])
    }
    guard endsCapitalized, NameLexicon.builtinGate.mayHoldName(window, at: .description),
      let match = NameMatcher.match(
        window, site: .description, namesExpected: false, isAttribution: false, lexicon: .builtin)
    else { return false }
    return !match.isPlaceholder && match.confidence >= .medium
  }

  package static func cueWindow(before match: Range<Int>, in text: String, maximumWords: Int = maximumCueWords)
    -> String
  {
    var copy = text
    return copy.withUTF8 { bytes -> String in
      let end = min(match.lowerBound, bytes.count)
      @inline(__always) func isWordByte(_ b: UInt8) -> Bool { b >= 0x80 || (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10 }
      // Back to the sentence start (a full stop, question or exclamation mark or semicolon
      // followed by a space, or a line break) or past `maximumWords` runs of letters and
      // digits, whichever comes first. Words split further (camel humps) only add words.
      var start = end
      var words = 0
      var inWord = false
      while start > 0 {
        let byte = bytes[start - 1]
        if byte == 0x0A || byte == 0x0D { break }
        if start < end,
          byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?")
            || byte == UInt8(ascii: ";"),
          bytes[start] == 0x20 || bytes[start] == 0x09, !endsAbbreviation(bytes, dot: start - 1)
        {
          break
        }
        if isWordByte(byte) {
          if !inWord {
            if words == maximumWords { break }
            words += 1
            inWord = true
          }
        } else {
          inWord = false
        }
        start -= 1
      }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
  }

}
