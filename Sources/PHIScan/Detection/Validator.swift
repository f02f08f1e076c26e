/// What a validator says about a regex match.
public enum Verdict: Sendable, Equatable {
  /// A value that could be a real identifier.
  case valid
  /// Impossible as a real identifier (bad area number, bad check digit, ...).
  case invalid
  /// A well-known sample or placeholder (078-05-1120, John Doe): its own low-level class.
  case placeholder
}

/// Swift checks that packs name with `validator:`. Each takes the matched text.
public enum Validator: String, Sendable, CaseIterable {
  case ssn

  public func check(_ text: String) -> Verdict {
    switch self {
    case .ssn: return Validators.ssn(text)
    }
  }
}

enum Validators {
  /// SSNs printed on sample cards or used in documentation; not a person's number.
  static let placeholderSSNs: Set<String> = ["078051120", "219099999", "123456789", "111111111", "987654320", "987654321"]

  /// SSA rules: area not 000, 666 or 900-999; group not 00; serial not 0000.
  static func ssn(_ text: String) -> Verdict {
    // Nine ASCII digits, bare or grouped 3-2-4 by one separator.
    let bytes = Array(text.utf8)
    let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
    let digitBytes: [UInt8]
    if bytes.count == 9, bytes.allSatisfy(isDigit) {
      digitBytes = bytes
    } else if bytes.count == 11, bytes[3] == bytes[6], !isDigit(bytes[3]),
      bytes.enumerated().allSatisfy({ $0.offset == 3 || $0.offset == 6 || isDigit($0.element) })
    {
      digitBytes = bytes.enumerated().filter { $0.offset != 3 && $0.offset != 6 }.map(\.element)
    } else {
      return .invalid
    }
    let digits = digitBytes.map { Int($0 - 0x30) }
    let area = digits[0] * 100 + digits[1] * 10 + digits[2]
    let group = digits[3] * 10 + digits[4]
    let serial = digits[5] * 1000 + digits[6] * 100 + digits[7] * 10 + digits[8]
    guard area != 0, area != 666, area < 900, group != 0, serial != 0 else { return .invalid }
    let key = digits.map(String.init).joined()
    return placeholderSSNs.contains(key) ? .placeholder : .valid
  }
}
