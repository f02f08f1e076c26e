/// Codes from medical vocabularies describe care, not a patient (DESIGN.md 4): a CPT
/// code under `cpt_code`, a LOINC code, an ICD-10 code, an NDC or an HL7 OID is never
/// an MRN, an account, a licence, a device serial or a member id, however the
/// subschema around it is worded.
enum MedicalVocabulary {
  /// Words that name a code system, read in the names along a string's pointer
  /// (property names, `$defs` keys): `cpt_code`, `icd10_codes`, `$defs/LoincCode/...`.
  static let systemWords: Set<String> = [
    "cpt", "hcpcs", "icd", "icd9", "icd10", "icd10cm", "icd10pcs", "loinc", "snomed", "sct", "snomedct", "ndc",
    "rxnorm", "rxcui", "cvx", "mvx", "nucc", "taxonomy", "oid", "oids", "drg", "msdrg", "modifier", "modifiers",
    "coding", "codings", "codeable", "valueset", "terminology", "spdx", "gtin",
  ]

  /// Categories a code may be mistaken for: identifiers told apart only by their field.
  static func guards(_ category: Category) -> Bool {
    switch category {
    case .mrn, .account, .license, .device, .healthPlan, .zip, .phone, .fax, .ssn, .otherID, .vehicle, .age: return true
    default: return false
    }
  }

  /// True when a name along the pointer names a code system. The words are split as
  /// identifiers are (`LoincCode` -> `loinc code`); `icd10` stays whole.
  static func namesCodeSystem(_ names: [String]) -> Bool {
    for name in names {
      let lower = name.lowercased()
      if systemWords.contains(lower) { return true }
      let words = NameWords.split(name)
      if words.contains(where: systemWords.contains) { return true }
      // `icd10_codes`, `icd_10`: a system word followed by its version digits.
      for (word, next) in zip(words, words.dropFirst()) where systemWords.contains(word + next) { return true }
    }
    return false
  }

  /// True when the value has the checked form of a code: a LOINC code with its mod-10
  /// check digit, an ICD-10-CM code with its dot, an OID or an NDC in a labeler-product-
  /// package form.
  static func isCode(_ value: String) -> Bool {
    let text = value.hasPrefix("urn:oid:") ? String(value.dropFirst(8)) : value
    let bytes = Array(text.utf8)
    guard !bytes.isEmpty else { return false }
    if isOID(bytes) { return true }
    if isLOINC(bytes) { return true }
    if isICD10(bytes) { return true }
    if isNDC(bytes) { return true }
    return false
  }

  /// `2.16.840.1.113883.6.90`: four or more dotted arcs starting 0, 1 or 2.
  static func isOID(_ bytes: [UInt8]) -> Bool {
    guard let first = bytes.first, first >= 0x30 && first <= 0x32 else { return false }
    let arcs = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
    return arcs.count >= 5 && arcs.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0 &- 0x30 < 10 } }
  }

  /// `2160-0`: one to five digits, a dash, and the mod-10 check digit LOINC uses.
  static func isLOINC(_ bytes: [UInt8]) -> Bool {
    guard bytes.count >= 3, bytes.count <= 7, bytes[bytes.count - 2] == UInt8(ascii: "-") else { return false }
    let body = bytes.dropLast(2)
    let check = bytes[bytes.count - 1]
    guard body.allSatisfy({ $0 &- 0x30 < 10 }), check &- 0x30 < 10 else { return false }
    // Luhn over the body (LOINC's "mod 10" check digit).
    var sum = 0
    for (position, byte) in body.reversed().enumerated() {
      var digit = Int(byte - 0x30)
      if position % 2 == 0 {
        digit *= 2
        if digit > 9 { digit -= 9 }
      }
      sum += digit
    }
    return (10 - sum % 10) % 10 == Int(check - 0x30)
  }

  /// `E78.5`, `M54.50`, `S72.001A`: a letter, two digits (the second may be a letter),
  /// a dot and one to four characters.
  static func isICD10(_ bytes: [UInt8]) -> Bool {
    guard bytes.count >= 5, bytes.count <= 8, bytes[3] == UInt8(ascii: ".") else { return false }
    @inline(__always) func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    @inline(__always) func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    guard isUpper(bytes[0]), isDigit(bytes[1]), isDigit(bytes[2]) || isUpper(bytes[2]) else { return false }
    return bytes[4...].allSatisfy { isDigit($0) || isUpper($0) }
  }

  /// `0071-0155-23`, `68180-0513-01`: labeler, product and package, 10 or 11 digits in
  /// the 4-4-2, 5-3-2, 5-4-1 or 5-4-2 forms.
  static func isNDC(_ bytes: [UInt8]) -> Bool {
    let parts = bytes.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
    guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0 &- 0x30 < 10 } }) else { return false }
    let shape = parts.map(\.count)
    return [[4, 4, 2], [5, 3, 2], [5, 4, 1], [5, 4, 2]].contains(shape)
  }
}
