/// Results of a pure function remembered by one detector (one worker, never shared
/// between threads), bounded so that a huge scan cannot grow it without limit: when
/// full it starts over.
final class BoundedMemo<Key: Hashable, Value> {
  let capacity: Int
  private(set) var values: [Key: Value] = [:]

  init(capacity: Int = 1_024) {
    self.capacity = capacity
    // Room for every entry up front: growing rehashes every key (long texts) each time.
    values.reserveCapacity(capacity)
  }

  subscript(key: Key) -> Value? { values[key] }

  func remember(_ key: Key, _ value: Value) {
    if values.count >= capacity { values.removeAll(keepingCapacity: true) }
    values[key] = value
  }
}
