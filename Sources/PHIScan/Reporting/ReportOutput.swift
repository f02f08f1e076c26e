/// A report's bytes on their way out: passed to an `OutputFile` in pieces of about
/// 64 KiB, so a large report is never held whole in memory, or collected (`render`,
/// tests). The first failed write is kept and every later one dropped, so reporters
/// write without checking each piece; `finish()` reports the failure.
package final class ReportOutput {
  /// Bytes are passed on once this many are waiting.
  static let pieceSize = 1 << 16

  private var buffer: [UInt8] = []
  private let file: OutputFile?
  package private(set) var failure: OutputError?

  /// Writes to `file`; `finish()` commits it.
  package init(file: OutputFile) {
    self.file = file
    buffer.reserveCapacity(ReportOutput.pieceSize + 4096)
  }

  /// Collects the report in memory (`text`).
  package init() {
    file = nil
  }

  package func write(_ text: String) {
    buffer.append(contentsOf: text.utf8)
    passOnIfFull()
  }

  package func write(_ bytes: [UInt8]) {
    if file != nil && buffer.isEmpty && bytes.count >= ReportOutput.pieceSize {
      pass(bytes)
      return
    }
    buffer.append(contentsOf: bytes)
    passOnIfFull()
  }

  func passOnIfFull() {
    if file != nil && buffer.count >= ReportOutput.pieceSize {
      pass(buffer)
      buffer.removeAll(keepingCapacity: true)
    }
  }

  private func pass(_ bytes: [UInt8]) {
    guard let file, failure == nil else { return }
    do {
      try file.write(bytes)
    } catch {
      failure = error
    }
  }

  /// Writes what is left and commits the file (flushed, closed, renamed into place).
  /// - Throws: the first `OutputError`; the target is then left as it was.
  package func finish() throws(OutputError) {
    guard let file else { return }
    if !buffer.isEmpty { pass(buffer) }
    buffer = []
    if let failure {
      file.discard()
      throw failure
    }
    try file.commit()
  }

  /// What was collected (for an output made with `init()`).
  package var text: String { String(decoding: buffer, as: UTF8.self) }
}
