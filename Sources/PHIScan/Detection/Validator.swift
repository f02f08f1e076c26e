import Foundation

/// What a validator says about a regex match.
@_spi(Internals) public enum Verdict: Sendable, Equatable {
  /// A value that could be a real identifier.
  case valid
  /// Impossible as a real identifier (bad area number, bad check digit, ...).
  case invalid
  /// A well-known sample, placeholder or non-personal value (078-05-1120, example.com,
  /// 555-0100, a documentation IP, a role mailbox): its own low-level class.
  case placeholder
}

/// Swift checks that packs name with `validator:`. Each takes the matched text.
package enum Validator: String, Sendable, CaseIterable {
  case ssn, itin, mbi, hicn
  /// MRNs, member ids, account and licence numbers: enough digits, not a dummy run.
  case identifier
  case license
  case card, iban, dea, npi
  case dateYMD = "date-ymd"
  case dateMDY = "date-mdy"
  case dateDMY = "date-dmy"
  case dateWritten = "date-written"
  case age, phone, email, ipv4, ipv6, zip
  case phoneInternational = "phone-international"
  case personalEmail = "personal-email"
  case zipState = "zip-state"
  case address, url, udi, mac, imei, vin, plate
  case fhirReference = "fhir-reference"

  package func check(_ text: String) -> Verdict {
    switch self {
    case .ssn: return Validators.ssn(text)
    case .itin: return Validators.itin(text)
    case .mbi: return Validators.mbi(text)
    case .hicn: return Validators.hicn(text)
    case .identifier: return Validators.identifier(text)
    case .license: return Validators.license(text)
    case .card: return Validators.card(text)
    case .iban: return Validators.iban(text)
    case .dea: return Validators.dea(text)
    case .npi: return Validators.npi(text)
    case .dateYMD: return Validators.numericDate(text, order: .ymd)
    case .dateMDY: return Validators.numericDate(text, order: .mdy)
    case .dateDMY: return Validators.numericDate(text, order: .dmy)
    case .dateWritten: return Validators.writtenDate(text)
    case .age: return Validators.age(text)
    case .phone: return Validators.phone(text)
    case .phoneInternational: return Validators.phoneInternational(text)
    case .email: return Validators.email(text)
    case .personalEmail: return Validators.personalEmail(text)
    case .ipv4: return Validators.ipv4(text)
    case .ipv6: return Validators.ipv6(text)
    case .zip: return Validators.zip(text)
    case .zipState: return Validators.zipState(text)
    case .address: return Validators.address(text)
    case .url: return Validators.url(text)
    case .udi: return Validators.udi(text)
    case .mac: return Validators.mac(text)
    case .imei: return Validators.imei(text)
    case .vin: return Validators.vin(text)
    case .plate: return Validators.plate(text)
    case .fhirReference: return Validators.fhirReference(text)
    }
  }
}

enum Validators {
  // MARK: shared helpers

  static func digits(_ text: String) -> [Int] {
    text.utf8.compactMap { $0 >= 0x30 && $0 <= 0x39 ? Int($0 - 0x30) : nil }
  }

  static func number(_ digits: ArraySlice<Int>) -> Int { digits.reduce(0) { $0 * 10 + $1 } }

  /// One repeated digit, or a run that climbs or falls by one (1234567, 98765): dummies.
  static func isDummyRun(_ digits: [Int]) -> Bool {
    guard let first = digits.first else { return true }
    if digits.allSatisfy({ $0 == first }) { return true }
    let rising = Swift.zip(digits, digits.dropFirst()).allSatisfy { ($0 + 1) % 10 == $1 }
    let falling = Swift.zip(digits, digits.dropFirst()).allSatisfy { ($1 + 1) % 10 == $0 }
    return rising || falling
  }

  /// Luhn sum over digits (rightmost is the check digit) is a multiple of ten.
  static func luhn(_ digits: [Int]) -> Bool {
    var sum = 0
    for (i, digit) in digits.reversed().enumerated() {
      if i % 2 == 1 {
        let doubled = digit * 2
        sum += doubled > 9 ? doubled - 9 : doubled
      } else {
        sum += digit
      }
    }
    return sum % 10 == 0
  }

