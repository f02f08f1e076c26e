/// How command-line paths become files: ignore files, hidden files, size limit,
/// symlinks, standard input and sharding (include/exclude globs are the scan's
/// `PathFilter`). Built once by the CLI or the config file.
public struct DiscoveryOptions: Sendable, Hashable {
  /// Honour `.gitignore`, `.ignore` and `.git/info/exclude` (`--no-ignore` turns it off).
  public var respectIgnoreFiles: Bool
  /// Walk into hidden files and directories (`--hidden`). `.git` is never walked.
  public var includeHidden: Bool
  /// Follow symbolic links met while walking (`--follow`); loops are detected and skipped.
  public var followSymlinks: Bool
  /// Files larger than this many bytes are skipped with a notification; nil = no limit.
  public var maxFileSize: Int?
  /// Scan only this deterministic share of the files (`--shard i/n`).
  public var shard: Shard?
  /// The report path used for standard input (`-`).
  public var standardInputName: String
  /// Only these files (`--staged`, `--changed-since`); nil = every file found.
  public var selection: FileSelection? = nil

  /// 50 MiB: generous for schemas, small enough that one stray dump cannot stall a scan.
  public static let defaultMaxFileSize = 50 * 1024 * 1024

  public init(
    respectIgnoreFiles: Bool = true, includeHidden: Bool = false, followSymlinks: Bool = false,
    maxFileSize: Int? = DiscoveryOptions.defaultMaxFileSize, shard: Shard? = nil, standardInputName: String = "stdin"
  ) {
    self.respectIgnoreFiles = respectIgnoreFiles
    self.includeHidden = includeHidden
    self.followSymlinks = followSymlinks
    self.maxFileSize = maxFileSize
    self.shard = shard
    self.standardInputName = standardInputName
  }

  public static let `default` = DiscoveryOptions()

  /// Parses a size such as `50M`, `512K`, `2G` or `1048576` (K, M, G are powers of 1024).
  public static func parseSize(_ text: String) -> Int? {
    var digits = Substring(text.trimmingWhitespace)
    var multiplier = 1
    switch digits.last.map({ Character($0.uppercased()) }) {
    case "K": multiplier = 1 << 10
    case "M": multiplier = 1 << 20
    case "G": multiplier = 1 << 30
    default: break
    }
    if multiplier > 1 { digits.removeLast() }
    guard let value = Int(digits), value >= 0 else { return nil }
    let (product, overflow) = value.multipliedReportingOverflow(by: multiplier)
    return overflow ? nil : product
  }
}

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

extension String {
  var trimmingWhitespace: Substring {
    var text = Substring(self)
    while text.first?.isWhitespace == true { text.removeFirst() }
    while text.last?.isWhitespace == true { text.removeLast() }
    return text
  }
}
