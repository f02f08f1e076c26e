/// A problem with an input or with the run. Errors mean something was not scanned
/// (exit code 2); warnings are worth knowing but everything was scanned.
public struct Diagnostic: Sendable, Hashable {
  public enum Severity: String, Sendable, Codable { case error, warning, note }

  public var severity: Severity
  /// What kind of problem; its raw value is the stable kebab-case code reports show.
  public var code: DiagnosticCode
  /// Report path of the file, or nil for run-wide problems.
  public var file: String?
  public var position: SourcePosition?
  public var message: String

  public init(severity: Severity, code: DiagnosticCode, file: String?, position: SourcePosition?, message: String) {
    self.severity = severity
    self.code = code
    self.file = file
    self.position = position
    self.message = message
  }

  /// A stage's diagnostic: stages that read one file leave `file` nil, and the scanner
  /// adds it (see DiagnosticCode.swift for every message).
  init(
    _ severity: Severity, _ code: DiagnosticCode, file: String? = nil, at position: SourcePosition? = nil,
    _ message: String
  ) {
    self.init(severity: severity, code: code, file: file, position: position, message: message)
  }

  /// This diagnostic in `file`, unless its stage already named one.
  func inFile(_ file: String) -> Diagnostic {
    var placed = self
    if placed.file == nil { placed.file = file }
    return placed
  }

  /// `file:line:col: message`, the form editors and terminals link.
  public var located: String {
    var prefix = file ?? "phi-scan"
    if let position { prefix += ":\(position.line):\(position.column)" }
    return "\(prefix): \(message)"
  }

  public static func reportOrder(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
    let fa = a.file ?? ""
    let fb = b.file ?? ""
    if fa != fb { return fa < fb }
    let pa = a.position ?? SourcePosition(line: 0, column: 0)
    let pb = b.position ?? SourcePosition(line: 0, column: 0)
    if pa != pb { return pa < pb }
    return (a.code, a.message) < (b.code, b.message)
  }
}