  /// The text without separators, uppercased: `1eg4-te5-mk73` -> `1EG4TE5MK73`.
  static func compact(_ text: String) -> String {
    String(text.uppercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) && $0.isASCII })
  }

  // MARK: government identifiers

  /// SSNs printed on sample cards, in SSA leaflets, in ads, or used as the universal example.
  static let placeholderSSNs: Set<String> = ["078051120", "219099999", "457555462", "123456789", "111111111"]

  /// SSA rules: area not 000, 666 or 900-999; group not 00; serial not 0000.
  static func ssn(_ text: String) -> Verdict {
    guard let digits = groupedDigits(text, groups: [3, 2, 4]) else { return .invalid }
    let area = number(digits[0..<3])
    let group = number(digits[3..<5])
    let serial = number(digits[5..<9])
    guard area != 0, area != 666, area < 900, group != 0, serial != 0 else { return .invalid }
    let key = digits.map(String.init).joined()
    return placeholderSSNs.contains(key) || digits.allSatisfy({ $0 == digits[0] }) ? .placeholder : .valid
  }

  /// IRS ITIN: area 9xx, group 50-65, 70-88, 90-92 or 94-99. The SSA advertising block
  /// 987-65-4320..4329 is a placeholder.
  static func itin(_ text: String) -> Verdict {
    guard let digits = groupedDigits(text, groups: [3, 2, 4]), digits[0] == 9 else { return .invalid }
    let group = number(digits[3..<5])
    guard
      (50...65).contains(group) || (70...88).contains(group) || (90...92).contains(group) || (94...99).contains(group)
    else {
      return .invalid
    }
    let key = digits.map(String.init).joined()
    return key.hasPrefix("98765432") ? .placeholder : .valid
  }

  /// Nine ASCII digits, bare or grouped by one repeated separator (`512-43-8876`, `512 43 8876`).
  static func groupedDigits(_ text: String, groups: [Int]) -> [Int]? {
    let bytes = Array(text.utf8)
    let isDigit = { (byte: UInt8) in byte >= 0x30 && byte <= 0x39 }
    let total = groups.reduce(0, +)
    if bytes.count == total, bytes.allSatisfy(isDigit) { return bytes.map { Int($0 - 0x30) } }
    guard bytes.count == total + groups.count - 1 else { return nil }
    var separator: UInt8?
    var out: [Int] = []
    var index = 0
    for (g, size) in groups.enumerated() {
      for _ in 0..<size {
        guard isDigit(bytes[index]) else { return nil }
        out.append(Int(bytes[index] - 0x30))
        index += 1
      }
      if g < groups.count - 1 {
        let byte = bytes[index]
        guard !isDigit(byte), separator == nil || separator == byte else { return nil }
        separator = byte
        index += 1
      }
    }
    return out
  }

  /// CMS's published example MBI.
  static let placeholderMBIs: Set<String> = ["1EG4TE5MK73"]

  /// MBI: dashes at both display positions or at none; the regex checks the alphabet.
  static func mbi(_ text: String) -> Verdict {
    let dashes = text.filter { $0 == "-" }.count
    guard dashes == 0 || dashes == 2 else { return .invalid }
    let value = compact(text)
    if placeholderMBIs.contains(value) { return .placeholder }
    return isFormatMask(value) ? .placeholder : .valid
  }

  /// Beneficiary identification codes that follow the claim account number in a HICN.
  static let beneficiaryCodes: Set<Character> = ["A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "M", "T", "W"]

  /// Legacy HICN: a valid SSN followed by a beneficiary code (letter, optional digit).
  static func hicn(_ text: String) -> Verdict {
    let value = compact(text)
    guard value.count >= 10, let code = value.dropFirst(9).first, beneficiaryCodes.contains(code) else {
      return .invalid
    }
    return ssn(String(value.prefix(9)))
  }

  /// An identifier body: at least five digits that are not one repeated digit or a
  /// counting run, and no mask characters (`MRN-XXXX1234` describes a format).
  static func identifier(_ text: String) -> Verdict {
    let digits = digits(text)
    guard digits.count >= 5 else { return .invalid }
    // A calendar date (2025-06-18, 06/18/2025) is a date, not an identifier.
    if digits.count == 8, numericDate(text, order: .ymd) != .invalid || numericDate(text, order: .mdy) != .invalid,
      text.contains(where: { $0 == "-" || $0 == "/" || $0 == "." })
    {
      return .invalid
    }
    if isFormatMask(text) { return .placeholder }
    let body = Array(digits.suffix(12))
    // 1234567, 00000000, and numbers ending in a typed run (852012345).
    if isDummyRun(body) || isDummyRun(Array(body.suffix(6))) { return .placeholder }
    if digits.count == text.utf8.count, let value = Int(text), isMachineLimit(value) { return .invalid }
    return .valid
  }

  /// A format mask (CMS's `1AA0-AA0-AA00`, `MRN-00000000`): zeros after the first
  /// digit, and at most one letter, repeated.
  static func isFormatMask(_ text: String) -> Bool {
    let digits = text.filter(\.isNumber).dropFirst()
    return digits.allSatisfy { $0 == "0" } && Set(text.filter(\.isLetter)).count <= 1
  }

  /// A driver's licence or certificate number: Washington's `WDL` + nine letters and
  /// digits (few digits by design), or an identifier body.
  static func license(_ text: String) -> Verdict {
    let value = compact(text)
    if value.count == 12, value.hasPrefix("WDL"), value.dropFirst(3).contains(where: \.isNumber) {
      return Set(value.dropFirst(3)).count <= 2 ? .placeholder : .valid
    }
    return identifier(text)
  }

  /// Powers of two and their predecessors (65536, 4294967295): sizes and limits, not ids.
  static func isMachineLimit(_ value: Int) -> Bool {
    // Wrapping `+ 1`: Int.max (2^63 - 1) is such a predecessor, and must not trap.
    value > 0 && (value & (value &- 1) == 0 || (value &+ 1) & value == 0)
  }

  // MARK: accounts and licences

  static let testCards: Set<String> = [
    "4111111111111111", "4242424242424242", "4012888888881881", "4000056655665556", "5555555555554444",
    "5105105105105100", "2223003122003222", "378282246310005", "371449635398431", "6011111111111117",
    "6011000990139424", "3530111333300000", "30569309025904", "4000000000000002",
  ]

  /// Payment cards: Luhn, a known issuer prefix, and the issuer's length.
  static func card(_ text: String) -> Verdict {
    let digits = digits(text)
    guard (13...19).contains(digits.count), luhn(digits), !isDummyRun(digits) else { return .invalid }
    let prefix2 = number(digits[0..<2])
    let prefix4 = number(digits[0..<4])
    let count = digits.count
    let known: Bool
    switch digits[0] {
    case 4: known = [13, 16, 19].contains(count)
    case 5: known = (51...55).contains(prefix2) && count == 16
    case 2: known = (2221...2720).contains(prefix4) && count == 16
    case 3:
      known =
        ([34, 37].contains(prefix2) && count == 15) || ((3528...3589).contains(prefix4) && count >= 16)
        || ([36, 38].contains(prefix2) && count == 14) || ((300...305).contains(number(digits[0..<3])) && count == 14)
    case 6: known = (prefix4 == 6011 || prefix2 == 65 || (644...649).contains(number(digits[0..<3]))) && count >= 16
    default: known = false
    }
    guard known else { return .invalid }
    return testCards.contains(digits.map(String.init).joined()) ? .placeholder : .valid
  }

  /// The IBANs printed in the standard and in bank documentation.
  static let placeholderIBANs: Set<String> = [
    "GB82WEST12345698765432", "DE89370400440532013000", "GB29NWBK60161331926819", "FR1420041010050500013M02606",
  ]

  /// IBAN: mod-97 of the rearranged number is 1.
  static func iban(_ text: String) -> Verdict {
    let value = compact(text)
    guard value.count >= 15, value.count <= 34 else { return .invalid }
    let rearranged = value.dropFirst(4) + value.prefix(4)
    var remainder = 0
    for character in rearranged {
      guard let scalar = character.unicodeScalars.first?.value else { return .invalid }
      let chunk: Int
      switch scalar {
      case 0x30...0x39: chunk = Int(scalar - 0x30)
      case 0x41...0x5A: chunk = Int(scalar - 0x41 + 10)
      default: return .invalid
      }
      remainder = (chunk > 9 ? remainder * 100 + chunk : remainder * 10 + chunk) % 97
    }
    guard remainder == 1 else { return .invalid }
    return placeholderIBANs.contains(value) ? .placeholder : .valid
  }

  /// Worked examples from DEA documentation and tutorials.
  static let placeholderDEAs: Set<String> = ["AP5836727", "AB1234563", "BB1388568"]

  /// DEA registration: (d1+d3+d5) + 2*(d2+d4+d6) ends in d7.
  static func dea(_ text: String) -> Verdict {
    let value = compact(text)
    let digits = digits(String(value.dropFirst(2)))
    guard value.count == 9, digits.count == 7 else { return .invalid }
    let sum = digits[0] + digits[2] + digits[4] + 2 * (digits[1] + digits[3] + digits[5])
    guard sum % 10 == digits[6] else { return .invalid }
    if placeholderDEAs.contains(value) { return .placeholder }
    return isDummyRun(Array(digits.prefix(6))) ? .invalid : .valid
  }

  /// NPI: Luhn over the health-industry prefix 80840 and the ten digits; CMS's worked
  /// example 1234567893 is a placeholder.
  static func npi(_ text: String) -> Verdict {
    let digits = digits(text)
    guard digits.count == 10, digits[0] == 1 || digits[0] == 2, luhn([8, 0, 8, 4, 0] + digits) else { return .invalid }
    if digits.dropFirst().allSatisfy({ $0 == digits[1] }) { return .invalid }
    return digits.map(String.init).joined() == "1234567893" ? .placeholder : .valid
  }

  // MARK: dates and ages

  enum DateOrder { case ymd, mdy, dmy }

  /// Dates that stand for "no date", epochs, and the examples of RFC 3339 and Go.
  static let placeholderDates: Set<String> = [
    "1970-01-01", "1900-01-01", "1899-12-30", "1899-12-31", "1753-01-01", "2000-01-01", "1999-12-31",
    "2006-01-02", "1985-04-12", "1996-12-19", "1990-12-31", "1937-01-01", "2001-01-01", "1901-01-01",
    "2099-12-31", "1980-01-01",
  ]

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// A calendar date a person could have (born, admitted, died): 1880 to 2079.
  static func calendar(year: Int, month: Int, day: Int) -> Verdict {
    guard (1880...2079).contains(year), (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
    else {
      return .invalid
    }
    let key = String(format: "%04d-%02d-%02d", year, month, day)
    return placeholderDates.contains(key) ? .placeholder : .valid
  }

  /// Numeric dates: the first three digit groups in the given order.
  static func numericDate(_ text: String, order: DateOrder) -> Verdict {
    let groups = text.split(whereSeparator: { !$0.isASCII || !$0.isNumber }).compactMap { Int($0) }
    var parts = groups
    if parts.count == 1, let only = groups.first, String(only).count == 8 {
      parts = [only / 10000, only / 100 % 100, only % 100]  // compact YYYYMMDD
    }
    guard parts.count >= 3 else { return .invalid }
    switch order {
    case .ymd: return calendar(year: parts[0], month: parts[1], day: parts[2])
    case .mdy: return calendar(year: parts[2], month: parts[0], day: parts[1])
    case .dmy: return calendar(year: parts[2], month: parts[1], day: parts[0])
    }
  }

  static let monthPrefixes = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

  /// `March 12, 1984`, `12 March 1984`, `12-Mar-1984`.
  static func writtenDate(_ text: String) -> Verdict {
    let lower = text.lowercased()
    let words = lower.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
    guard let monthWord = words.first(where: { $0.first?.isLetter == true }),
      let month = monthPrefixes.firstIndex(where: { monthWord.hasPrefix($0) })
    else { return .invalid }
    let numbers = words.compactMap { word -> Int? in Int(word.prefix { $0.isNumber }) }
    guard let year = numbers.first(where: { $0 >= 1000 }), let day = numbers.first(where: { $0 < 100 }) else {
      return .invalid
    }
    return calendar(year: year, month: month + 1, day: day)
  }

  /// Ages over 89 (Safe Harbor keeps 90 and above as "90 or older"), at most 125.
  static func age(_ text: String) -> Verdict {
    let groups = text.split(whereSeparator: { !$0.isASCII || !$0.isNumber })
    guard let first = groups.first, let age = Int(first), (90...125).contains(age) else { return .invalid }
    return .valid
  }

  // MARK: contact

  static let tollFree: Set<Int> = [800, 833, 844, 855, 866, 877, 888]
  /// Integer limits and masks that are NANP-shaped by accident.
  static let integerLimits: Set<String> = [
    "2147483647", "2147483648", "4294967295", "4294967296", "4278255360", "2147483646",
  ]

  /// NANP: area code [2-9][0-8]x, not N11, 37X or 96X; exchange [2-9]xx, not N11.
  /// 555-0100..0199 and 555-1212 are fictional or directory numbers; toll-free numbers
  /// belong to organisations.
  static func phone(_ text: String) -> Verdict {
    // An extension (x623, ext. 12) follows the number: it is not part of the ten digits.
    let beforeExtension = text.prefix { !$0.isLetter }
    var digits = digits(String(beforeExtension))
    if digits.count == 11, digits[0] == 1 { digits.removeFirst() }
    guard digits.count == 10 else { return .invalid }
    if integerLimits.contains(digits.map(String.init).joined()) { return .invalid }
    let area = number(digits[0..<3])
    let exchange = number(digits[3..<6])
    let line = number(digits[6..<10])
    guard digits[0] >= 2, digits[1] != 9, area % 100 != 11, area / 10 != 37, area / 10 != 96 else { return .invalid }
    guard digits[3] >= 2, exchange % 100 != 11 else { return .invalid }
    if isDummyRun(digits) || Set(digits).count <= 2 { return .invalid }
    // 555-0100 to 0199 are reserved for fiction; the rest of 555 was never assigned to
    // subscribers (directory and information lines): sample numbers either way.
    if exchange == 555 {
      _ = line
      return .placeholder
    }
    if tollFree.contains(area) { return .placeholder }
    return .valid
  }

  /// ITU-T E.164 numbers outside North America: `+` and an assigned country code, 8 to 15
  /// digits in all. A national trunk zero written in brackets (`+44 (0)20 ...`) is not
  /// dialled. Ofcom's drama ranges and runs of seven climbing digits are samples; `+1` is NANP
  /// (`phone`), read by its own rule.
  static func phoneInternational(_ text: String) -> Verdict {
    let beforeExtension = text.prefix { !$0.isLetter }
    let dialled = beforeExtension.replacingOccurrences(of: "(0)", with: "")
    let digits = digits(dialled)
    guard (8...15).contains(digits.count), let codeLength = countryCodeLength(digits) else { return .invalid }
    let national = Array(digits[codeLength...])
    guard national.count >= 6, national.first != 0 || codeLength == 2 && digits[0] == 3 && digits[1] == 9 else {
      return .invalid
    }
    if isDummyRun(national) || Set(national).count <= 2 { return .invalid }
    let written = national.map(String.init).joined()
    if digits[0] == 4 && digits[1] == 4, ukDramaPrefixes.contains(where: written.hasPrefix) { return .placeholder }
    if longestRun(national) >= 7 { return .placeholder }
    return .valid
  }

  /// The length of the longest run of digits climbing or falling by one (`1234567`).
  static func longestRun(_ digits: [Int]) -> Int {
    var longest = min(digits.count, 1)
    var rising = 1
    var falling = 1
    for (a, b) in Swift.zip(digits, digits.dropFirst()) {
      rising = (a + 1) % 10 == b ? rising + 1 : 1
      falling = (b + 1) % 10 == a ? falling + 1 : 1
      longest = max(longest, rising, falling)
    }
    return longest
  }

  /// The length of the assigned country code `digits` start with (ITU-T E.164 list), or
  /// nil: 1 and 7 alone; the two-digit codes; three digits in the zones that use them.
  static func countryCodeLength(_ digits: [Int]) -> Int? {
    guard digits.count >= 3 else { return nil }
    switch digits[0] {
    case 1: return nil  // NANP: the `phone` validator's
    case 7: return 1
    case 0: return nil
    default: break
    }
    let two = digits[0] * 10 + digits[1]
    if twoDigitCountryCodes.contains(two) { return 2 }
    if threeDigitZones.contains(two) { return 3 }
    return nil
  }

  static let twoDigitCountryCodes: Set<Int> = [
    20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54, 55, 56, 57, 58,
    60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98,
  ]
  static let threeDigitZones: Set<Int> = [
    21, 22, 23, 24, 25, 26, 29, 35, 37, 38, 42, 50, 59, 67, 68, 69, 80, 85, 87, 88, 96, 97, 99,
  ]
  /// Ofcom's numbers for drama (national significant numbers after +44).
  static let ukDramaPrefixes = [
    "2079460", "1134960", "1174960", "1184960", "1214960", "1314960", "1414960", "1514960", "1614960", "1914980",
    "7700900",
  ]

  /// Reserved (RFC 2606, 6761, 6762, 7686, 8375) and documentation domains.
  static let reservedTLDs: Set<String> = [
    "test", "example", "invalid", "localhost", "local", "internal", "onion", "lan", "corp", "home",
  ]
  static let placeholderDomains: Set<String> = [
    "example.com", "example.net", "example.org", "example.edu", "home.arpa", "contoso.com", "fabrikam.com",
    "mycompany.com", "company.com", "domain.com", "yourdomain.com", "yourcompany.com", "email.com", "test.com",
    "acme.com", "acme.org", "acme.corp", "foo.com", "bar.com", "foobar.com", "mail.com", "sample.com",
    "users.noreply.github.com", "noreply.github.com",
  ]
  /// Local parts that name a role or a placeholder, not a person.
  static let nonPersonalLocalParts: Set<String> = [
    "john.doe", "jane.doe", "johndoe", "janedoe", "john", "jane", "jdoe", "user", "username", "test", "foo", "bar",
    "someone", "somebody", "yourname", "your.name", "your.email", "name", "email", "me", "you", "example", "demo",
    "noreply", "no-reply", "donotreply", "do-not-reply", "support", "info", "admin", "administrator", "sales",
    "contact", "help", "hello", "team", "security", "privacy", "abuse", "postmaster", "webmaster", "hostmaster",
    "billing", "office", "careers", "jobs", "press", "legal", "feedback", "notifications", "bot", "root", "git",
    "dev", "developer", "developers", "ops", "it", "hr", "marketing", "service", "services", "mail", "mailer-daemon",
    "alice", "bob", "carol", "eve", "user1", "user2", "test1", "testuser", "first.last", "firstname.lastname",
  ]

  static let placeholderLocalWords: Set<String> = [
    "doe", "something", "someone", "example", "sample", "dummy", "fake", "test", "placeholder", "foo", "bar", "baz",
    "xxx", "username", "user",
  ]
  /// File extensions that look like top-level domains in `icon@2x.png`.
  static let fileExtensions: Set<String> = [
    "png", "jpg", "jpeg", "gif", "svg", "webp", "ico", "bmp", "tif", "tiff", "json", "yaml", "yml", "txt", "md", "js",
    "ts", "css", "html", "htm", "xml", "pdf", "zip", "tar", "gz", "tgz", "exe", "dll", "so", "py", "rb", "go", "rs",
    "java", "swift", "sh", "lock", "log", "csv", "wasm", "map", "mp3", "mp4", "wav", "woff", "woff2", "ttf",
  ]

  /// Consumer mailbox and internet providers: their addresses are individuals' own.
  static let consumerMailDomains: Set<String> = [
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk", "live.com", "msn.com",
    "yahoo.com", "yahoo.co.uk", "ymail.com", "rocketmail.com", "aol.com", "icloud.com", "me.com", "mac.com",
    "protonmail.com", "proton.me", "pm.me", "gmx.com", "gmx.net", "gmx.de", "web.de", "t-online.de",
    "mail.ru", "yandex.ru", "yandex.com", "zoho.com", "fastmail.com", "hey.com", "tutanota.com", "tuta.io",
    "comcast.net", "att.net", "sbcglobal.net", "verizon.net", "cox.net", "charter.net", "earthlink.net",
    "bellsouth.net", "optonline.net", "frontier.com", "windstream.net", "centurylink.net", "juno.com",
    "netzero.net", "qq.com", "163.com", "126.com", "naver.com", "orange.fr", "free.fr", "laposte.net",
    "btinternet.com", "sky.com", "virginmedia.com", "libero.it", "rediffmail.com", "shaw.ca", "rogers.com",
    "sympatico.ca", "bigpond.com", "optusnet.com.au",
  ]

  /// An email address valid as such, at a consumer provider; placeholders and role
  /// mailboxes are left to `email` (no second, placeholder finding).
  static func personalEmail(_ text: String) -> Verdict {
    guard email(text) == .valid, let at = text.lastIndex(of: "@") else { return .invalid }
    return consumerMailDomains.contains(text[text.index(after: at)...].lowercased()) ? .valid : .invalid
  }

  static func email(_ text: String) -> Verdict {
    let lower = text.lowercased()
    guard let at = lower.lastIndex(of: "@") else { return .invalid }
    let local = String(lower[..<at])
    let domain = String(lower[lower.index(after: at)...])
    let labels = domain.split(separator: ".")
    guard labels.count >= 2, let tld = labels.last, tld.count >= 2, tld.allSatisfy({ $0.isLetter }),
      !fileExtensions.contains(String(tld))
    else {
      return .invalid
    }
    if reservedTLDs.contains(String(tld)) { return .placeholder }
    if placeholderDomains.contains(where: { domain == $0 || domain.hasSuffix("." + $0) }) { return .placeholder }
    if labels.contains(where: { $0.hasPrefix("example") || $0 == "acme" }) { return .placeholder }
    if nonPersonalLocalParts.contains(local) || local.hasPrefix("noreply") || local.hasPrefix("no-reply") {
      return .placeholder
    }
    // j.doe@, jane_doe@, ester.something@, your.name@: placeholder people.
    let localWords = Set(
      local.split(whereSeparator: { $0 == "." || $0 == "_" || $0 == "-" || $0 == "+" }).map(String.init))
    if !localWords.isDisjoint(with: placeholderLocalWords) || local.hasPrefix("your") { return .placeholder }
    return .valid
  }

  /// IPv4: public unicast only. Private, loopback, link-local, shared, multicast,
  /// reserved and netmask values are not PHI; documentation ranges and well-known
  /// resolvers are placeholders.
  static func ipv4(_ text: String) -> Verdict {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 4 else { return .invalid }
    var octets: [Int] = []
    for part in parts {
      guard !part.isEmpty, part.count <= 3, part.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(part),
        value <= 255
      else { return .invalid }
      if part.count > 1 && part.first == "0" { return .invalid }  // 01.02: a version, not an address
      octets.append(value)
    }
    let (a, b, c) = (octets[0], octets[1], octets[2])
    switch (a, b) {
    case (0, _), (10, _), (127, _), (169, 254), (192, 168): return .invalid
    case (172, 16...31), (100, 64...127), (198, 18...19): return .invalid
    default: break
    }
    if a >= 224 || octets.allSatisfy({ $0 == 255 || $0 == 0 }) { return .invalid }
    if (a, b, c) == (192, 0, 2) || (a, b, c) == (198, 51, 100) || (a, b, c) == (203, 0, 113) || (a, b, c) == (192, 0, 0)
    {
      return .placeholder
    }
    let wellKnown: Set<[Int]> = [
      [1, 1, 1, 1], [1, 0, 0, 1], [8, 8, 8, 8], [8, 8, 4, 4], [9, 9, 9, 9], [1, 2, 3, 4], [4, 4, 4, 4], [1, 1, 1, 2],
    ]
    return wellKnown.contains(octets) ? .placeholder : .valid
  }

  /// IPv6: global unicast only; 2001:db8::/32 and 3fff::/20 are documentation.
  static func ipv6(_ text: String) -> Verdict {
    var address = in6_addr()
    guard text.contains("::") || text.split(separator: ":", omittingEmptySubsequences: false).count == 8,
      inet_pton(AF_INET6, text, &address) == 1
    else { return .invalid }
    let bytes = withUnsafeBytes(of: &address) { Array($0) }
    if bytes.allSatisfy({ $0 == 0 }) || bytes.dropLast().allSatisfy({ $0 == 0 }) { return .invalid }  // ::, ::1
    if bytes[0] == 0xFF || bytes[0] & 0xFE == 0xFC || (bytes[0] == 0xFE && bytes[1] & 0xC0 == 0x80) { return .invalid }
    // Outside 2000::/3 no unicast space is assigned today: a compressed address there
    // (`1234::abce`) is a made-up sample, while one written out in all eight groups
    // still reads as one host's.
    if bytes[0] & 0xE0 != 0x20 && text.contains("::") { return .invalid }
    if (bytes[0], bytes[1], bytes[2], bytes[3]) == (0x20, 0x01, 0x0D, 0xB8) { return .placeholder }
    if bytes[0] == 0x3F && bytes[1] & 0xF0 == 0xF0 { return .placeholder }
    return .valid
  }

  static let placeholderZIPs: Set<String> = ["12345", "54321", "11111", "99999", "90210", "10001", "00501"]

  static func zip(_ text: String) -> Verdict {
    let digits = digits(text)
    guard digits.count == 5 || digits.count == 9 else { return .invalid }
    let five = digits.prefix(5).map(String.init).joined()
    if five == "00000" || digits.prefix(5).allSatisfy({ $0 == 0 }) { return .invalid }
    return placeholderZIPs.contains(five) ? .placeholder : .valid
  }

  static let stateCodes: Set<String> = [
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
    "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR",
    "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR", "GU", "VI", "AS", "MP",
  ]

  /// `MA 02115`: a state code, then a ZIP.
  static func zipState(_ text: String) -> Verdict {
    let letters = String(text.prefix { $0.isLetter })
    guard stateCodes.contains(letters) else { return .invalid }
    return zip(String(text.dropFirst(letters.count)))
  }

  /// Street addresses from films, TV, company headquarters and documentation.
  static let placeholderAddresses = [
    "123 main", "1234 main", "123 any", "123 fake", "123 elm", "123 oak", "742 evergreen", "1600 pennsylvania",
    "1 infinite loop", "221b baker", "1 microsoft way", "1600 amphitheatre", "1 apple park", "1 hacker way",
    "100 main", "1 main", "123 example", "123 sesame", "456 oak", "456 elm", "789 pine",
  ]

  static func address(_ text: String) -> Verdict {
    let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).joined(separator: " ")
    return placeholderAddresses.contains(where: { words.hasPrefix($0 + " ") }) ? .placeholder : .valid
  }

  /// Person-identifying URLs at placeholder hosts are placeholders.
  static func url(_ text: String) -> Verdict {
    let lower = text.lowercased()
    guard let schemeEnd = lower.range(of: "://") else { return .valid }
    let rest = lower[schemeEnd.upperBound...]
    let host = String(rest.prefix { $0 != "/" && $0 != "?" && $0 != ":" && $0 != "#" })
    if host == "localhost" || host.hasPrefix("127.") { return .placeholder }
    if let tld = host.split(separator: ".").last, reservedTLDs.contains(String(tld)) { return .placeholder }
    if ["example.com", "example.org", "example.net"].contains(where: { host == $0 || host.hasSuffix("." + $0) }) {
      return .placeholder
    }
    return .valid
  }

  // MARK: devices and vehicles

  /// GS1 UDI in human-readable form: `(01)` GTIN-14, then application identifiers
  /// `(11)`/`(17)` dates (YYMMDD), `(10)` lot, `(21)` serial. With a serial the string
  /// names one device; without, a product model (placeholder class: low). The parsed
  /// structure is the check: a GTIN whose check digit fails still counts when a valid
  /// production or expiry date and a serial come with it, as no other text is shaped so.
  static func udi(_ text: String) -> Verdict {
    guard let open = text.range(of: "(01)") else { return .invalid }
    let gtin = digits(String(text[open.upperBound...].prefix(14)))
    guard gtin.count == 14 else { return .invalid }
    var sum = 0
    for (i, digit) in gtin.dropLast().enumerated() { sum += digit * (i % 2 == 0 ? 3 : 1) }
    let checked = (10 - sum % 10) % 10 == gtin[13]
    // Application identifiers and their data, in order.
    var fields: [String: Substring] = [:]
    var rest = text[open.upperBound...].dropFirst(14)
    while rest.first == "(", let close = rest.firstIndex(of: ")") {
      let ai = String(rest[rest.index(after: rest.startIndex)..<close])
      let body = rest[rest.index(after: close)...]
      let end = body.firstIndex(of: "(") ?? body.endIndex
      fields[ai] = body[..<end]
      rest = body[end...]
    }
    let hasSerial = !(fields["21"]?.isEmpty ?? true)
    let datedOK = ["11", "17"].contains { ai in
      guard let date = fields[ai], date.count == 6, let value = Int(date) else { return false }
      return calendar(year: 2000 + value / 10000, month: value / 100 % 100, day: value % 100) != .invalid
    }
    guard checked || datedOK else { return .invalid }
    return hasSerial ? .valid : .placeholder
  }

  static let placeholderMACs: Set<String> = [
    "000000000000", "FFFFFFFFFFFF", "0123456789AB", "001122334455", "AABBCCDDEEFF", "123456789ABC",
  ]

  /// Locally administered addresses (second bit of the first octet) are set by software,
  /// as in virtual machines and documentation, not burned into one device.
  static func mac(_ text: String) -> Verdict {
    let value = compact(text)
    if placeholderMACs.contains(value) { return .placeholder }
    let octets = stride(from: 0, to: 12, by: 2).compactMap { start -> Int? in
      let begin = value.index(value.startIndex, offsetBy: start)
      return Int(value[begin..<value.index(begin, offsetBy: 2)], radix: 16)
    }
    guard octets.count == 6 else { return .invalid }
    if octets[0] & 0x02 != 0 { return .placeholder }
    // 00:1A:2B:3C:4D:5E, 00:11:22:33:44:55: a progression typed by hand, not a device.
    let steps = Set(Swift.zip(octets.dropFirst(), octets.dropFirst(2)).map { $1 - $0 })
    return steps.count == 1 ? .placeholder : .valid
  }

  static func imei(_ text: String) -> Verdict {
    let digits = digits(text)
    guard digits.count == 15, luhn(digits), !isDummyRun(digits) else { return .invalid }
    return ["490154203237518", "356938035643809"].contains(digits.map(String.init).joined()) ? .placeholder : .valid
  }

  /// VIN: 17 characters without I, O, Q; position 9 is the check digit (49 CFR 565).
  static func vin(_ text: String) -> Verdict {
    let value = Array(compact(text))
    guard value.count == 17 else { return .invalid }
    let weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
    let letters: [Character: Int] = [
      "A": 1, "B": 2, "C": 3, "D": 4, "E": 5, "F": 6, "G": 7, "H": 8, "J": 1, "K": 2, "L": 3, "M": 4, "N": 5,
      "P": 7, "R": 9, "S": 2, "T": 3, "U": 4, "V": 5, "W": 6, "X": 7, "Y": 8, "Z": 9,
    ]
    var sum = 0
    for (i, character) in value.enumerated() {
      guard let code = character.wholeNumberValue ?? letters[character] else { return .invalid }
      sum += code * weights[i]
    }
    let check = sum % 11
    let expected: Character = check == 10 ? "X" : Character(String(check))
    guard value[8] == expected else { return .invalid }
    if value.filter({ $0.isNumber }).count < 4 { return .invalid }
    return .valid
  }

  /// A licence plate: 2 to 8 characters, with at least one letter and one digit.
  static func plate(_ text: String) -> Verdict {
    let value = compact(text)
    guard (2...8).contains(value.count), value.contains(where: \.isNumber), value.contains(where: \.isLetter) else {
      return .invalid
    }
    return ["ABC123", "ABC1234", "1ABC234", "XYZ123", "ABC-123"].contains(value) ? .placeholder : .valid
  }

  /// `Patient/12345`: FHIR's own example ids (`example`, `123`) are placeholders.
  static func fhirReference(_ text: String) -> Verdict {
    guard let slash = text.firstIndex(of: "/") else { return .invalid }
    let id = text[text.index(after: slash)...].lowercased()
    if id.hasPrefix("example") || ["123", "1", "abc", "xyz", "pat1", "f001"].contains(id) { return .placeholder }
    guard id.contains(where: \.isNumber) else { return .invalid }
    return .valid
  }
}
