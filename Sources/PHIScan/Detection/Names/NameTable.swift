/// What the lexicons know, by word: open addressing with linear probing and the name
/// gate's multiplicative hash over the key's two integers. `Dictionary` runs every key
/// through SipHash; on the 48,000 words of the lexicons that was most of building them
/// (the critical path of a small scan's start-up), and a cost on every lookup after.
/// A word and its entry share one slot, so a probe reads one place in memory: the table
/// is megabytes, and nearly every probe, while building it or matching names, misses the
/// cache.
struct NameTable: Sendable {
  /// A slot is empty when its key has no letters (no word is empty).
  fileprivate struct Slot {
    var key = NameKey()
    var entry = NameEntry()
  }

  private var slots: [Slot]
  private var mask: Int
  private(set) var count = 0

  init(minimumCapacity: Int = 16) {
    var size = 16
    while size < minimumCapacity * 2 { size <<= 1 }
    slots = Array(repeating: Slot(), count: size)
    mask = size - 1
  }

  /// The slot holding `key`, or the empty slot where it would go.
  @inline(__always) private func slot(of key: NameKey) -> Int {
    var slot = NameGate.hash(key.high, key.low) & mask
    while slots[slot].key.count != 0 && slots[slot].key != key { slot = (slot + 1) & mask }
    return slot
  }

  @inline(__always) subscript(key: NameKey) -> NameEntry? {
    let found = slot(of: key)
    return slots[found].key.count == 0 ? nil : slots[found].entry
  }

  /// Changes the entry of `key`, starting from an empty entry when there is none.
  @inline(__always) mutating func update(_ key: NameKey, _ change: (inout NameEntry) -> Void) {
    precondition(key.count > 0, "a lexicon word has at least one letter")
    if (count + 1) * 2 > slots.count { grow() }
    let found = slot(of: key)
    if slots[found].key.count == 0 {
      slots[found].key = key
      count += 1
    }
    change(&slots[found].entry)
  }

  /// Doubles the table (at most half full keeps probe runs short).
  private mutating func grow() {
    var larger = NameTable(minimumCapacity: slots.count)
    for (key, entry) in self { larger.update(key) { $0 = entry } }
    self = larger
  }
}

extension NameTable: Sequence {
  /// The words and their entries, in no particular order.
  struct Iterator: IteratorProtocol {
    fileprivate let slots: [Slot]
    fileprivate var index = 0

    mutating func next() -> (key: NameKey, entry: NameEntry)? {
      while index < slots.count {
        defer { index += 1 }
        if slots[index].key.count != 0 { return (slots[index].key, slots[index].entry) }
      }
      return nil
    }
  }

  func makeIterator() -> Iterator { Iterator(slots: slots) }
  var underestimatedCount: Int { count }
}
