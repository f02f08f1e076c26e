// API is the public surface: configure, scan, get values back. It ties the stages
// together and owns no logic of its own beyond ordering them.
import Foundation
import Synchronization

/// How far a scan has come, for a progress display.
public struct ScanProgress: Sendable {
  public var filesDone: Int
  public var filesTotal: Int
  public var bytesDone: Int
}

/// Runs the pipeline: discover -> load -> recognize shapes -> walk -> detect.
public struct Scanner: Sendable {
  public let configuration: ScanConfiguration
  public let rules: RuleSet

  /// Compiles the rules once, before any file is read.
  /// - Throws: `PackError` when a pack is broken.
  public init(configuration: ScanConfiguration, rules: RuleSet? = nil) throws(PackError) {
    self.configuration = configuration
    if let rules { self.rules = rules } else { self.rules = try PackLoader.builtinRules() }
  }

  /// Starts building the name lexicons and their gate on another thread, so that they are
  /// ready when the first worker needs them instead of holding every worker up: call it
  /// first thing, and pack loading and file discovery overlap with it.
  public static func warmUp() {
    DispatchQueue.global(qos: .userInitiated).async { _ = NameLexicon.builtinGate }
  }

  /// The worker count for `jobs` (nil: one per active core), never more than the files.
  static func workerCount(jobs: Int?, files: Int) -> Int {
    let wanted = jobs ?? ProcessInfo.processInfo.activeProcessorCount
    return max(1, min(wanted, files))
  }

  /// Scans every configured path on `configuration.jobs` threads. Per-file problems
  /// become diagnostics; the scan goes on. The result does not depend on the thread
  /// count: files are collected in discovery order and the result is sorted.
  /// `progress` is called from worker threads after each file.
  public func scan(progress: (@Sendable (ScanProgress) -> Void)? = nil) -> ScanResult {
    let (files, discoveryDiagnostics) = FileDiscovery.discover(configuration.paths, root: configuration.root, options: configuration.discovery, filter: configuration.pathFilter)
    let workers = Scanner.workerCount(jobs: configuration.jobs, files: files.count)
    let state = SharedScanState(fileCount: files.count)
    let work: @Sendable (Int) -> Void = { _ in
      let detector: Detector
      do {
        detector = try Detector(rules: rules)
      } catch {
        state.detectorFailure.withLock { $0 = "cannot start the detector: \(error)" }
        return
      }
      while true {
        let index = state.next.add(1, ordering: .relaxed).oldValue
        guard index < files.count else { return }
        let result = scanFile(files[index], detector: detector)
        state.slots.withLock { $0[index] = result }
        let filesDone = state.done.add(1, ordering: .relaxed).newValue
        let bytes = state.bytesDone.add(result.byteCount, ordering: .relaxed).newValue
        progress?(ScanProgress(filesDone: filesDone, filesTotal: files.count, bytesDone: bytes))
      }
    }
    if workers == 1 {
      work(0)
    } else {
      DispatchQueue.concurrentPerform(iterations: workers, execute: work)
    }

    var findings: [Finding] = []
    var diagnostics = discoveryDiagnostics
    var bytes = 0
    var scanned = 0
    if let failure = state.detectorFailure.withLock({ $0 }) {
      diagnostics.append(Diagnostic(severity: .error, code: "internal", file: nil, position: nil, message: failure))
    }
    let results = state.slots.withLock { slots in
      let taken = slots
      slots = []
      return taken
    }
    var shapes: [(file: String, shapes: [String])] = []
    for (index, result) in results.enumerated() {
      guard let result else { continue }
      findings += result.findings
      diagnostics += result.diagnostics
      bytes += result.byteCount
      if result.wasRead { scanned += 1 }
      shapes.append((files[index].reportPath, result.shapes))
    }
    var result = ScanResult(findings: findings, diagnostics: diagnostics, rules: rules, filesScanned: scanned, bytesScanned: bytes)
    result.shapesByFile = shapes
    return result
  }

  /// What the workers share: the next file to take, one result slot per file (filled in
  /// discovery order whatever thread finished it) and counters for progress.
  final class SharedScanState: Sendable {
    let next = Atomic<Int>(0)
    let done = Atomic<Int>(0)
    let bytesDone = Atomic<Int>(0)
    let slots: Mutex<[FileResult?]>
    let detectorFailure = Mutex<String?>(nil)

