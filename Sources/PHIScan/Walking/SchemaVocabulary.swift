/// The JSON Schema vocabulary, in one place: which keywords hold subschemas, data,
/// prose, regexes or property names, which are vocabulary only, and which make an object
/// a schema. The union of all drafts (03 to 2020-12) plus the OpenAPI and Gemini extras;
/// the walker, shape recognition, SDK description trailers and the packs' examples all
/// ask here.
enum SchemaVocabulary {
  /// Keywords whose value is one subschema.
  static let singleSubschema: Set<String> = [
    "additionalProperties", "additionalItems", "contains", "not", "if", "then", "else",
    "propertyNames", "unevaluatedItems", "unevaluatedProperties", "contentSchema",
  ]
  /// Keywords whose value is an array of subschemas (`items`, `extends` and `disallow` take
  /// either form: one schema in 2020-12, a tuple before it; draft-03 for the last two).
  static let subschemaArray: Set<String> = ["allOf", "anyOf", "oneOf", "prefixItems"]
  static let subschemaOneOrMany: Set<String> = ["items", "extends", "disallow"]
  /// Keywords whose value maps names to subschemas, with the site of their keys.
  static let subschemaMap: [String: Site] = [
    "properties": .propertyName, "patternProperties": .patternProperty,
    "$defs": .defsKey, "definitions": .defsKey, "dependentSchemas": .propertyName,
  ]
  /// Keywords whose value is data: each string (and number, and object key) inside is a
  /// candidate of that site. `example` is the OpenAPI and Gemini singular.
  static let dataKeywords: [String: Site] = [
    "enum": .enum, "const": .const, "default": .default, "examples": .examples, "example": .examples,
  ]
  /// Keywords whose string value is prose or a regex.
  static let textKeywords: [String: Site] = [
    "title": .title, "description": .description, "pattern": .pattern,
    "markdownDescription": .description, "deprecationMessage": .description,
  ]
  /// Keywords whose value is a list of property names.
  static let nameLists: Set<String> = ["required", "propertyOrdering"]
  /// Keywords whose value maps a property name to a list of property names (or, for
  /// `dependencies` before 2019-09, to a subschema).
  static let nameDependencies: Set<String> = ["dependentRequired", "dependencies"]
  /// Vocabulary: keyword values that name types, formats, references or bounds, never
  /// candidates (DESIGN.md 3). References are resolved separately, for context.
  static let vocabulary: Set<String> = [
    "type", "format", "$ref", "$schema", "$id", "id", "$anchor", "$dynamicRef", "$dynamicAnchor",
    "$recursiveRef", "$recursiveAnchor", "$vocabulary", "contentEncoding", "contentMediaType",
    "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength",
    "maxLength", "minItems", "maxItems", "minProperties", "maxProperties", "uniqueItems",
    "minContains", "maxContains", "readOnly", "writeOnly", "deprecated", "nullable", "strict",
    "divisibleBy",
  ]
  /// What the walker does with a keyword's value.
  enum Keyword {
    case data(Site), text(Site), subschemaMap(Site), nameList, nameDependencies
    case subschemas, singleSubschema, type, discriminator, vocabulary
  }

  /// Every keyword with its handling, so walking a member costs one hash lookup.
  static let keywords: [String: Keyword] = {
    var table: [String: Keyword] = [:]
    // Earlier entries win, in the order the tables are documented above.
    func add(_ names: some Sequence<String>, _ keyword: (String) -> Keyword) {
      for name in names where table[name] == nil { table[name] = keyword(name) }
    }
    add(dataKeywords.keys) { .data(dataKeywords[$0]!) }
    add(textKeywords.keys) { .text(textKeywords[$0]!) }
    add(subschemaMap.keys) { .subschemaMap(subschemaMap[$0]!) }
    add(nameLists) { _ in .nameList }
    add(nameDependencies) { _ in .nameDependencies }
    add(subschemaArray.union(subschemaOneOrMany)) { _ in .subschemas }
    add(singleSubschema) { _ in .singleSubschema }
    add(["type"]) { _ in .type }
    add(["discriminator"]) { _ in .discriminator }
    add(vocabulary) { _ in .vocabulary }
    return table
  }()

