/// Walks one JSON Schema and extracts every string a provider would cache, with its site.
///
/// Driven by `SchemaVocabulary`: keywords that hold subschemas are walked as schemas,
/// keywords that hold instances (`enum`, `const`, `default`, `examples`, `example`) are
/// walked as data, so a property named `enum` is a property, never the keyword, and
/// `{"const": {"properties": "x"}}` is data. Every node is visited where it is written,
/// reachable or not: an unused `$defs` entry is transmitted (and cached) all the same.
@_spi(Internals) public enum SchemaWalker {
  /// The most `$ref` usages carried per string: enough to show where a definition is
  /// used without letting a definition used 5,000 times multiply memory.
  public static let maxRefUsages = 20

  /// Every candidate string of the schema at `node`, whose pointer is `pointer`.
  public static func extract(
    from node: Node, at pointer: JSONPointer, context: SchemaContext, source: SourceText? = nil
  ) -> [ExtractedString] {
    walk(node, at: pointer, context: context, source: source).strings
  }

  /// The strings of one schema plus notes about its references (remote ones are never
  /// fetched; dangling ones are reported).
  /// `document` is the whole document the schema sits in (with its pointer): a schema
  /// found inside other data (an OpenAPI component, a test-suite case) may refer to
  /// places outside itself, which then count as resolved rather than dangling.
  public static func walk(
    _ node: Node, at pointer: JSONPointer, context: SchemaContext, source: SourceText? = nil,
    document: (root: Node, pointer: JSONPointer)? = nil
  ) -> WalkResult {
    var strings: [ExtractedString] = []
    var subschemas: [Subschema] = []
    var workspace = SchemaWalk.Workspace()
    let notes = walk(
      node, at: pointer, context: context, source: source, document: document, appendingTo: &strings,
      subschemas: &subschemas, workspace: &workspace)
    return WalkResult(strings: strings, subschemas: subschemas, notes: notes)
  }

  /// Walks as `walk` does, appending the strings to `strings` and its subschemas to
  /// `subschemas` (a document with several schemas gathers them without copying each
  /// schema's strings once more) and keeping its per-node arrays in `workspace` for the
  /// next schema.
  static func walk(
    _ node: Node, at pointer: JSONPointer, context: SchemaContext, source: SourceText?,
    document: (root: Node, pointer: JSONPointer)?, appendingTo strings: inout [ExtractedString],
    subschemas: inout [Subschema], workspace: inout SchemaWalk.Workspace
  ) -> [Diagnostic] {
    var walk = SchemaWalk(context: context, source: source)
    walk.take(&workspace)
    defer { walk.giveBack(&workspace) }
    swap(&walk.output, &strings)
    swap(&walk.subschemas, &subschemas)
    defer { swap(&walk.subschemas, &subschemas) }
    walk.subschemaBase = Int32(walk.subschemas.count)
    walk.outputStart = walk.output.count
    walk.schema = (node, pointer)
    if let dialect = node["$schema"]?.string, dialect.contains("draft-04") || dialect.contains("draft-03") {
      walk.legacyIDs = true
    }
    var path = PropertyPath([])
    walk.walkSchema(node, pointer, &path, parent: -1, resource: 0, base: "")
    let result = walk.finish(document: document)
    strings = result.strings
    return result.notes
  }
}

extension SchemaWalker {
  /// Where local `#/...` references point, so that schemas kept under keywords JSON
  /// Schema does not define (`{"definitions": {"group": {"Item": {...}}}}`, Vega's
  /// `defs`) are walked as schemas rather than as data. Nested `$id` scopes are ignored
  /// here; resolution proper honours them.
  /// Targets depend only on the `$ref` text, so no pointer is built on the way down.
  static func collectLocalTargets(_ node: Node, root: JSONPointer, into walk: inout SchemaWalk) {
    switch node.value {
    case .object(let members):
      // By index, and by the kind of each value: members are read in place, and no
      // value's array is taken out just to see whether it has one.
      for i in members.indices {
        switch members[i].value.value {
        case .string(let text):
          guard members[i].key == "$ref", text.hasPrefix("#/"),
            let fragment = URIReference.percentDecoded(text.dropFirst())
          else { continue }
          let target = root.appending(fragment: fragment)
          walk.refTargets.insert(target)
          walk.refTargetParents.insert(target.droppingLastToken)
        case .object, .array:
          collectLocalTargets(members[i].value, root: root, into: &walk)
        case .number, .bool, .null:
          continue
        }
      }
    case .array(let elements):
      for i in elements.indices {
        switch elements[i].value {
        case .object, .array: collectLocalTargets(elements[i], root: root, into: &walk)
        case .string, .number, .bool, .null: continue
        }
      }
    case .string, .number, .bool, .null:
      break
    }
  }
}

