import Testing

@_spi(Internals) @testable import PHIScan

@Suite struct ByteSearchTests {
  /// Every offset agrees with a slice-by-slice comparison, from every start, on random
  /// strings over a tiny alphabet (so partial matches and overlaps are common).
  @Test func findsTheFirstOccurrenceFromEveryStart() {
    var random = SeededGenerator(seed: 0xB17E)
    let alphabet: [UInt8] = Array("aab<`".utf8)
    for _ in 0..<3_000 {
      let haystack = (0..<Int(random.next() % 24)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
      let needle = (0..<Int(random.next() % 4)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
      for start in 0...haystack.count {
        let expected: Int? =
          needle.isEmpty
          ? nil
          : (start..<max(start, haystack.count - needle.count + 1)).first {
            Array(haystack[$0..<($0 + needle.count)]) == needle
          }
        let found = haystack.withUnsafeBufferPointer { h in
          needle.withUnsafeBufferPointer { n in ByteSearch.firstOffset(of: n, in: h, from: start) }
        }
        #expect(found == expected, "\(haystack) \(needle) \(start)")
      }
    }
  }

  @Test func containsReadsUTF8() {
    #expect(ByteSearch.contains("lexicon: names/given-é.txt", "given-é"))
    #expect(!ByteSearch.contains("lexicon: names/given-e.txt", "given-é"))
    #expect(!ByteSearch.contains("abc", ""))
    #expect(!ByteSearch.contains("", "a"))
  }
}
