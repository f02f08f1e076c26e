import Testing

@testable import PHIScan

@Suite struct SchemaWalkerTests {
  func strings(_ json: String) throws -> [ExtractedString] {
    let root = try JSONParser.parse(json).root
    return SchemaWalker.extract(from: root, at: .root, context: SchemaContext(shape: "json-schema", isCached: true))
  }

  func sites(_ json: String) throws -> [String: Site] {
    Dictionary(try strings(json).map { ($0.pointer.string, $0.site) }, uniquingKeysWith: { a, _ in a })
  }

  @Test func minimalKeywordsGetTheirSites() throws {
    let found = try sites("""
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
