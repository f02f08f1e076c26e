/// What the lexicons know, by word: open addressing with linear probing and the name
/// gate's multiplicative hash over the key's two integers. `Dictionary` runs every key
/// through SipHash; on the 48,000 words of the lexicons that was most of building them
/// (the critical path of a small scan's start-up), and a cost on every lookup after.
struct NameTable: Sendable {
  /// A slot is empty when its key has no letters (no word is empty).
  private var keys: [NameKey]
  private var values: [NameEntry]
  private var mask: Int
  private(set) var count = 0

  init(minimumCapacity: Int = 16) {
    var size = 16
    while size < minimumCapacity * 2 { size <<= 1 }
    keys = Array(repeating: NameKey(), count: size)
    values = Array(repeating: NameEntry(), count: size)
    mask = size - 1
  }

  /// The slot holding `key`, or the empty slot where it would go.
  @inline(__always) private func slot(of key: NameKey) -> Int {
    var slot = NameGate.hash(key.high, key.low) & mask
    while keys[slot].count != 0 && keys[slot] != key { slot = (slot + 1) & mask }
    return slot
  }

  @inline(__always) subscript(key: NameKey) -> NameEntry? {
    let found = slot(of: key)
    return keys[found].count == 0 ? nil : values[found]
  }

  /// Changes the entry of `key`, starting from an empty entry when there is none.
  mutating func update(_ key: NameKey, _ change: (inout NameEntry) -> Void) {
    precondition(key.count > 0, "a lexicon word has at least one letter")
    if (count + 1) * 2 > keys.count { grow() }
    let found = slot(of: key)
    if keys[found].count == 0 {
      keys[found] = key
      count += 1
    }
    change(&values[found])
  }

  /// Doubles the table (at most half full keeps probe runs short).
  private mutating func grow() {
    var larger = NameTable(minimumCapacity: keys.count)
    for (key, value) in self { larger.update(key) { $0 = value } }
    self = larger
  }
}

extension NameTable: Sequence {
  /// The words and their entries, in no particular order.
  func makeIterator() -> AnyIterator<(key: NameKey, entry: NameEntry)> {
    var index = 0
    return AnyIterator {
      while index < keys.count {
        defer { index += 1 }
        if keys[index].count != 0 { return (keys[index], values[index]) }
      }
      return nil
    }
  }
}