/// What walking one schema gave.
@_spi(Internals) public struct WalkResult: Sendable {
  public var strings: [ExtractedString]
  /// The subschemas the strings belong to (`ExtractedString.subschema`).
  public var subschemas: [Subschema] = []
  /// Reference problems worth a note (external or dangling `$ref`s), never fatal.
  public var notes: [Diagnostic]
}

/// The property path of a schema node, built when first needed: most property subschemas
/// (`{"type": "string"}`) emit no string, and an array each would be built for nothing.
/// Passed `inout` to subschemas on the same path, so it is built at most once per property.
struct PropertyPath {
  private var names: [String]
  private var pending: String?

  init(_ names: [String], _ pending: String? = nil) {
    self.names = names
    self.pending = pending
  }

  var isEmpty: Bool { pending == nil && names.isEmpty }

  /// The names, outermost first.
  mutating func resolved() -> [String] {
    if let name = pending {
      pending = nil
      names.append(name)
    }
    return names
  }
}

/// The state of one walk: output plus what `$ref` resolution needs (schema nodes with
/// their parents, identifiers, anchors, references).
struct SchemaWalk {
  let context: SchemaContext
  let source: SourceText?
  var legacyIDs = false
  var output: [ExtractedString] = []
  /// The document's subschemas; this walk's own start at `subschemaBase`, in the order of
  /// its schema nodes.
  var subschemas: [Subschema] = []
  var subschemaBase: Int32 = 0
  /// Strings of `output` before this index were there before the walk (not its own).
  var outputStart = 0
  /// For each output string from `outputStart` on, the schema node whose usages it shares.
  var owner: [Int] = []
  var schemaPointers: [JSONPointer] = []
  var schemaParents: [Int] = []
  /// Whether a schema node sits under a property (so it has context of its own).
  var schemaIsNamed: [Bool] = []
  var identifiers: [String: Int] = [:]
  var anchors: [String: Int] = [:]
  var references: [Reference] = []
  /// The schema being walked (nil when walking data alone).
  var schema: (node: Node, pointer: JSONPointer)?
  /// Targets of local references, and their parents (see `collectLocalTargets`), collected
  /// when an unknown keyword first needs them: many schemas have none.
  var refTargets: Set<JSONPointer> = []
  var refTargetParents: Set<JSONPointer> = []
  var collectedRefTargets = false

  struct Reference {
    var text: String
    var location: RefUsage
    var resource: Int
    var base: String
    /// The property path where the reference is written: context for the definition.
    var path: [String]
  }

  init(context: SchemaContext, source: SourceText?) {
    self.context = context
    self.source = source
  }

  /// The arrays a walk fills once per schema node or string, kept between the walks of
  /// one document: a tool catalog is one walk per tool, and each grew its own from empty.
  struct Workspace {
    var schemaPointers: [JSONPointer] = []
    var schemaParents: [Int] = []
    var schemaIsNamed: [Bool] = []
    var owner: [Int] = []
    /// Room a first walk starts with: most tool schemas have fewer nodes.
    static let initialCapacity = 64
  }

  /// Takes `workspace`'s per-node arrays, emptied with their capacity kept.
  mutating func take(_ workspace: inout Workspace) {
    swap(&schemaPointers, &workspace.schemaPointers)
    swap(&schemaParents, &workspace.schemaParents)
    swap(&schemaIsNamed, &workspace.schemaIsNamed)
    swap(&owner, &workspace.owner)
    schemaPointers.removeAll(keepingCapacity: true)
    schemaParents.removeAll(keepingCapacity: true)
    schemaIsNamed.removeAll(keepingCapacity: true)
    owner.removeAll(keepingCapacity: true)
    if schemaPointers.capacity < Workspace.initialCapacity {
      schemaPointers.reserveCapacity(Workspace.initialCapacity)
      schemaParents.reserveCapacity(Workspace.initialCapacity)
      schemaIsNamed.reserveCapacity(Workspace.initialCapacity)
      owner.reserveCapacity(Workspace.initialCapacity)
    }
  }

