import Foundation
import Synchronization

/// The files Git reports as changed, from `git` run as a subprocess (found on `PATH`).
package enum GitChangedFiles {
  package enum Selection: Sendable, Hashable {
    /// The files staged for the next commit (`git diff --cached`), deletions left out.
    case staged
    /// Files changed since the merge base of REF and HEAD, committed or not, plus
    /// untracked files that are not ignored; deletions left out.
    case changedSince(String)
  }

  package struct GitError: Error, CustomStringConvertible, Sendable {
    package let description: String
  }

  /// The selected files as absolute real paths, from the repository around `directory`.
  package static func files(_ selection: Selection, in directory: String) throws(GitError) -> FileSelection {
    let what: String
    switch selection {
    case .staged: what = "--staged"
    case .changedSince(let ref): what = "--changed-since \(ref)"
    }
    let top = try run(["rev-parse", "--show-toplevel"], in: directory, purpose: what)
    let topLevel = top.split(separator: "\n").first.map(String.init) ?? ""
    guard !topLevel.isEmpty else {
      throw GitError(description: "\(what): git did not name the repository's top directory")
    }
    let realTop = FileSystem.realPath(topLevel) ?? topLevel
    var names: [Substring] = []
    switch selection {
    case .staged:
      names += try run(
        ["diff", "--cached", "--name-only", "-z", "--diff-filter=d", "--no-renames"], in: directory, purpose: what
      ).split(separator: "\0")
    case .changedSince(let ref):
      guard !ref.isEmpty, !ref.hasPrefix("-") else {
        throw GitError(
          description: "--changed-since '\(ref)': not a Git revision (a branch, tag or commit such as origin/main)")
      }
      _ = try run(
        ["rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}"], in: directory, purpose: what,
        failure:
          "'\(ref)' is not a commit in this repository (fetch it first, e.g. git fetch origin main, or with actions/checkout use fetch-depth: 0)"
      )
      names += try run(
        ["diff", "--name-only", "-z", "--diff-filter=d", "--no-renames", "--merge-base", ref], in: directory,
        purpose: what
      ).split(separator: "\0")
      names += try run(
        ["ls-files", "--others", "--exclude-standard", "-z", "--full-name", ":/"], in: directory, purpose: what
      ).split(separator: "\0")
    }
    return FileSelection(files: Set(names.filter { !$0.isEmpty }.map { realTop + "/" + $0 }))
  }

  /// Runs `git ARGUMENTS` in `directory` and returns its standard output.
  /// - Throws: `GitError` naming the option, the directory and git's own message.
  static func run(_ arguments: [String], in directory: String, purpose: String, failure: String? = nil) throws(GitError)
    -> String
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-c", "core.quotepath=off"] + arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    var environment = ProcessInfo.processInfo.environment
    environment["GIT_TERMINAL_PROMPT"] = "0"
    environment["LC_ALL"] = "C"
    process.environment = environment
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw GitError(description: "\(purpose): cannot run git: \(error.localizedDescription)")
    }
    // Both pipes are drained at once: a long listing would otherwise block git.
    let errorData = Mutex(Data())
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) {
      let data = errors.fileHandleForReading.readDataToEndOfFile()
      errorData.withLock { $0 = data }
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      let message = String(decoding: errorData.withLock { $0 }, as: UTF8.self).trimmingCharacters(
        in: .whitespacesAndNewlines)
      if process.terminationStatus == 127 {
        throw GitError(description: "\(purpose) needs git, which was not found on PATH")
      }
      if message.contains("not a git repository") {
        throw GitError(
          description:
            "\(purpose): \(directory) is not inside a Git repository (\(message.split(separator: "\n").first ?? ""))")
      }
      if let failure { throw GitError(description: "\(purpose): \(failure)") }
      throw GitError(
        description:
          "\(purpose): git \(arguments.joined(separator: " ")) failed (exit \(process.terminationStatus)): \(message.isEmpty ? "no message" : message)"
      )
    }
    return String(decoding: data, as: UTF8.self)
  }
}
