import Testing

@_spi(Internals) @testable import PHIScan

/// The person-name matcher on synthetic names and on the hard negatives of the
/// reference notes (section 8): what it finds, at which confidence, and what it leaves.
@Suite struct NameMatcherTests {
  static func outcome(_ text: String, _ site: Site, path: [String] = [], inNameEnum: Bool = false) -> String {
    guard
      let match = NameMatcher.match(text, context: NameContext(site: site, propertyPath: path, inNameEnum: inNameEnum))
    else { return "none" }
    return match.isPlaceholder ? "placeholder" : match.confidence.rawValue
  }

  /// Where a person's name is expected (a person-name field, or after a role cue), a
  /// word that is also a place word or a colour does not veto an exact two-word name;
  /// elsewhere it still does.
  @Test func namesExpectedReadAmbiguousWordsAsNames() {
    #expect(Self.outcome("Maria Hall", .examples, path: ["patient_name"]) == "high")
    #expect(Self.outcome("Maria Hall", .examples, path: ["venue"]) == "none")
    #expect(Self.outcome("Gonzalez, Rose", .const, path: ["patient_name"]) != "none")
    #expect(Self.outcome("Patient Laura Brown will call.", .description) == "high")
    #expect(Self.outcome("Laura Brown will call.", .description) == "none")
    // A short description that is only a cue and a name: the cue still says whose name.
    #expect(Self.outcome("Patient Maria Okafor", .description) == "high")
    // Prose is not weaker for being prose: a description that is an unambiguous full
    // name is that name; a weaker pair in a Title Case heading stays low.
    #expect(Self.outcome("Maria Okafor", .description) == "high")
    #expect(Self.outcome("Maria Okafor (03/12/1984)", .title) == "high")
    #expect(Self.outcome("Cast Nan To Int", .title) != "medium" && Self.outcome("Cast Nan To Int", .title) != "high")
    // Mr, Mrs and Ms are cues as well as titles.
    #expect(Self.outcome("Called Mr. Okafor about his results.", .description) == "high")
  }

  /// A field named for a person by role holds that person: its values read as a name
  /// field's would; prose under it describes the field. Two ambiguous name words count
  /// where a name is expected (name field, role cue), and the `Last, First` order too.
  @Test func roleFieldsAndCuesExpectNames() {
    #expect(Self.outcome("DOLORES PRICE", .default, path: ["guardian"]) == "high")
    #expect(Self.outcome("Baker, Ivy", .examples, path: ["insured_of_record"]) == "high")
    #expect(Self.outcome("DOLORES PRICE", .default, path: ["invoice"]) == "none")
    #expect(Self.outcome("Brown, Olive", .const, path: ["patient_name"]) == "high")
    #expect(Self.outcome("Brown, Olive", .const, path: ["palette"]) == "none")
    #expect(Self.outcome("Summary for Nancy White.", .description) == "high")
    #expect(Self.outcome("Nancy White paint.", .description) == "none")
    // Prose under a role field describes it; other words beside the role noun make it
    // something else than the person.
    #expect(Self.outcome("Patient Portal Login", .title, path: ["patient"]) == "none")
    #expect(Self.outcome("inpatient", .enum, path: ["patient"]) == "none")
    #expect(NameMatcher.personField(["patient_on_file"], .builtin) == .role)
    #expect(NameMatcher.personField(["patient_id"], .builtin) == .none)
    #expect(NameMatcher.personField(["patient_name"], .builtin) == .name)
    #expect(!NameMatcher.PersonField.role.expectsName(at: .description))
    // Surname first, as the whole identifier, when the second word can be no surname.
    #expect(Self.outcome("CarterNicole", .propertyName) == "high")
    #expect(Self.outcome("carter_nicole_notes", .propertyName) == "medium")
  }

  @Test(arguments: [
    ("Maria Gonzalez", "high"),
    ("Robert Okafor", "high"),
    ("Okafor, Robert", "high"),
    ("Gonzalez, Maria J.", "high"),
    ("Mrs. Gonzalez", "high"),
    ("Dr. Robert J. Okafor Jr.", "high"),
    ("Kathleen O'Brien", "high"),
    ("Siobhan O'Brien", "medium"),
    ("Emily Smith-Jones", "high"),
    ("José García López", "high"),
    ("Maria de la Cruz", "high"),
    ("MARIA GONZALEZ", "high"),
    ("maria gonzalez", "high"),
    ("Priya Okafor", "medium"),
    ("Maria Venkataramanan", "medium"),
    ("Emmet Snippets", "none"),
    ("Robert Snippetsen", "medium"),
    ("Emmet Config Snippets", "none"),
    ("LIN Replay Blocks", "none"),
    ("America/Costa_Rica", "none"),
    ("Priya Exampleton", "placeholder"),
    ("Wei Zhang", "low"),
    ("Krzysztof Wisniewski", "low"),
    ("Chidi Okonkwo", "none"),
    ("Jordan Brand", "none"),
    ("Mary Smith", "medium"),
    ("Will Johnson", "medium"),
    ("Jane Doe", "placeholder"),
    ("John Q. Public", "placeholder"),
    ("Max Mustermann", "placeholder"),
    ("Sophie40 Utgard849", "placeholder"),
    ("Parkinson's disease", "none"),
    ("Crohn's Disease", "none"),
    ("Hodgkin lymphoma", "none"),
    ("Johns Hopkins Hospital", "none"),
    ("Mount Sinai", "none"),
    ("Virginia Beach", "none"),
    ("Hunter Green", "none"),
    ("Grace Period", "none"),
    ("Hong Kong", "none"),
    ("San Jose", "none"),
    ("Los Angeles", "none"),
    ("St. Louis", "none"),
    ("Eli Lilly", "none"),
    ("Morgan Stanley", "none"),
    ("Arial Black", "none"),
    ("Ruby on Rails", "none"),
    ("Glasgow Coma Scale", "none"),
    ("Apgar score", "none"),
    ("Date Of Birth", "none"),
    ("Patient Name", "none"),
    ("May", "none"),
    ("Okafor", "none"),
    ("Self-Pay", "none"),
    ("Medicare Advantage", "none"),
  ])
  func values(text: String, expected: String) {
    #expect(Self.outcome(text, .const) == expected, "\(text)")
  }