  /// Hands the per-node arrays back to `workspace` for the next walk.
  mutating func giveBack(_ workspace: inout Workspace) {
    swap(&schemaPointers, &workspace.schemaPointers)
    swap(&schemaParents, &workspace.schemaParents)
    swap(&schemaIsNamed, &workspace.schemaIsNamed)
    swap(&owner, &workspace.owner)
  }

  /// `owner`: the schema node the string belongs to (its subschema, and whose `$ref`
  /// usages it shares); `keys`: object keys between that schema and the string.
  mutating func emit(
    _ text: String, _ site: Site, _ pointer: JSONPointer, _ range: SourceRange, _ path: [String], owner schema: Int,
    keys: [String] = []
  ) {
    output.append(
      ExtractedString(
        text: text, site: site, pointer: pointer, range: range, context: context, propertyPath: path,
        subschema: subschemaBase + Int32(schema), dataKeys: keys))
    owner.append(schema)
  }

  // MARK: Schema mode

  /// `name`: the key that names the schema in its parent (a property name, a `$defs` key).
  mutating func walkSchema(
    _ node: Node, _ pointer: JSONPointer, _ path: inout PropertyPath, parent: Int, named name: String? = nil,
    resource inherited: Int, base inheritedBase: String
  ) {
    // Joined once here: every member below appends to it, and `finish` reads it.
    let pointer = pointer.joined
    let index = schemaPointers.count
    schemaPointers.append(pointer)
    schemaParents.append(parent)
    schemaIsNamed.append(!path.isEmpty)
    subschemas.append(Subschema(pointer: pointer, parent: parent >= 0 ? subschemaBase + Int32(parent) : -1, name: name))
    guard let members = node.members else {
      // `true`/`false` schemas hold nothing; anything else here is malformed but its
      // strings still travel with the schema.
      switch node.value {
      case .bool, .null: break
      default: walkData(node, pointer, .other, path.resolved(), owner: index)
      }
      return
    }
    var resource = index == 0 ? 0 : inherited
    var base = inheritedBase
    registerIdentifiers(members, index: index, path: &path, resource: &resource, base: &base)

    for memberIndex in members.indices {
      // The keyword first, read in place: vocabulary members are skipped without
      // copying their key and value out of the array.
      let keyword = SchemaVocabulary.keyword(members[memberIndex].key)
      if case .vocabulary = keyword { continue }
      // A `type` naming types is vocabulary too; only draft-03 unions hold schemas.
      if case .type = keyword, members[memberIndex].value.elements == nil { continue }
      let member = members[memberIndex]
      let key = member.key
      let value = member.value
      // Pointers are built only past vocabulary (`type`, `format` and bounds never need
      // one), and a keyword that only holds entries (`properties`, `enum`, `anyOf`) gets
      // no pointer of its own: each entry's is built from this schema's in one go.
      switch keyword {
      case .data(let site):
        if key == "enum" || key == "examples", let elements = value.elements {
          // The list's pointer is joined once: its members' pointers then stay unjoined
          // with it as their parent, which is how enums are grouped.
          let list = pointer.appending(key).joined
          for (i, element) in elements.enumerated() {
            walkData(element, list.appending(index: i), site, path.resolved(), owner: index)
          }
        } else {
          walkData(value, pointer.appending(key), site, path.resolved(), owner: index)
        }
      case .text(let site):
        let here = pointer.appending(key)
        if let text = value.string {
          emit(text, site, here, value.range, path.resolved(), owner: index)
          if site == .description { emitTrailer(of: value, text: text, pointer: here, path.resolved(), owner: index) }
        } else {
          walkData(value, here, site, path.resolved(), owner: index)
        }
      case .subschemaMap(let keySite):
        guard let entries = value.members else {
          walkData(value, pointer.appending(key), .other, path.resolved(), owner: index)
          continue
        }
        for entry in entries {
          let entryPointer = pointer.appending(key, entry.key)
          // The key names the subschema: it belongs to that subschema (the next node).
          emit(entry.key, keySite, entryPointer, entry.keyRange, path.resolved(), owner: schemaPointers.count)
          if key == "properties" {
            var childPath = PropertyPath(path.resolved(), entry.key)
            walkSchema(
              entry.value, entryPointer, &childPath, parent: index, named: entry.key, resource: resource, base: base)
          } else {
            walkSchema(
              entry.value, entryPointer, &path, parent: index, named: entry.key, resource: resource, base: base)
          }
        }
      case .nameList:
        if let elements = value.elements {
          for (i, element) in elements.enumerated() {
            walkData(element, pointer.appending(key, index: i), .required, path.resolved(), owner: index)
          }
        }
      // Draft-03 `required: true` is a flag, not a name.
      case .nameDependencies:
        for entry in value.members ?? [] {
          let entryPointer = pointer.appending(key, entry.key)
          emit(entry.key, .propertyName, entryPointer, entry.keyRange, path.resolved(), owner: index)
          if let names = entry.value.elements {
            let entryPointer = entryPointer.joined
            for (i, name) in names.enumerated() {
              walkData(name, entryPointer.appending(index: i), .required, path.resolved(), owner: index)
            }
          } else if let name = entry.value.string {
            emit(name, .required, entryPointer, entry.value.range, path.resolved(), owner: index)  // draft-03
          } else {
            walkSchema(entry.value, entryPointer, &path, parent: index, resource: resource, base: base)
          }
        }
      case .subschemas:
        if let elements = value.elements {
          for (i, element) in elements.enumerated() {
            walkSchema(element, pointer.appending(key, index: i), &path, parent: index, resource: resource, base: base)
          }
        } else {
          walkSchema(value, pointer.appending(key), &path, parent: index, resource: resource, base: base)
        }
      case .singleSubschema:
        walkSchema(value, pointer.appending(key), &path, parent: index, resource: resource, base: base)
      case .type:
        // Draft-03 type unions may hold schemas; type names themselves are vocabulary.
        for (i, element) in (value.elements ?? []).enumerated() where element.members != nil {
          walkSchema(element, pointer.appending(key, index: i), &path, parent: index, resource: resource, base: base)
        }
      case .discriminator:
        walkDiscriminator(value, pointer.appending(key), path.resolved(), owner: index)
      case .vocabulary:
        continue
      case nil:
        var here = pointer.appending(key)
        collectRefTargetsOnce()
        // Joined once when it is looked up and may be appended to.
        if !refTargets.isEmpty || !refTargetParents.isEmpty { here = here.joined }
        if !refTargets.isEmpty, refTargets.contains(here) {
          // An unknown keyword that a `$ref` uses as a schema.
          emit(key, .defsKey, here, member.keyRange, path.resolved(), owner: schemaPointers.count)
          walkSchema(value, here, &path, parent: index, named: key, resource: resource, base: base)
        } else if !refTargetParents.isEmpty, refTargetParents.contains(here), let entries = value.members {
          // An unknown keyword grouping schemas that `$ref`s use.
          emit(key, .other, here, member.keyRange, path.resolved(), owner: index)
          for entry in entries {
            let entryPointer = here.appending(entry.key)
            emit(entry.key, .defsKey, entryPointer, entry.keyRange, path.resolved(), owner: schemaPointers.count)
            walkSchema(
              entry.value, entryPointer, &path, parent: index, named: entry.key, resource: resource, base: base)
          }
        } else {
          // Unknown keywords and `x-*` extensions: the key and every string of the value
          // travel with the schema.
          emit(key, .other, here, member.keyRange, path.resolved(), owner: index)
          walkData(value, here, .other, path.resolved(), owner: index, keys: [key])
        }
      }
    }
  }

