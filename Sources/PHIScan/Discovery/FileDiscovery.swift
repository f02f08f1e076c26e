// Discovery owns turning command-line paths into the list of files to scan, each with
// the relative path reports use. It reads no file contents (ignore files aside).

/// A file to scan.
package struct DiscoveredFile: Sendable, Hashable {
  /// The path to open (`-` for standard input).
  package var path: String
  /// The path reports show: relative, forward slashes, never absolute (DESIGN.md 3).
  package var reportPath: String
  /// Named on the command line: scanned whatever its extension.
  package var isExplicit: Bool
  /// Size in bytes when discovered (0 for standard input); for progress only.
  package var size: Int

  package init(path: String, reportPath: String, isExplicit: Bool, size: Int = 0) {
    self.path = path
    self.reportPath = reportPath
    self.isExplicit = isExplicit
    self.size = size
  }

  /// True for `-`: the bytes come from standard input.
  package var isStandardInput: Bool { path == "-" }
}

package enum FileDiscovery {
  /// Extensions scanned when walking directories.
  package static let schemaExtensions: Set<String> = ["json", "jsonc", "jsonl", "ndjson", "yaml", "yml"]

  /// Expands `paths` (files, directories walked recursively, `-` for standard input)
  /// into files sorted by report path. `filter` applies to every file, named or walked,
  /// and its excludes prune whole directories. Problems become diagnostics; the rest
  /// is returned.
  package static func discover(
    _ paths: [String], root: String, options: DiscoveryOptions = .default, filter: PathFilter = PathFilter()
  ) -> (files: [DiscoveredFile], diagnostics: [Diagnostic]) {
    var files: [DiscoveredFile] = []
    let diagnostics = stream(paths, root: root, options: options, filter: filter) { files.append($0) }
    return (sortedForReport(files), diagnostics)
  }

  /// Walks as `discover` does, handing each file to `found` as soon as it is listed (in
  /// walk order, `--shard` applied), so that scanning can start before the walk ends.
  /// Returns the diagnostics. `sortedForReport` puts the files in `discover`'s order.
  package static func stream(
    _ paths: [String], root: String, options: DiscoveryOptions = .default, filter: PathFilter = PathFilter(),
    found: @escaping (DiscoveredFile) -> Void
  ) -> [Diagnostic] {
    let shard = options.shard
    var walk = Walk(options: options, filter: filter, root: FileSystem.realPath(root) ?? root) { file in
      if let shard, !file.isStandardInput, !shard.contains(reportPath: file.reportPath) { return }
      found(file)
    }
    for path in paths { walk.add(commandLinePath: path) }
    return walk.diagnostics
  }

  /// The path reports would give the file `path` if it were named on the command line
  /// (it need not exist yet: a report or baseline being written). Used to name config and
  /// baseline files in messages, and to keep a run from scanning what it writes.
  package static func reportPath(of path: String, root: String) -> String {
    Walk(options: .default, filter: PathFilter(), root: FileSystem.realPath(root) ?? root) { _ in }.explicitReportPath(
      path)
  }

  /// The report order of files: by report path, and in walk order where two share one
  /// (named files outside the root are reported by their name alone).
  package static func sortedForReport(_ files: [DiscoveredFile]) -> [DiscoveredFile] {
    reportOrder(of: files.map(\.reportPath)).map { files[$0] }
  }

  /// The indices of `reportPaths` in report order (see `sortedForReport`).
  package static func reportOrder(of reportPaths: [String]) -> [Int] {
    reportPaths.indices.sorted { a, b in
      reportPaths[a] != reportPaths[b] ? reportPaths[a] < reportPaths[b] : a < b
    }
  }

  /// The state of one discovery run.
  struct Walk {
    let options: DiscoveryOptions
    let filter: PathFilter
    /// Real path of the report root, with a trailing slash.
    let rootPrefix: String
    /// Receives each file as it is listed.
    let found: (DiscoveredFile) -> Void
    var diagnostics: [Diagnostic] = []
    /// Files already listed, by device and inode, so overlapping arguments and
    /// followed links never scan a file twice.
    var seen: Set<FileIdentity> = []
    var standardInputAdded = false

    init(options: DiscoveryOptions, filter: PathFilter, root: String, found: @escaping (DiscoveredFile) -> Void) {
      self.options = options
      self.filter = filter
      self.rootPrefix = root.hasSuffix("/") ? root : root + "/"
      self.found = found
    }

    mutating func add(commandLinePath path: String) {
      if path == "-" {
        if !standardInputAdded {
          standardInputAdded = true
          found(DiscoveredFile(path: "-", reportPath: options.standardInputName, isExplicit: true))
        }
        return
      }
      // Named paths are followed even when they are links: the user pointed at them.
      let info: FileInfo
      switch FileSystem.info(path, followLinks: true) {
      case .success(let found): info = found
      case .failure(let error):
        diagnostics.append(.cannotOpen(displayPath(path), error))
        return
      }
      switch info.kind {
      case .directory:
        guard let real = FileSystem.realPath(path) else {
          diagnostics.append(.unresolvableDirectory(displayPath(path)))
          return
        }
        walkTopDirectory(real)
      case .regular:
        let report = explicitReportPath(path)
        guard filter.admits(report), options.selection?.admitsFile(FileSystem.realPath(path) ?? path) ?? true else {
          return
        }
        addFile(path: path, reportPath: report, info: info, isExplicit: true)
      default:
        diagnostics.append(.notRegularFile(displayPath(path), info.kind, named: true))
      }
    }

    /// Report path of a named file: relative to the root when inside it, else its name.
    func explicitReportPath(_ path: String) -> String {
      let name = path.split(separator: "/").last.map(String.init) ?? path
      let parent = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
      let parentReal = FileSystem.realPath(parent.isEmpty ? "/" : parent) ?? parent
      let absolute = (parentReal.hasSuffix("/") ? parentReal : parentReal + "/") + name
      return relativeToRoot(absolute) ?? name
    }

    /// A path as the user typed it, made safe for a report (never absolute).
    func displayPath(_ path: String) -> String {
      guard path.hasPrefix("/") else { return path }
      return relativeToRoot(path) ?? (path.split(separator: "/").last.map(String.init) ?? path)
    }

    func relativeToRoot(_ absolute: String) -> String? {
      guard absolute.utf8.starts(with: rootPrefix.utf8) else { return nil }
      return String(decoding: absolute.utf8.dropFirst(rootPrefix.utf8.count), as: UTF8.self)
    }

    mutating func walkTopDirectory(_ real: String) {
      // Report paths: relative to the root when the directory is inside it, else
      // relative to the directory itself.
      let reportPrefix: String
      if real + "/" == rootPrefix {
        reportPrefix = ""
      } else if let relative = relativeToRoot(real) {
        reportPrefix = relative + "/"
      } else {
        reportPrefix = ""
      }
      var ignores = IgnoreStack()
      if options.respectIgnoreFiles {
        for ancestor in repositoryAncestors(of: real) {
          let (entered, problems) = ignores.entering(ancestor, reportPath: { displayPath($0) })
          ignores = entered
          diagnostics += problems
        }
      }
      var ancestors: Set<FileIdentity> = []
      walkDirectory(real, reportPrefix: reportPrefix, ignores: ignores, ancestors: &ancestors)
    }

    /// The directories above `directory` up to the root of its Git repository, outermost
    /// first, whose ignore files apply too; empty when it is not inside a repository.
    func repositoryAncestors(of directory: String) -> [String] {
      var chain: [String] = []
      var current = directory
      while true {
        if case .success = FileSystem.info(current + "/.git", followLinks: false) { return chain.reversed() }
        guard let slash = current.lastIndex(of: "/"), current != "/" else { return [] }
        current = slash == current.startIndex ? "/" : String(current[..<slash])
        chain.append(current)
      }
    }

    mutating func walkDirectory(
      _ directory: String, reportPrefix: String, ignores parentIgnores: IgnoreStack, ancestors: inout Set<FileIdentity>
    ) {
      guard case .success(let directoryInfo) = FileSystem.info(directory, followLinks: true) else { return }
      guard ancestors.insert(directoryInfo.identity).inserted else {
        diagnostics.append(.symlinkLoop(reportPrefix.isEmpty ? "." : String(reportPrefix.dropLast())))
        return
      }
      defer { ancestors.remove(directoryInfo.identity) }
      let entries: [FileSystem.DirectoryEntry]
      switch FileSystem.entries(of: directory) {
      case .success(let found): entries = found.sorted { $0.name < $1.name }
      case .failure(let error):
        diagnostics.append(.unreadableDirectory(reportPrefix.isEmpty ? "." : String(reportPrefix.dropLast()), error))
        return
      }
      var ignores = parentIgnores
      if options.respectIgnoreFiles {
        // Ignore files are looked for only when the listing has them (or `.git`, whose
        // `info/exclude` applies): three lookups per directory saved on every tree.
        let names = Set(entries.lazy.map(\.name).filter(IgnoreStack.fileNamesThatMatter.contains))
        let (entered, problems) = parentIgnores.entering(
          directory, present: names,
          reportPath: { reportPrefix + String(decoding: $0.utf8.dropFirst(directory.utf8.count + 1), as: UTF8.self) })
        ignores = entered
        diagnostics += problems
      }
      for entry in entries {
        let name = entry.name
        if name == ".git" { continue }
        if !options.includeHidden && name.hasPrefix(".") { continue }
        // A file the listing says is neither a directory nor a link, without a schema
        // extension, is never scanned nor reported: no lookup for it (most files of a
        // monorepo).
        if let kind = entry.kind, kind != .directory, kind != .symlink, !FileDiscovery.hasSchemaExtension(name) {
          continue
        }
        let path = directory == "/" ? "/" + name : directory + "/" + name
        let reportPath = reportPrefix + name
        var info: FileInfo
        if entry.kind == .directory {
          // `walkDirectory` looks the directory up itself (for its identity).
          info = FileInfo(kind: .directory, size: 0, identity: FileIdentity(device: 0, inode: 0))
        } else {
          guard case .success(let found) = FileSystem.info(path, followLinks: false) else { continue }
          info = found
        }
        if info.kind == .symlink {
          guard options.followSymlinks else { continue }
          switch FileSystem.info(path, followLinks: true) {
          case .success(let target): info = target
          case .failure(let error):
            diagnostics.append(.brokenSymlink(reportPath, error))
            continue
          }
        }
        let isDirectory = info.kind == .directory
        if options.respectIgnoreFiles, ignores.isIgnored(absolutePath: path, isDirectory: isDirectory) { continue }
        switch info.kind {
        case .directory:
          if filter.exclude.contains(where: { $0.matches(reportPath) })
            || !(options.selection?.admitsDirectory(path) ?? true)
          {
            continue
          }
          walkDirectory(path, reportPrefix: reportPath + "/", ignores: ignores, ancestors: &ancestors)
        case .regular:
          guard FileDiscovery.hasSchemaExtension(name), filter.admits(reportPath),
            options.selection?.admitsFile(path) ?? true
          else { continue }
          addFile(path: path, reportPath: reportPath, info: info, isExplicit: false)
        default:
          // Pipes, sockets and devices are never opened; say so only when the name
          // suggests the user expected it to be scanned.
          if FileDiscovery.hasSchemaExtension(name) {
            diagnostics.append(.notRegularFile(reportPath, info.kind, named: false))
          }
        }
      }
    }

    mutating func addFile(path: String, reportPath: String, info: FileInfo, isExplicit: Bool) {
      guard seen.insert(info.identity).inserted else { return }
      if let limit = options.maxFileSize, info.size > limit {
        diagnostics.append(.tooLarge(reportPath, size: info.size, limit: limit))
        return
      }
      found(DiscoveredFile(path: path, reportPath: reportPath, isExplicit: isExplicit, size: info.size))
    }
  }

  static func hasSchemaExtension(_ name: String) -> Bool {
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
    return schemaExtensions.contains(name[name.index(after: dot)...].lowercased())
  }

  /// `12.3 MiB`, `512 KiB`, `900 bytes`.
  static func describeSize(_ bytes: Int) -> String {
    let units = [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")]
    for (size, unit) in units where bytes >= size {
      let value = Double(bytes) / Double(size)
      return value >= 100 || value == value.rounded()
        ? "\(Int(value.rounded())) \(unit)" : "\((value * 10).rounded() / 10) \(unit)"
    }
    return "\(bytes) bytes"
  }
}
