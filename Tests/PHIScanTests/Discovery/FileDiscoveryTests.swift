import Foundation
import Testing

@_spi(Internals) @testable import PHIScan

/// Discovery over temporary trees: ignore files, globs, hidden files, size limits,
/// symlinks, special files, report paths and shards.
@Suite struct FileDiscoveryTests {
  /// A fresh temporary directory holding `files` (path -> contents); returns its real path.
  static func tree(_ files: [String: String]) throws -> String {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("phi-scan-discovery-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
    for (path, text) in files {
      let url = base.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: false, encoding: .utf8)
    }
    return try #require(FileSystem.realPath(base.path))
  }

  static func discover(
    _ root: String, paths: [String]? = nil, _ options: DiscoveryOptions = .default, filter: PathFilter = PathFilter()
  ) -> (files: [String], diagnostics: [Diagnostic]) {
    let (files, diagnostics) = FileDiscovery.discover(paths ?? [root], root: root, options: options, filter: filter)
    return (files.map(\.reportPath), diagnostics)
  }

  @Test func streamingListsWhatDiscoverListsAndReportOrderKeepsWalkOrderOnTies() throws {
    let root = try Self.tree(["b/x.json": "{}", "a/x.json": "{}", "a-b/y.json": "{}", "c.yaml": "{}"])
    var streamed: [DiscoveredFile] = []
    _ = FileDiscovery.stream([root], root: root) { streamed.append($0) }
    // The walk visits `a` before `a-b`; report order puts `a-b/` first (`-` sorts before `/`).
    #expect(streamed.map(\.reportPath) == ["a/x.json", "a-b/y.json", "b/x.json", "c.yaml"])
    #expect(FileDiscovery.sortedForReport(streamed) == FileDiscovery.discover([root], root: root).files)
    #expect(
      FileDiscovery.sortedForReport(streamed).map(\.reportPath) == ["a-b/y.json", "a/x.json", "b/x.json", "c.yaml"])
    // Named files outside the root are reported by name: equal names keep the order given.
    let outside = try Self.tree(["one/x.json": "{}", "two/x.json": "{}"])
    for order in [["two", "one"], ["one", "two"]] {
      let files = FileDiscovery.discover(order.map { outside + "/" + $0 + "/x.json" }, root: root).files
      #expect(files.map(\.reportPath) == ["x.json", "x.json"])
      #expect(files.map(\.path) == order.map { outside + "/" + $0 + "/x.json" })
    }
  }

  @Test func walksSchemaExtensionsSortedAndSkipsHidden() throws {
    let root = try Self.tree([
      "b.json": "{}", "a.yaml": "{}", "sub/c.yml": "{}", "sub/d.jsonl": "{}", "sub/e.ndjson": "{}",
      "README.md": "x", "notes.txt": "x", ".hidden.json": "{}", ".dir/f.json": "{}", "UPPER.JSON": "{}",
    ])
    #expect(
      Self.discover(root).files == ["UPPER.JSON", "a.yaml", "b.json", "sub/c.yml", "sub/d.jsonl", "sub/e.ndjson"])
    let hidden = Self.discover(root, DiscoveryOptions(includeHidden: true)).files
    #expect(hidden.contains(".hidden.json") && hidden.contains(".dir/f.json"))
  }

  @Test func gitignoreNestedNegationAnchoredAndDirectoryPatterns() throws {
    let root = try Self.tree([
      ".gitignore": "# generated\n*.gen.json\n!keep.gen.json\n/top-only.json\nbuild/\n",
      "x.gen.json": "{}", "keep.gen.json": "{}", "top-only.json": "{}", "sub/top-only.json": "{}",
      "build/out.json": "{}", "sub/build/out.json": "{}", "build.json": "{}",
      "sub/.gitignore": "local.json\n!x.gen.json\n", "sub/local.json": "{}", "sub/x.gen.json": "{}",
      "other/local.json": "{}",
    ])
    #expect(
      Self.discover(root).files == [
        "build.json", "keep.gen.json", "other/local.json", "sub/top-only.json", "sub/x.gen.json",
      ])
    let all = Self.discover(root, DiscoveryOptions(respectIgnoreFiles: false)).files
    #expect(all.count == 10)
  }

  @Test func dotIgnoreOverridesGitignore() throws {
    let root = try Self.tree([
      ".gitignore": "*.yaml\n", ".ignore": "!wanted.yaml\n", "wanted.yaml": "{}", "other.yaml": "{}",
    ])
    #expect(Self.discover(root).files == ["wanted.yaml"])
  }

  @Test func ignoreFilesAboveTheScannedDirectoryApplyInsideARepository() throws {
    let root = try Self.tree([
      ".gitignore": "fixtures/\n*.tmp.json\n", "pkg/fixtures/a.json": "{}", "pkg/b.tmp.json": "{}", "pkg/c.json": "{}",
    ])
    // Not a repository: only the scanned directory's own ignore files count.
    #expect(
      Self.discover(root, paths: [root + "/pkg"]).files == ["pkg/b.tmp.json", "pkg/c.json", "pkg/fixtures/a.json"])
    try FileManager.default.createDirectory(atPath: root + "/.git", withIntermediateDirectories: true)
    #expect(Self.discover(root, paths: [root + "/pkg"]).files == ["pkg/c.json"])
  }

  @Test func gitInfoExcludeIsHonouredAndGitIsNeverWalked() throws {
    let root = try Self.tree([
      ".git/info/exclude": "private.json\n", ".git/config.json": "{}", "private.json": "{}", "public.json": "{}",
    ])
    #expect(Self.discover(root).files == ["public.json"])
    #expect(Self.discover(root, DiscoveryOptions(includeHidden: true)).files == ["public.json"])
  }

  @Test func includeAndExcludeGlobs() throws {
    let root = try Self.tree(["schemas/a.json": "{}", "schemas/gen/b.json": "{}", "tests/c.json": "{}", "d.yaml": "{}"])
    let include = PathFilter(include: [try Glob("schemas/**", anywhere: true)])
    #expect(Self.discover(root, filter: include).files == ["schemas/a.json", "schemas/gen/b.json"])
    // A directory name excludes the whole directory, which is not even walked.
    let exclude = PathFilter(exclude: [try Glob("gen", anywhere: true), try Glob("*.yaml", anywhere: true)])
    #expect(Self.discover(root, filter: exclude).files == ["schemas/a.json", "tests/c.json"])
    // The filter applies to named files too (pre-commit passes file names).
    let named = Self.discover(
      root, paths: [root + "/d.yaml", root + "/tests/c.json"],
      filter: PathFilter(include: [try Glob("tests/**", anywhere: true)]))
    #expect(named.files == ["tests/c.json"])
  }

  @Test func namedFilesAreScannedWhateverTheirExtensionOrName() throws {
    let root = try Self.tree([
      "tool.schema": "{}", ".secret.txt": "{}", "ignored.json": "{}", ".gitignore": "ignored.json\n",
    ])
    let (files, diagnostics) = Self.discover(
      root, paths: [root + "/tool.schema", root + "/.secret.txt", root + "/ignored.json"])
    #expect(files == [".secret.txt", "ignored.json", "tool.schema"])
    #expect(diagnostics.isEmpty)
  }

  @Test func largeFilesAreSkippedWithANotification() throws {
    let root = try Self.tree(["big.json": String(repeating: " ", count: 5000) + "{}", "small.json": "{}"])
    let (files, diagnostics) = Self.discover(root, DiscoveryOptions(maxFileSize: 1024))
    #expect(files == ["small.json"])
    #expect(diagnostics.count == 1)
    #expect(
      diagnostics.first?.code == .tooLarge && diagnostics.first?.file == "big.json"
        && diagnostics.first?.severity == .warning)
    #expect(Self.discover(root, DiscoveryOptions(maxFileSize: nil)).files.count == 2)
  }

  @Test func symlinksAreNotFollowedByDefaultAndLoopsAreHarmless() throws {
    let root = try Self.tree(["real/a.json": "{}", "elsewhere/b.json": "{}"])
    try FileManager.default.createSymbolicLink(atPath: root + "/real/link", withDestinationPath: root + "/elsewhere")
    try FileManager.default.createSymbolicLink(atPath: root + "/real/loop", withDestinationPath: root + "/real")
    try FileManager.default.createSymbolicLink(
      atPath: root + "/real/dangling.json", withDestinationPath: root + "/missing.json")
    #expect(Self.discover(root, paths: [root + "/real"]).files == ["real/a.json"])
    let (files, diagnostics) = Self.discover(root, paths: [root + "/real"], DiscoveryOptions(followSymlinks: true))
    #expect(files == ["real/a.json", "real/link/b.json"])
    #expect(diagnostics.contains { $0.code == .symlinkLoop && $0.file == "real/loop" })
    #expect(diagnostics.contains { $0.code == .brokenSymlink && $0.file == "real/dangling.json" })
    #expect(!diagnostics.contains { $0.severity == .error })
  }

  @Test func fifosAreNeverOpened() throws {
    let root = try Self.tree(["a.json": "{}"])
    #expect(mkfifo(root + "/pipe.json", 0o600) == 0)
    // A read of a FIFO with no writer would block forever; discovery must not open it.
    let (files, diagnostics) = Self.discover(root)
    #expect(files == ["a.json"])
    #expect(diagnostics.map(\.code) == [.notRegularFile])
    let named = Self.discover(root, paths: [root + "/pipe.json"])
    #expect(named.files.isEmpty)
    #expect(named.diagnostics.first?.severity == .error)
  }

  @Test func theListingGivesEachEntrysKind() throws {
    let root = try Self.tree(["a.json": "{}", "notes.txt": "x", "sub/b.json": "{}"])
    try FileManager.default.createSymbolicLink(atPath: root + "/link.json", withDestinationPath: root + "/a.json")
    #expect(mkfifo(root + "/pipe", 0o600) == 0)
    let entries = try FileSystem.entries(of: root).get()
    let kinds = Dictionary(uniqueKeysWithValues: entries.map { ($0.name, $0.kind) })
    // Linux file systems fill `d_type` in; where one leaves it unknown (nil), discovery
    // looks the entry up instead.
    for (name, expected) in [
      ("a.json", FileInfo.Kind.regular), ("notes.txt", .regular), ("sub", .directory), ("link.json", .symlink),
      ("pipe", .fifo),
    ] {
      #expect(kinds[name] == expected, "\(name)")
    }
  }

  @Test func missingPathsAreErrorsAndTheRestIsStillFound() throws {
    let root = try Self.tree(["a.json": "{}"])
    let (files, diagnostics) = Self.discover(root, paths: [root + "/nope", root])
    #expect(files == ["a.json"])
    #expect(diagnostics.map(\.code) == [.notFound])
    #expect(diagnostics.first?.file == "nope")
  }

  @Test(.enabled(if: getuid() != 0, "root reads everything"))
  func unreadableDirectoriesAreReported() throws {
    let root = try Self.tree(["ok/a.json": "{}", "locked/b.json": "{}"])
    #expect(chmod(root + "/locked", 0) == 0)
    defer { chmod(root + "/locked", 0o755) }
    let (files, diagnostics) = Self.discover(root)
    #expect(files == ["ok/a.json"])
    #expect(diagnostics.contains { $0.code == .unreadable && $0.file == "locked" && $0.severity == .error })
  }

  @Test func reportPathsOutsideTheRootAreRelativeToTheNamedDirectory() throws {
    let root = try Self.tree(["inside/a.json": "{}"])
    let outside = try Self.tree(["x/b.json": "{}"])
    let (files, _) = FileDiscovery.discover([root + "/inside", outside, outside + "/x/b.json"], root: root)
    #expect(files.map(\.reportPath) == ["inside/a.json", "x/b.json"])
    #expect(files.allSatisfy { !$0.reportPath.hasPrefix("/") })
  }

  @Test func standardInputIsListedOnceUnderItsName() throws {
    let (files, _) = FileDiscovery.discover(
      ["-", "-"], root: "/", options: DiscoveryOptions(standardInputName: "piped.json"))
    #expect(files.count == 1)
    #expect(files.first?.isStandardInput == true && files.first?.reportPath == "piped.json")
  }

  @Test func shardsSplitTheTreeWithoutOverlap() throws {
    var contents: [String: String] = [:]
    for i in 0..<40 { contents["d\(i % 4)/f\(i).json"] = "{}" }
    let root = try Self.tree(contents)
    var union: [String] = []
    for i in 1...3 {
      let shard = DiscoveryOptions.Shard(index: i, count: 3)
      let files = Self.discover(root, DiscoveryOptions(shard: shard)).files
      #expect(files == Self.discover(root, DiscoveryOptions(shard: shard)).files)
      union += files
    }
    #expect(union.sorted() == Self.discover(root).files)
  }
}