  mutating func collectRefTargetsOnce() {
    guard !collectedRefTargets, let (node, pointer) = schema else { return }
    collectedRefTargets = true
    SchemaWalker.collectLocalTargets(node, root: pointer, into: &self)
  }

  /// OpenAPI/Pydantic `discriminator`: `propertyName` names a property; `mapping` keys are
  /// tag values (like `const`), its values are references.
  mutating func walkDiscriminator(_ value: Node, _ pointer: JSONPointer, _ path: [String], owner index: Int) {
    let pointer = pointer.joined
    for member in value.members ?? [] {
      let here = member.key == "mapping" ? pointer.appending(member.key).joined : pointer.appending(member.key)
      switch member.key {
      case "propertyName":
        walkData(member.value, here, .required, path, owner: index)
      case "mapping":
        for entry in member.value.members ?? [] {
          emit(entry.key, .const, here.appending(entry.key), entry.keyRange, path, owner: index)
        }
      default:
        walkData(member.value, here, .other, path, owner: index)
      }
    }
  }

  // MARK: Data mode

  /// Every string (and number, whose digits may be an identifier) inside a data value;
  /// object keys inside data are data too.
  /// `keys`: the object keys between the schema and `node`.
  mutating func walkData(
    _ node: Node, _ pointer: JSONPointer, _ site: Site, _ path: [String], owner index: Int, keys: [String] = []
  ) {
    switch node.value {
    case .string(let text), .number(let text):
      emit(text, site, pointer, node.range, path, owner: index, keys: keys)
    case .object(let members):
      let pointer = pointer.joined
      for member in members {
        let memberPointer = pointer.appending(member.key)
        emit(member.key, site, memberPointer, member.keyRange, path, owner: index, keys: keys)
        walkData(member.value, memberPointer, site, path, owner: index, keys: keys + [member.key])
      }
    case .array(let elements):
      let pointer = pointer.joined
      for (i, element) in elements.enumerated() {
        walkData(element, pointer.appending(index: i), site, path, owner: index, keys: keys)
      }
    case .bool, .null:
      break
    }
  }

