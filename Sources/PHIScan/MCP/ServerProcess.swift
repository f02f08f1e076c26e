// MCP owns talking to live MCP servers (stdio and Streamable HTTP) and turning what they
// list into one JSON document for the usual pipeline. This file owns the child process:
// the only code here that spawns, signals and reaps.
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process group of the server being run, for the signal handler: an interrupted
/// phi-scan stops the server's whole group before it exits (0: none running).
let activeServerGroup = Atomic<Int32>(0)

/// A child process in a process group of its own, with pipes on its standard input,
/// output and error. A class: it owns the process and three file descriptors, and
/// `stop()` (also run on deinit) ends the whole group on every path.
final class ServerProcess {
  let pid: pid_t
  private var input: Int32
  private let output: Int32
  private let errors: Int32
  private var outputBuffer: [UInt8] = []
  private var outputClosed = false
  /// Standard error reached its end: left out of poll, which would report it at once forever.
  private var errorsClosed = false
  /// The last bytes of the server's standard error (kept for messages and --verbose).
  private(set) var errorTail: [UInt8] = []
  /// The last non-empty line read from standard output.
  private(set) var lastOutputLine: String?
  private var exitStatus: Int32?
  private var stopped = false
  static let errorTailLimit = 16 * 1024

  /// Starts `arguments[0]` (looked up in `PATH`) with the rest as its arguments.
  /// - Throws: `MCPClientError.start` when it cannot be started.
  init(arguments: [String]) throws(MCPClientError) {
    guard let command = arguments.first else { throw .start(command: "", reason: "no command given") }
    var inputPipe: [Int32] = [-1, -1]
    var outputPipe: [Int32] = [-1, -1]
    var errorPipe: [Int32] = [-1, -1]
    // Close-on-exec everywhere: the child gets only the ends dup2 puts on 0, 1 and 2.
    // (pipe2 needs _GNU_SOURCE, which Glibc's module map does not set.)
    guard pipe(&inputPipe) == 0, pipe(&outputPipe) == 0, pipe(&errorPipe) == 0 else {
      throw .start(command: command, reason: ServerProcess.describe(errno))
    }
    for descriptor in inputPipe + outputPipe + errorPipe { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, inputPipe[0], 0)
    posix_spawn_file_actions_adddup2(&actions, outputPipe[1], 1)
    posix_spawn_file_actions_adddup2(&actions, errorPipe[1], 2)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    // A group of its own, so that the server and everything it starts (npx -> node,
    // uv -> python) can be stopped together; default signal dispositions, since phi-scan
    // ignores SIGPIPE and an ignored signal would stay ignored across exec.
    posix_spawnattr_setpgroup(&attributes, 0)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP] { sigaddset(&defaults, signal) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var mask = sigset_t()
    sigemptyset(&mask)
    posix_spawnattr_setsigmask(&attributes, &mask)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

    var cArguments: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for argument in cArguments { free(argument) } }
    var child: pid_t = 0
    let status = posix_spawnp(&child, command, &actions, &attributes, &cArguments, environ)
    close(inputPipe[0])
    close(outputPipe[1])
    close(errorPipe[1])
    guard status == 0 else {
      close(inputPipe[1])
      close(outputPipe[0])
      close(errorPipe[0])
      throw .start(command: command, reason: ServerProcess.describe(status))
    }
    pid = child
    input = inputPipe[1]
    output = outputPipe[0]
    errors = errorPipe[0]
    _ = fcntl(output, F_SETFL, fcntl(output, F_GETFL) | O_NONBLOCK)
    _ = fcntl(errors, F_SETFL, fcntl(errors, F_GETFL) | O_NONBLOCK)
    activeServerGroup.store(child, ordering: .sequentiallyConsistent)
    ServerProcess.installSignalHandlers()
  }

  deinit { stop() }

  /// Writes `bytes` to the server's standard input.
  /// - Returns: false when the server no longer reads it (it exited or closed the pipe).
  func write(_ bytes: [UInt8]) -> Bool {
    guard input >= 0 else { return false }
    var written = 0
    while written < bytes.count {
      let count = bytes[written...].withUnsafeBytes { Glibc.write(input, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        return false
      }
      written += count
    }
    return true
  }

  /// Closes the server's standard input (the end of a request body for curl).
  func closeInput() {
    if input >= 0 {
      close(input)
      input = -1
    }
  }

  /// Everything written to standard output until it closes; nil at the deadline.
  func readToEnd(deadline: ContinuousClock.Instant) -> [UInt8]? {
    while !outputClosed {
      let left = deadline - ContinuousClock.now
      guard left > .zero else { return nil }
      var fds = [
        pollfd(fd: output, events: Int16(POLLIN), revents: 0),
        pollfd(fd: errorsClosed ? -1 : errors, events: Int16(POLLIN), revents: 0),
      ]
      let ready = poll(&fds, nfds_t(fds.count), ServerProcess.milliseconds(left))
      if ready < 0, errno != EINTR { break }
      drainErrors()
      if fds[0].revents != 0 { readOutput() }
    }
    defer { outputBuffer = [] }
    return outputBuffer
  }

  static func milliseconds(_ duration: Duration) -> Int32 {
    Int32(clamping: duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000 + 1)
  }

  enum LineResult {
    case line([UInt8])
    /// Standard output closed: the server exited or is exiting.
    case closed
    case timedOut
  }

  /// The next non-empty line of standard output, draining standard error meanwhile.
  func readLine(deadline: ContinuousClock.Instant) -> LineResult {
    while true {
      if let newline = outputBuffer.firstIndex(of: 0x0A) {
        var line = Array(outputBuffer[..<newline])
        outputBuffer.removeSubrange(...newline)
        if line.last == 0x0D { line.removeLast() }
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
        lastOutputLine = String(decoding: line.prefix(300), as: UTF8.self)
        return .line(line)
      }
      if outputClosed {
        if !outputBuffer.isEmpty {
          let line = outputBuffer
          outputBuffer = []
          lastOutputLine = String(decoding: line.prefix(300), as: UTF8.self)
          return .line(line)
        }
        return .closed
      }
      let left = deadline - ContinuousClock.now
      guard left > .zero else { return .timedOut }
      var fds = [
        pollfd(fd: output, events: Int16(POLLIN), revents: 0),
        pollfd(fd: errorsClosed ? -1 : errors, events: Int16(POLLIN), revents: 0),
      ]
      let ready = poll(&fds, nfds_t(fds.count), ServerProcess.milliseconds(left))
      if ready < 0, errno != EINTR { return .closed }
      drainErrors()
      if fds[0].revents != 0 { readOutput() }
    }
  }

  private func readOutput() {
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
      if count > 0 {
        outputBuffer += chunk[..<count]
        continue
      }
      if count == 0 { outputClosed = true }
      if count < 0, errno == EINTR { continue }
      return
    }
  }

  /// Reads what standard error holds now, keeping its last `errorTailLimit` bytes.
  func drainErrors() {
    guard !errorsClosed else { return }
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(errors, $0.baseAddress, $0.count) }
      if count > 0 {
        errorTail += chunk[..<count]
        if errorTail.count > ServerProcess.errorTailLimit {
          errorTail.removeFirst(errorTail.count - ServerProcess.errorTailLimit)
        }
        continue
      }
      if count == 0 { errorsClosed = true }
      if count < 0, errno == EINTR { continue }
      return
    }
  }

  /// The exit status once the leader has exited (it is left a zombie, so its process
  /// group id cannot be reused before `stop()` has signalled the group).
  func hasExited() -> Bool {
    if exitStatus != nil { return true }
    var info = siginfo_t()
    guard waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 else { return false }
    return info._sifields._sigchld.si_pid == pid
  }

  /// Describes how the leader ended, after it has; nil while it runs.
  func exitDescription() -> String? {
    if exitStatus == nil {
      guard hasExited() else { return nil }
      var status: Int32 = 0
      guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
      exitStatus = status
    }
    guard let status = exitStatus else { return nil }
    let signal = status & 0x7F
    if signal == 0 { return "exited with status \((status >> 8) & 0xFF)" }
    return "was killed by signal \(signal)"
  }

  /// Waits up to `limit` for the leader to exit.
  func waitForExit(_ limit: Duration) -> Bool {
    let deadline = ContinuousClock.now + limit
    while !hasExited() {
      if ContinuousClock.now >= deadline { return false }
      drainErrors()
      usleep(10_000)
    }
    return true
  }

  /// Ends the server and everything in its group: standard input closed (an MCP stdio
  /// server exits on it), then SIGTERM to the group, then SIGKILL, then the leader reaped.
  /// `polite` gives the server time to exit on its own first.
  func stop(polite: Bool = true) {
    guard !stopped else { return }
    stopped = true
    closeInput()
    if polite { _ = waitForExit(.seconds(2)) }
    kill(-pid, SIGTERM)
    _ = waitForExit(.seconds(2))
    // Whatever is left of the group (children of an exited leader included).
    kill(-pid, SIGKILL)
    drainErrors()
    if exitStatus == nil {
      var status: Int32 = 0
      while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
      exitStatus = status
    }
    activeServerGroup.store(0, ordering: .sequentiallyConsistent)
    close(output)
    close(errors)
  }

  /// The server's standard error, its last lines, as text.
  var errorText: String { String(decoding: errorTail, as: UTF8.self) }

  static func describe(_ code: Int32) -> String {
    let text = strerror(code).map { String(cString: $0) } ?? "error \(code)"
    if code == ENOENT { return "\(text) (is it installed and on PATH?)" }
    if code == EACCES { return "\(text) (is it executable?)" }
    return text
  }

  /// SIGINT, SIGTERM and SIGHUP stop the server's group before phi-scan exits, and remove
  /// any report being written (this replaces `TemporaryFiles.removeOnInterrupt`'s
  /// handler, so it does its work too); SIGPIPE is ignored, so a server that closed its
  /// input gives an error, not a dead phi-scan.
  static func installSignalHandlers() {
    // Every first-time step (a global's set-up, type metadata) is taken here, not in a
    // handler, where allocating could deadlock on malloc's lock.
    _ = activeServerGroup.load(ordering: .sequentiallyConsistent)
    TemporaryFiles.prepareForSignals()
    signal(SIGPIPE, SIG_IGN)
    for caught in [SIGINT, SIGTERM, SIGHUP] {
      signal(caught) { received in
        let group = activeServerGroup.load(ordering: .sequentiallyConsistent)
        if group > 0 { kill(-group, SIGKILL) }
        TemporaryFiles.removeAll()
        _exit(128 + received)
      }
    }
  }
}
