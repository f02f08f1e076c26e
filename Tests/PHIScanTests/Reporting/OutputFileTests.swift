import Foundation
import Testing

@_spi(Internals) @testable import PHIScan

/// Checked, atomic writes (DESIGN.md 3, "Writing files"), in process. Serialized: one test
/// removes every registered temporary file, as the signal handler does.
@Suite(.serialized) struct OutputFileTests {
  static func directory() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("phi-scan-output-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
  }

  static func names(in dir: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
  }

  @Test func theFileAppearsOnlyWhenCommitted() throws {
    let dir = try Self.directory()
    let target = dir.appendingPathComponent("report.sarif")
    try "earlier".write(to: target, atomically: false, encoding: .utf8)
    let file = try OutputFile.create(target.path)
    try file.write(Array("new report".utf8))
    #expect(try String(contentsOf: target, encoding: .utf8) == "earlier")
    #expect(try Self.names(in: dir).count == 2, "a temporary file beside the target")
    try file.commit()
    #expect(try String(contentsOf: target, encoding: .utf8) == "new report")
    #expect(try Self.names(in: dir) == ["report.sarif"])
  }

  @Test func aDiscardedFileLeavesTheEarlierOneAndNoTemporaryFile() throws {
    let dir = try Self.directory()
    let target = dir.appendingPathComponent("report.json")
    try "earlier".write(to: target, atomically: false, encoding: .utf8)
    do {
      let file = try OutputFile.create(target.path)
      try file.write(Array("half a rep".utf8))
      // Released without commit, as when a reporter stops on an error.
    }
    #expect(try String(contentsOf: target, encoding: .utf8) == "earlier")
    #expect(try Self.names(in: dir) == ["report.json"])
  }

  @Test(.enabled(if: CLIWriteTests.hasFullDevice)) func aFullDeviceFailsWithItsReason() throws {
    let file = try OutputFile.create("/dev/full")
    #expect(throws: OutputError.write(file: "/dev/full", code: ENOSPC, inPlace: true)) {
      try file.write(Array("x".utf8))
    }
    let message = String(describing: OutputError.write(file: "/dev/full", code: ENOSPC, inPlace: true))
    #expect(message == "cannot write /dev/full: No space left on device (free some space or write elsewhere)")
  }

  @Test func aMissingDirectoryIsNamed() throws {
    let dir = try Self.directory()
    let target = dir.appendingPathComponent("no/such/report.sarif").path
    #expect(
      throws: OutputError.temporaryFile(
        file: target, directory: dir.appendingPathComponent("no/such").path, code: ENOENT)
    ) {
      try OutputFile.create(target)
    }
  }

  @Test func theTargetKeepsItsModeAndALinkStaysALink() throws {
    let dir = try Self.directory()
    let real = dir.appendingPathComponent("real.json")
    try "earlier".write(to: real, atomically: false, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: real.path)
    let link = dir.appendingPathComponent("link.json")
    try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real.json")
    let file = try OutputFile.create(link.path)
    try file.write(Array("new".utf8))
    try file.commit()
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "real.json")
    #expect(try String(contentsOf: real, encoding: .utf8) == "new")
    let mode = try FileManager.default.attributesOfItem(atPath: real.path)[.posixPermissions] as? Int
    #expect(mode == 0o640)
  }

  /// What the SIGINT/SIGTERM handler does: every temporary file being written goes.
  @Test func theSignalCleanupRemovesTemporaryFiles() throws {
    let dir = try Self.directory()
    let file = try OutputFile.create(dir.appendingPathComponent("report.sarif").path)
    try file.write(Array("partial".utf8))
    #expect(try Self.names(in: dir).count == 1)
    TemporaryFiles.removeAll()
    #expect(try Self.names(in: dir).isEmpty)
    file.discard()
  }

  /// A report streamed to a file in pieces is the report `render` returns, byte for byte.
  @Test func streamedReportsEqualRenderedOnes() throws {
    let findings = (0..<1500).map { index in
      ReportDetailsTests.finding(
        "/properties/p\(index)/const", line: index + 1, file: "dir \(index / 100)/a#\(index % 7).json")
    }
    let result = try ReportDetailsTests.result(findings)
    let dir = try Self.directory()
    let reports: [(String, (ReportOutput) -> Void, String)] = [
      ("r.sarif", { SARIFReporter.write(result, options: .init(), to: $0) }, SARIFReporter.render(result)),
      ("r.json", { JSONReporter.write(result, to: $0) }, JSONReporter.render(result)),
      ("r.txt", { TextReporter.write(result, to: $0) }, TextReporter.render(result)),
    ]
    for (name, write, rendered) in reports {
      let path = dir.appendingPathComponent(name).path
      let output = ReportOutput(file: try OutputFile.create(path))
      write(output)
      try output.finish()
      let written = try String(contentsOfFile: path, encoding: .utf8)
      #expect(written.utf8.count > ReportOutput.pieceSize, "\(name) spans several pieces")
      #expect(written == rendered, "\(name)")
    }
  }

  @Test(.enabled(if: CLIWriteTests.hasFullDevice)) func aFailedPieceFailsTheReport() throws {
    let output = ReportOutput(file: try OutputFile.create("/dev/full"))
    output.write(String(repeating: "x", count: 3 * ReportOutput.pieceSize))
    output.write("more")
    #expect(throws: OutputError.write(file: "/dev/full", code: ENOSPC, inPlace: true)) { try output.finish() }
  }
}
