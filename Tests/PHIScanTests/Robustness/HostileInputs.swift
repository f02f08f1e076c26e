import Foundation

@_spi(Internals) @testable import PHIScan

/// Builds a directory of hostile and broken inputs next to good files (issue 8). Small
/// inputs are committed under `Robustness/Hostile/`; huge ones (deep nesting, a 20 MB
/// string, a million-member enum), FIFOs, symlink loops and unreadable files cannot or
/// should not live in git, so they are generated here.
///
/// `expectations` says, per file, what a scan must produce: findings (the file was
/// scanned, the labeled values were found) and/or a diagnostic with a given code.
enum HostileInputs {
  struct Expectation {
    var file: String
    /// Pointers that must have findings (a good file, or the good part of a broken one).
    var findingPointers: [String] = []
    /// Diagnostic codes that must name the file (any of them; empty: none required).
    var diagnosticCodes: Set<DiagnosticCode> = []
    /// Diagnostics must carry a position (parse problems do; unreadable files do not).
    var needsPosition = true
    /// True when the file must produce no error diagnostic (scanned normally).
    var scannedCleanly = false
  }

  static let committed = Fixtures.url("Tests/PHIScanTests/Robustness/Hostile")

  /// A schema whose `const` is an SSN-shaped synthetic value under an SSN field name.
  static func ssnSchema(_ value: String) -> String {
    #"{"type": "object", "properties": {"member_ssn": {"type": "string", "const": "\#(value)"}}}"#
  }

  /// Sizes of the generated giants. The issue's sizes (a 20 MB string, a million-member
  /// enum) are what `scripts/hostile-scan.sh` measures on a release build; a debug test
  /// build scans much smaller ones so that the suite stays quick.
  struct Sizes {
    var longString = 20_000_000
    var enumMembers = 1_000_000
    static let full = Sizes()
    static let debug = Sizes(longString: 1_000_000, enumMembers: 20_000)
  }

