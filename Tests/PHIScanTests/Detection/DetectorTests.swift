import Foundation
import Testing

@_spi(Internals) @testable import PHIScan

/// Deciding end to end on small schemas: site, context, placeholders, names, patterns.
@Suite struct DetectorTests {
  /// Every level, notes included: these tests look at how each string is weighed.
  static let scanner = try! Scanner(
    configuration: {
      var configuration = ScanConfiguration(paths: [])
      configuration.minimumLevel = .note
      return configuration
    }())

  /// Findings of one JSON document, as (pointer, category, level).
  func findings(_ json: String) throws -> [(pointer: String, category: Category, level: Level)] {
    let detector = try Detector(rules: Self.scanner.rules)
    let result = Self.scanner.scanBytes(Array(json.utf8), format: .json, reportPath: "t.json", detector: detector)
    #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty)
    return result.findings.map { ($0.pointer.string, $0.category, $0.level) }
  }

  func level(_ json: String, at pointer: String) throws -> Level? {
    try findings(json).filter { $0.pointer == pointer }.map(\.level).max()
  }

  @Test func contextDecidesBareNumbers() throws {
    let schema = #"{"properties": {"mrn": {"const": "00482913"}, "max_tokens": {"const": "00482913"}}}"#
    let found = try findings(schema)
    #expect(found.map(\.pointer) == ["/properties/mrn/const"])
    #expect(found.first?.category == .mrn && found.first?.level == .error)
  }

  @Test func describingIsSilentContainingIsFlagged() throws {
    let describing =
      #"{"properties": {"ssn": {"type": "string", "pattern": "^\\d{3}-\\d{2}-\\d{4}$", "description": "SSN as XXX-XX-XXXX"}, "date_of_birth": {"type": "string", "format": "date"}, "patient_ssn": {"type": "string"}}}"#
    #expect(try findings(describing).isEmpty)
    let containing =
      #"{"properties": {"ssn": {"pattern": "^(512-43-8876|536-90-4399)$"}, "id": {"pattern": "^(MRN-00482913|MRN-00577120)$"}}}"#
    let found = try findings(containing)
    #expect(found.contains { $0.pointer == "/properties/ssn/pattern" && $0.category == .ssn && $0.level == .error })
    #expect(found.contains { $0.pointer == "/properties/id/pattern" && $0.category == .mrn })
  }

