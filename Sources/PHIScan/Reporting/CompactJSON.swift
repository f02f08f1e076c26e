import Foundation

/// Compact JSON written straight into bytes, as `JSONEncoder` writes it with
/// `[.sortedKeys, .withoutEscapingSlashes]`: no spaces, keys in byte order, `"`, `\` and
/// control characters escaped, everything else as is. `JSONEncoder` boxes every value
/// before writing it, which made the SARIF report a visible serial step at the end of
/// large scans; a test holds the two byte for byte equal.
/// A class: the members of nested objects all write into the one buffer. Given an
/// output, the buffer is passed on between array elements once it is large, so a report
/// with many results is never held whole.
final class CompactJSON {
  private(set) var bytes: [UInt8] = []
  private let output: ReportOutput?

  init(output: ReportOutput? = nil) {
    self.output = output
    bytes.reserveCapacity(ReportOutput.pieceSize + 4096)
  }

  private func passOnIfFull() {
    guard let output, bytes.count >= ReportOutput.pieceSize else { return }
    output.write(bytes)
    bytes.removeAll(keepingCapacity: true)
  }

  func string(_ text: String) {
    var text = text
    text.withUTF8 { utf8 in
      bytes.append(0x22)
      // Runs without anything to escape are copied whole.
      var runStart = 0
      for index in 0..<utf8.count {
        let byte = utf8[index]
        guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
        runStart = index + 1
        switch byte {
        case 0x22: escape(0x22)
        case 0x5C: escape(0x5C)
        case 0x08: escape(0x62)
        case 0x0C: escape(0x66)
        case 0x0A: escape(0x6E)
        case 0x0D: escape(0x72)
        case 0x09: escape(0x74)
        default:
          escape(0x75)
          bytes.append(contentsOf: [0x30, 0x30, Self.hexDigits[Int(byte >> 4)], Self.hexDigits[Int(byte & 15)]])
        }
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
      bytes.append(0x22)
    }
  }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  private func escape(_ letter: UInt8) {
    bytes.append(0x5C)
    bytes.append(letter)
  }

  func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }
  func bool(_ value: Bool) { bytes.append(contentsOf: (value ? "true" : "false").utf8) }
  func raw(_ byte: UInt8) { bytes.append(byte) }

  /// An object whose members `body` writes, keys in byte order (checked in debug builds).
  func object(_ body: (inout Members) -> Void) {
    bytes.append(0x7B)
    var members = Members(json: self)
    body(&members)
    bytes.append(0x7D)
  }

  func array<Elements: Sequence>(_ elements: Elements, _ write: (CompactJSON, Elements.Element) -> Void) {
    bytes.append(0x5B)
    for (index, element) in elements.enumerated() {
      if index > 0 { bytes.append(0x2C) }
      write(self, element)
      passOnIfFull()
    }
    bytes.append(0x5D)
  }

  struct Members {
    let json: CompactJSON
    private var previousKey: String?

    init(json: CompactJSON) { self.json = json }

    /// Starts the member `key`; the caller then writes its value.
    mutating func key(_ key: String) {
      assert(previousKey.map { $0.utf8.lexicographicallyPrecedes(key.utf8) } ?? true, "keys out of order: \(previousKey ?? "") before \(key)")
      if previousKey != nil { json.raw(0x2C) }
      previousKey = key
      json.string(key)
      json.raw(0x3A)
    }

    mutating func string(_ key: String, _ value: String) { self.key(key); json.string(value) }
    mutating func int(_ key: String, _ value: Int) { self.key(key); json.int(value) }
    mutating func bool(_ key: String, _ value: Bool) { self.key(key); json.bool(value) }
    mutating func object(_ key: String, _ body: (inout Members) -> Void) { self.key(key); json.object(body) }
    mutating func array<Elements: Sequence>(_ key: String, _ elements: Elements, _ write: (CompactJSON, Elements.Element) -> Void) {
      self.key(key)
      json.array(elements, write)
    }
  }
}

extension CompactJSON {
  /// A report's text (one line and a newline) as `write` puts it down.
  static func text(_ write: (CompactJSON) -> Void) -> String {
    let json = CompactJSON()
    write(json)
    return String(decoding: json.bytes, as: UTF8.self) + "\n"
  }

  /// The same bytes as `text`, written to `output` in pieces.
  static func write(to output: ReportOutput, _ write: (CompactJSON) -> Void) {
    let json = CompactJSON(output: output)
    write(json)
    json.raw(0x0A)
    output.write(json.bytes)
  }

  /// `value` through `JSONEncoder` with the reports' options: pretty reports, and the
  /// reference that the compact writers are tested against.
  static func encodedByFoundation(_ value: some Encodable, pretty: Bool) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
    // Encoding plain value types cannot fail; a failure would be a programming error.
    let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
