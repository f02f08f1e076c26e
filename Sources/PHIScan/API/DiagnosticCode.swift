/// Every problem phi-scan reports, by its stable code (JSON `diagnostics[].code`, SARIF
/// `notifications[].descriptor.id`). The words of each message are below, in one place:
/// stages return these diagnostics without a file, and the scanner adds it.
public enum DiagnosticCode: String, Sendable, CaseIterable, Comparable {
  // Finding and reading files
  case notFound = "not-found"
  case unreadable
  case notRegularFile = "not-regular-file"
  case tooLarge = "too-large"
  case brokenSymlink = "broken-symlink"
  case symlinkLoop = "symlink-loop"
  case unreadableIgnoreFile = "unreadable-ignore-file"
  case invalidIgnorePattern = "invalid-ignore-pattern"
  // Parsing
  case syntaxError = "syntax-error"
  case invalidUTF8 = "invalid-utf8"
  case nestingTooDeep = "nesting-too-deep"
  case duplicateKey = "duplicate-key"
  case loneSurrogate = "lone-surrogate"
  case templateSkipped = "template-skipped"
  // Shapes and walking
  case embeddedSchemaInvalid = "embedded-schema-invalid"
  case externalRef = "external-ref"
  case danglingRef = "dangling-ref"
  // Detection
  case patternTooComplex = "pattern-too-complex"
  case matchLimit = "match-limit"
  // Suppression
  case allowExpired = "allow-expired"
  case allowUnused = "allow-unused"
  case baselineStale = "baseline-stale"
  /// phi-scan itself failed (exit code 3 territory, reported instead of crashing).
  case `internal`

  public static func < (a: DiagnosticCode, b: DiagnosticCode) -> Bool { a.rawValue < b.rawValue }
}

extension Diagnostic {
  // MARK: finding and reading files

  static func cannotOpen(_ path: String, _ error: SystemError) -> Diagnostic {
    Diagnostic(
      .error, error.isNotFound ? .notFound : .unreadable, file: path, "cannot open this path: \(error.message)")
  }

  static func unresolvableDirectory(_ path: String) -> Diagnostic {
    Diagnostic(.error, .unreadable, file: path, "the directory cannot be resolved")
  }

  static func unreadableDirectory(_ path: String, _ error: SystemError) -> Diagnostic {
    Diagnostic(.error, .unreadable, file: path, "the directory cannot be read: \(error.message)")
  }

  static func unreadableFile(_ error: SystemError) -> Diagnostic {
    Diagnostic(.error, .unreadable, "the file cannot be read: \(error.message)")
  }

  /// A named path that is not a regular file is an error (the user asked for it); one
  /// met while walking is a warning.
  static func notRegularFile(_ path: String?, _ kind: FileInfo.Kind, named: Bool) -> Diagnostic {
    let hint = named && path != nil ? " (pipe data in with '-')" : ""
    return Diagnostic(
      named ? .error : .warning, .notRegularFile, file: path,
      "skipped: this is \(kind.described), which phi-scan never opens\(hint)")
  }

  /// `size` is nil when the file grew past the limit while it was read.
  static func tooLarge(_ path: String?, size: Int?, limit: Int) -> Diagnostic {
    let what = size.map { "\($0) bytes" } ?? "more than \(limit) bytes"
    return Diagnostic(
      .warning, .tooLarge, file: path,
      "skipped: \(what) is over the --max-file-size limit of \(limit) bytes (\(FileDiscovery.describeSize(limit)))")
  }

  static func brokenSymlink(_ path: String, _ error: SystemError) -> Diagnostic {
    Diagnostic(.warning, .brokenSymlink, file: path, "skipped: the symbolic link cannot be followed: \(error.message)")
  }

  static func symlinkLoop(_ path: String) -> Diagnostic {
    Diagnostic(.warning, .symlinkLoop, file: path, "skipped: a symbolic link leads back to a directory above it")
  }

  static func unreadableIgnoreFile(_ path: String) -> Diagnostic {
    Diagnostic(
      .warning, .unreadableIgnoreFile, file: path, "this ignore file cannot be read; its patterns are not applied")
  }

  static func invalidIgnorePattern(_ path: String, line: Int, reason: String) -> Diagnostic {
    Diagnostic(
      .warning, .invalidIgnorePattern, file: path, at: SourcePosition(line: line, column: 1),
      "pattern skipped: \(reason)")
  }

  // MARK: parsing

