/// SARIF `artifactLocation.uri` values: RFC 3986 relative references made from report
/// paths. Every byte outside the unreserved set (`A-Z a-z 0-9 - . _ ~`) and `/` is
/// percent-encoded, the UTF-8 bytes of non-ASCII letters included, so `#` cannot start a
/// fragment, `?` a query, `%` a false escape, `:` a scheme, and a space or newline cannot
/// break a consumer: percent-decoding gives the report path back exactly. An ordinary
/// name (`schemas/tool-1.json`) is unchanged. JSON and text reports keep plain paths.
package enum ArtifactURI {
  package static func encode(_ path: String) -> String {
    guard path.utf8.contains(where: { !isKept($0) }) else { return path }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(path.utf8.count + 16)
    for byte in path.utf8 {
      if isKept(byte) {
        bytes.append(byte)
      } else {
        bytes += [0x25, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 15)]]
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The report path an encoded URI stands for; nil for a malformed escape.
  package static func decode(_ uri: String) -> String? {
    let utf8 = Array(uri.utf8)
    var bytes: [UInt8] = []
    var index = 0
    while index < utf8.count {
      guard utf8[index] == 0x25 else {
        bytes.append(utf8[index])
        index += 1
        continue
      }
      guard index + 2 < utf8.count, let high = hexValue(utf8[index + 1]), let low = hexValue(utf8[index + 2]) else {
        return nil
      }
      bytes.append(high << 4 | low)
      index += 3
    }
    return String(validating: bytes, as: UTF8.self)
  }

  /// Unreserved characters (RFC 3986 2.3) and the path separator.
  static func isKept(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"):
      return true
    case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"): return true
    default: return false
    }
  }

  /// Upper case, as RFC 3986 2.1 recommends.
  private static let hexDigits = Array("0123456789ABCDEF".utf8)

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    default: return nil
    }
  }
}
