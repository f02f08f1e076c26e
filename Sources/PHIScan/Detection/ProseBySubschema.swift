/// Titles and descriptions by the subschema they describe (`ExtractedString.subschema`),
/// in document order. The texts sit in one list chained by subschema: a list per
/// subschema costs an allocation each.
struct ProseBySubschema {
  private var texts: [String] = []
  /// For each text, the position of the next text of its subschema (-1: the last).
  private var next: [Int] = []
  /// For each subschema with prose: its first and last text, and the words of its texts,
  /// split when first asked for (every string of the subschema, an enum's members or a
  /// title and its descriptions, has them in its context).
  private var ends: [Int32: (first: Int, last: Int, words: ContextWords.Words?)] = [:]

  init(_ strings: [ExtractedString]) {
    let count = strings.indices.reduce(0) {
      $0 + (strings[$1].site == .title || strings[$1].site == .description ? 1 : 0)
    }
    texts.reserveCapacity(count)
    next.reserveCapacity(count)
    // Room for every key up front: growing rehashes every key each time.
    ends.reserveCapacity(count)
    for index in strings.indices where strings[index].site == .title || strings[index].site == .description {
      let subschema = strings[index].subschema
      let position = texts.count
      texts.append(strings[index].text)
      next.append(-1)
      if let known = ends.index(forKey: subschema) {
        next[ends.values[known].last] = position
        ends.values[known].last = position
      } else {
        ends[subschema] = (position, position, nil)
      }
    }
  }

  /// The number of subschemas with prose.
  var count: Int { ends.count }

  /// Calls `body` with each text of `subschema`, in document order.
  func forEach(of subschema: Int32, _ body: (String) -> Void) {
    var position = ends[subschema]?.first ?? -1
    while position >= 0 {
      body(texts[position])
      position = next[position]
    }
  }

  /// The words of the texts of `subschema`, in document order.
  mutating func words(of subschema: Int32) -> ContextWords.Words {
    guard let entry = ends.index(forKey: subschema) else { return ContextWords.Words() }
    if let known = ends.values[entry].words { return known }
    var words = ContextWords.Words()
    forEach(of: subschema) { words.append($0) }
    words = words.sharing()
    ends.values[entry].words = words
    return words
  }

  /// The texts of `subschema`, or nil when it has none.
  subscript(subschema: Int32) -> [String]? {
    guard ends[subschema] != nil else { return nil }
    var found: [String] = []
    forEach(of: subschema) { found.append($0) }
    return found
  }
}
