import FuzzDriver
@_spi(Internals) import PHIScan

/// The regex-literal analyser and the detector's `pattern` handling on arbitrary text:
/// every input must finish within the analyser's caps and PCRE2's match limits.
nonisolated(unsafe) let detector: Detector = {
  do { return try Detector(rules: PackLoader.builtinRules()) } catch { fatalError("built-in rules: \(error)") }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRegex(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  _ = PatternLiterals.analyse(text)
  let position = SourcePosition(line: 1, column: 1)
  let context = SchemaContext(shape: "json-schema", isCached: true)
  let strings = [Site.pattern, .patternProperty].map { site in
    ExtractedString(
      text: text, site: site, pointer: JSONPointer.root, range: SourceRange(start: position, end: position),
      context: context)
  }
  _ = detector.detect(strings, subschemas: [], file: "fuzz")
  return 0
}

@_cdecl("FuzzRegex_main")
public func fuzzRegexMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  phi_fuzz_main(argc, argv)
}