  @Test(arguments: [
    ("patient_maria_gonzalez_1984_03_12", "high"),
    ("robertOkafor", "high"),
    ("maria-j-gonzalez", "high"),
    ("MariaGonzalez", "high"),
    ("gonzalez_maria", "medium"),
    ("sean_obrien", "high"),
    ("john_doe", "placeholder"),
    ("first_name", "none"),
    ("patient_last_name", "none"),
    ("minDockerVersion", "none"),
    ("hunter_score", "none"),
    ("mason_jar_count", "none"),
    ("date_of_birth", "none"),
    ("get_patient_by_mrn", "none"),
    ("ClaudeAi", "none"),
    ("max-len", "none"),
    ("SemVer", "none"),
    ("emergency_contact_name", "none"),
    ("grant_type", "none"),
    ("okafor", "none"),
  ])
  func identifiers(text: String, expected: String) {
    #expect(Self.outcome(text, .propertyName) == expected, "\(text)")
  }

  @Test(arguments: [
    // After a role cue the name is the record's subject: one level more.
    ("Patient Robert Okafor, DOB March 12, 1984, MRN 00482913", "high"),
    // A role cue and a link word ("Records for", "Chart of") work as "Patient" does.
    ("Records for Maria Okafor (MRN 00482913).", "high"),
    ("Discharge summary for Robert Okafor.", "high"),
    ("Maintained by Robert Okafor.", "medium"),
    ("Ask Will Johnson about it.", "low"),
    ("Ask Dr. Okafor before changing the dose.", "medium"),
    ("The patient's first name, as on the insurance card.", "none"),
    ("Parkinson's disease severity on the Hoehn and Yahr scale.", "none"),
    ("Our offices in San Jose and Hong Kong.", "none"),
    ("Compatible with Ruby and Julia.", "none"),
    ("Placeholder names such as John Doe are fine here.", "none"),
    ("Will be shown to the patient.", "none"),
    ("Mark the record as reviewed.", "none"),
    ("Call Angela Brooks at home before 5 pm.", "medium"),
    ("For example:\n```ts\nconst greeting = \"Maria Gonzalez\";\n```\nand `Kevin Nguyen` in code.", "none"),
  ])
  func prose(text: String, expected: String) {
    #expect(Self.outcome(text, .description) == expected, "\(text)")
  }

  @Test func loneNameNeedsPersonNameContext() {
    #expect(Self.outcome("Okafor", .const, path: ["patient", "last_name"]) == "medium")
    #expect(Self.outcome("Okafor", .const, path: ["patient", "surname"]) == "medium")
    #expect(Self.outcome("Grace", .const, path: ["first_name"]) == "low")
    #expect(Self.outcome("Okafor", .const, path: ["drug_name"]) == "none")
    #expect(Self.outcome("Okafor", .const, path: ["file_name"]) == "none")
    #expect(Self.outcome("April", .enum, path: ["first_name"]) == "none")
    #expect(Self.outcome("Doe", .const, path: ["last_name"]) == "placeholder")
    #expect(Self.outcome("Okafor", .enum, inNameEnum: true) == "medium")
    #expect(Self.outcome("Chidi Okonkwo", .enum, inNameEnum: true) == "medium")
    #expect(Self.outcome("Wei Zhang", .enum, inNameEnum: true) == "medium")
    #expect(Self.outcome("Mary Smith", .const, path: ["patient_name"]) == "high")
    #expect(Self.outcome("Jane", .const, path: ["first_name"]) == "placeholder")
    #expect(Self.outcome("Okafor", .const, path: ["languages", "name"]) == "none")
  }

  @Test func attributionIsAtMostLow() {
    let context = NameContext(site: .other, isAttribution: true)
    #expect(NameMatcher.match("Robert Okafor (https://example.org/rokafor)", context: context)?.confidence == .low)
    #expect(NameMatcher.isAttribution(["x-taplo-info", "authors", "0"]))
    #expect(!NameMatcher.isAttribution(["patient", "name"]))
  }