  // MARK: SDK description trailers

  /// Anthropic's SDKs move keywords the API does not support into the description as a
  /// trailer, `"Text\n\n{pattern: ^(a|b)$, examples: ['x', 'y']}"`. The values keep
  /// their meaning, so each becomes a string of its original site, positioned inside
  /// the description token when the file's bytes allow it.
  mutating func emitTrailer(of node: Node, text: String, pointer: JSONPointer, _ path: [String], owner index: Int) {
    guard text.hasSuffix("}"), text.contains("{") else { return }
    let segments = DescriptionTrailer.segments(in: text)
    guard !segments.isEmpty else { return }
    let map = source?.map(stringAt: node.range.start, expected: text)
    for segment in segments {
      let range = map?.range(scalars: segment.scalars.lowerBound, segment.scalars.upperBound) ?? node.range
      emit(segment.text, segment.site, pointer, range, path, owner: index)
    }
  }

  // MARK: References

  /// Records `$id` (or draft-04 `id`), anchors and references among `members`, those of the
  /// schema at `index`.
  mutating func registerIdentifiers(
    _ members: [Member], index: Int, path: inout PropertyPath, resource: inout Int, base: inout String
  ) {
    // One pass for the first `$id`, `id`, `$anchor` and `$dynamicAnchor` (every schema node
    // comes here, and most have none of them).
    var firstID: Node?
    var firstLegacyID: Node?
    var anchor: Node?
    var dynamicAnchor: Node?
    var hasReference = false
    for i in members.indices {
      // Byte tests first: every key looked for starts with `$` or is the ASCII `id`.
      let utf8 = members[i].key.utf8
      guard utf8.first == UInt8(ascii: "$") || utf8.count == 2 else { continue }
      switch members[i].key {
      case "$id": if firstID == nil { firstID = members[i].value }
      case "id": if firstLegacyID == nil { firstLegacyID = members[i].value }
      case "$anchor": if anchor == nil { anchor = members[i].value }
      case "$dynamicAnchor": if dynamicAnchor == nil { dynamicAnchor = members[i].value }
      case "$ref", "$dynamicRef", "$recursiveRef": hasReference = true
      default: break
      }
    }
    let idNode = firstID != nil ? firstID : legacyIDs ? firstLegacyID : nil
    if let id = idNode?.string {
      if id.hasPrefix("#") {
        anchors["\(resource)#\(id.dropFirst())"] = index  // draft-06/07 plain-name anchor
      } else {
        let (uri, fragment) = URIReference.split(id)
        base = URIReference.resolve(uri, against: base)
        resource = index
        identifiers[base] = index
        if !fragment.isEmpty { anchors["\(index)#\(fragment)"] = index }
      }
    }
    if let name = anchor?.string { anchors["\(resource)#\(name)"] = index }
    if let name = dynamicAnchor?.string { anchors["\(resource)#\(name)"] = index }
    guard hasReference else { return }
    for member in members where member.key == "$ref" || member.key == "$dynamicRef" || member.key == "$recursiveRef" {
      guard let text = member.value.string else { continue }  // a property named `$ref` is not a reference
      let pointer = schemaPointers[index].appending(member.key).joined
      references.append(
        Reference(
          text: text, location: RefUsage(pointer: pointer, range: member.value.range), resource: resource, base: base,
          path: path.resolved()))
    }
  }

