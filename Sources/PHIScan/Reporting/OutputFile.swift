// Every file phi-scan writes goes through `OutputFile` (DESIGN.md 3, "Writing files"):
// a report or baseline that CI uploads or a later run trusts must be complete or absent,
// never truncated, and a failed run must not destroy the previous one.
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a report, a baseline or standard output could not be written in full. Each case
/// names the file as the user gave it and carries the system's error number; the earlier
/// file at that path, if any, is left as it was and no temporary file is left behind.
package enum OutputError: Error, Equatable, CustomStringConvertible {
  /// No temporary file could be made in the target's directory.
  case temporaryFile(file: String, directory: String, code: Int32)
  /// An existing device, pipe or other non-regular file could not be opened.
  case open(file: String, code: Int32)
  /// `inPlace`: a device or pipe written directly, which may hold part of the output.
  case write(file: String, code: Int32, inPlace: Bool = false)
  /// fsync(2) or close(2) failed: the bytes may not have reached the file.
  case flush(file: String, code: Int32, inPlace: Bool = false)
  /// The finished temporary file could not be moved onto the target.
  case rename(file: String, code: Int32)

  package var file: String {
    switch self {
    case .temporaryFile(let file, _, _), .open(let file, _), .write(let file, _, _), .flush(let file, _, _),
      .rename(let file, _):
      return file
    }
  }

  package var code: Int32 {
    switch self {
    case .temporaryFile(_, _, let code), .open(_, let code), .write(_, let code, _), .flush(_, let code, _),
      .rename(_, let code):
      return code
    }
  }

  package var description: String {
    let reason = OutputError.reason(code)
    var kept = "; an earlier \(file), if any, is unchanged"
    switch self {
    case .write(_, _, true), .flush(_, _, true): kept = ""
    default: break
    }
    switch self {
    case .temporaryFile(_, let directory, _):
      return "cannot write \(file): cannot create a temporary file in \(directory): \(reason)\(kept)"
    case .open: return "cannot write \(file): cannot open it: \(reason)"
    case .write: return "cannot write \(file): \(reason)\(kept)"
    case .flush: return "cannot write \(file): flushing it to disk failed: \(reason)\(kept)"
    case .rename: return "cannot write \(file): cannot move the finished temporary file onto it: \(reason)\(kept)"
    }
  }

  /// The system's reason, and what to do about the common ones.
  static func reason(_ code: Int32) -> String {
    let text = strerror(code).map { String(cString: $0) } ?? "error \(code)"
    switch code {
    case ENOSPC, EDQUOT: return "\(text) (free some space or write elsewhere)"
    case EFBIG: return "\(text) (the file-size limit, ulimit -f, was reached)"
    case EACCES, EPERM, EROFS: return "\(text) (choose a writable location)"
    case ENOENT: return "\(text) (create the directory first)"
    default: return text
    }
  }
}