  @Test func personNameFieldsAreRecognized() {
    let lexicon = NameLexicon.builtin
    #expect(!NameMatcher.isPersonNameField(["languages", "name"], lexicon))
    #expect(NameMatcher.isPersonNameField(["patient", "name"], lexicon))
    #expect(NameMatcher.isPersonNameField(["contact", "name"], lexicon))
    for field in ["last_name", "patientName", "surname", "emergency_contact_name", "givenName", "mothers_maiden_name"] {
      #expect(NameMatcher.isPersonNameField([field], lexicon), "\(field)")
    }
    for field in ["file_name", "drug_name", "tool_name", "hostname", "city", "product_name"] {
      #expect(!NameMatcher.isPersonNameField([field], lexicon), "\(field)")
    }
    for (property, mentions) in [
      ("NAME", true), ("xMaiden", true), ("nickName", true), ("nam", false), ("", false), ("maide", false),
      ("n", false),
    ] {
      #expect(NameMatcher.mentionsNameField(property) == mentions, "\(property)")
    }
  }

  /// The one-pass search answers as an ASCII-case-insensitive `contains` of either word,
  /// on random strings built from their letters, capitals, neighbours and `é`.
  @Test func nameFieldSearchMatchesContains() {
    var generator = SeededGenerator(seed: 31)
    let pieces = [
      "n", "N", "a", "A", "m", "M", "e", "E", "i", "d", "D", "_", "é", "\u{4E}", "name", "maiden", "nam", "maide",
      "\u{6E}\u{301}",
    ]
    var mentioned = 0
    for _ in 0..<20_000 {
      let property = (0..<Int.random(in: 0...9, using: &generator)).map { _ in pieces.randomElement(using: &generator)!
      }.joined()
      let folded = String(decoding: property.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
      let expected = (Self.containsBytes(folded, "name") || Self.containsBytes(folded, "maiden"))
      #expect(NameMatcher.mentionsNameField(property) == expected, "\(property)")
      if expected { mentioned += 1 }
    }
    #expect(mentioned > 1_000)
  }

  static func containsBytes(_ text: String, _ word: String) -> Bool {
    let bytes = Array(text.utf8)
    let target = Array(word.utf8)
    guard bytes.count >= target.count else { return false }
    return (0...(bytes.count - target.count)).contains { Array(bytes[$0..<($0 + target.count)]) == target }
  }

  @Test func lexiconsLoadWithExpectedSizes() {
    let lexicon = NameLexicon.builtin
    let entries = lexicon.entries.map(\.entry)
    #expect(entries.filter { $0.given > 0 }.count > 15_000)
    #expect(entries.filter { $0.surname > 0 }.count > 23_000)
    #expect(lexicon.placeholderPhrases.contains("john doe"))
    #expect(lexicon.notPersonPhrases.contains("johns hopkins"))
  }

  @Test func tokenizerKeepsApostropheAndHyphenNames() {
    let words = NameTokenizer.textWords("Siobhan O'Brien-Smith, Crohn's")
    #expect(words.count == 3)
    #expect(words[1].hyphenParts.compactMap { $0?.string } == ["obrien", "smith"])
    #expect(words[1].after == .comma)
    #expect(words[2].isPossessive)
    #expect(
      NameTokenizer.identifierWords("patient_mariaGonzalez1984").compactMap { $0.key?.string } == [
        "patient", "maria", "gonzalez",
      ])
    #expect(NameTokenizer.textWords("Zoë Ångström").compactMap { $0.key?.string } == ["zoe", "angstrom"])
  }

  /// Folding reads a table worked out once for U+0080...U+024F: letters with diacritics
  /// fold to their base, the hand-made ligatures to two letters, the table's edges and
  /// everything past it to nothing.
  @Test func foldingTable() {
    func fold(_ scalar: Unicode.Scalar) -> String {
      let (first, second) = NameTokenizer.WordBuilder.folded(scalar)
      return String(decoding: [first, second].filter { $0 != 0 }, as: UTF8.self)
    }
    let expected: [(Unicode.Scalar, String)] = [
      ("A", "a"), ("z", "z"), ("1", ""), ("\u{80}", ""), ("\u{A0}", ""), ("À", "a"), ("é", "e"), ("Ñ", "n"),
      ("ß", "ss"), ("Æ", "ae"),
      ("Ø", "o"), ("Đ", "d"), ("ł", "l"), ("Œ", "oe"), ("ǅ", ""), ("ǎ", "a"), ("Ș", "s"), ("ɏ", ""), ("\u{250}", ""),
      ("ẞ", ""), ("Д", ""), ("日", ""),
    ]
    for (scalar, folded) in expected { #expect(fold(scalar) == folded, "U+\(String(scalar.value, radix: 16))") }
    // The table is the slow reading, scalar for scalar.
    for value in UInt32(0x80)..<0x250 {
      let scalar = Unicode.Scalar(value)!
      #expect(
        NameTokenizer.WordBuilder.folded(scalar) == NameTokenizer.WordBuilder.foldedLatin(scalar),
        "U+\(String(value, radix: 16))")
    }
  }
}