    init(fileCount: Int) {
      slots = Mutex(Array(repeating: nil, count: fileCount))
    }
  }

  /// What one file produced.
  public struct FileResult: Sendable {
    public var findings: [Finding] = []
    public var diagnostics: [Diagnostic] = []
    public var byteCount = 0
    /// False when the file could not be read at all.
    public var wasRead = true
    /// Shape identifiers seen in the file, in first-seen order (`--verbose`).
    public var shapes: [String] = []
    public init() {}
  }

  /// Scans one file. Never throws: every failure is a diagnostic naming the file.
  public func scanFile(_ file: DiscoveredFile, detector: Detector) -> FileResult {
    var result = FileResult()
    let limit = configuration.discovery.maxFileSize
    let read = file.isStandardInput ? FileSystem.readStandardInput(maxSize: limit) : FileSystem.readRegularFile(file.path, maxSize: limit)
    let bytes: [UInt8]
    switch read {
    case .success(let contents):
      bytes = contents
    case .failure(let failure):
      result.wasRead = false
      result.diagnostics.append(Scanner.diagnostic(for: failure, file: file.reportPath))
      return result
    }
    result.byteCount = bytes.count
    let format = DocumentFormat.forPath(file.isStandardInput ? file.reportPath : file.path) ?? DocumentFormat.sniff(bytes)
    return scanBytes(bytes, format: format, reportPath: file.reportPath, detector: detector, into: result)
  }

  static func diagnostic(for failure: FileSystem.ReadFailure, file: String) -> Diagnostic {
    switch failure {
    case .system(let error):
      return Diagnostic(severity: .error, code: "unreadable", file: file, position: nil, message: "the file cannot be read: \(error.message)")
    case .notRegular(let kind):
      return Diagnostic(severity: .error, code: "not-regular-file", file: file, position: nil, message: "skipped: this is \(kind.described), which phi-scan never opens")
    case .tooLarge(let size, let limit):
      let what = size > limit ? "more than \(limit) bytes" : "\(size) bytes"
      return Diagnostic(severity: .warning, code: "too-large", file: file, position: nil, message: "skipped: \(what) is over the --max-file-size limit of \(limit) bytes (\(FileDiscovery.describeSize(limit)))")
    }
  }

  /// Scans bytes already in memory (stdin, tests).
  public func scanBytes(_ bytes: [UInt8], format: DocumentFormat, reportPath: String, detector: Detector, into start: FileResult = FileResult()) -> FileResult {
    var result = start
    let (documents, problems) = DocumentLoader.load(bytes, format: format, limits: configuration.parseLimits)
    for problem in problems {
      result.diagnostics.append(Diagnostic(severity: problem.isError ? .error : .warning, code: problem.code, file: reportPath, position: problem.position, message: problem.message))
    }
    let source = SourceText(bytes)
    for document in documents {
      let extraction = ShapeRecognizer.extract(from: document, source: source)
      for note in extraction.notes {
        result.diagnostics.append(Diagnostic(severity: note.isError ? .error : .note, code: note.code, file: reportPath, position: note.position, message: note.message))
      }
      for shape in extraction.shapes where !result.shapes.contains(shape) { result.shapes.append(shape) }
      let outcome = detector.detect(extraction.strings, file: reportPath, reveal: configuration.revealValues)
      result.findings += Scanner.withoutSensitiveToolNames(outcome.findings, detector)
      result.diagnostics += outcome.diagnostics
    }
    return result
  }

  /// Findings carry their tool's name so reports can say which tool they are in. A name
  /// that any loaded rule matches, whatever the sites that rule covers, is dropped from
  /// them so that no report echoes it.
  static func withoutSensitiveToolNames(_ findings: [Finding], _ detector: Detector) -> [Finding] {
    let names = Set(findings.compactMap(\.toolName))
    guard !names.isEmpty else { return findings }
    let sensitive = names.filter { name in
      detector.anyRuleFlags(name)
    }
    guard !sensitive.isEmpty else { return findings }
    return findings.map { finding in
      guard let name = finding.toolName, sensitive.contains(name) else { return finding }
      var hidden = finding
      hidden.toolName = nil
      return hidden
    }
  }
}
