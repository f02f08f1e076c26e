import Foundation
import Testing

@testable import PHIScan

/// What users of other scanners expect: a default path, the config found from a
/// subdirectory, `init`, `--list-files`, `--staged`, `--changed-since`, the next step
/// after each finding, and CI definitions that are not taken for schemas.
@Suite struct CLIConventionsTests {
  typealias CLI = CLIExitCodeTests

  static let positive = CLI.positive
  static let clean = CLI.describing

  /// Runs git in `directory`, with a fixed identity and no user or system config.
  @discardableResult
  static func git(_ arguments: [String], in directory: URL) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + arguments
    process.currentDirectoryURL = directory
    var environment = ProcessInfo.processInfo.environment
    environment.merge([
      "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_AUTHOR_NAME": "Test",
      "GIT_AUTHOR_EMAIL": "test@example.invalid",
      "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid",
    ]) { $1 }
    process.environment = environment
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " ")) failed")
    return String(decoding: data, as: UTF8.self)
  }

  static func repository(_ files: [String: String]) throws -> URL {
    let dir = try CLI.directory(files)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try git(["init", "-q", "-b", "main"], in: dir)
    return dir
  }

  @Test func noPathScansTheCurrentDirectory() throws {
    let dir = try CLI.directory(["a.json": Self.positive, "sub/b.json": Self.clean])
    let run = try CLI.run(["scan", "-f", "json"], in: dir)
    #expect(run.status == 1, "\(run.stderr)")
    #expect(run.stdout.contains(#""file":"a.json""#))
    #expect(run.stdout.contains(#""filesScanned":2"#))
  }

  @Test func configIsFoundFromASubdirectoryUpToTheRepositoryRoot() throws {
    let repo = try Self.repository([
      ".phi-scan.yml": "version: 1\nexclude: [\"schemas/skipped/**\"]\n",
      "schemas/skipped/a.json": Self.positive, "schemas/kept/b.json": Self.positive,
    ])
    let run = try CLI.run(["scan", "-f", "json"], in: repo.appendingPathComponent("schemas"))
    #expect(run.status == 1, "\(run.stderr)")
    // Rooted at the config's directory, so its glob reads as written.
    #expect(run.stdout.contains(#""file":"schemas/kept/b.json""#))
    #expect(!run.stdout.contains("skipped/a.json"))
    // A config error names the file as reached from the current directory.
    try "version: 1\nrulez: {}\n".write(
      to: repo.appendingPathComponent(".phi-scan.yml"), atomically: true, encoding: .utf8)
    let bad = try CLI.run(["scan"], in: repo.appendingPathComponent("schemas/kept"))
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("../../.phi-scan.yml:2:1"), "\(bad.stderr)")
  }

  @Test func configAboveTheRepositoryIsNotRead() throws {
    let outer = try CLI.directory([
      ".phi-scan.yml": "version: 1\ninclude: [\"nothing/**\"]\n", "repo/a.json": Self.positive,
    ])
    try Self.git(["init", "-q"], in: outer.appendingPathComponent("repo"))
    let run = try CLI.run(["scan", "-f", "json"], in: outer.appendingPathComponent("repo"))
    #expect(run.status == 1, "the config outside the repository must not apply: \(run.stderr)")
    // Outside any repository, only the current directory's config is read.
    let plain = try CLI.directory([
      ".phi-scan.yml": "version: 1\ninclude: [\"nothing/**\"]\n", "sub/a.json": Self.positive,
    ])
    #expect(try CLI.run(["scan"], in: plain.appendingPathComponent("sub")).status == 1)
    #expect(try CLI.run(["scan"], in: plain).status == 0)
  }

  @Test func listFilesPrintsWhatWouldBeScanned() throws {
    let dir = try CLI.directory([
      "b.json": Self.positive, "a/c.yaml": "x: 1\n", "notes.txt": "hi", "vendor/d.json": "{}",
    ])
    let run = try CLI.run(["scan", "--list-files", "--exclude", "vendor"], in: dir)
    #expect(run.status == 0)
    #expect(run.stdout == "a/c.yaml\nb.json\n")
    let missing = try CLI.run(["scan", "--list-files", "nope"], in: dir)
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("nope"))
  }

  @Test func stagedScansOnlyStagedFiles() throws {
    let repo = try Self.repository([
      "staged.json": Self.positive, "unstaged.json": Self.positive, "code.swift": "let x = 1\n",
      "sub/also.json": Self.positive,
    ])
    try Self.git(["add", "staged.json", "code.swift", "sub/also.json"], in: repo)
    let run = try CLI.run(["scan", "--staged", "-f", "json"], in: repo)
    #expect(run.status == 1, "\(run.stderr)")
    #expect(run.stdout.contains(#""filesScanned":2"#))
    #expect(run.stdout.contains(#""file":"staged.json""#))
    #expect(!run.stdout.contains("unstaged.json"))
    // Only among the paths given, and from a subdirectory as well.
    let sub = try CLI.run(["scan", "--staged", "--list-files"], in: repo.appendingPathComponent("sub"))
    #expect(sub.stdout == "also.json\n")
    // Named files are kept only when staged.
    let named = try CLI.run(["scan", "--staged", "--list-files", "staged.json", "unstaged.json"], in: repo)
    #expect(named.stdout == "staged.json\n")
    try Self.git(["commit", "-q", "-m", "one"], in: repo)
    let none = try CLI.run(["scan", "--staged"], in: repo)
    #expect(none.status == 0)
    #expect(none.stdout.contains("in 0 files"))
  }

  @Test func gitProblemsAreClearUsageErrors() throws {
    let plain = try CLI.directory(["a.json": Self.positive])
    let outside = try CLI.run(["scan", "--staged"], in: plain)
    #expect(outside.status == 2)
    #expect(
      outside.stderr.contains("--staged: ") && outside.stderr.contains("is not inside a Git repository"),
      "\(outside.stderr)")
    let repo = try Self.repository(["a.json": Self.positive])
    let unknown = try CLI.run(["scan", "--changed-since", "no-such-branch"], in: repo)
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("'no-such-branch' is not a commit in this repository"), "\(unknown.stderr)")
    let option = try CLI.run(["scan", "--changed-since=--output=x"], in: repo)
    #expect(option.status == 2)
    #expect(option.stderr.contains("not a Git revision"))
    let both = try CLI.run(["scan", "--staged", "--changed-since", "main"], in: repo)
    #expect(both.status == 2)
  }

  @Test func changedSinceScansTheBranchChanges() throws {
    let repo = try Self.repository(["old.json": Self.positive, "edited.json": Self.clean, "gone.json": Self.clean])
    try Self.git(["add", "."], in: repo)
    try Self.git(["commit", "-q", "-m", "base"], in: repo)
    try Self.git(["checkout", "-q", "-b", "feature"], in: repo)
    try Self.positive.write(to: repo.appendingPathComponent("edited.json"), atomically: true, encoding: .utf8)
    try Self.git(["rm", "-q", "gone.json"], in: repo)
    try Self.git(["commit", "-q", "-am", "edit"], in: repo)
    try Self.positive.write(to: repo.appendingPathComponent("untracked.json"), atomically: true, encoding: .utf8)
    let run = try CLI.run(["scan", "--changed-since", "main", "--list-files"], in: repo)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout == "edited.json\nuntracked.json\n")
    let scan = try CLI.run(["scan", "--changed-since", "main", "-f", "json"], in: repo)
    #expect(scan.status == 1)
    #expect(!scan.stdout.contains("old.json"))
  }

  @Test func initWritesAStarterConfigThatLoads() throws {
    let dir = try CLI.directory(["a.json": Self.positive])
    let first = try CLI.run(["init"], in: dir)
    #expect(first.status == 0, "\(first.stderr)")
    let written = dir.appendingPathComponent(".phi-scan.yml")
    let config = try ConfigFile.load(path: written.path)
    #expect(config.allow.isEmpty && config.rules.isEmpty)
    #expect(try String(contentsOf: written, encoding: .utf8).contains("# allow:"))
    // Uncommented, every example in it is valid too.
    let text = try String(contentsOf: written, encoding: .utf8)
    let uncommented = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      let body = line.drop { $0 == " " }
      guard body.hasPrefix("# "), !body.dropFirst(2).hasPrefix("phi-scan configuration") else { return String(line) }
      let rest = body.dropFirst(2)
      // Prose lines stay comments; YAML lines (a key, a list item, a nested key) come back.
      return rest.first.map { $0.isLowercase || $0 == "-" || $0 == " " } == true
        && (rest.contains(":") || rest.hasPrefix("-")) && !rest.contains(". ")
        ? String(repeating: " ", count: line.count - body.count) + rest : String(line)
    }.joined(separator: "\n")
    let full = try ConfigFile.parse(Array(uncommented.utf8), path: "starter")
    #expect(full.allow.count == 1)
    #expect(full.rules.count == 2)
    #expect(full.minimumLevel == .warning)
    #expect(full.strict)
    let again = try CLI.run(["init"], in: dir)
    #expect(again.status == 2)
    #expect(again.stderr.contains("already exists"))
    #expect(try CLI.run(["init", "--force"], in: dir).status == 0)
    #expect(try CLI.run(["scan"], in: dir).status == 1, "the starter config changes nothing")
  }

  @Test func theSuggestedAllowEntryAcceptsExactlyThatFinding() throws {
    let dir = try CLI.directory(["s p/a*b.json": Self.positive, "other.json": Self.positive])
    let run = try CLI.run(["scan", "--no-color"], in: dir)
    #expect(run.status == 1)
    let line = try #require(run.stdout.split(separator: "\n").first { $0.contains("s p/a") && $0.contains("allow: [") })
    let entry = try #require(line.firstMatch(of: /allow: \[(\{.*\})\]/)?.1)
    let config =
      "version: 1\nallow:\n  - \(entry.replacingOccurrences(of: "reason: \"...\"", with: "reason: synthetic test value"))\n"
    try config.write(to: dir.appendingPathComponent(".phi-scan.yml"), atomically: true, encoding: .utf8)
    let after = try CLI.run(["scan", "-f", "json"], in: dir)
    #expect(after.status == 1, "other.json still has its finding: \(after.stderr)")
    #expect(after.stdout.contains(#""suppressedByAllowList":1"#), "\(after.stdout)")
    #expect(after.stdout.contains(#""file":"other.json""#))
  }

  @Test func ciDefinitionsAreNotSchemas() throws {
    let workflow = """
      name: release
      on:
        workflow_dispatch:
          inputs:
            member:
              description: Member to release
              type: string
              default: "512-43-8876"
      jobs:
        build:
          runs-on: ubuntu-latest
          steps:
            - run: echo hi
      """
    let action = """
      name: x
      inputs:
        member:
          description: member
          default: "512-43-8876"
      runs:
        using: composite
        steps: []
      """
    let dir = try CLI.directory([
      "release.yml": workflow, "action.yml": action,
      "schema.yaml": "type: object\nproperties:\n  a:\n    const: \"512-43-8876\"\n",
    ])
    let run = try CLI.run(["scan", "release.yml", "action.yml", "-f", "json"], in: dir)
    #expect(run.status == 0, "\(run.stdout)")
    #expect(try CLI.run(["scan", "schema.yaml"], in: dir).status == 1, "a plain YAML schema is still scanned")
  }

  @Test func preCommitHooksEndTheirOptions() throws {
    let hooks = try Fixtures.text(".pre-commit-hooks.yaml")
    let entries = hooks.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("entry:") }
    #expect(entries.count == 2)
    #expect(entries.allSatisfy { $0.hasSuffix(" --") })
  }
}

/// Colors on a terminal, and `--no-color` (or `NO_COLOR`) turning them off: run under
/// `script`, which gives the binary a pseudo-terminal.
@Suite struct CLIColorTests {
  static func onTerminal(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws
    -> String?
  {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return nil }
    let command = ([CLIExitCodeTests.binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
    let run = try CLIExitCodeTests.run(
      ["-qec", command, "/dev/null"], in: directory, executable: "/usr/bin/script",
      environment: ["TERM": "xterm", "NO_COLOR": ""].merging(environment) { $1 })
    return run.stdout
  }

  @Test func noColorTurnsColorsOff() throws {
    let dir = try CLIExitCodeTests.directory(["a.json": CLIExitCodeTests.positive])
    guard let colored = try Self.onTerminal(["scan"], in: dir) else { return }
    #expect(colored.contains("\u{1B}["), "a terminal gets colors")
    let plain = try #require(try Self.onTerminal(["scan", "--no-color"], in: dir))
    #expect(plain.contains("a.json:1:"))
    #expect(!plain.contains("\u{1B}["))
    let environment = try #require(try Self.onTerminal(["scan"], in: dir, environment: ["NO_COLOR": "1"]))
    #expect(!environment.contains("\u{1B}["))
  }
}
