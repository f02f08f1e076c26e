// Discovery owns turning command-line paths into the list of files to scan, each with
// the relative path reports use. It reads no file contents.
import Foundation

/// A file to scan.
public struct DiscoveredFile: Sendable, Hashable {
  /// The path to open.
  public var path: String
  /// The path reports show: relative, forward slashes, never absolute (DESIGN.md 3).
  public var reportPath: String
  /// Named on the command line: scanned whatever its extension.
  public var isExplicit: Bool
}

public enum FileDiscovery {
  /// Extensions scanned when walking directories.
  public static let schemaExtensions: Set<String> = ["json", "jsonl", "ndjson", "yaml", "yml"]

  /// Expands `paths` (files and directories, recursively) into files, sorted by report
  /// path. Missing paths become error diagnostics; the others are still returned.
  public static func discover(_ paths: [String], root: String) -> (files: [DiscoveredFile], diagnostics: [Diagnostic]) {
    let fileManager = FileManager.default
    let rootURL = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath()
    var files: [DiscoveredFile] = []
    var diagnostics: [Diagnostic] = []
    var seen: Set<String> = []

    func add(_ url: URL, base: URL, isExplicit: Bool) {
      let absolute = url.standardizedFileURL.resolvingSymlinksInPath().path
      guard seen.insert(absolute).inserted else { return }
      files.append(DiscoveredFile(path: url.path, reportPath: reportPath(absolute, root: rootURL.path, base: base), isExplicit: isExplicit))
    }

    for path in paths {
      var isDirectory: ObjCBool = false
      guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
        diagnostics.append(Diagnostic(severity: .error, code: "not-found", file: path, position: nil, message: "no such file or directory"))
        continue
      }
      let url = URL(fileURLWithPath: path)
      guard isDirectory.boolValue else {
        add(url, base: url.deletingLastPathComponent(), isExplicit: true)
        continue
      }
      let keys: [URLResourceKey] = [.isRegularFileKey, .isDirectoryKey]
      guard let enumerator = fileManager.enumerator(at: url, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles]) else {
        diagnostics.append(Diagnostic(severity: .error, code: "unreadable", file: path, position: nil, message: "the directory cannot be read"))
        continue
      }
      for case let fileURL as URL in enumerator {
        guard schemaExtensions.contains(fileURL.pathExtension.lowercased()) else { continue }
        guard (try? fileURL.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
        add(fileURL, base: url, isExplicit: false)
      }
    }
    files.sort { $0.reportPath < $1.reportPath }
    return (files, diagnostics)
  }

  /// Relative to `root` when inside it; otherwise relative to the command-line path
  /// (`base`) the file was found under.
  static func reportPath(_ absolute: String, root: String, base: URL) -> String {
    if absolute.hasPrefix(root + "/") { return String(absolute.dropFirst(root.count + 1)) }
    let basePath = base.standardizedFileURL.resolvingSymlinksInPath().path
    if absolute.hasPrefix(basePath + "/") { return String(absolute.dropFirst(basePath.count + 1)) }
    return URL(fileURLWithPath: absolute).lastPathComponent
  }
}