  @Test func propertyNamesAreSplitIntoWords() throws {
    let schema =
      #"{"properties": {"pt_482913_notes": {}, "maria_gonzalez_1984_03_12": {}, "patient_ssn": {}, "date_of_birth": {}}}"#
    let found = try findings(schema)
    #expect(found.contains { $0.pointer == "/properties/pt_482913_notes" && $0.category == .mrn })
    #expect(
      found.contains {
        $0.pointer == "/properties/maria_gonzalez_1984_03_12" && $0.category == .date && $0.level >= .warning
      })
    #expect(!found.contains { $0.pointer.hasSuffix("patient_ssn") || $0.pointer.hasSuffix("date_of_birth") })
  }

  @Test func patternPropertyLiteralsAreNames() throws {
    let found = try findings(
      #"{"type": "object", "patternProperties": {"^pt_(482913|557712)_notes$": {}, "^[a-z]+_\\d+$": {}}}"#)
    #expect(found.map(\.pointer) == ["/patternProperties/^pt_(482913|557712)_notes$"])
  }

  @Test func placeholdersAreNotes() throws {
    let schema =
      #"{"properties": {"ssn": {"const": "078-05-1120"}, "email": {"examples": ["someone@example.com"]}, "phone": {"default": "(617) 555-0123"}, "mbi": {"const": "1EG4-TE5-MK73"}}}"#
    let found = try findings(schema)
    #expect(found.count == 4)
    #expect(found.allSatisfy { $0.level == .note })
  }

  @Test func invalidValuesAreSilent() throws {
    let schema =
      #"{"properties": {"ssn": {"enum": ["000-12-3456", "666-12-3456", "912-34-5678"]}, "limit": {"const": 4294967296}, "size": {"default": 104857600}}}"#
    #expect(try findings(schema).isEmpty)
  }

  @Test func datesNeedAPersonContext() throws {
    let schema =
      #"{"properties": {"dob": {"enum": ["1984-03-12"]}, "api_version": {"const": "2023-06-01"}, "model": {"const": "claude-3-5-sonnet-20241022"}}}"#
    let found = try findings(schema)
    #expect(found.map(\.pointer) == ["/properties/dob/enum/0"])
    #expect(found.first?.category == .dob && found.first?.level == .error)
  }

  /// The provider caches titles and descriptions with the rest of the schema: prose
  /// weighs as a value does, and each value in it is found under its own cue.
  @Test func proseWeighsAsValues() throws {
    let schema =
      #"{"properties": {"a": {"description": "Patient Robert Okafor, DOB March 12, 1984, MRN 00482913", "const": "MRN 00482913"}}}"#
    #expect(try level(schema, at: "/properties/a/description") == .error)
    #expect(try level(schema, at: "/properties/a/const") == .error)
    let categories = Set(try findings(schema).filter { $0.pointer.hasSuffix("description") }.map(\.category))
    #expect(categories.isSuperset(of: [.mrn, .dob, .name]))
  }

  /// Pattern and name findings are made in one place: both point back at the `$ref`s
  /// that use the definition they sit in.
  @Test func everyFindingInADefinitionNamesItsUses() throws {
    let json =
      ##"{"properties": {"subscriber": {"$ref": "#/$defs/Member"}}, "$defs": {"Member": {"properties": {"ssn": {"const": "512-43-8876"}, "patient_name": {"const": "Maria Gonzalez"}}}}}"##
    let detector = try Detector(rules: Self.scanner.rules)
    let result = Self.scanner.scanBytes(Array(json.utf8), format: .json, reportPath: "t.json", detector: detector)
    let uses = Dictionary(
      result.findings.map { ($0.category, $0.relatedLocations.map(\.pointer.string)) }, uniquingKeysWith: { a, _ in a })
    #expect(uses[.ssn] == ["/properties/subscriber/$ref"])
    #expect(uses[.name] == ["/properties/subscriber/$ref"])
  }

  /// In prose, a person's name just before a date or a phone number makes it theirs
  /// (rules with `person-cue`); a public figure's name is no patient, and a date
  /// without a name before it stays a note.
  @Test func aPersonNameBeforeAValueIsItsContext() throws {
    #expect(
      try level(#"{"properties": {"a": {"title": "Maria Okafor (03/12/1984)"}}}"#, at: "/properties/a/title") == .error)
    let found = try findings(
      #"{"properties": {"a": {"description": "Maria Okafor, 617-239-8841"}, "b": {"description": "Released 03/12/1984."}}}"#
    )
    #expect(found.contains { $0.pointer == "/properties/a/description" && $0.category == .phone && $0.level == .error })
    #expect(found.filter { $0.pointer == "/properties/b/description" }.map(\.level).max() ?? .note == .note)
  }

  @Test func siblingDescriptionGivesContext() throws {
    let schema = #"{"properties": {"x": {"description": "The patient's medical record number", "enum": ["00482913"]}}}"#
    #expect(try level(schema, at: "/properties/x/enum/0") == .error)
  }

  @Test func promptOnlyStringsWeighLess() throws {
    let detector = try Detector(rules: Self.scanner.rules)
    let cached = SchemaContext(shape: "json-schema", isCached: true)
    let promptOnly = SchemaContext(shape: "prompt", isCached: false)
    func string(_ context: SchemaContext) -> ExtractedString {
      ExtractedString(
        text: "512-43-8876", site: .const, pointer: JSONPointer(escaped: "/const"),
        range: SourceRange(start: .init(line: 1, column: 1), end: .init(line: 1, column: 2)), context: context)
    }
    #expect(detector.detect([string(cached)], subschemas: [], file: "t").findings.first?.level == .error)
    #expect(detector.detect([string(promptOnly)], subschemas: [], file: "t").findings.first?.level == .warning)
    // Prompt-only prose loses one level for exposure and none for being prose: a
    // validated SSN and a date after its DOB cue are strong evidence, so warnings.
    func prose(_ text: String) -> ExtractedString {
      var string = string(promptOnly)
      string.text = text
      string.site = .description
      return string
    }
    #expect(detector.detect([prose("Member 512-43-8876")], subschemas: [], file: "t").findings.first?.level == .warning)
    #expect(detector.detect([prose("DOB 1984-03-12")], subschemas: [], file: "t").findings.first?.level == .warning)
  }

  @Test func specificShapeWinsOverFieldNameGuess() throws {
    let found = try findings(#"{"properties": {"member_id": {"const": "512-43-8876"}}}"#)
    #expect(found.map(\.category) == [.ssn])
  }

  @Test func findingsNeverCarryTheValue() throws {
    let detector = try Detector(rules: Self.scanner.rules)
    let result = Self.scanner.scanBytes(
      Array(#"{"properties": {"ssn": {"const": "512-43-8876"}}}"#.utf8), format: .json, reportPath: "t.json",
      detector: detector)
    let finding = try #require(result.findings.first)
    #expect(finding.revealedValue == nil)
    #expect(finding.mask == "[ssn, 11 chars]")
    #expect(!finding.reason.contains("512"))
  }

  @Test func hostilePatternGivesADiagnosticNotACrash() throws {
    let deep = String(repeating: "(", count: 3000) + "a" + String(repeating: ")", count: 3000)
    let detector = try Detector(rules: Self.scanner.rules)
    let json = #"{"type": "string", "pattern": ""# + deep + #""}"#
    let result = Self.scanner.scanBytes(Array(json.utf8), format: .json, reportPath: "t.json", detector: detector)
    #expect(result.diagnostics.contains { $0.code == .patternTooComplex && !$0.message.contains("((((") })
  }

  /// A regex too long to parse (8,000 SSNs, over 100 KB) still has its identifiers read,
  /// besides the warning.
  @Test func patternPastTheLengthCapIsStillRead() throws {
    let ssns = (0..<8000).map { String(format: "%03d-%02d-%04d", 100 + $0 % 600, 10 + $0 % 80, 1000 + $0) }
    let detector = try Detector(rules: Self.scanner.rules)
    let json =
      #"{"type": "object", "properties": {"id": {"type": "string", "pattern": "^("# + ssns.joined(separator: "|")
      + #")$"}}}"#
    let result = Self.scanner.scanBytes(Array(json.utf8), format: .json, reportPath: "t.json", detector: detector)
    #expect(result.diagnostics.contains { $0.code == .patternTooComplex })
    #expect(result.findings.contains { $0.ruleID == "us-ssn" && $0.site == .pattern })
  }

  @Test func nameWords() {
    #expect(NameWords.split("pt_482913Notes") == ["pt", "482913", "notes"])
    #expect(NameWords.split("patientFirstName") == ["patient", "first", "name"])
    #expect(NameWords.split("HTTPServerURL") == ["http", "server", "url"])
    #expect(NameWords.split("maria-gonzalez.1984-03-12") == ["maria", "gonzalez", "1984", "03", "12"])
    #expect(ContextWords(["max_tokens"]).contains("tokens"))
    #expect(!ContextWords(["page_size"]).contains("age"))
  }

  @Test func lexiconSeamConfirmsCandidates() throws {
    let pack = """
      version: 1
      pack: lexicon-test
      rules:
        - id: lexicon-pair
          name: Pair
          category: name
          sites: [const]
          regex: '\\b[A-Z][a-z]+ [A-Z][a-z]+\\b'
          lexicon: words.txt
          level: error
          precision: high
          security-severity: 5.0
          summary: s
          help: h
          examples: { match: [Ada Okafor], noMatch: [Main Street] }
      """
    let rules = try PackLoader.ruleSet(
      from: [("l.yaml", pack)], lexicons: [("words.txt", "# test\nada\nokafor\t1150\n")])
    let rule = try #require(rules.rule("lexicon-pair"))
    let detector = try Detector(rules: rules)
    #expect(try detector.verdict(rule, on: "Ada Okafor") == .valid)
    #expect(try detector.verdict(rule, on: "Main Street") == nil)
    #expect(throws: PackError.self) { try PackLoader.ruleSet(from: [("l.yaml", pack)]) }
  }
}