/// One file being written: to a temporary file beside the target, renamed onto it only
/// after every write, the fsync and the close succeeded. An existing target that is not a
/// regular file (a device such as /dev/full or /dev/null, a FIFO) cannot be replaced that
/// way and is written in place, with every write and the close checked.
/// Discarded (closed, temporary file removed) when released without `commit()`.
package final class OutputFile {
  /// How standard output is named in messages.
  package static let standardOutputName = "standard output"

  /// The path as the user gave it, for messages.
  package let name: String
  private var descriptor: Int32
  /// The temporary file and where it goes; nil when written in place.
  private let replacing: (temporary: String, target: String, slot: TemporaryFiles.Slot?)?
  private let closesDescriptor: Bool
  private var finished = false

  private init(
    name: String, descriptor: Int32, replacing: (temporary: String, target: String, slot: TemporaryFiles.Slot?)?,
    closesDescriptor: Bool
  ) {
    self.name = name
    self.descriptor = descriptor
    self.replacing = replacing
    self.closesDescriptor = closesDescriptor
  }

  /// Standard output: written in place and never closed here (the CLI checks its close
  /// at exit).
  package static func standardOutput() -> OutputFile {
    OutputFile(name: standardOutputName, descriptor: STDOUT_FILENO, replacing: nil, closesDescriptor: false)
  }

  /// Starts writing `path`.
  /// - Throws: `OutputError` when no temporary file can be made beside it, or an existing
  ///   device or pipe cannot be opened.
  package static func create(_ path: String) throws(OutputError) -> OutputFile {
    // A link is followed, so the file it points to is replaced and the link stays.
    let target = resolvedLink(path) ?? path
    var status = stat()
    let exists = stat(target, &status) == 0
    if exists && (status.st_mode & S_IFMT) != S_IFREG {
      let descriptor = open(target, O_WRONLY | O_CLOEXEC)
      guard descriptor >= 0 else { throw .open(file: path, code: errno) }
      return OutputFile(name: path, descriptor: descriptor, replacing: nil, closesDescriptor: true)
    }
    let directory = directoryName(target)
    // Hidden (scans skip it) and short enough for any file name limit.
    let stem = String(String.UnicodeScalarView(baseName(target).unicodeScalars.prefix(50)))
    var template = Array("\(directory)/.\(stem).phi-scan-XXXXXX".utf8CString)
    // No signal between creating the file and noting it for the handler.
    let (descriptor, slot, code) = TemporaryFiles.withSignalsBlocked { () -> (Int32, TemporaryFiles.Slot?, Int32) in
      let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
      guard descriptor >= 0 else { return (descriptor, nil, errno) }
      return (descriptor, TemporaryFiles.register(template), 0)
    }
    guard descriptor >= 0 else { throw .temporaryFile(file: path, directory: directory, code: code) }
    let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    // mkstemp makes the file 0600; the report gets the mode the target has, or the one a
    // new file would get.
    _ = fchmod(descriptor, exists ? status.st_mode & 0o7777 : 0o666 & ~currentUmask())
    _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
    return OutputFile(name: path, descriptor: descriptor, replacing: (temporary, target, slot), closesDescriptor: true)
  }

  /// Writes all of `bytes`, retrying interrupted and partial writes.
  package func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
    precondition(!finished, "write after commit or discard")
    var offset = 0
    while offset < bytes.count {
      let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        let code = errno
        discard()
        throw .write(file: name, code: code, inPlace: replacing == nil)
      }
      offset += written
    }
  }

  package func write(_ bytes: [UInt8]) throws(OutputError) {
    // withUnsafeBytes does not pass typed errors through.
    let failure = bytes.withUnsafeBytes { buffer -> OutputError? in
      do throws(OutputError) { try write(buffer) } catch { return error }
      return nil
    }
    if let failure { throw failure }
  }

  /// Flushes the file to disk, closes it and moves it onto the target. On any failure the
  /// temporary file is removed and the target left as it was.
  package func commit() throws(OutputError) {
    precondition(!finished, "commit after commit or discard")
    guard let replacing else {
      finished = true
      guard closesDescriptor else { return }
      if close(descriptor) != 0 && errno != EINTR { throw .flush(file: name, code: errno, inPlace: true) }
      return
    }
    if fsync(descriptor) != 0 {
      let code = errno
      discard()
      throw .flush(file: name, code: code)
    }
    finished = true
    // After a failed close the descriptor is released anyway (Linux), so it is not retried.
    if close(descriptor) != 0 && errno != EINTR {
      let code = errno
      removeTemporary(replacing)
      throw .flush(file: name, code: code)
    }
    let code: Int32 = TemporaryFiles.withSignalsBlocked {
      guard rename(replacing.temporary, replacing.target) == 0 else { return errno }
      if let slot = replacing.slot { TemporaryFiles.release(slot) }
      return 0
    }
    if code != 0 {
      removeTemporary(replacing)
      throw .rename(file: name, code: code)
    }
  }

  /// Closes the file and removes the temporary file; the target stays as it was.
  package func discard() {
    guard !finished else { return }
    finished = true
    if closesDescriptor { _ = close(descriptor) }
    if let replacing { removeTemporary(replacing) }
  }

  deinit { discard() }

  private func removeTemporary(_ replacing: (temporary: String, target: String, slot: TemporaryFiles.Slot?)) {
    _ = unlink(replacing.temporary)
    if let slot = replacing.slot { TemporaryFiles.release(slot) }
  }

  /// Where a symbolic link at `path` leads, when it leads to something; nil otherwise.
  static func resolvedLink(_ path: String) -> String? {
    var status = stat()
    guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFLNK else { return nil }
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  static func directoryName(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let directory = path[..<slash]
    return directory.isEmpty ? "/" : String(directory)
  }

  static func baseName(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
  }

  static func currentUmask() -> mode_t {
    let mask = umask(0o022)
    umask(mask)
    return mask
  }
}

