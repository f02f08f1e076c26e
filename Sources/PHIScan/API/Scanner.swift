// API is the public surface: configure, scan, get values back. It ties the stages
// together and owns no logic of its own beyond ordering them.
import Foundation
import Synchronization

/// Runs the pipeline: discover -> load -> recognize shapes -> walk -> detect.
public struct Scanner: Sendable {
  public let configuration: ScanConfiguration
  public let rules: RuleSet

  /// Compiles the rules once, before any file is read.
  /// - Throws: `PackError` when a pack is broken.
  public init(configuration: ScanConfiguration, rules: RuleSet? = nil) throws(PackError) {
    self.configuration = configuration
    if let rules { self.rules = rules } else { self.rules = try RuleSet.builtin() }
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
      FileDiscovery.stream(
        configuration.paths, root: configuration.root, options: configuration.discovery,
        filter: configuration.pathFilter
      ) { file in
        feed.add(file)
        if feed.waiting > FileFeed.mostWaiting, let (index, file) = feed.nextIfAny() {
          _ = walker.scan(file, at: index)
        }
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
    if let failure = state.detectorFailure.withLock({ $0 }) { diagnostics.append(failure) }
    let kept = feed.takeAll()
    var files: [FileResult] = []
    var shapes: [(file: String, shapes: [String])] = []
    let reportPaths = kept.reportPaths.strings()
    shapes.reserveCapacity(reportPaths.count)
    for index in FileDiscovery.reportOrder(of: reportPaths) {
      let shapeList = kept.shapeLists[index]
      guard shapeList >= 0 else { continue }
      if let outcome = kept.outcomes[index] { files.append(outcome) }
      shapes.append((reportPaths[index], kept.distinctShapeLists[Int(shapeList)]))
    }
    var result = finish(
      files, diagnostics: diagnostics, allowTally: kept.allowTally, filesScanned: kept.filesRead,
      bytesScanned: kept.bytes)
    result.shapesByFile = shapes
    return result
  }

  /// Scans one document already in memory (an MCP server's listing, a test) as if it
  /// were the file `reportPath`: detection, suppression and excerpts as for a file.
  public func scan(_ bytes: [UInt8], format: DocumentFormat, reportPath: String) -> ScanResult {
    let file: FileResult
    do {
      file = scanBytes(bytes, format: format, reportPath: reportPath, detector: try Detector(rules: rules))
    } catch {
      return finish([], diagnostics: [.detectorFailed(error)], allowTally: nil, filesScanned: 0, bytesScanned: 0)
    }
    var result = finish(
      [file], diagnostics: [], allowTally: file.allowTally, filesScanned: 1, bytesScanned: bytes.count)
    result.shapesByFile = [(reportPath, file.shapes)]
    return result
  }

  /// The result of a whole scan from its files' results (in report order): the allow
  /// list's notes, then the baseline, held back and recorded (DESIGN.md 6).
  func finish(
    _ files: [FileResult], diagnostics: [Diagnostic], allowTally: AllowList.Tally?, filesScanned: Int, bytesScanned: Int
  ) -> ScanResult {
    var all = diagnostics
    var findings: [Finding] = []
    var allowed: [Finding] = []
    for file in files {
      findings += file.findings
      allowed += file.allowed
      all += file.diagnostics
    }
    let allowList = configuration.allowList
    all += allowList.diagnostics(allowTally ?? AllowList.Tally(entries: allowList.entries.count))
    var result = ScanResult(
      findings: findings, diagnostics: all, rules: rules, filesScanned: filesScanned, bytesScanned: bytesScanned)
    result.suppressed.allowListed = allowed.sorted(by: Finding.reportOrder)
    let use = configuration.baseline
    if let accepted = use.accepted {
      result = accepted.apply(to: result)
      result.diagnostics += result.suppressed.staleBaselineEntries.map { .baselineStale(file: use.acceptedPath, $0) }
      result.diagnostics.sort(by: Diagnostic.reportOrder)
    }
    if let recording = use.recording {
      result.recordedBaseline = Baseline.record(
        result.findings + result.suppressed.baselined, flagged: result.allFlagged, salt: recording.salt,
        secret: recording.secret)
      // What was just recorded is accepted: this scan reports none of it.
      result.suppressed.baselined += result.findings
      result.findings = []
    }
    return result
  }

  /// What the workers share besides the feed: counters for progress, and why the
  /// detector could not start, if it could not.
  final class SharedScanState: Sendable {
    let done = Atomic<Int>(0)
    let bytesDone = Atomic<Int>(0)
    let detectorFailure = Mutex<Diagnostic?>(nil)
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
          state.detectorFailure.withLock { $0 = .detectorFailed(error) }
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
      /// The results of the files with findings or diagnostics, by place in the walk.
      var outcomes: [Int: FileResult] = [:]
      /// What the allow list matched, summed over the files; nil when nothing matched.
      var allowTally: AllowList.Tally?
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
        if !result.findings.isEmpty || !result.allowed.isEmpty || !result.diagnostics.isEmpty {
          var outcome = result
          // Kept once, in the sums below.
          outcome.shapes = []
          outcome.allowTally = nil
          state.kept.outcomes[index] = outcome
        }
        if let tally = result.allowTally {
          if state.kept.allowTally == nil { state.kept.allowTally = tally } else { state.kept.allowTally!.add(tally) }
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
  struct FileResult: Sendable {
    /// The findings reported: at or above the minimum level, not allowed.
    var findings: [Finding] = []
    /// The findings the allow list accepted.
    var allowed: [Finding] = []
    /// What the allow list matched in this file; nil when it had nothing to check.
    var allowTally: AllowList.Tally?
    var diagnostics: [Diagnostic] = []
    var byteCount = 0
    /// False when the file could not be read at all.
    var wasRead = true
    /// Shape identifiers seen in the file, in first-seen order (`--verbose`).
    var shapes: [String] = []
  }

  /// Scans one file. Never throws: every failure is a diagnostic naming the file.
  func scanFile(_ file: DiscoveredFile, detector: Detector) -> FileResult {
    var result = FileResult()
    let limit = configuration.discovery.maxFileSize
    let read =
      file.isStandardInput
      ? FileSystem.readStandardInput(maxSize: limit) : FileSystem.readRegularFile(file.path, maxSize: limit)
    let bytes: [UInt8]
    switch read {
    case .success(let contents):
      bytes = contents
    case .failure(let failure):
      result.wasRead = false
      result.diagnostics.append(Scanner.diagnostic(for: failure).inFile(file.reportPath))
      return result
    }
    result.byteCount = bytes.count
    let format =
      DocumentFormat.forPath(file.isStandardInput ? file.reportPath : file.path) ?? DocumentFormat.sniff(bytes)
    return scanBytes(
      bytes, format: format, reportPath: file.reportPath, detector: detector, into: result, named: file.isExplicit)
  }

  static func diagnostic(for failure: FileSystem.ReadFailure) -> Diagnostic {
    switch failure {
    case .system(let error): return .unreadableFile(error)
    case .notRegular(let kind): return .notRegularFile(nil, kind, named: false)
    case .tooLarge(let size, let limit): return .tooLarge(nil, size: size > limit ? nil : size, limit: limit)
    }
  }

  /// Scans bytes in memory: every stage, then the allow list while the values are at
  /// hand, then each reported finding's excerpt from these same bytes.
  func scanBytes(
    _ bytes: [UInt8], format: DocumentFormat, reportPath: String, detector: Detector,
    into start: FileResult = FileResult(), named: Bool = true
  ) -> FileResult {
    var result = start
    var (documents, problems) = DocumentLoader.load(bytes, format: format, limits: configuration.parseLimits)
    let policy = ParsePolicy.apply(
      problems, bytes: bytes, format: format, named: named, strict: configuration.strictParsing)
    if policy.skipFile { documents = [] }
    result.diagnostics += policy.diagnostics.map { $0.inFile(reportPath) }
    let allowList = configuration.allowList
    // An allow entry with `value` is matched against the flagged value, so findings carry
    // it until the allow list has seen them.
    let keepValues = allowList.needsValues && !configuration.revealValues
    let source = SourceText(bytes)
    var found: [Finding] = []
    for document in documents {
      let extraction = ShapeRecognizer.extract(from: document, source: source)
      result.diagnostics += extraction.notes.map { $0.inFile(reportPath) }
      for shape in extraction.shapes where !result.shapes.contains(shape) { result.shapes.append(shape) }
      let outcome = detector.detect(extraction, file: reportPath, reveal: configuration.revealValues || keepValues)
      found += outcome.findings.filter { $0.level >= configuration.minimumLevel }
      result.diagnostics += outcome.diagnostics.map { $0.inFile(reportPath) }
    }
    if !allowList.entries.isEmpty && !found.isEmpty {
      var tally = AllowList.Tally(entries: allowList.entries.count)
      (found, result.allowed) = allowList.split(found, tally: &tally)
      result.allowTally = tally
      if keepValues {
        for index in found.indices { found[index].revealedValue = nil }
        for index in result.allowed.indices { result.allowed[index].revealedValue = nil }
      }
    }
    if configuration.excerpts {
      SourceExcerpt.attach(
        to: &found, flagged: found + result.allowed, source: bytes, reveal: configuration.revealValues)
    }
    result.findings = found
    return result
  }
}
