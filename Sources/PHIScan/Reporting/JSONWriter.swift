/// The one JSON serializer of the reports: JSON written straight into bytes, exactly as
/// `JSONEncoder` writes it with `[.sortedKeys, .withoutEscapingSlashes]`, and with
/// `.prettyPrinted` added in pretty mode. Keys come in byte order, `"`, `\` and control
/// characters are escaped, everything else is written as is. Pretty mode puts each member
/// and element on its own line, indented two spaces per level, with `" : "` after keys; an
/// empty container still opens a line (`[`, empty line, `]`), as Foundation does, so the
/// golden files written by `JSONEncoder` stay byte-identical. Tests hold the two equal,
/// with Foundation's encoder as the oracle: the product never boxes a report into an
/// Encodable tree, which made the report a visible serial step at the end of large scans.
///
/// A class: the members of nested objects all write into the one buffer. Given an
/// output, the buffer is passed on between array elements once it is large, so a report
/// with many results is never held whole.
final class JSONWriter {
  private(set) var bytes: [UInt8] = []
  private let output: ReportOutput?
  private let pretty: Bool
  /// How deep the container being written is (pretty mode indents by it).
  private var depth = 0

  init(pretty: Bool = false, output: ReportOutput? = nil) {
    self.pretty = pretty
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

  /// An object whose members `body` writes, keys in byte order (checked in debug builds).
  func object(_ body: (inout Members) -> Void) {
    open(0x7B)
    var members = Members(json: self)
    body(&members)
    close(0x7D)
  }

  func array<Elements: Sequence>(_ elements: Elements, _ write: (JSONWriter, Elements.Element) -> Void) {
    open(0x5B)
    var isFirst = true
    for element in elements {
      startItem(isFirst: isFirst)
      isFirst = false
      write(self, element)
      passOnIfFull()
    }
    close(0x5D)
  }

  // Foundation's layout: pretty mode breaks the line after every opening bracket and
  // before every closing one, whether or not anything is in between.
  private func open(_ bracket: UInt8) {
    bytes.append(bracket)
    if pretty {
      bytes.append(0x0A)
      depth += 1
    }
  }

  private func startItem(isFirst: Bool) {
    if !isFirst { bytes.append(0x2C) }
    guard pretty else { return }
    if !isFirst { bytes.append(0x0A) }
    indent()
  }

  private func close(_ bracket: UInt8) {
    if pretty {
      bytes.append(0x0A)
      depth -= 1
      indent()
    }
    bytes.append(bracket)
  }

  /// After a key: `:`, or ` : ` in pretty mode.
  private func colon() {
    if pretty { bytes.append(0x20) }
    bytes.append(0x3A)
    if pretty { bytes.append(0x20) }
  }

  private func indent() {
    bytes.append(contentsOf: repeatElement(0x20, count: 2 * depth))
  }

  struct Members {
    let json: JSONWriter
    private var previousKey: String?

    init(json: JSONWriter) { self.json = json }

    /// Starts the member `key`; the caller then writes its value.
    mutating func key(_ key: String) {
      assert(
        previousKey.map { $0.utf8.lexicographicallyPrecedes(key.utf8) } ?? true,
        "keys out of order: \(previousKey ?? "") before \(key)")
      json.startItem(isFirst: previousKey == nil)
      previousKey = key
      json.string(key)
      json.colon()
    }

    mutating func string(_ key: String, _ value: String) {
      self.key(key)
      json.string(value)
    }
    mutating func int(_ key: String, _ value: Int) {
      self.key(key)
      json.int(value)
    }
    mutating func bool(_ key: String, _ value: Bool) {
      self.key(key)
      json.bool(value)
    }
    mutating func object(_ key: String, _ body: (inout Members) -> Void) {
      self.key(key)
      json.object(body)
    }
    mutating func array<Elements: Sequence>(
      _ key: String, _ elements: Elements, _ write: (JSONWriter, Elements.Element) -> Void
    ) {
      self.key(key)
      json.array(elements, write)
    }
  }
}

extension JSONWriter {
  /// A report's text (its JSON and a newline) as `write` puts it down.
  static func text(pretty: Bool = false, _ write: (JSONWriter) -> Void) -> String {
    let json = JSONWriter(pretty: pretty)
    write(json)
    return String(decoding: json.bytes, as: UTF8.self) + "\n"
  }

  /// The same bytes as `text`, written to `output` in pieces.
  static func write(to output: ReportOutput, pretty: Bool = false, _ write: (JSONWriter) -> Void) {
    let json = JSONWriter(pretty: pretty, output: output)
    write(json)
    json.bytes.append(0x0A)
    output.write(json.bytes)
  }
}
