import ArgumentParser
import Foundation
import PHIScan

/// Everything the CLI writes besides messages on standard error: reports, baselines and
/// standard output, each write checked (DESIGN.md 3, "Writing files"). A failure is an
/// error naming the file and the system's reason, and the run exits 2.
enum Output {
  /// Process-wide set-up, first thing in `main`: a file-size limit (`ulimit -f`) makes
  /// write(2) fail with EFBIG instead of killing the process with SIGXFSZ, and SIGINT or
  /// SIGTERM removes the temporary file being written and exits 130 or 143.
  static func prepare() {
    _ = signal(SIGXFSZ, SIG_IGN)
    TemporaryFiles.removeOnInterrupt()
  }

  /// Writes what `body` puts out to `path` (nil: standard output), replacing the file only
  /// when all of it was written. On failure prints why and returns false.
  static func write(to path: String?, _ body: (ReportOutput) -> Void) -> Bool {
    do {
      let file =
        try path.map { (path) throws(OutputError) in try OutputFile.create(path) } ?? OutputFile.standardOutput()
      let output = ReportOutput(file: file)
      body(output)
      try output.finish()
      return true
    } catch {
      Terminal.error("phi-scan: \(error)")
      return false
    }
  }

  /// `print` for command output, checked: exits 2 when standard output cannot take it.
  static func print(_ text: String) throws {
    guard write(to: nil, { $0.write(text) }) else { throw ExitCode(ExitStatus.usageOrInput) }
  }

  /// At exit: flushes what went through stdio (help and version text) and closes standard
  /// output, so an error that shows only then (a full disk behind a redirection) is not
  /// lost. Returns false, after saying why, when either fails.
  static func finishStandardOutput() -> Bool {
    // nil: every stdio stream, standard output among them (naming `stdout` is refused
    // under strict concurrency).
    if fflush(nil) != 0 {
      Terminal.error("phi-scan: \(OutputError.write(file: OutputFile.standardOutputName, code: errno, inPlace: true))")
      return false
    }
    // EBADF: standard output was closed when phi-scan started and nothing was written.
    if close(STDOUT_FILENO) != 0 && errno != EBADF && errno != EINTR {
      Terminal.error("phi-scan: \(OutputError.flush(file: OutputFile.standardOutputName, code: errno, inPlace: true))")
      return false
    }
    return true
  }

  /// The bytes of an existing regular file at `path` (links followed); nil when there is
  /// none. A device such as /dev/full or /dev/zero is never read: it has no end.
  static func regularFileContents(_ path: String) -> Data? {
    var status = stat()
    guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
    return FileManager.default.contents(atPath: path)
  }
}