  /// Fills `directory` and returns what each file must produce. `skipsUnreadable` is
  /// true when the process can read a mode-000 file anyway (root), so that case is moot.
  static func build(in directory: URL, sizes: Sizes) throws -> (expectations: [Expectation], skipsUnreadable: Bool) {
    let files = FileManager.default
    try files.createDirectory(at: directory, withIntermediateDirectories: true)
    for name in try files.contentsOfDirectory(atPath: committed.path) {
      try files.copyItem(at: committed.appendingPathComponent(name), to: directory.appendingPathComponent(name))
    }
    func write(_ name: String, _ bytes: [UInt8]) throws {
      try Data(bytes).write(to: directory.appendingPathComponent(name))
    }
    func write(_ name: String, _ text: String) throws { try write(name, Array(text.utf8)) }

    var expect: [Expectation] = [
      // Good files, scanned as usual.
      Expectation(file: "good-const.json", findingPointers: ["/properties/member_ssn/const"], scannedCleanly: true),
      Expectation(file: "good-default.yaml", findingPointers: ["/properties/member_ssn/default"], scannedCleanly: true),
      Expectation(file: "bom.json", findingPointers: ["/properties/member_ssn/const"], scannedCleanly: true),
      Expectation(file: "huge-numbers.json", findingPointers: ["/properties/member_ssn/const"], scannedCleanly: true),
      Expectation(
        file: "tags-and-complex-keys.yaml", findingPointers: ["/properties/member_ssn/const"], scannedCleanly: true),
      Expectation(
        file: "ref-cycles.json", findingPointers: ["/$defs/Member/properties/member_ssn/const"], scannedCleanly: true),
      Expectation(
        file: "hostile-patterns.json", findingPointers: ["/properties/member_ssn/const"], scannedCleanly: true),
      // Scanned, with warnings about what was odd.
      Expectation(
        file: "duplicate-keys.json", findingPointers: ["/properties/member_ssn/const"],
        diagnosticCodes: [.duplicateKey], scannedCleanly: true),
      Expectation(
        file: "lone-surrogates-and-nuls.json", findingPointers: ["/properties/member_ssn/const"],
        diagnosticCodes: [.loneSurrogate], scannedCleanly: true),
      // Broken: named with position and cause; the good lines of a JSONL batch still count.
      Expectation(
        file: "broken-line.jsonl",
        findingPointers: ["/0/properties/member_ssn/const", "/2/properties/member_ssn/const"],
        diagnosticCodes: [.syntaxError]),
      Expectation(file: "truncated.json", diagnosticCodes: [.syntaxError]),
      Expectation(file: "nan-infinity.json", diagnosticCodes: [.syntaxError]),
      Expectation(file: "invalid-utf8.json", diagnosticCodes: [.invalidUTF8]),
      Expectation(file: "invalid-utf8.yaml", diagnosticCodes: [.invalidUTF8]),
      Expectation(file: "binary.json", diagnosticCodes: [.invalidUTF8, .syntaxError]),
      Expectation(file: "empty.json", diagnosticCodes: [.syntaxError]),
      Expectation(file: "whitespace.json", diagnosticCodes: [.syntaxError]),
      Expectation(file: "alias-bomb.yaml", diagnosticCodes: [.tooLarge]),
      Expectation(
        file: "bedrock-malformed-string.json", findingPointers: ["/outputConfig/textFormat/structure/jsonSchema/name"],
        diagnosticCodes: [.embeddedSchemaInvalid, .syntaxError], needsPosition: true),
    ]

    // Good twins in both formats, written here so every value is visibly synthetic.
    try write("good-const.json", ssnSchema("512-43-8876"))
    try write(
      "good-default.yaml", "type: object\nproperties:\n  member_ssn:\n    type: string\n    default: 329-51-7784\n")
    try write("bom.json", [0xEF, 0xBB, 0xBF] + Array(ssnSchema("401-23-5671").utf8))
    try write("empty.json", [])
    try write("whitespace.json", " \n\t\r\n  ")
    try write("empty.yaml", [])
    try write("whitespace.yaml", "  \n\n\t\n")
    expect.append(Expectation(file: "empty.yaml", scannedCleanly: true))
    expect.append(Expectation(file: "whitespace.yaml", scannedCleanly: true))
    try write(
      "invalid-utf8.json", Array(#"{"type": "object", "title": "bad "#.utf8) + [0xC3, 0x28, 0xFF] + Array(#""}"#.utf8))
    try write("invalid-utf8.yaml", Array("title: ok\ndescription: bad ".utf8) + [0xED, 0xA0, 0x80] + Array("\n".utf8))
    // A PNG header followed by pseudo-random bytes.
    var generator = SeededBytes(seed: 8)
    try write(
      "binary.json", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<4096).map { _ in generator.next() })

    // Nesting 200,000 levels deep, in every syntax that nests.
    let deep = 200_000
    try write("deep-arrays.json", String(repeating: "[", count: deep) + String(repeating: "]", count: deep))
    try write(
      "deep-objects.json", String(repeating: #"{"a":"#, count: deep) + "1" + String(repeating: "}", count: deep))
    try write(
      "deep-flow.yaml", "a: " + String(repeating: "[", count: deep) + String(repeating: "]", count: deep) + "\n")
    try write(
      "deep-flow-maps.yaml", String(repeating: "{a: ", count: deep) + "1" + String(repeating: "}", count: deep) + "\n")
    try write("deep-block-sequence.yaml", String(repeating: "- ", count: deep) + "x\n")
    try write("deep-complex-keys.yaml", String(repeating: "? ", count: deep) + "x\n")
    // Indentation nesting grows quadratically in size; 3,000 levels (4.5 MB) is plenty.
    var indented = ""
    for level in 0..<3_000 { indented += String(repeating: " ", count: level) + "k:\n" }
    indented += String(repeating: " ", count: 3_000) + "v\n"
    try write("deep-indentation.yaml", indented)
    for name in [
      "deep-arrays.json", "deep-objects.json", "deep-flow.yaml", "deep-flow-maps.yaml", "deep-block-sequence.yaml",
      "deep-complex-keys.yaml", "deep-indentation.yaml",
    ] {
      expect.append(Expectation(file: name, diagnosticCodes: [.nestingTooDeep]))
    }

    // A 20 MB description, then a value that must still be found.
    let longText = String(repeating: "lorem ipsum dolor sit amet ", count: sizes.longString / 27)
    try write(
      "huge-string.json",
      #"{"type": "object", "description": "\#(longText)", "properties": {"member_ssn": {"type": "string", "const": "423-81-5529"}}}"#
    )
    expect.append(Expectation(file: "huge-string.json", findingPointers: ["/properties/member_ssn/const"]))

    // An enum with a million members, one of them an SSN-shaped value.
    var members: [String] = []
    members.reserveCapacity(sizes.enumMembers)
    let special = sizes.enumMembers * 7 / 9
    for index in 0..<sizes.enumMembers { members.append(index == special ? #""534-62-7781""# : #""code-\#(index)""#) }
    try write(
      "million-enum.json",
      #"{"type": "object", "properties": {"member_ssn": {"type": "string", "enum": [\#(members.joined(separator: ","))]}}}"#
    )
    expect.append(Expectation(file: "million-enum.json", findingPointers: ["/properties/member_ssn/enum/\(special)"]))

    // Special files: a FIFO (never opened), symlink loops, an unreadable file.
    let fifo = directory.appendingPathComponent("pipe.json")
    guard mkfifo(fifo.path, 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
    expect.append(Expectation(file: "pipe.json", diagnosticCodes: [.notRegularFile], needsPosition: false))
    try files.createSymbolicLink(
      atPath: directory.appendingPathComponent("loop-a.json").path, withDestinationPath: "loop-b.json")
    try files.createSymbolicLink(
      atPath: directory.appendingPathComponent("loop-b.json").path, withDestinationPath: "loop-a.json")
    try files.createSymbolicLink(atPath: directory.appendingPathComponent("loop-dir").path, withDestinationPath: ".")
    try write("unreadable.json", ssnSchema("545-72-1934"))
    let unreadable = directory.appendingPathComponent("unreadable.json")
    try files.setAttributes([.posixPermissions: 0], ofItemAtPath: unreadable.path)
    let skipsUnreadable = FileManager.default.isReadableFile(atPath: unreadable.path)
    if !skipsUnreadable {
      expect.append(Expectation(file: "unreadable.json", diagnosticCodes: [.unreadable], needsPosition: false))
    }
    return (expect, skipsUnreadable)
  }
}

/// A tiny deterministic byte generator (xorshift), so "random" fixtures are reproducible.
struct SeededBytes {
  var state: UInt64
  init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }
  mutating func next() -> UInt8 {
    state ^= state << 13
    state ^= state >> 7
    state ^= state << 17
    return UInt8(truncatingIfNeeded: state >> 24)
  }
}