  /// How many joined property paths `finish` keeps for reuse: one per nesting level of
  /// the definitions being joined, more than most schemas nest.
  static let recentJoins = 8

  /// True when both arrays share one storage, so they are equal without comparing names
  /// (an equal array in other storage only misses the reuse). The pairs compared are alive
  /// meanwhile, so no other array can have taken their storage's place.
  static func sameStorage(_ a: [String], _ b: [String]) -> Bool {
    guard a.count == b.count else { return false }
    if a.isEmpty { return true }
    return a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }
  }

  enum Resolution {
    case schema(Int)
    /// The schema node at this pointer, if there is one (`finish` looks it up).
    case pointer(JSONPointer)
    case external
    case dangling
  }

  /// Resolves one reference to a schema node of this walk, without following chains
  /// (so cycles cost nothing) and without ever touching the network.
  func resolve(_ reference: Reference) -> Resolution {
    let (uri, rawFragment) = URIReference.split(reference.text)
    var resource = reference.resource
    if !uri.isEmpty {
      let absolute = URIReference.resolve(uri, against: reference.base)
      guard let embedded = identifiers[absolute] ?? identifiers[uri] else { return .external }
      resource = embedded
    }
    guard let fragment = URIReference.percentDecoded(rawFragment) else { return .dangling }
    if fragment.isEmpty { return .schema(resource) }
    if fragment.first != "/" {  // hasPrefix on a Substring compares generically, Character by Character
      return anchors["\(resource)#\(fragment)"].map { .schema($0) } ?? .dangling
    }
    return .pointer(schemaPointers[resource].appending(fragment: fragment))
  }

  /// True when a `#/...` reference names an existing node of the whole document.
  static func exists(_ reference: String, in root: Node) -> Bool {
    guard reference.hasPrefix("#/"), let fragment = URIReference.percentDecoded(String(reference.dropFirst())) else {
      return false
    }
    var node = root
    for token in JSONPointer(escaped: fragment).tokens {
      if let member = node.members?.first(where: { $0.key == token }) {
        node = member.value
      } else if let elements = node.elements, let index = Int(token), elements.indices.contains(index) {
        node = elements[index]
      } else {
        return false
      }
    }
    return true
  }

  /// Resolves references, attaches usages to the strings inside their targets, and
  /// returns the strings with notes about references that could not be resolved here.
  mutating func finish(document: (root: Node, pointer: JSONPointer)? = nil) -> WalkResult {
    guard !references.isEmpty else { return WalkResult(strings: output, notes: []) }
    var resolutions = references.map(resolve)
    // Index the schema pointers that references name: a pointer is hashed only when some
    // target has its length, which most of the (many) schema nodes do not.
    var wantedLength: [Bool] = []
    for case .pointer(let target) in resolutions {
      let length = target.string.utf8.count
      if length >= wantedLength.count { wantedLength += repeatElement(false, count: length + 1 - wantedLength.count) }
      wantedLength[length] = true
    }
    if !wantedLength.isEmpty {
      // Keyed by the targets (few, and often the same) rather than by every candidate node:
      // a candidate costs one lookup, and the first node with a target's pointer wins.
      var nodeOfTarget: [JSONPointer: Int] = [:]
      nodeOfTarget.reserveCapacity(resolutions.count)
      for case .pointer(let target) in resolutions { nodeOfTarget[target] = -1 }
      for (i, pointer) in schemaPointers.enumerated() {
        let length = pointer.string.utf8.count
        guard length < wantedLength.count, wantedLength[length] else { continue }
        if let node = nodeOfTarget[pointer], node < 0 { nodeOfTarget[pointer] = i }
      }
      for k in resolutions.indices {
        guard case .pointer(let target) = resolutions[k] else { continue }
        let node = nodeOfTarget[target] ?? -1
        resolutions[k] = node >= 0 ? .schema(node) : .dangling
      }
    }
    var usages: [Int: [RefUsage]] = [:]
    var usedAt: [Int: [String]] = [:]
    var external: [Reference] = []
    var dangling: [Reference] = []
    for (reference, resolution) in zip(references, resolutions) {
      switch resolution {
      case .schema(let target):
        usages[target, default: []].append(reference.location)
        if usedAt[target] == nil, !schemaIsNamed[target] { usedAt[target] = reference.path }
      case .external: external.append(reference)
      case .dangling, .pointer:
        if let document, Self.exists(reference.text, in: document.root) { continue }
        dangling.append(reference)
      }
    }
    var strings = output
    output = []  // the only reference left, so attaching usages below copies nothing
    if !usages.isEmpty {
      // Parents precede children, so one forward pass accumulates every enclosing target.
      // By schema index rather than hashed: every schema node is visited below.
      var ownUsages = [[RefUsage]?](repeating: nil, count: schemaPointers.count)
      for (target, locations) in usages { ownUsages[target] = locations }
      var inherited = [[RefUsage]](repeating: [], count: schemaPointers.count)
      for i in 0..<schemaPointers.count {
        let parent = schemaParents[i]
        var here = parent >= 0 ? inherited[parent] : []
        if let own = ownUsages[i], here.count < SchemaWalker.maxRefUsages {
          for location in own where here.count < SchemaWalker.maxRefUsages && !here.contains(location) {
            here.append(location)
          }
          here.sort { ($0.range.start, $0.pointer) < ($1.range.start, $1.pointer) }  // document order
        }
        inherited[i] = here
      }
      // A definition's strings get the property path of its first use as context
      // (`$defs/Member/properties/id` used by `properties/subscriber` reads as
      // `subscriber.id`); strings written under properties keep their own path.
      var contextPrefix = [[String]?](repeating: nil, count: schemaPointers.count)
      for (target, path) in usedAt { contextPrefix[target] = path }
      for i in 0..<schemaPointers.count where contextPrefix[i] == nil {
        let parent = schemaParents[i]
        if parent >= 0 { contextPrefix[i] = contextPrefix[parent] }
      }
      // Neighbouring strings share few (prefix, path) pairs (a property's key carries its
      // parent's path, its values their own): the joined paths of the last few pairs are
      // reused, one array for all their strings instead of one each.
      var recent: [(prefix: [String], path: [String], joined: [String])] = []
      recent.reserveCapacity(Self.recentJoins)
      var oldest = 0
      for k in outputStart..<strings.count {
        let schema = owner[k - outputStart]
        strings[k].relatedLocations = inherited[schema]
        guard let prefix = contextPrefix[schema], !prefix.isEmpty, !strings[k].propertyPath.starts(with: prefix) else {
          continue
        }
        if strings[k].propertyPath.isEmpty {
          strings[k].propertyPath = prefix  // the prefix alone: its own array, no copy
          continue
        }
        var hit: Int?
        for slot in recent.indices
        where Self.sameStorage(recent[slot].prefix, prefix)
          && Self.sameStorage(recent[slot].path, strings[k].propertyPath)
        {
          hit = slot
          break
        }
        if let hit {
          strings[k].propertyPath = recent[hit].joined
          continue
        }
        let joined = prefix + strings[k].propertyPath
        if recent.count < Self.recentJoins {
          recent.append((prefix, strings[k].propertyPath, joined))
        } else {
          recent[oldest] = (prefix, strings[k].propertyPath, joined)
          oldest = (oldest + 1) % Self.recentJoins
        }
        strings[k].propertyPath = joined
      }
    }
    var notes: [Diagnostic] = []
    if let first = external.first { notes.append(.externalRefs(external.count, firstAt: first.location.range.start)) }
    if let first = dangling.first { notes.append(.danglingRefs(dangling.count, firstAt: first.location.range.start)) }
    return WalkResult(strings: strings, notes: notes)
  }
}
