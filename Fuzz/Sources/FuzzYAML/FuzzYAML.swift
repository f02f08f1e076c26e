import FuzzDriver
import PHIScan

/// The YAML path (pre-checks, Yams, conversion with the alias budget) on arbitrary
/// bytes, with limits small enough that the budget and depth guards are reached often.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  var limits = ParseLimits()
  limits.maxYAMLNodes = 20_000
  _ = DocumentLoader.load(bytes, format: .yaml, limits: limits)
  return 0
}

@_cdecl("FuzzYAML_main")
public func fuzzYAMLMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  phi_fuzz_main(argc, argv)
}
