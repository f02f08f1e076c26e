// API is the public surface: configure, scan, get values back. It ties the stages
// together and owns no logic of its own beyond ordering them.
import Foundation

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

  /// Scans every configured path. Per-file problems become diagnostics; the scan goes on.
  public func scan() -> ScanResult {
    let (discovered, discoveryDiagnostics) = FileDiscovery.discover(configuration.paths, root: configuration.root)
    let files = discovered.filter { configuration.pathFilter.admits($0.reportPath) }
    var findings: [Finding] = []
    var diagnostics = discoveryDiagnostics
    var bytes = 0
    let detector: Detector
    do {
      detector = try Detector(rules: rules)
    } catch {
      diagnostics.append(Diagnostic(severity: .error, code: "internal", file: nil, position: nil, message: "cannot start the detector: \(error)"))
      return ScanResult(findings: [], diagnostics: diagnostics, rules: rules, filesScanned: 0, bytesScanned: 0)
    }
    for file in files {
      let result = scanFile(file, detector: detector)
      findings += result.findings
      diagnostics += result.diagnostics
      bytes += result.byteCount
    }
    return ScanResult(findings: findings, diagnostics: diagnostics, rules: rules, filesScanned: files.count, bytesScanned: bytes)
  }

  /// What one file produced.
  public struct FileResult: Sendable {
    public var findings: [Finding] = []
    public var diagnostics: [Diagnostic] = []
    public var byteCount = 0
    public init() {}
  }

  /// Scans one file. Never throws: every failure is a diagnostic naming the file.
  public func scanFile(_ file: DiscoveredFile, detector: Detector) -> FileResult {
    var result = FileResult()
    guard let data = FileManager.default.contents(atPath: file.path) else {
      result.diagnostics.append(Diagnostic(severity: .error, code: "unreadable", file: file.reportPath, position: nil, message: "the file cannot be read (permissions?)"))
      return result
    }
    let bytes = [UInt8](data)
    result.byteCount = bytes.count
    return scanBytes(bytes, format: DocumentFormat.forPath(file.path) ?? DocumentFormat.sniff(bytes), reportPath: file.reportPath, detector: detector, into: result)
  }

  /// Scans bytes already in memory (stdin, tests).
  public func scanBytes(_ bytes: [UInt8], format: DocumentFormat, reportPath: String, detector: Detector, into start: FileResult = FileResult()) -> FileResult {
    var result = start
    let (documents, problems) = DocumentLoader.load(bytes, format: format, limits: configuration.parseLimits)
    for problem in problems {
      result.diagnostics.append(Diagnostic(severity: problem.isError ? .error : .warning, code: problem.code, file: reportPath, position: problem.position, message: problem.message))
    }
    for document in documents {
      let (strings, _) = ShapeRecognizer.extractStrings(from: document)
      let outcome = detector.detect(strings, file: reportPath, reveal: configuration.revealValues)
      result.findings += outcome.findings
      result.diagnostics += outcome.diagnostics
    }
    return result
  }
}
