// API is the public surface: configure, scan, get values back. It ties the stages
// together and owns no logic of its own beyond ordering them.
import Foundation
import Synchronization

/// How far a scan has come, for a progress display.
public struct ScanProgress: Sendable {
  public var filesDone: Int
  /// The files discovery has listed so far: scanning starts before the walk ends, so this
  /// grows until it is done, and is never below `filesDone`.
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

  /// The worker count for `jobs` (nil: one per active core).
  static func workerCount(jobs: Int?) -> Int {
    max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount)
  }

  /// Scans every configured path on `configuration.jobs` threads. Per-file problems
  /// become diagnostics; the scan goes on. Files are scanned as discovery lists them:
  /// with several workers, the calling thread walks the directories while the others
  /// scan, then scans too. The result does not depend on the thread count: each file's
  /// result is kept by its place in the walk and put in report order at the end.
  /// `progress` is called from worker threads after each file.
  public func scan(progress: (@Sendable (ScanProgress) -> Void)? = nil) -> ScanResult {
    let workers = Scanner.workerCount(jobs: configuration.jobs)
    let feed = FileFeed()
    let state = SharedScanState()
    let work: @Sendable () -> Void = {
      var detector: Detector?
      while let (index, file) = feed.next() {
        if detector == nil {
          do {
            detector = try Detector(rules: rules)
          } catch {
            state.detectorFailure.withLock { $0 = "cannot start the detector: \(error)" }
            feed.abandon()
            return
          }
        }
        guard let detector else { return }
        let result = scanFile(file, detector: detector)
        feed.store(result, at: index)
        let filesDone = state.done.add(1, ordering: .relaxed).newValue
        let bytes = state.bytesDone.add(result.byteCount, ordering: .relaxed).newValue
        progress?(ScanProgress(filesDone: filesDone, filesTotal: feed.listed, bytesDone: bytes))
      }
    }
    let discover = { @Sendable in
      FileDiscovery.stream(configuration.paths, root: configuration.root, options: configuration.discovery, filter: configuration.pathFilter) { feed.add($0) }
    }
    let discoveryDiagnostics: [Diagnostic]
    if workers == 1 {
      discoveryDiagnostics = discover()
      feed.close(workers: 1)
      work()
    } else {
      // The others start at once and wait for files; this thread joins them when the
      // walk is done.
      let helpers = DispatchGroup()
      for _ in 1..<workers { DispatchQueue.global(qos: .userInitiated).async(group: helpers, execute: work) }
      discoveryDiagnostics = discover()
      feed.close(workers: workers)
      work()
      helpers.wait()
    }

    var findings: [Finding] = []
    var diagnostics = discoveryDiagnostics
    var bytes = 0
    var scanned = 0
    if let failure = state.detectorFailure.withLock({ $0 }) {
      diagnostics.append(Diagnostic(severity: .error, code: "internal", file: nil, position: nil, message: failure))
    }
    let (files, results) = feed.takeAll()
    var shapes: [(file: String, shapes: [String])] = []
    for index in FileDiscovery.reportOrder(of: files.map(\.reportPath)) {
      guard let result = results[index] else { continue }
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

  /// What the workers share besides the feed: counters for progress, and why the
  /// detector could not start, if it could not.
  final class SharedScanState: Sendable {
    let done = Atomic<Int>(0)
    let bytesDone = Atomic<Int>(0)
    let detectorFailure = Mutex<String?>(nil)
  }

  /// The files discovery has listed so far, handed to workers in walk order, and each
  /// one's result by its place in the walk. A worker waits for the next file until
  /// discovery closes the feed.
  final class FileFeed: Sendable {
    private struct State {
      var files: [DiscoveredFile] = []
      var results: [FileResult?] = []
      var nextToTake = 0
      var abandoned = false
    }
    private let state = Mutex(State())
    /// One signal per listed file, and one per worker at the close: every wait is
    /// matched by a file to take or by the end.
    private let available = DispatchSemaphore(value: 0)

    func add(_ file: DiscoveredFile) {
      state.withLock { state in
        state.files.append(file)
        state.results.append(nil)
      }
      available.signal()
    }

    /// No more files will come; each of `workers` is woken once more to see that.
    func close(workers: Int) {
      for _ in 0..<workers { available.signal() }
    }

    /// The next file and its place in the walk; nil once every file is taken and the feed
    /// is closed (or a worker gave up).
    func next() -> (Int, DiscoveredFile)? {
      available.wait()
      return state.withLock { state in
        guard !state.abandoned, state.nextToTake < state.files.count else { return nil }
        defer { state.nextToTake += 1 }
        return (state.nextToTake, state.files[state.nextToTake])
      }
    }

    /// Leaves the files not yet taken unscanned (the detector cannot start).
    func abandon() {
      state.withLock { $0.abandoned = true }
    }

    func store(_ result: FileResult, at index: Int) {
      state.withLock { $0.results[index] = result }
    }

    /// How many files discovery has listed so far (the progress total).
    var listed: Int { state.withLock { $0.files.count } }

    /// Every file listed and its result (nil when it was never scanned).
    func takeAll() -> ([DiscoveredFile], [FileResult?]) {
      state.withLock { state in
        defer { state = State() }
        return (state.files, state.results)
      }
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
      let outcome = detector.detect(extraction, file: reportPath, reveal: configuration.revealValues)
      result.findings += outcome.findings.filter { $0.level >= configuration.minimumLevel }
      result.diagnostics += outcome.diagnostics
    }
    return result
  }
}
