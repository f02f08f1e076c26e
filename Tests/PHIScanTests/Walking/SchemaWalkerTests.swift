import Testing

@_spi(Internals) @testable import PHIScan

@Suite struct SchemaWalkerTests {
  func strings(_ json: String) throws -> [ExtractedString] {
    let root = try JSONParser.parse(json).root
    return SchemaWalker.extract(from: root, at: .root, context: SchemaContext(shape: "json-schema", isCached: true))
  }

  func sites(_ json: String) throws -> [String: Site] {
    Dictionary(try strings(json).map { ($0.pointer.string, $0.site) }, uniquingKeysWith: { a, _ in a })
  }

  @Test func minimalKeywordsGetTheirSites() throws {
    let found = try sites(
      """
      {"title": "T", "properties": {"a/b~c": {"enum": ["x", 7], "const": "y", "pattern": "^z$", "items": {"default": "d"}}},
       "$defs": {"D": {"description": "desc", "examples": ["e"]}}, "required": ["a/b~c"], "type": "object", "format": "date"}
      """)
    #expect(found["/title"] == .title)
    #expect(found["/properties/a~1b~0c"] == .propertyName)
    #expect(found["/properties/a~1b~0c/enum/0"] == .enum)
    #expect(found["/properties/a~1b~0c/enum/1"] == .enum)
    #expect(found["/properties/a~1b~0c/const"] == .const)
    #expect(found["/properties/a~1b~0c/pattern"] == .pattern)
    #expect(found["/properties/a~1b~0c/items/default"] == .default)
    #expect(found["/$defs/D"] == .defsKey)
    #expect(found["/$defs/D/description"] == .description)
    #expect(found["/$defs/D/examples/0"] == .examples)
    #expect(found["/required/0"] == .required)
    #expect(found["/type"] == nil)
    #expect(found["/format"] == nil)
  }

