extension DiscoveryOptions {
  /// One of `count` deterministic shares of the file list (`--shard index/count`, 1-based).
  /// A file's share depends only on its report path, so adding a file never moves others.
  public struct Shard: Sendable, Hashable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    public init?(index: Int, count: Int) {
      guard count >= 1, (1...count).contains(index) else { return nil }
      self.index = index
      self.count = count
    }

    /// Parses `i/n` with 1 <= i <= n.
    public init?(parsing text: String) {
      let parts = text.split(separator: "/", omittingEmptySubsequences: false)
      guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
      self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }

    /// A SARIF `automationDetails.id` that tells this shard's upload apart from the others.
    public var automationID: String { "phi-scan/shard-\(index)-of-\(count)/" }

    /// Whether the file with this report path belongs to this shard (FNV-1a, stable
    /// across runs, machines and Swift versions, unlike `Hasher`).
    public func contains(reportPath: String) -> Bool {
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      for byte in reportPath.utf8 {
        hash ^= UInt64(byte)
        hash &*= 0x100_0000_01b3
      }
      return Int(hash % UInt64(count)) == index - 1
    }
  }
}
