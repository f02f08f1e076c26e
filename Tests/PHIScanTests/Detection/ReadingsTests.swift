import Testing

@_spi(Internals) @testable import PHIScan

/// The readings of detection v2: identifiers as runs of segments, cue windows in prose,
/// and the codes of medical vocabularies.
@Suite struct ReadingsTests {
  @Test func identifiersAreReadAsRunsOfSegments() {
    let runs = Readings.identifierRuns("lookup_dob_19720415")
    #expect(runs.first == "lookup_dob_19720415")
    #expect(runs.contains("19720415") && runs.contains("dob_19720415"))
    #expect(!runs.contains("lookup"), "a run without a digit is left to the name rules")
    #expect(Readings.identifierRuns("visit_4127_willow_creek_rd").contains("4127 Willow Creek Rd"))
    #expect(Readings.identifierRuns("mbi_3KD7-TN2-WQ45").contains("3KD7-TN2-WQ45"), "dashes stay inside a run")
    #expect(Readings.identifierRuns("host_84.17.52.139").contains("84.17.52.139"), "dots stay inside a run")
    #expect(
      Readings.identifierRuns("dob19720415").contains("19720415"), "a lowercase hump before a digit ends a segment")
    #expect(Readings.identifierRuns("84.17.52.139") == ["84.17.52.139"], "one segment: the identifier itself")
    #expect(Readings.identifierRuns("patient_first_name").isEmpty, "no digit, no run")
  }

  /// The window before a match, in bytes of the text.
  func window(_ text: String, before value: String, words: Int = Readings.maximumCueWords) -> String {
    let prefix = text.components(separatedBy: value)[0]
    let lower = prefix.utf8.count
    return Readings.cueWindow(before: lower..<(lower + value.utf8.count), in: text, maximumWords: words)
  }

  @Test func cueWindowsStayInTheirSentence() {
    #expect(window("Verify against SSN 536-90-4399 first.", before: "536-90-4399") == "Verify against SSN ")
    #expect(window("Call the front desk. ZIP 60614 only.", before: "60614") == " ZIP ")
    #expect(window("Lines:\nMRN 00731942", before: "00731942") == "MRN ")
    // A full stop after one letter ends no sentence (e.g., i.e., initials).
    #expect(window("Ten digits, e.g. 3129047735.", before: "3129047735") == "Ten digits, e.g. ")
    // At most this many runs of letters and digits.
    #expect(window("one two three four five six seven 60614", before: "60614") == " two three four five six seven ")
    #expect(window("one two three 60614", before: "60614", words: 2) == " two three ")
  }

  @Test func codesOfMedicalVocabulariesAreKnownByForm() {
    #expect(MedicalVocabulary.isCode("2345-7") && MedicalVocabulary.isCode("718-7"), "LOINC with its check digit")
    #expect(!MedicalVocabulary.isCode("2345-8"), "a wrong LOINC check digit is no code")
    #expect(MedicalVocabulary.isCode("E11.9") && MedicalVocabulary.isCode("S72.001A"), "ICD-10-CM with its dot")
    #expect(MedicalVocabulary.isCode("urn:oid:2.16.840.1.113883.6.1") && MedicalVocabulary.isCode("2.16.840.1.113883"))
    #expect(!MedicalVocabulary.isCode("84.17.52.139"), "an IPv4 address has four arcs and is no OID")
    #expect(MedicalVocabulary.isCode("0071-0155-23") && MedicalVocabulary.isCode("68180-0513-01"), "NDC forms")
    #expect(!MedicalVocabulary.isCode("617-239-8841"), "a phone number is no NDC")
    #expect(MedicalVocabulary.namesCodeSystem(["properties", "cpt_code", "enum", "0"]))
    #expect(MedicalVocabulary.namesCodeSystem(["$defs", "LoincCode", "properties", "code"]))
    #expect(MedicalVocabulary.namesCodeSystem(["icd_10_codes"]))
    #expect(!MedicalVocabulary.namesCodeSystem(["properties", "zip_code"]), "a ZIP code field names no code system")
    #expect(!MedicalVocabulary.namesCodeSystem(["properties", "patient_mrn"]))
  }
}
