/// The rules of one `.gitignore` or `.ignore` file, matched against paths relative to
/// the directory that holds it. Git's semantics: blank lines and `#` comments are
/// skipped, `!` re-includes, a trailing `/` matches directories only, a pattern with an
/// inner or leading `/` is anchored at the file's directory, and the last matching
/// line wins.
struct IgnoreFile: Sendable {
  struct Rule: Sendable {
    var glob: GitignoreGlob
    var negated: Bool
  }

  /// Absolute directory the patterns are relative to, with a trailing slash.
  var directoryPrefix: String
  var rules: [Rule]

  /// What the file says about a path: true = ignored, false = explicitly re-included,
  /// nil = no line matches.
  func verdict(relativePath: String, isDirectory: Bool) -> Bool? {
    for rule in rules.reversed() where rule.glob.matches(relativePath, isDirectory: isDirectory) {
      return !rule.negated
    }
    return nil
  }

  /// Parses the text of an ignore file; lines that are not valid globs are reported
  /// by line number and skipped (Git skips them too).
  static func parse(_ text: String, directory: String) -> (IgnoreFile, invalidLines: [(line: Int, reason: String)]) {
    var rules: [Rule] = []
    var invalid: [(Int, String)] = []
    for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      var line = Substring(rawLine)
      if line.last == "\r" { line.removeLast() }
      // Trailing spaces are dropped unless escaped with a backslash.
      while line.last == " ", !line.dropLast().hasSuffix("\\") { line.removeLast() }
      if line.isEmpty || line.first == "#" { continue }
      var negated = false
      if line.first == "!" {
        negated = true
        line.removeFirst()
      }
      do {
        rules.append(Rule(glob: try GitignoreGlob(String(line)), negated: negated))
      } catch {
        invalid.append((number + 1, error.reason))
      }
    }
    let prefix = directory.hasSuffix("/") ? directory : directory + "/"
    return (IgnoreFile(directoryPrefix: prefix, rules: rules), invalid)
  }
}

/// The ignore files in force for one directory, deepest first: a deeper file overrides a
/// shallower one, and at one level `.ignore` overrides `.gitignore`.
struct IgnoreStack: Sendable {
  var files: [IgnoreFile] = []

  /// Whether `absolutePath` is ignored.
  func isIgnored(absolutePath: String, isDirectory: Bool) -> Bool {
    for file in files {
      guard absolutePath.utf8.starts(with: file.directoryPrefix.utf8) else { continue }
      let relative = String(decoding: absolutePath.utf8.dropFirst(file.directoryPrefix.utf8.count), as: UTF8.self)
      if let verdict = file.verdict(relativePath: relative, isDirectory: isDirectory) { return verdict }
    }
    return false
  }

  /// The ignore files of a directory, highest precedence first, each with the name under
  /// which the directory's listing shows it is there.
  static let ignoreFiles: [(path: String, listedAs: String)] = [
    (".ignore", ".ignore"), (".gitignore", ".gitignore"), (".git/info/exclude", ".git"),
  ]

  /// The names in a directory's listing that bring ignore files.
  static let fileNamesThatMatter = Set(ignoreFiles.map(\.listedAs))

  /// This stack with the ignore files of `directory` on top (when it has any), and
  /// warnings about unreadable files or invalid lines. `present`: the names of
  /// `fileNamesThatMatter` the directory holds, when its listing is at hand (nil: look).
  func entering(_ directory: String, present: Set<String>? = nil, reportPath: (String) -> String) -> (
    IgnoreStack, [Diagnostic]
  ) {
    var added: [IgnoreFile] = []
    var diagnostics: [Diagnostic] = []
    for (name, listedAs) in Self.ignoreFiles {
      if let present, !present.contains(listedAs) { continue }
      let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
      guard case .success(let info) = FileSystem.info(path, followLinks: true), info.kind == .regular else { continue }
      guard case .success(let bytes) = FileSystem.readRegularFile(path, maxSize: 1 << 20) else {
        diagnostics.append(.unreadableIgnoreFile(reportPath(path)))
        continue
      }
      let (file, invalid) = IgnoreFile.parse(String(decoding: bytes, as: UTF8.self), directory: directory)
      for (line, reason) in invalid {
        diagnostics.append(.invalidIgnorePattern(reportPath(path), line: line, reason: reason))
      }
      if !file.rules.isEmpty { added.append(file) }
    }
    guard !added.isEmpty else { return (self, diagnostics) }
    return (IgnoreStack(files: added + files), diagnostics)
  }
}
