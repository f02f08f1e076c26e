import Testing

@_spi(Internals) @testable import PHIScan

@Suite struct MachineLimitTests {
  /// The largest integer is a machine limit, not an id, and reading it must not trap
  /// (`Int.max + 1` overflowed before: a crash on `"maximum": 9223372036854775807`).
  @Test func largestIntegerIsAMachineLimit() {
    #expect(Validators.isMachineLimit(Int.max))
    #expect(Validators.identifier("9223372036854775807") == .invalid)
    #expect(Validators.identifier("4294967295") == .invalid)
    #expect(Validators.identifier("4829137") == .valid)
  }
}

@Suite struct PackLexiconTests {
  @Test func onlyNamedWordListsAreLoaded() {
    #expect(PackLoader.mentions("    lexicon: names/first.txt\n", "names/first.txt"))
    #expect(!PackLoader.mentions("    lexicon: names/first.txt\n", "names/last.txt"))
    #expect(!PackLoader.mentions("", "x"))
  }
}
