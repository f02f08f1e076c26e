import Foundation
import Testing

@_spi(Internals) @testable import PHIScan

/// Issue 8: hostile and broken inputs next to good files. One scan of the whole
/// directory; each file then gets its own check: scanned with its findings, or named in
/// a diagnostic with position and cause. `scripts/hostile-scan.sh` writes the full-size
/// directory (`PHI_SCAN_HOSTILE_DIR`) and measures a release build on it.
@Suite(.serialized) struct HostileInputTests {
  struct Scan: Sendable {
    var directory: URL
    var expectations: [HostileInputs.Expectation]
    var skipsUnreadable: Bool
    var result: ScanResult
  }

  static let scan: Result<Scan, any Error> = Result {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "phi-scan-hostile-\(UUID().uuidString)")
    #if DEBUG
      let sizes = HostileInputs.Sizes.debug
    #else
      let sizes = HostileInputs.Sizes.full
    #endif
    let (expectations, skipsUnreadable) = try HostileInputs.build(in: directory, sizes: sizes)
    let configuration = ScanConfiguration(paths: [directory.path], root: directory.path, jobs: 2)
    let result = try Scanner(configuration: configuration).scan()
    return Scan(directory: directory, expectations: expectations, skipsUnreadable: skipsUnreadable, result: result)
  }

  /// Writes the full-size directory for scripts/hostile-scan.sh (only when asked).
  @Test(.enabled(if: ProcessInfo.processInfo.environment["PHI_SCAN_HOSTILE_DIR"] != nil))
  func writeFullSizeDirectory() throws {
    let directory = URL(fileURLWithPath: ProcessInfo.processInfo.environment["PHI_SCAN_HOSTILE_DIR"]!)
    try? FileManager.default.removeItem(at: directory)
    let (expectations, _) = try HostileInputs.build(in: directory, sizes: .full)
    #expect(expectations.count > 30)
  }

  static var expectationNames: [String] {
    ((try? scan.get())?.expectations ?? []).map(\.file)
  }

  @Test(arguments: expectationNames)
  func eachFileIsScannedOrNamed(_ file: String) throws {
    let scan = try Self.scan.get()
    let expectation = try #require(scan.expectations.first { $0.file == file })
    let diagnostics = scan.result.diagnostics.filter { $0.file == file }
    let findings = scan.result.findings.filter { $0.file == file }
    for pointer in expectation.findingPointers {
      #expect(
        findings.contains { $0.pointer.string == pointer },
        "\(file): no finding at \(pointer); diagnostics: \(diagnostics.map(\.located))")
    }
    if !expectation.diagnosticCodes.isEmpty {
      let named = diagnostics.filter { expectation.diagnosticCodes.contains($0.code) }
      #expect(
        !named.isEmpty,
        "\(file): expected a diagnostic \(expectation.diagnosticCodes.map(\.rawValue).sorted()); got \(diagnostics.map { "\($0.code): \($0.located)" })"
      )
      if expectation.needsPosition {
        #expect(
          named.allSatisfy { $0.position != nil }, "\(file): diagnostics without a position: \(named.map(\.located))")
      }
      #expect(named.allSatisfy { !$0.message.isEmpty })
    }
    if expectation.scannedCleanly {
      #expect(
        !diagnostics.contains { $0.severity == .error },
        "\(file) should scan without errors: \(diagnostics.map(\.located))")
    }
  }

  @Test func theWholeDirectoryEndsWithInputErrors() throws {
    let scan = try Self.scan.get()
    #expect(scan.result.hasInputErrors)
    // Every file in the directory is accounted for by an expectation or is a loop.
    let listed = Set(try FileManager.default.contentsOfDirectory(atPath: scan.directory.path))
    let expected = Set(scan.expectations.map(\.file)).union(["loop-a.json", "loop-b.json", "loop-dir"])
    #expect(
      listed.subtracting(expected).subtracting(scan.skipsUnreadable ? ["unreadable.json"] : []).isEmpty,
      "unchecked fixtures: \(listed.subtracting(expected).sorted())")
  }

  @Test func symlinkLoopsAreNamedOrSkippedWithoutHanging() throws {
    let scan = try Self.scan.get()
    // The dangling loop files are named; the directory loop is not followed at all.
    let loopDiagnostics = scan.result.diagnostics.filter { ($0.file ?? "").hasPrefix("loop-") }
    #expect(!scan.result.findings.contains { $0.file.contains("loop-dir/") })
    #expect(!loopDiagnostics.contains { $0.file?.contains("loop-dir/loop-dir") == true })
  }

  @Test func unreadableFilesAreNamedUnlessRunningAsRoot() throws {
    let scan = try Self.scan.get()
    if scan.skipsUnreadable {
      // Root reads mode-000 files; then the file is simply scanned. Say so, don't fake it.
      #expect(scan.result.findings.contains { $0.file == "unreadable.json" })
    } else {
      #expect(scan.result.diagnostics.contains { $0.file == "unreadable.json" && $0.code == .unreadable })
    }
  }

  @Test func duplicateKeysAreBothScanned() throws {
    let scan = try Self.scan.get()
    let lines = scan.result.findings.filter {
      $0.file == "duplicate-keys.json" && $0.pointer.string == "/properties/member_ssn/const"
    }.map(\.range.start.line)
    #expect(Set(lines) == [4, 5], "both duplicate values are scanned and reported at their own lines")
  }

  @Test func deepNestingIsNamedAtItsPosition() throws {
    let scan = try Self.scan.get()
    let deep = try #require(
      scan.result.diagnostics.first { $0.file == "deep-arrays.json" && $0.code == .nestingTooDeep })
    #expect(deep.position == SourcePosition(line: 1, column: ParseLimits.default.maxDepth + 1))
  }

  @Test func theAliasBombIsRefusedNotExpanded() throws {
    let scan = try Self.scan.get()
    let bomb = try #require(scan.result.diagnostics.first { $0.file == "alias-bomb.yaml" })
    #expect(bomb.message.contains("alias"))
    #expect(!scan.result.findings.contains { $0.file == "alias-bomb.yaml" })
  }

  @Test func theCommandLineExitsWithTwoAndNamesEveryBrokenFile() throws {
    let scan = try Self.scan.get()
    let run = try CLIExitCodeTests.run(["scan", ".", "--format", "json", "--fail-on", "never"], in: scan.directory)
    #expect(run.status == 2, "exit code: \(run.status); stderr: \(run.stderr.prefix(2000))")
    for expectation in scan.expectations where !expectation.diagnosticCodes.isEmpty && !expectation.scannedCleanly {
      #expect(run.stdout.contains(expectation.file), "\(expectation.file) is not named in the JSON report")
    }
    // Neither findings nor diagnostics about broken files echo a value.
    let regex = try Regex("[0-9]{3}-[0-9]{2}-[0-9]{4}")
    var values: Set<String> = []
    for name in try FileManager.default.contentsOfDirectory(atPath: HostileInputs.committed.path) {
      let text = String(
        decoding: try Data(contentsOf: HostileInputs.committed.appendingPathComponent(name)), as: UTF8.self)
      values.formUnion(text.matches(of: regex).map { String(text[$0.range]) })
    }
    values.formUnion(["512-43-8876", "329-51-7784", "401-23-5671", "423-81-5529", "534-62-7781"])
    for value in values {
      #expect(!run.stdout.contains(value) && !run.stderr.contains(value), "an output echoes \(value)")
    }
  }
}
