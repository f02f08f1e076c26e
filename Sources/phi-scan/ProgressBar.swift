import Foundation
import PHIScan
import Synchronization

/// A one-line progress display on standard error: files done / total and MB/s. It
/// appears only when standard error is a terminal and the scan has run for a while,
/// so short scans and CI logs stay clean.
final class ProgressBar: Sendable {
  /// Nothing is drawn before this many seconds: most scans end first.
  static let delay = 1.0
  /// Redraws at most this often.
  static let interval = 0.1

  private struct State {
    var lastDraw = 0.0
    var drawn = false
  }

  private let start = DispatchTime.now().uptimeNanoseconds
  private let state = Mutex(State())

  /// A bar when standard error is a terminal; nil otherwise.
  static func forStandardError() -> ProgressBar? {
    isatty(STDERR_FILENO) == 1 ? ProgressBar() : nil
  }

  private var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

  /// Called from worker threads after each file.
  func update(_ progress: ScanProgress) {
    let now = elapsed
    state.withLock { state in
      // At most every `interval`, even when the files done catch up with those discovery
      // has listed so far (the total grows while the walk goes on); `finish` clears the line.
      guard now >= ProgressBar.delay, now - state.lastDraw >= ProgressBar.interval else { return }
      state.lastDraw = now
      state.drawn = true
      let megabytes = Double(progress.bytesDone) / 1_000_000
      let width = 30
      let filled = progress.filesTotal == 0 ? width : width * progress.filesDone / progress.filesTotal
      let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
      let line = String(
        format: "\r[%@] %d/%d files  %.1f MB  %.0f MB/s", bar, progress.filesDone, progress.filesTotal, megabytes,
        megabytes / max(now, 0.001))
      FileHandle.standardError.write(Data(line.utf8))
    }
  }

  /// Clears the line so the report or diagnostics start on a clean one.
  func finish() {
    state.withLock { state in
      if state.drawn { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
  }
}
