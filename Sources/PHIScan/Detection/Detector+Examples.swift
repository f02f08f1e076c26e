/// Rule examples read as production reads a schema: each example is a string at one of
/// the rule's sites, under a property named by `examples.context`, in a cached schema,
/// and goes through `detect` with every step a scanned file's strings go through
/// (cue windows, identifier runs, codes, samples, scoring). Built-in and user packs
/// are checked alike: at load for user packs, in the tests for built-in ones.
extension Detector {
  /// The sites an example is read at: the rule's first value site, first name site and
  /// first prose site, those it has (`ssn_512_43_8876` is an identifier example,
  /// "SSN 482 19 5530" a value one).
  static func exampleSites(_ rule: Rule) -> [Site] {
    let kinds: [[Site]] = [
      [.const, .enum, .default, .examples, .other, .pattern],
      [.propertyName, .toolName, .defsKey, .required, .patternProperty],
      [.description, .title, .toolDescription],
    ]
    return kinds.compactMap { $0.first(where: rule.sites.contains) }
  }

  /// True when the detector reports `example` for `rule` at one of its sites (at any
  /// level: placeholders count as matches, they are their own class). `context`: the
  /// enclosing property's name, or nil.
  public func flagsExample(_ rule: Rule, _ example: String, context: String?) -> Bool {
    Self.exampleSites(rule).contains { flagsExample(rule, example, context: context, at: $0) }
  }

  func flagsExample(_ rule: Rule, _ example: String, context: String?, at site: Site) -> Bool {
    let field = context ?? "field"
    let here = JSONPointer(escaped: "").appending("properties", field)
    let pointer: JSONPointer
    switch (site, SchemaVocabulary.keyword(holding: site)) {
    case (_, nil): pointer = JSONPointer(escaped: "/tools/0/name")
    case (.enum, let keyword?), (.examples, let keyword?), (.required, let keyword?):
      pointer = here.appending(keyword, index: 0)
    case (.propertyName, let keyword?), (.patternProperty, let keyword?), (.defsKey, let keyword?):
      pointer = here.appending(keyword, example)
    case (_, let keyword?): pointer = here.appending(keyword)
    }
    let range = SourceRange(start: SourcePosition(line: 1, column: 1), end: SourcePosition(line: 1, column: 1))
    let string = ExtractedString(
      text: example, site: site, pointer: pointer, range: range,
      context: SchemaContext(shape: "json-schema", isCached: true), propertyPath: context.map { [$0] } ?? [],
      subschema: 0,
      dataKeys: site == .other ? [SchemaVocabulary.keyword(holding: .other)!] : [])
    return detect([string], subschemas: [Subschema(pointer: here, parent: -1, name: context)], file: "example").findings
      .contains { $0.ruleID == rule.id }
  }
}
