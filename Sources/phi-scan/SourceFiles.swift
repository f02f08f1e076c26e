import Foundation
import PHIScan

/// Finds a scanned file again from its report path: relative to the root, or under one
/// of the command-line paths (DESIGN.md 3). Used for code frames and allow-list values.
final class SourceFiles: @unchecked Sendable {
  private let root: String
  private let paths: [String]
  /// The report path of standard input, when it was scanned: a file on disk with that
  /// name holds other text, so it must never be used for frames or values.
  private let standardInputName: String?
  /// The last file loaded: reports ask for lines in file order, so one file is enough,
  /// and memory does not grow with the number of files that have findings.
  private var cache: (reportPath: String, lines: [String]?)?
  private let lock = NSLock()

  init(root: String, paths: [String], standardInputName: String? = nil) {
    self.root = root
    self.paths = paths.filter { $0 != "-" }
    self.standardInputName = paths.contains("-") ? standardInputName : nil
  }

  /// The path to open for a report path, or nil.
  func locate(_ reportPath: String) -> String? {
    guard reportPath != standardInputName else { return nil }
    var candidates = [(root as NSString).appendingPathComponent(reportPath)]
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
      if isDirectory.boolValue {
        candidates.append((path as NSString).appendingPathComponent(reportPath))
      } else if (path as NSString).lastPathComponent == reportPath || path.hasSuffix("/" + reportPath) {
        candidates.append(path)
      }
    }
    return candidates.first { FileManager.default.isReadableFile(atPath: $0) }
  }

  var lines: @Sendable (String) -> [String]? { { [self] in self.load($0) } }

  func load(_ reportPath: String) -> [String]? {
    lock.lock()
    defer { lock.unlock() }
    if let cache, cache.reportPath == reportPath { return cache.lines }
    var found: [String]?
    if let path = locate(reportPath), let data = FileManager.default.contents(atPath: path) {
      var bytes = [UInt8](data)
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
      // Split on bytes: as Characters, "\r\n" is one grapheme and would not split on "\n".
      found = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
        String(decoding: line.last == 0x0D ? line.dropLast() : line[...], as: UTF8.self)
      }
    }
    cache = (reportPath, found)
    return found
  }

  /// A path as reports name it: relative to the root when inside it, else as given
  /// when relative, else its file name (reports never hold absolute paths).
  static func displayPath(_ path: String, root: String) -> String {
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    let rootPath = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath().path
    if absolute.hasPrefix(rootPath + "/") { return String(absolute.dropFirst(rootPath.count + 1)) }
    return path.hasPrefix("/") ? (path as NSString).lastPathComponent : path
  }
}
