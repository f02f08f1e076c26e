import Testing

@_spi(Internals) @testable import PHIScan

@Suite struct NameTableTests {
  /// The table against a Dictionary: random words of 1 to 16 letters, repeated words
  /// updated again, growth from a small start, and lookups of words never added.
  @Test func agreesWithADictionary() {
    var generator = SystemRandomNumberGenerator()
    var table = NameTable(minimumCapacity: 4)
    var reference: [NameKey: NameEntry] = [:]
    func word() -> NameKey {
      // A small alphabet makes repeats and shared prefixes common.
      NameKey(
        (0..<Int.random(in: 1...16, using: &generator)).map { _ in UInt8.random(in: 0x61...0x65, using: &generator) })!
    }
    for round in 0..<20_000 {
      let key = word()
      let given = UInt8(round % 200)
      table.update(key) {
        $0.given = given
        $0.flags.insert(.title)
      }
      reference[key, default: NameEntry()].given = given
      reference[key, default: NameEntry()].flags.insert(.title)
    }
    #expect(table.count == reference.count)
    var mismatches = 0
    for (key, entry) in reference where table[key] != entry { mismatches += 1 }
    for _ in 0..<20_000 {
      let key = word()
      if table[key] != reference[key] { mismatches += 1 }
    }
    #expect(mismatches == 0)
    let listed = Dictionary(uniqueKeysWithValues: table.map { ($0.key, $0.entry) })
    #expect(listed == reference)
  }
}
