import FuzzDriver
@_spi(Internals) import PHIScan

/// Parse, recognize shapes and walk: envelopes, `$ref` resolution and Bedrock string
/// schemas on whatever the parsers accept. JSON or YAML is chosen the way the scanner
/// sniffs files named on the command line.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWalker(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  var limits = ParseLimits()
  limits.maxYAMLNodes = 20_000
  let source = SourceText(bytes)
  for document in DocumentLoader.load(bytes, format: DocumentFormat.sniff(bytes), limits: limits).documents {
    let extraction = ShapeRecognizer.extract(from: document, source: source)
    _ = extraction.strings.count
  }
  return 0
}

@_cdecl("FuzzWalker_main")
public func fuzzWalkerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  phi_fuzz_main(argc, argv)
}
