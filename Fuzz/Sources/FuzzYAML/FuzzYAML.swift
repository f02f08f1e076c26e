import FuzzDriver
@_spi(Differential) @_spi(Internals) import PHIScan

/// The YAML path (pre-checks, Yams, conversion with the alias budget) on arbitrary
/// bytes, with limits small enough that the budget and depth guards are reached often.
/// Whatever the event reading accepts, Yams must read to the same tree: a difference
/// stops the fuzzer like a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  var limits = ParseLimits()
  limits.maxYAMLNodes = 20_000
  _ = DocumentLoader.load(bytes, format: .yaml, limits: limits)
  // Scanned files reach either reading only as valid UTF-8.
  if String(validating: bytes, as: UTF8.self) != nil, let fromEvents = YAMLLoader.loadFromEvents(bytes, limits: limits)
  {
    guard let reference = try? YAMLLoader.loadThroughYams(bytes, limits: limits) else {
      fatalError("the event reading accepted a stream that Yams rejects")
    }
    if fromEvents != reference { fatalError("the event reading and Yams read different trees") }
  }
  return 0
}

@_cdecl("FuzzYAML_main")
public func fuzzYAMLMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  phi_fuzz_main(argc, argv)
}
