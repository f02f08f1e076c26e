/// Splitting of Anthropic SDK description trailers into keyword segments.
enum DescriptionTrailer {
  struct Segment {
    var text: String
    var site: Site
    /// Scalar offsets of the text inside the description.
    var scalars: Range<Int>
  }

  /// The segments of a trailing `{key: value, ...}` whose values carry candidates.
  static func segments(in description: String) -> [Segment] {
    let scalars = Array(description.unicodeScalars)
    guard scalars.last == "}" else { return [] }
    // The trailer opens the description or follows a blank line.
    var open: Int?
    var i = scalars.count - 1
    while i >= 0 {
      if scalars[i] == "{", i == 0 || (i >= 2 && scalars[i - 1] == "\n" && scalars[i - 2] == "\n") {
        open = i
        break
      }
      i -= 1
    }
    guard let open else { return [] }
    let body = open + 1..<scalars.count - 1
    // A segment starts with `key: ` at the start of the body or after `, `.
    var starts: [(key: String, valueStart: Int, keyStart: Int)] = []
    var j = body.lowerBound
    while j < body.upperBound {
      if j == body.lowerBound || (j >= 2 && scalars[j - 2] == "," && scalars[j - 1] == " ") {
        var k = j
        while k < body.upperBound, isKeyScalar(scalars[k]) { k += 1 }
        if k > j, k + 1 < body.upperBound, scalars[k] == ":", scalars[k + 1] == " " {
          let key = String(String.UnicodeScalarView(scalars[j..<k]))
          if SchemaVocabulary.knownKeywords.contains(key) || key.hasPrefix("x-") {
            starts.append((key, k + 2, j))
          }
        }
      }
      j += 1
    }
    guard let firstStart = starts.first, firstStart.keyStart == body.lowerBound else { return [] }
    var segments: [Segment] = []
    for (n, start) in starts.enumerated() {
      let end = n + 1 < starts.count ? starts[n + 1].keyStart - 2 : body.upperBound
      guard end > start.valueStart else { continue }
      let site: Site
      if let data = SchemaVocabulary.dataKeywords[start.key] {
        site = data
      } else if SchemaVocabulary.textKeywords[start.key] == .pattern {
        site = .pattern
      } else if start.key.hasPrefix("x-") || start.key == "$comment" {
        site = .other
      } else {
        continue  // bounds and formats: vocabulary
      }
      segments += values(scalars, start.valueStart..<end, site: site)
    }
    return segments
  }

  static func isKeyScalar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "a"..."z", "A"..."Z", "0"..."9", "_", "-", "$": return true
    default: return false
    }
  }

  /// One value, or each quoted element of a Python list repr (`['a', 'b']`).
  static func values(_ scalars: [Unicode.Scalar], _ range: Range<Int>, site: Site) -> [Segment] {
    func segment(_ r: Range<Int>) -> Segment {
      Segment(text: String(String.UnicodeScalarView(scalars[r])), site: site, scalars: r)
    }
    guard scalars[range.lowerBound] == "[", scalars[range.upperBound - 1] == "]" else { return [segment(range)] }
    var elements: [Segment] = []
    var i = range.lowerBound + 1
    let end = range.upperBound - 1
    while i < end {
      let quote = scalars[i]
      if quote == "'" || quote == "\"" {
        var k = i + 1
        while k < end, scalars[k] != quote { k += scalars[k] == "\\" ? 2 : 1 }
        elements.append(segment(i + 1..<min(k, end)))
        i = k + 1
      } else if quote == "," || quote == " " {
        i += 1
      } else {
        var k = i
        while k < end, scalars[k] != "," { k += 1 }
        elements.append(segment(i..<k))
        i = k
      }
    }
    return elements.isEmpty ? [segment(range)] : elements
  }
}

/// The little of RFC 3986 that `$id` scopes need: split off the fragment, resolve a
/// reference against a base, percent-decode a fragment.
enum URIReference {
  /// The fragment is a slice of `reference`: most references are local (`#/...`), and
  /// their fragment is only read.
  static func split(_ reference: String) -> (uri: String, fragment: Substring) {
    // In ASCII text (nearly every reference) the first `#` byte is the first `#`
    // character; elsewhere a `#` followed by a combining mark is another character.
    var contiguous = reference
    let hashOffset: Int? = contiguous.withUTF8 { bytes in
      guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
      return bytes.firstIndex(of: UInt8(ascii: "#")) ?? bytes.count
    }
    if let hashOffset {
      guard hashOffset < reference.utf8.count else { return (reference, "") }
      let hash = reference.utf8.index(reference.startIndex, offsetBy: hashOffset)
      return (String(reference[..<hash]), reference[reference.utf8.index(after: hash)...])
    }
    guard let hash = reference.firstIndex(of: "#") else { return (reference, "") }
    return (String(reference[..<hash]), reference[reference.index(after: hash)...])
  }

  static func scheme(of uri: String) -> String? {
    guard let colon = uri.firstIndex(of: ":") else { return nil }
    let name = uri[..<colon]
    guard let first = name.first, first.isLetter,
      name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." })
    else { return nil }
    return String(name)
  }

  static func resolve(_ reference: String, against base: String) -> String {
    if reference.isEmpty || scheme(of: reference) != nil || base.isEmpty { return reference }
    if reference.hasPrefix("//") { return (scheme(of: base).map { $0 + ":" } ?? "") + reference }
    // scheme://authority of the base, when it has one.
    var origin = ""
    var path = base
    if let scheme = scheme(of: base) {
      let afterScheme = base.dropFirst(scheme.count + 1)
      if afterScheme.hasPrefix("//") {
        let rest = afterScheme.dropFirst(2)
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        origin = scheme + "://" + rest[..<slash]
        path = String(rest[slash...])
      } else {
        return reference  // urn: and friends have no relative resolution
      }
    }
    if reference.hasPrefix("/") { return origin + removeDotSegments(reference) }
    let directory = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
    return origin + removeDotSegments(directory + reference)
  }

  static func removeDotSegments(_ path: String) -> String {
    var output: [Substring] = []
    let segments = path.split(separator: "/", omittingEmptySubsequences: false)
    for (i, segment) in segments.enumerated() {
      if segment == "." {
        if i == segments.count - 1 { output.append("") }
        continue
      }
      if segment == ".." {
        if output.count > 1 { output.removeLast() }
        if i == segments.count - 1 { output.append("") }
        continue
      }
      output.append(segment)
    }
    return output.joined(separator: "/")
  }

  /// Decodes `%XX` escapes (UTF-8); nil when an escape is malformed.
  /// A slice is decoded without a copy when it holds no escape (most fragments).
  static func percentDecoded(_ text: Substring) -> Substring? {
    guard UTF8Text.contains(text, byte: UInt8(ascii: "%")) else { return text }
    return percentDecoded(String(text)).map { $0[...] }
  }

  static func percentDecoded(_ text: String) -> String? {
    // The byte test first: Foundation's `contains` bridges the string, and most fragments
    // hold no `%` at all (it never finds a `%` that is not there, so the result is the same).
    guard UTF8Text.contains(text, byte: UInt8(ascii: "%")), text.contains("%") else { return text }
    var bytes: [UInt8] = []
    var utf8 = Array(text.utf8)[...]
    while let byte = utf8.popFirst() {
      guard byte == UInt8(ascii: "%") else {
        bytes.append(byte)
        continue
      }
      guard utf8.count >= 2, let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) else {
        return nil
      }
      bytes.append(value)
      utf8 = utf8.dropFirst(2)
    }
    return String(validating: bytes, as: UTF8.self)
  }
}
