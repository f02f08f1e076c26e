import Foundation

/// Where `.phi-scan.yml` is found when `--config` is not given: in the starting directory
/// or the nearest directory above it, up to the root of its Git repository (never above
/// it, so a stray config in a home directory does not apply to every checkout). Outside
/// a repository, only the starting directory counts.
package enum ConfigLookup {
  package struct Found: Sendable, Equatable {
    /// The config file's path.
    package var path: String
    /// The directory that holds it.
    package var directory: String

    /// The path as messages name it from `directory`: `.phi-scan.yml`, `../../.phi-scan.yml`.
    package func displayPath(from start: String) -> String {
      let from = (FileSystem.realPath(start) ?? start).split(separator: "/")
      let to = self.directory.split(separator: "/")
      var common = 0
      while common < min(from.count, to.count) && from[common] == to[common] { common += 1 }
      let up = Array(repeating: "..", count: from.count - common)
      return (up + to[common...].map(String.init) + [(path as NSString).lastPathComponent]).joined(separator: "/")
    }
  }

  package static func find(from start: String, name: String = ConfigFile.defaultName) -> Found? {
    let first = FileSystem.realPath(start) ?? start
    var current = first
    while true {
      let candidate = current == "/" ? "/" + name : current + "/" + name
      if case .success(let info) = FileSystem.info(candidate, followLinks: true), info.kind == .regular {
        return Found(path: candidate, directory: current)
      }
      // The repository's top directory: `.git` is a directory, or a file in a worktree.
      if case .success = FileSystem.info(current + "/.git", followLinks: false) { return nil }
      guard current != "/", let slash = current.lastIndex(of: "/") else { return nil }
      current = slash == current.startIndex ? "/" : String(current[..<slash])
      // Outside any repository only the starting directory is read.
      if !isInsideRepository(current) { return nil }
    }
  }

  /// True when `directory` or a directory above it holds `.git`.
  static func isInsideRepository(_ directory: String) -> Bool {
    var current = directory
    while true {
      if case .success = FileSystem.info(current + "/.git", followLinks: false) { return true }
      guard current != "/", let slash = current.lastIndex(of: "/") else { return false }
      current = slash == current.startIndex ? "/" : String(current[..<slash])
    }
  }
}
