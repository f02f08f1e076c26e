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
      let worker = Worker(scanner: self, feed: feed, state: state, progress: progress)
      while let (index, file) = feed.next(), worker.scan(file, at: index) {}
    }
    // The walk lists files much faster than they are scanned; when it is far ahead, the
    // walking thread scans one before listing more, so the files waiting in the feed (each
    // with its paths) stay few however large the tree is.
    let walker = Worker(scanner: self, feed: feed, state: state, progress: progress)
    let discover = {
      FileDiscovery.stream(configuration.paths, root: configuration.root, options: configuration.discovery, filter: configuration.pathFilter) { file in
        feed.add(file)
        if feed.waiting > FileFeed.mostWaiting, let (index, file) = feed.nextIfAny() { _ = walker.scan(file, at: index) }
      }
    }
    let discoveryDiagnostics: [Diagnostic]
    if workers == 1 {
      discoveryDiagnostics = discover()
      feed.close(workers: 1)
      while let (index, file) = feed.next(), walker.scan(file, at: index) {}
    } else {
      // The others start at once and wait for files; this thread joins them when the
      // walk is done.
      let helpers = DispatchGroup()
      for _ in 1..<workers { DispatchQueue.global(qos: .userInitiated).async(group: helpers, execute: work) }
      discoveryDiagnostics = discover()
      feed.close(workers: workers)
      while let (index, file) = feed.next(), walker.scan(file, at: index) {}
      helpers.wait()
    }

    var diagnostics = discoveryDiagnostics
    if let failure = state.detectorFailure.withLock({ $0 }) {
      diagnostics.append(Diagnostic(severity: .error, code: "internal", file: nil, position: nil, message: failure))
    }
    let kept = feed.takeAll()
    var findings: [Finding] = []
    var shapes: [(file: String, shapes: [String])] = []
    let reportPaths = kept.reportPaths.strings()
    shapes.reserveCapacity(reportPaths.count)
    for index in FileDiscovery.reportOrder(of: reportPaths) {
      let shapeList = kept.shapeLists[index]
      guard shapeList >= 0 else { continue }
      if let outcome = kept.outcomes[index] {
        findings += outcome.findings
        diagnostics += outcome.diagnostics
      }
      shapes.append((reportPaths[index], kept.distinctShapeLists[Int(shapeList)]))
    }
    var result = ScanResult(findings: findings, diagnostics: diagnostics, rules: rules, filesScanned: kept.filesRead, bytesScanned: kept.bytes)
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

  /// One thread's scanning: its detector (made when its first file comes) and the
  /// bookkeeping after each file.
  final class Worker {
    let scanner: Scanner
    let feed: FileFeed
    let state: SharedScanState
    let progress: (@Sendable (ScanProgress) -> Void)?
    private var detector: Detector?

    init(scanner: Scanner, feed: FileFeed, state: SharedScanState, progress: (@Sendable (ScanProgress) -> Void)?) {
      self.scanner = scanner
      self.feed = feed
      self.state = state
      self.progress = progress
    }

    /// Scans the file at `index` in the walk; false when the detector cannot start (the
    /// feed is then abandoned and the worker stops).
    func scan(_ file: DiscoveredFile, at index: Int) -> Bool {
      if detector == nil {
        do {
          detector = try Detector(rules: scanner.rules)
        } catch {
          state.detectorFailure.withLock { $0 = "cannot start the detector: \(error)" }
          feed.abandon()
          return false
        }
      }
      guard let detector else { return false }
      let result = scanner.scanFile(file, detector: detector)
      feed.store(result, at: index)
      let filesDone = state.done.add(1, ordering: .relaxed).newValue
      let bytes = state.bytesDone.add(result.byteCount, ordering: .relaxed).newValue
      progress?(ScanProgress(filesDone: filesDone, filesTotal: feed.listed, bytesDone: bytes))
      return true
    }
  }

  /// The files discovery has listed so far, handed to workers in walk order, and what
  /// each one's scan left for the report, by its place in the walk. A worker waits for
  /// the next file until discovery closes the feed.
  ///
  /// Memory: a listed file keeps only its report path (bytes in a shared buffer) and an
  /// index into the distinct shape lists seen; findings and diagnostics are kept only for
  /// the files that have some; the queue holds a few thousand files at most (the walking
  /// thread scans when it is ahead) and forgets a file once it is taken. So a large tree
  /// costs about fifty bytes a file beyond its findings.
  final class FileFeed: Sendable {
    /// What the report needs from every file, once the scan is done.
    struct Kept {
      /// In walk order.
      var reportPaths = PathTable()
      /// Per file, an index into `distinctShapeLists`; -1 for a file never scanned.
      var shapeLists: [Int32] = []
      var distinctShapeLists: [[String]] = []
      /// Findings and diagnostics of the files that have any, by place in the walk.
      var outcomes: [Int: (findings: [Finding], diagnostics: [Diagnostic])] = [:]
      var filesRead = 0
      var bytes = 0
    }

    private struct State {
      var kept = Kept()
      var shapeListIndex: [[String]: Int32] = [:]
      /// Files listed but not taken yet; `queue[0]` is the file at place `queueStart`.
      var queue: [DiscoveredFile] = []
      var queueStart = 0
      var nextToTake = 0
      var abandoned = false
    }
    private let state = Mutex(State())
    /// One signal per listed file, and one per worker at the close: every wait is
    /// matched by a file to take or by the end.
    private let available = DispatchSemaphore(value: 0)

    func add(_ file: DiscoveredFile) {
      state.withLock { state in
        state.queue.append(file)
        state.kept.reportPaths.append(file.reportPath)
        state.kept.shapeLists.append(-1)
      }
      available.signal()
    }

    /// No more files will come; each of `workers` is woken once more to see that.
    func close(workers: Int) {
      for _ in 0..<workers { available.signal() }
    }

    /// Files listed beyond those taken before the walking thread scans one itself: about
    /// a megabyte of paths, and enough work that the other workers do not run dry while
    /// it scans a large file.
    static let mostWaiting = 4096

    /// How many files are listed and not taken yet.
    var waiting: Int { state.withLock { $0.kept.reportPaths.count - $0.nextToTake } }

    /// The next file and its place in the walk; nil once every file is taken and the feed
    /// is closed (or a worker gave up).
    func next() -> (Int, DiscoveredFile)? {
      available.wait()
      return take()
    }

    /// The next file when one is waiting, without waiting for one.
    func nextIfAny() -> (Int, DiscoveredFile)? {
      // Every signal stands for a file no waiter has claimed, so winning one means a
      // file is there to take.
      guard available.wait(timeout: .now()) == .success else { return nil }
      return take()
    }

    private func take() -> (Int, DiscoveredFile)? {
      state.withLock { state in
        guard !state.abandoned, state.nextToTake < state.kept.reportPaths.count else { return nil }
        let index = state.nextToTake
        let file = state.queue[index - state.queueStart]
        state.nextToTake += 1
        // Drop the taken files now and then, not one by one (that would move the rest).
        let taken = state.nextToTake - state.queueStart
        if taken >= 1024 && taken * 2 >= state.queue.count {
          state.queue.removeFirst(taken)
          state.queueStart = state.nextToTake
        }
        return (index, file)
      }
    }

    /// Leaves the files not yet taken unscanned (the detector cannot start).
    func abandon() {
      state.withLock { $0.abandoned = true }
    }

    func store(_ result: FileResult, at index: Int) {
      state.withLock { state in
        let shapeList: Int32
        if let known = state.shapeListIndex[result.shapes] {
          shapeList = known
        } else {
          shapeList = Int32(state.kept.distinctShapeLists.count)
          state.shapeListIndex[result.shapes] = shapeList
          state.kept.distinctShapeLists.append(result.shapes)
        }
        state.kept.shapeLists[index] = shapeList
        if !result.findings.isEmpty || !result.diagnostics.isEmpty {
          state.kept.outcomes[index] = (result.findings, result.diagnostics)
        }
        if result.wasRead { state.kept.filesRead += 1 }
        state.kept.bytes += result.byteCount
      }
    }

    /// How many files discovery has listed so far (the progress total).
    var listed: Int { state.withLock { $0.kept.reportPaths.count } }

    /// What every listed file left for the report.
    func takeAll() -> Kept {
      state.withLock { state in
        defer { state = State() }
        return state.kept
      }
    }
  }

  /// Strings stored end to end in one buffer: a report path kept until the report costs
  /// its bytes and an offset, not a heap object of its own (tens of thousands of small
  /// objects that live through the scan also pin the memory freed around them).
  struct PathTable {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    var count: Int { ends.count }

    mutating func append(_ path: String) {
      bytes += path.utf8
      ends.append(bytes.count)
    }

    /// Every string, in order.
    func strings() -> [String] {
      ends.indices.map { index in
        String(decoding: bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]], as: UTF8.self)
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
