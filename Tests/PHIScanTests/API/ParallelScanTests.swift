import Foundation
import Testing

@_spi(Internals) @testable import PHIScan

/// The parallel scanner: same report for any thread count, per-file failures isolated.
@Suite struct ParallelScanTests {
  /// Many small files with findings, broken files and decoys, so workers interleave.
  static func corpus() throws -> String {
    var files: [String: String] = [:]
    for i in 0..<120 {
      switch i % 4 {
      case 0:
        files["batch\(i % 7)/positive-\(i).json"] =
          #"{"type": "object", "properties": {"m\#(i)": {"const": "512-43-\#(String(format: "%04d", 1000 + i))"}}}"#
      case 1: files["batch\(i % 7)/broken-\(i).json"] = #"{"type": "object", "properties": "#
      case 2: files["batch\(i % 7)/clean-\(i).yaml"] = "type: object\nproperties:\n  ssn:\n    type: string\n"
      default: files["batch\(i % 7)/records-\(i).jsonl"] = "{\"enum\": [\"329-51-7784\"]}\n{\"const\": \"x\"}\n"
      }
    }
    return try FileDiscoveryTests.tree(files)
  }

  @Test func reportIsIdenticalForAnyJobCount() throws {
    let root = try Self.corpus()
    var reports: [String] = []
    for jobs in [1, 2, 3, 8] {
      let scanner = try Scanner(configuration: ScanConfiguration(paths: [root], root: root, jobs: jobs))
      let result = scanner.scan()
      #expect(result.filesScanned == 120)
      #expect(result.findings.count == 60)
      reports.append(SARIFReporter.render(result))
    }
    #expect(Set(reports).count == 1)
  }

  @Test func progressIsReportedForEveryFile() throws {
    let root = try Self.corpus()
    let seen = Counter()
    let scanner = try Scanner(configuration: ScanConfiguration(paths: [root], root: root, jobs: 2))
    _ = scanner.scan { progress in
      seen.record(progress)
    }
    #expect(seen.calls == 120)
    #expect(seen.maxDone == 120)
    // Files are scanned while discovery still lists them: the total grows to the end,
    // and never falls behind the files done.
    #expect(seen.maxTotal == 120)
    #expect(!seen.doneExceededTotal)
  }

  @Test func aDetectorPerWorkerOnlyWhenThereAreFiles() throws {
    let root = try FileDiscoveryTests.tree(["notes.txt": "x"])
    for jobs in [1, 4] {
      let result = try Scanner(configuration: ScanConfiguration(paths: [root], root: root, jobs: jobs)).scan()
      #expect(result.filesScanned == 0)
      #expect(result.diagnostics.isEmpty)
    }
  }

  final class Counter: @unchecked Sendable {
    // SAFETY: every access holds `lock`.
    private let lock = NSLock()
    private(set) var calls = 0
    private(set) var maxDone = 0
    private(set) var maxTotal = 0
    private(set) var doneExceededTotal = false

    func record(_ progress: ScanProgress) {
      lock.lock()
      defer { lock.unlock() }
      calls += 1
      maxDone = max(maxDone, progress.filesDone)
      maxTotal = max(maxTotal, progress.filesTotal)
      if progress.filesDone > progress.filesTotal { doneExceededTotal = true }
    }
  }
}
