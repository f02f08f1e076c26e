/// Files that `--staged` or `--changed-since REF` keep: discovery still walks the named
/// paths with every rule it has (extensions, ignore files, hidden, include and exclude)
/// and lists only the files in this set, so a changed `main.swift` is never scanned and
/// an unchanged schema is never read.
package struct FileSelection: Sendable, Hashable {
  /// Absolute real paths of the files to keep.
  package let files: Set<String>
  /// Every directory above them: the walk enters only these.
  let directories: Set<String>

  package init(files: Set<String>) {
    self.files = files
    var directories: Set<String> = ["/"]
    for file in files {
      var current = Substring(file)
      while let slash = current.lastIndex(of: "/"), slash != current.startIndex {
        current = current[..<slash]
        guard directories.insert(String(current)).inserted else { break }
      }
    }
    self.directories = directories
  }

  func admitsFile(_ path: String) -> Bool { files.contains(path) }
  func admitsDirectory(_ path: String) -> Bool { directories.contains(path) }
}
