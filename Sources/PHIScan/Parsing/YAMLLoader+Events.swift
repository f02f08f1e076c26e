import YAMLEvents

extension YAMLLoader {
  /// The documents of `body` built straight from libyaml's events, or nil when the stream
  /// needs Yams' reading: an anchor, alias or explicit tag, a collection as key, a key
  /// repeated in its mapping, a libyaml error, or a size or depth limit reached. Yams gives
  /// the same tree on every stream this accepts (a differential test and the YAML fuzzer
  /// check it). Without a Yams node, tag and event object per value or a dictionary of
  /// keys per mapping, loading takes less than half the instructions (92M -> 43M for the
  /// YAML of the benchmark's 433-file subset).
  @_spi(Differential)
  public static func loadFromEvents(_ body: [UInt8], limits: ParseLimits = .default) -> [Node]? {
    var builder = EventTreeBuilder(limits: limits)
    let read = body.withUnsafeBufferPointer { bytes in
      YAMLEventReader.read(bytes) { event in builder.take(event) }
    }
    guard read, !builder.declined, builder.open.isEmpty else { return nil }
    return builder.roots
  }
}

/// Assembles `Node`s from events with an explicit stack, applying the budget and depth
/// rules of `YAMLLoader.convert` (a rule that would throw declines instead, and Yams'
/// reading then reports it).
private struct EventTreeBuilder {
  struct Open {
    var isMapping: Bool
    var start: SourcePosition
    var members: [Member] = []
    var elements: [Node] = []
    /// A mapping's key waiting for its value.
    var key: (text: String, range: SourceRange)?
  }

  let limits: ParseLimits
  var nodesLeft: Int
  var open: [Open] = []
  var roots: [Node] = []
  var declined = false
  /// Start positions of the collections read so far: `convert` takes a repeated one for
  /// an alias's copy.
  var collectionStarts: Set<SourcePosition> = []

  init(limits: ParseLimits) {
    self.limits = limits
    self.nodesLeft = limits.maxYAMLNodes
  }

  /// Takes one event; false stops the reading.
  mutating func take(_ event: YAMLEvent) -> Bool {
    if event.isDecorated { return decline() }
    let start = SourcePosition(line: event.line, column: event.column)
    switch event.kind {
    case .streamStart, .documentStart, .documentEnd, .streamEnd:
      return true
    case .alias:
      return decline()
    case .scalar:
      let range = YAMLLoader.scalarRange(event.text, event.style, start: start)
      if let last = open.indices.last, open[last].isMapping, open[last].key == nil {
        open[last].key = (event.text, range)  // keys take no node budget, as in `convert`
        return true
      }
      guard admitNode() else { return decline() }
      return place(Node(YAMLLoader.scalarValue(event.text, event.style), range: range))
    case .sequenceStart, .mappingStart:
      if let last = open.last, last.isMapping, last.key == nil { return decline() }  // a collection as key
      guard admitNode(), collectionStarts.insert(start).inserted else { return decline() }
      open.append(Open(isMapping: event.kind == .mappingStart, start: start))
      return true
    case .sequenceEnd, .mappingEnd:
      guard let closed = open.popLast() else { return decline() }
      let range = SourceRange(start: closed.start, end: closed.start)
      if closed.isMapping {
        guard !Self.repeatsAKey(closed.members) else { return decline() }
        return place(Node(.object(closed.members), range: range))
      }
      return place(Node(.array(closed.elements), range: range))
    }
  }

  /// Counts one more node against the budget and checks its depth (the open collections).
  mutating func admitNode() -> Bool {
    nodesLeft -= 1
    return nodesLeft >= 0 && open.count <= limits.maxDepth
  }

  mutating func place(_ node: Node) -> Bool {
    guard let last = open.indices.last else {
      roots.append(node)
      return true
    }
    if open[last].isMapping {
      guard let key = open[last].key else { return decline() }
      open[last].members.append(Member(key: key.text, keyRange: key.range, value: node))
      open[last].key = nil
    } else {
      open[last].elements.append(node)
    }
    return true
  }

  mutating func decline() -> Bool {
    declined = true
    return false
  }

  /// Yams rejects a mapping whose keys compare equal as strings (plain and quoted keys
  /// alike resolve to `!!str` without a resolver's rules). Swift's `==` is the comparison
  /// Yams makes, canonical equivalence included.
  static func repeatsAKey(_ members: [Member]) -> Bool {
    if members.count <= 16 {
      for i in members.indices.dropFirst() {
        for j in 0..<i where members[i].key == members[j].key { return true }
      }
      return false
    }
    var seen = Set<String>(minimumCapacity: members.count)
    return members.contains { !seen.insert($0.key).inserted }
  }
}
