import FuzzDriver
@_spi(Internals) import PHIScan

/// The JSON parser on arbitrary bytes: it must return a tree or a ParseError, never
/// crash, overflow the stack or read out of bounds. JSON Lines splitting runs too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  if let result = try? JSONParser.parse(bytes) {
    _ = result.warnings.count
  }
  _ = DocumentLoader.load(bytes, format: .jsonLines)
  return 0
}

@_cdecl("FuzzJSON_main")
public func fuzzJSONMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  phi_fuzz_main(argc, argv)
}