  /// A document (or a line of a JSONL batch) that could not be parsed and was not scanned.
  static func unparsable(_ error: ParseError) -> Diagnostic {
    let code: DiagnosticCode
    switch error.kind {
    case .syntax: code = .syntaxError
    case .invalidUTF8: code = .invalidUTF8
    case .tooDeep: code = .nestingTooDeep
    case .tooLarge: code = .tooLarge
    }
    return Diagnostic(.error, code, at: error.position, error.message)
  }

  static func duplicateKey(at position: SourcePosition, firstAt first: SourcePosition) -> Diagnostic {
    Diagnostic(
      .warning, .duplicateKey, at: position, "duplicate object key (first defined at \(first)); both values are scanned"
    )
  }

  static func loneSurrogate(at position: SourcePosition) -> Diagnostic {
    Diagnostic(
      .warning, .loneSurrogate, at: position, "a \\u escape encodes half of a surrogate pair; it is read as U+FFFD")
  }

  // MARK: parse policy (Parsing/ParsePolicy.swift)

  static func templateSkipped(marker: String) -> Diagnostic {
    Diagnostic(
      .note, .templateSkipped,
      "skipped: a template (\(marker)), which is no YAML or JSON until it is rendered; scan the rendered output instead (helm template ... | phi-scan scan - --stdin-name NAME.yaml)"
    )
  }

  /// A parse error in a file found by walking a directory, as a warning.
  func foundByWalking() -> Diagnostic {
    var warning = self
    warning.severity = .warning
    warning.message +=
      " (not scanned; found by walking a directory, so a warning: --strict or 'strict: true' in the config makes it an error)"
    return warning
  }

  // MARK: shapes and walking

  static func embeddedSchemaInvalid(at position: SourcePosition, _ error: ParseError) -> Diagnostic {
    Diagnostic(
      .error, .embeddedSchemaInvalid, at: position,
      "the JSON schema serialized in this string is not valid JSON (at its line \(error.position.line), column \(error.position.column): \(error.message)); it was scanned as plain text only"
    )
  }

  // Counts and positions only: a reference may spell a name, so it is never echoed.
  static func externalRefs(_ count: Int, firstAt position: SourcePosition) -> Diagnostic {
    Diagnostic(
      .note, .externalRef, at: position,
      "\(count) external $ref\(count == 1 ? "" : "s") not followed (phi-scan never fetches remote schemas; their strings are not scanned here)"
    )
  }

  static func danglingRefs(_ count: Int, firstAt position: SourcePosition) -> Diagnostic {
    Diagnostic(
      .note, .danglingRef, at: position,
      "\(count) $ref\(count == 1 ? "" : "s") do\(count == 1 ? "es" : "") not resolve to a schema in this document")
  }

  // MARK: detection

  static func patternTooComplex(at position: SourcePosition, pointer: JSONPointer, limit: String) -> Diagnostic {
    Diagnostic(
      .warning, .patternTooComplex, at: position,
      "the regex at \(pointer) was only partly analysed (\(limit)); its plain literal runs were checked, not the strings its classes, groups and repeats allow"
    )
  }

  static func matchLimit(
    at position: SourcePosition, pointer: JSONPointer, rule: String, _ error: some CustomStringConvertible
  ) -> Diagnostic {
    Diagnostic(
      .error, .matchLimit, at: position,
      "rule \(rule) could not finish on the string at \(pointer): \(error.description); the string was not fully checked"
    )
  }

  static func detectorFailed(_ error: some Error) -> Diagnostic {
    Diagnostic(.error, .internal, "cannot start the detector: \(error)")
  }

  // MARK: suppression

  static func allowExpired(file: String, at position: SourcePosition, on day: AllowList.Entry.Day, matches count: Int)
    -> Diagnostic
  {
    let effect =
      count == 0
      ? "it matches no finding any more: remove it"
      : "the \(count) finding\(count == 1 ? " it matched is" : "s it matched are") reported again: fix \(count == 1 ? "it" : "them") or renew 'expires'"
    return Diagnostic(.warning, .allowExpired, file: file, at: position, "allow entry expired on \(day); \(effect)")
  }

  static func allowUnused(file: String, at position: SourcePosition) -> Diagnostic {
    Diagnostic(
      .note, .allowUnused, file: file, at: position,
      "allow entry matches no finding; remove it if what it allowed is gone")
  }

  static func baselineStale(file: String, _ entry: Baseline.Entry) -> Diagnostic {
    Diagnostic(
      .note, .baselineStale, file: file,
      "stale entry: rule \(entry.rule) in \(entry.file) at \(entry.location) matches no finding (fixed or moved); refresh the baseline with --write-baseline"
    )
  }
}