/// The temporary files being written, for a signal handler to remove: SIGINT or SIGTERM
/// during a run leaves none behind. A handler may only call async-signal-safe functions,
/// so each path sits in memory allocated up front, and a slot's state is an atomic the
/// handler reads without a lock.
package enum TemporaryFiles {
  final class Slot: Sendable {
    /// 0 free, 1 being filled, 2 holds the path of a temporary file.
    let state = Atomic<Int>(0)
    nonisolated(unsafe) let path = UnsafeMutablePointer<CChar>.allocate(capacity: Int(PATH_MAX) + 1)
    let next: Slot?

    init(next: Slot?) { self.next = next }
  }

  /// More than a run writes at once (the CLI writes one file at a time). A file that
  /// finds no free slot is still removed on every error, just not on a signal.
  static let slotCount = 16

  /// The slots as a chain, not an array: walking it touches no collection code, which in
  /// an unoptimized build allocates (the frames of generic accessors), and a handler
  /// that allocates can interrupt `malloc` holding its lock and wait for it forever.
  static let firstSlot: Slot = (1..<slotCount).reduce(Slot(next: nil)) { next, _ in Slot(next: next) }

  /// Notes `path` (a C string) for the handler.
  static func register(_ path: [CChar]) -> Slot? {
    guard path.count <= Int(PATH_MAX) + 1 else { return nil }
    var candidate: Slot? = firstSlot
    while let slot = candidate {
      if slot.state.compareExchange(expected: 0, desired: 1, ordering: .acquiring).exchanged {
        path.withUnsafeBufferPointer { slot.path.update(from: $0.baseAddress!, count: path.count) }
        slot.state.store(2, ordering: .releasing)
        return slot
      }
      candidate = slot.next
    }
    return nil
  }

  static func release(_ slot: Slot) { slot.state.store(0, ordering: .releasing) }

  /// Removes every temporary file being written. Async-signal-safe: atomic loads, field
  /// reads and unlink(2); nothing allocates once `prepareForSignals` has run.
  package static func removeAll() {
    var candidate: Slot? = firstSlot
    while let slot = candidate {
      if slot.state.load(ordering: .acquiring) == 2 { _ = unlink(slot.path) }
      candidate = slot.next
    }
  }

  /// Takes, before any handler can run, the first-time steps `removeAll` would otherwise
  /// take inside one: building the slots (a global's lazy set-up allocates).
  package static func prepareForSignals() {
    removeAll()
  }

  /// Makes SIGINT and SIGTERM remove the temporary files and exit with 128 + the signal
  /// number (130, 143), the status a shell shows for a process they stopped.
  /// The signals are unblocked too: a parent that blocks them on its threads (a test
  /// runner does) passes its mask on to the processes it starts.
  package static func removeOnInterrupt() {
    prepareForSignals()
    for number in [SIGINT, SIGTERM] {
      _ = signal(number) { number in
        TemporaryFiles.removeAll()
        _exit(128 + number)
      }
    }
    var interrupts = sigset_t()
    sigemptyset(&interrupts)
    sigaddset(&interrupts, SIGINT)
    sigaddset(&interrupts, SIGTERM)
    pthread_sigmask(SIG_UNBLOCK, &interrupts, nil)
  }

  /// Runs `body` with SIGINT and SIGTERM held back on this thread, so that no handler runs
  /// between creating a temporary file and noting it (or moving it and forgetting it).
  /// Dispatch's worker threads block these signals, so they reach the thread writing.
  static func withSignalsBlocked<T>(_ body: () -> T) -> T {
    var blocked = sigset_t()
    var previous = sigset_t()
    sigemptyset(&blocked)
    sigaddset(&blocked, SIGINT)
    sigaddset(&blocked, SIGTERM)
    pthread_sigmask(SIG_BLOCK, &blocked, &previous)
    defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
    return body()
  }
}