  /// `keywords` by name length and first byte: a lookup compares a name or two instead of
  /// hashing the key (once per member of every schema). Keywords are ASCII, and an ASCII
  /// name equals a key only when their bytes do, so other keys never match.
  static let keywordBuckets: [[(name: String, keyword: Keyword)]] = {
    var buckets = [[(name: String, keyword: Keyword)]](repeating: [], count: 32 * 128)
    for (name, keyword) in keywords.sorted(by: { $0.key < $1.key }) {
      buckets[name.utf8.count * 128 + Int(name.utf8.first!)].append((name, keyword))
    }
    return buckets
  }()

  static func keyword(_ key: String) -> Keyword? {
    let utf8 = key.utf8
    guard let first = utf8.first, first < 128, utf8.count < 32 else { return nil }
    for entry in keywordBuckets[utf8.count * 128 + Int(first)] where entry.name == key { return entry.keyword }
    return nil
  }

  /// Every keyword name the walker knows; an SDK trailer segment starts at one of these.
  static let knownKeywords: Set<String> = {
    var all = singleSubschema.union(subschemaArray).union(subschemaOneOrMany).union(vocabulary).union(nameLists).union(
      nameDependencies)
    all.formUnion(subschemaMap.keys)
    all.formUnion(dataKeywords.keys)
    all.formUnion(textKeywords.keys)
    all.formUnion(["discriminator", "$comment", "xml", "externalDocs", "enumDescriptions"])
    return all
  }()

  /// The keyword a string of `site` sits under in a schema (a pack example is checked
  /// there); nil for tool names, which sit in envelopes.
  static func keyword(holding site: Site) -> String? {
    switch site {
    case .const: return "const"
    case .enum: return "enum"
    case .default: return "default"
    case .examples: return "examples"
    case .pattern: return "pattern"
    case .title: return "title"
    case .description, .toolDescription: return "description"
    case .propertyName: return "properties"
    case .patternProperty: return "patternProperties"
    case .defsKey: return "$defs"
    case .required: return "required"
    case .other: return "x-example"
    case .toolName: return nil
    }
  }

  // MARK: recognizing a schema

  /// Type names of JSON Schema (and Gemini's upper-case spelling of them).
  static let schemaTypes: Set<String> = ["object", "array", "string", "integer", "number", "boolean", "null"]
  /// Keywords that, next to a `type`, make an object a schema.
  static let structureKeywords: Set<String> = [
    "properties", "items", "prefixItems", "enum", "const", "$defs", "definitions", "anyOf", "oneOf",
    "allOf", "$ref", "required", "additionalProperties", "patternProperties", "pattern", "format",
    "title", "description", "default", "examples", "minimum", "maximum", "minLength", "maxLength",
    "minItems", "maxItems", "multipleOf", "nullable",
  ]

  /// Keywords only a schema has (unlike `title`, `format` or `default`, which configs use too).
  static let definingKeywords: Set<String> = [
    "properties", "patternProperties", "items", "prefixItems", "enum", "const", "$defs", "definitions",
    "anyOf", "oneOf", "allOf", "not", "if", "then", "else", "pattern", "additionalProperties",
    "propertyNames", "dependentSchemas", "dependentRequired", "unevaluatedProperties", "$ref",
  ]

  /// Swagger 2.0 parameter, header and items keywords that make up its inline schema.
  static let swaggerSchemaKeywords: Set<String> = [
    "type", "format", "items", "collectionFormat", "default", "maximum", "exclusiveMaximum", "minimum",
    "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "enum",
    "multipleOf",
  ]
}
