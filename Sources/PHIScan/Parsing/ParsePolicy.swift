/// What a file that does not parse means for the run. A file named on the command line
/// (or standard input) was asked for: not parsing is an error (exit 2). A file found by
/// walking a directory may simply not be a schema (a config in another dialect, a
/// fixture): a syntax error or invalid UTF-8 there is a warning that leaves the exit code
/// alone, unless the run is strict (`--strict`, config `strict: true`). A document phi-scan
/// read but could not finish (nesting too deep, over a parse limit) stays an error either
/// way: it is valid data a provider might accept, so skipping it quietly would let
/// anything hide in it. A template (Helm, Jinja, Go: `{{ }}`, `{% %}`) that does not parse
/// is no YAML or JSON until rendered: it is skipped with a note.
enum ParsePolicy {
  struct Outcome {
    var diagnostics: [Diagnostic]
    /// True for a template: none of its documents is scanned.
    var skipFile: Bool
  }

  static func apply(_ problems: [Diagnostic], bytes: [UInt8], format: DocumentFormat, named: Bool, strict: Bool)
    -> Outcome
  {
    guard problems.contains(where: { $0.severity == .error }) else {
      return Outcome(diagnostics: problems, skipFile: false)
    }
    if format != .jsonLines, let marker = templateMarker(bytes) {
      return Outcome(diagnostics: [.templateSkipped(marker: marker)], skipFile: true)
    }
    guard !named && !strict else { return Outcome(diagnostics: problems, skipFile: false) }
    return Outcome(
      diagnostics: problems.map { problem in
        guard problem.severity == .error, problem.code == .syntaxError || problem.code == .invalidUTF8 else {
          return problem
        }
        return problem.foundByWalking()
      }, skipFile: false)
  }

  /// `; 2 files not fully parsed (warnings); 1 template skipped` for the text summary: what the
  /// policy let pass without an error, so the summary line never hides it.
  static func summary(_ diagnostics: [Diagnostic]) -> String {
    func files(_ keep: (Diagnostic) -> Bool) -> Int { Set(diagnostics.filter(keep).compactMap(\.file)).count }
    let unparsed = files { $0.severity == .warning && ($0.code == .syntaxError || $0.code == .invalidUTF8) }
    let templates = files { $0.code == .templateSkipped }
    var text = ""
    if unparsed > 0 { text += "; \(unparsed) file\(unparsed == 1 ? "" : "s") not fully parsed (warnings)" }
    if templates > 0 { text += "; \(templates) template\(templates == 1 ? "" : "s") skipped" }
    return text
  }

  /// `{{` or `{%` when the bytes hold a template expression or statement (opened and
  /// closed), else nil.
  static func templateMarker(_ bytes: [UInt8]) -> String? {
    let brace = UInt8(ascii: "{")
    let close = UInt8(ascii: "}")
    let percent = UInt8(ascii: "%")
    var index = 0
    while index + 1 < bytes.count {
      if bytes[index] == brace, bytes[index + 1] == brace || bytes[index + 1] == percent {
        let closer = bytes[index + 1] == brace ? close : percent
        var end = index + 2
        // The closing `}}` or `%}` on the same line.
        while end + 1 < bytes.count, bytes[end] != 0x0A {
          if bytes[end] == closer, bytes[end + 1] == close { return closer == close ? "{{ }}" : "{% %}" }
          end += 1
        }
      }
      index += 1
    }
    return nil
  }
}
