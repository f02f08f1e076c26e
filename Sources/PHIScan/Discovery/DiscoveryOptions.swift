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
  public var shard: DiscoveryOptions.Shard?
  /// The report path used for standard input (`-`).
  public var standardInputName: String
  /// Only these files (`--staged`, `--changed-since`); nil = every file found.
  package var selection: FileSelection? = nil

  /// 50 MiB: generous for schemas, small enough that one stray dump cannot stall a scan.
  public static let defaultMaxFileSize = 50 * 1024 * 1024

  public init(
    respectIgnoreFiles: Bool = true, includeHidden: Bool = false, followSymlinks: Bool = false,
    maxFileSize: Int? = DiscoveryOptions.defaultMaxFileSize, shard: DiscoveryOptions.Shard? = nil,
    standardInputName: String = "stdin"
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

extension String {
  var trimmingWhitespace: Substring {
    var text = Substring(self)
    while text.first?.isWhitespace == true { text.removeFirst() }
    while text.last?.isWhitespace == true { text.removeLast() }
    return text
  }
}