  @Test func dataKeywordsAreDataAndPropertiesNamedLikeKeywordsAreProperties() throws {
    let found = try sites(#"{"properties": {"enum": {"type": "string"}, "const": {"const": {"enum": "v"}}}}"#)
    #expect(found["/properties/enum"] == .propertyName)
    #expect(found["/properties/const"] == .propertyName)
    #expect(found["/properties/const/const/enum"] == .const)
    #expect(found["/properties/const/const/enum"] != .enum)
  }

  @Test func propertyPathIsContext() throws {
    let all = try strings(#"{"properties": {"patient": {"properties": {"mrn": {"const": "A1"}}}}}"#)
    let const = try #require(all.first { $0.site == .const })
    #expect(const.propertyPath == ["patient", "mrn"])
  }

  @Test func rangesPointAtTheToken() throws {
    let marked = MarkedText("{\"properties\": {1️⃣\"k\": {\"const\": 2️⃣\"v\"}}}")
    let all = try strings(marked.text)
    let key = try #require(all.first { $0.site == .propertyName })
    let value = try #require(all.first { $0.site == .const })
    #expect(key.range.start.column == marked["1️⃣"].column)
    #expect(value.range.start.column == marked["2️⃣"].column)
  }
}

/// Keyword families, draft differences, references and scale.
@Suite struct SchemaWalkerCompletenessTests {
  func walk(_ json: String) throws -> WalkResult {
    let bytes = Array(json.utf8)
    let root = try JSONParser.parse(bytes).root
    return SchemaWalker.walk(
      root, at: .root, context: SchemaContext(shape: "json-schema", isCached: true), source: SourceText(bytes))
  }

  func sites(_ json: String) throws -> [String: Site] {
    Dictionary(try walk(json).strings.map { ($0.pointer.string, $0.site) }, uniquingKeysWith: { a, _ in a })
  }

  @Test func everySubschemaKeywordIsWalked() throws {
    let keywords = [
      "additionalProperties", "additionalItems", "contains", "not", "if", "then", "else", "propertyNames",
      "unevaluatedItems", "unevaluatedProperties", "contentSchema", "items",
    ]
    for keyword in keywords {
      let found = try sites(#"{"\#(keyword)": {"const": "c", "title": "t"}}"#)
      #expect(found["/\(keyword)/const"] == .const, "\(keyword)")
      #expect(found["/\(keyword)/title"] == .title, "\(keyword)")
    }
    for keyword in ["allOf", "anyOf", "oneOf", "prefixItems", "items"] {
      let found = try sites(#"{"\#(keyword)": [true, {"enum": ["e"]}]}"#)
      #expect(found["/\(keyword)/1/enum/0"] == .enum, "\(keyword)")
    }
    for (keyword, site) in [
      ("properties", Site.propertyName), ("patternProperties", .patternProperty), ("$defs", .defsKey),
      ("definitions", .defsKey), ("dependentSchemas", .propertyName),
    ] {
      let found = try sites(#"{"\#(keyword)": {"k": {"default": "d"}}}"#)
      #expect(found["/\(keyword)/k"] == site, "\(keyword)")
      #expect(found["/\(keyword)/k/default"] == .default, "\(keyword)")
    }
  }

  @Test func everyStringKeywordHasItsSite() throws {
    let found = try sites(
      """
      {"title": "t", "description": "d", "pattern": "^p$", "required": ["r"], "enum": ["e", 12, {"k": "v"}],
       "const": "c", "default": "f", "examples": ["x"], "example": "y", "dependentRequired": {"a": ["b"]},
       "x-vendor": {"note": "n"}, "$comment": "why", "propertyOrdering": ["o"],
       "discriminator": {"propertyName": "kind", "mapping": {"tag": "#/$defs/T"}},
       "format": "date", "type": "string", "$id": "https://example.test/s", "minLength": 3}
      """)
    #expect(found["/title"] == .title)
    #expect(found["/description"] == .description)
    #expect(found["/pattern"] == .pattern)
    #expect(found["/required/0"] == .required)
    #expect(found["/enum/0"] == .enum)
    #expect(found["/enum/1"] == .enum)  // numbers keep their lexeme: an identifier may be numeric
    #expect(found["/enum/2/k"] == .enum)  // keys inside data are data
    #expect(found["/const"] == .const)
    #expect(found["/default"] == .default)
    #expect(found["/examples/0"] == .examples)
    #expect(found["/example"] == .examples)
    #expect(found["/dependentRequired/a"] == .propertyName)
    #expect(found["/dependentRequired/a/0"] == .required)
    #expect(found["/x-vendor"] == .other)
    #expect(found["/x-vendor/note"] == .other)
    #expect(found["/$comment"] == .other)
    #expect(found["/propertyOrdering/0"] == .required)
    #expect(found["/discriminator/propertyName"] == .required)
    #expect(found["/discriminator/mapping/tag"] == .const)
    for vocabulary in ["/format", "/type", "/$id", "/minLength", "/discriminator/mapping/tag/0"] {
      #expect(found[vocabulary] == nil, "\(vocabulary) is vocabulary")
    }
  }

  @Test func draftDifferencesAreAllWalked() throws {
    // items as a tuple (draft-04..2019-09) and prefixItems (2020-12).
    let tuple = try sites(#"{"items": [{"const": "a"}, {"const": "b"}], "additionalItems": {"const": "c"}}"#)
    #expect(
      tuple["/items/0/const"] == .const && tuple["/items/1/const"] == .const
        && tuple["/additionalItems/const"] == .const)
    let prefix = try sites(#"{"prefixItems": [{"const": "a"}], "items": {"const": "b"}}"#)
    #expect(prefix["/prefixItems/0/const"] == .const && prefix["/items/const"] == .const)
    // definitions (draft-04..07) and $defs (2019-09+).
    let defs = try sites(#"{"definitions": {"A": {"const": "a"}}, "$defs": {"B": {"const": "b"}}}"#)
    #expect(defs["/definitions/A"] == .defsKey && defs["/definitions/A/const"] == .const)
    #expect(defs["/$defs/B"] == .defsKey && defs["/$defs/B/const"] == .const)
    // dependencies: array form (names) and schema form.
    let dependencies = try sites(
      #"{"dependencies": {"card": ["billing"], "ssn": {"properties": {"dob": {"const": "x"}}}}}"#)
    #expect(dependencies["/dependencies/card"] == .propertyName)
    #expect(dependencies["/dependencies/card/0"] == .required)
    #expect(dependencies["/dependencies/ssn"] == .propertyName)
    #expect(dependencies["/dependencies/ssn/properties/dob"] == .propertyName)
    #expect(dependencies["/dependencies/ssn/properties/dob/const"] == .const)
    // examples (draft-06+) and example (OpenAPI, Gemini).
    let examples = try sites(#"{"examples": ["a", {"k": "b"}], "example": {"k": "c"}}"#)
    #expect(
      examples["/examples/0"] == .examples && examples["/examples/1/k"] == .examples
        && examples["/example/k"] == .examples)
    // draft-03 type unions holding schemas, and `required: true` (a flag, not a name).
    let draft3 = try sites(#"{"type": ["string", {"const": "a"}], "required": true, "extends": {"const": "b"}}"#)
    #expect(draft3["/type/1/const"] == .const && draft3["/extends/const"] == .const && draft3["/required"] == nil)
  }

  @Test func dataIsNeverInterpretedAsSchema() throws {
    let found = try sites(##"{"const": {"properties": {"a": {"const": "x"}}}, "default": {"$ref": "#/nowhere"}}"##)
    #expect(found["/const/properties"] == .const)
    #expect(found["/const/properties/a/const"] == .const)
    #expect(found["/default/$ref"] == .default)
    #expect(try walk(##"{"default": {"$ref": "#/nowhere"}}"##).notes.isEmpty)
  }

  @Test func pointersEscapeTildeAndSlash() throws {
    let found = try sites(
      #"{"properties": {"a/b": {"properties": {"c~d": {"enum": ["x"]}}}}, "patternProperties": {"^x/y~$": true}}"#)
    #expect(found["/properties/a~1b"] == .propertyName)
    #expect(found["/properties/a~1b/properties/c~0d/enum/0"] == .enum)
    #expect(found["/patternProperties/^x~1y~0$"] == .patternProperty)
  }

  func related(_ result: WalkResult, _ pointer: String) -> [String] {
    result.strings.first { $0.pointer.string == pointer }?.relatedLocations.map(\.pointer.string) ?? [
      "<no string at \(pointer)>"
    ]
  }

  @Test func referencesGiveRefUsagesWithEscapesAndPercentDecoding() throws {
    let json = """
      {"properties": {"a": {"$ref": "#/$defs/slash~1field"}, "b": {"$ref": "#/$defs/tilde~0field"},
                      "c": {"$ref": "#/$defs/percent%25field"}, "d": {"$ref": "#/$defs/slash~1field"},
                      "e": {"$ref": "#/properties/a"}},
       "$defs": {"slash/field": {"const": "s"}, "tilde~field": {"const": "t"}, "percent%field": {"const": "p"}, "unused": {"const": "u"}}}
      """
    let result = try walk(json)
    #expect(related(result, "/$defs/slash~1field/const") == ["/properties/a/$ref", "/properties/d/$ref"])
    #expect(related(result, "/$defs/slash~1field") == ["/properties/a/$ref", "/properties/d/$ref"])  // the defs key too
    #expect(related(result, "/$defs/tilde~0field/const") == ["/properties/b/$ref"])
    #expect(related(result, "/$defs/percent%field/const") == ["/properties/c/$ref"])
    #expect(related(result, "/$defs/unused/const") == [])
    #expect(related(result, "/properties/a") == ["/properties/e/$ref"])  // refs need not target $defs
    #expect(result.notes.isEmpty)
    let usage = try #require(
      result.strings.first { $0.pointer.string == "/$defs/tilde~0field/const" }?.relatedLocations.first)
    let firstLine = String(json.split(separator: "\n")[0])
    let column =
      firstLine.distance(
        from: firstLine.startIndex, to: try #require(firstLine.range(of: "\"#/$defs/tilde")).lowerBound) + 1
    #expect(usage.range.start == SourcePosition(line: 1, column: column))
  }

  @Test func definitionsTakeThePropertyPathOfTheirFirstUse() throws {
    let result = try walk(
      ##"{"properties": {"subscriber": {"$ref": "#/$defs/Member"}, "dependent": {"$ref": "#/$defs/Member"}}, "$defs": {"Member": {"properties": {"ssn": {"const": "x"}}}, "Unused": {"const": "y"}}}"##
    )
    #expect(
      result.strings.first { $0.pointer.string == "/$defs/Member/properties/ssn/const" }?.propertyPath == [
        "subscriber", "ssn",
      ])
    #expect(result.strings.first { $0.pointer.string == "/$defs/Unused/const" }?.propertyPath == [])
    let intoProperties = try walk(##"{"properties": {"a": {"const": "x"}, "b": {"$ref": "#/properties/a"}}}"##)
    #expect(intoProperties.strings.first { $0.pointer.string == "/properties/a/const" }?.propertyPath == ["a"])
  }

  @Test func anchorsAndIDScopesResolve() throws {
    let result = try walk(
      """
      {"$id": "https://example.test/root.json",
       "properties": {"a": {"$ref": "#named"}, "b": {"$ref": "item.json#/$defs/inner"}, "c": {"$ref": "https://example.test/item.json"},
                      "d": {"$ref": "#legacy"}},
       "$defs": {"N": {"$anchor": "named", "const": "n"},
                 "Item": {"$id": "item.json", "$defs": {"inner": {"const": "i"}}, "title": "item"},
                 "L": {"$id": "#legacy", "const": "l"}}}
      """)
    #expect(related(result, "/$defs/N/const") == ["/properties/a/$ref"])
    #expect(related(result, "/$defs/Item/$defs/inner/const") == ["/properties/b/$ref", "/properties/c/$ref"])
    #expect(related(result, "/$defs/Item/title") == ["/properties/c/$ref"])
    #expect(related(result, "/$defs/L/const") == ["/properties/d/$ref"])
    #expect(result.notes.isEmpty)
  }

  @Test func cyclesAreSafe() throws {
    let result = try walk(
      """
      {"$ref": "#", "$defs": {"Node": {"properties": {"next": {"$ref": "#/$defs/Node"}, "other": {"$ref": "#/$defs/Other"}}, "const": "n"},
                              "Other": {"properties": {"back": {"$ref": "#/$defs/Node"}}, "const": "o"}}}
      """)
    #expect(
      Set(related(result, "/$defs/Node/const")) == [
        "/$ref", "/$defs/Node/properties/next/$ref", "/$defs/Other/properties/back/$ref",
      ])
    #expect(related(result, "/$defs/Other/const").contains("/$defs/Node/properties/other/$ref"))
  }

  @Test func remoteAndDanglingReferencesAreNotedNeverFetched() throws {
    let result = try walk(
      ##"{"properties": {"a": {"$ref": "https://example.test/remote.json#/x"}, "b": {"$ref": "#/$defs/missing"}, "c": {"$ref": "other.json"}}}"##
    )
    #expect(result.notes.map(\.code) == [.externalRef, .danglingRef])
    #expect(result.notes[0].message.hasPrefix("2 external $refs not followed"))
    // A reference is never echoed.
    #expect(!result.notes.contains { $0.message.contains("remote.json") || $0.message.contains("missing") })
  }

  @Test func unknownKeywordsUsedByReferencesAreSchemas() throws {
    let found = try sites(
      ##"{"properties": {"a": {"$ref": "#/groups/Member"}}, "groups": {"Member": {"properties": {"id": {"const": "x"}}}}}"##
    )
    #expect(found["/groups/Member"] == .defsKey)
    #expect(found["/groups/Member/properties/id"] == .propertyName)
    #expect(found["/groups/Member/properties/id/const"] == .const)
  }

  @Test func sdkDescriptionTrailersKeepTheirSites() throws {
    let json =
      #"{"description": "Member id\n\n{pattern: ^(512-43-8876|unknown)$, minLength: 3, examples: ['512-43-8877', '512-43-8878'], x-note: 512-43-8879}"}"#
    let strings = try walk(json).strings
    let trailer = strings.filter { $0.pointer.string == "/description" && $0.site != .description }
    #expect(trailer.map(\.site) == [.pattern, .examples, .examples, .other])
    #expect(trailer.map(\.text) == ["^(512-43-8876|unknown)$", "512-43-8877", "512-43-8878", "512-43-8879"])
    // Positions inside the token, across the two `\n` escapes.
    let column = Array(json.unicodeScalars).firstIndex(of: "^").map { $0 + 1 }
    #expect(trailer.first?.range.start == SourcePosition(line: 1, column: try #require(column)))
    #expect(try walk(#"{"description": "Plain {braces} mid-text and {not: a trailer}"}"#).strings.count == 1)
  }

  @Test func hugeEnumIsWalkedCompletely() throws {
    let count = 100_000
    var json = #"{"properties": {"code": {"enum": ["#
    json += (0..<count).map { "\"v\($0)\"" }.joined(separator: ",")
    json += "]}}}"
    let strings = try walk(json).strings
    #expect(strings.count == count + 1)
    #expect(strings.last?.pointer.string == "/properties/code/enum/\(count - 1)")
    #expect(strings.last?.propertyPath == ["code"])
  }
}
