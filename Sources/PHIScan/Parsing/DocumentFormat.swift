/// How a file's bytes are read: chosen from the extension, or sniffed for files named
/// explicitly on the command line.
public enum DocumentFormat: String, Sendable, CaseIterable {
  case json
  case jsonLines = "jsonl"
  case yaml

  /// The format implied by a file name, or nil when the extension is not one phi-scan reads.
  public static func forPath(_ path: String) -> DocumentFormat? {
    let lower = path.lowercased()
    // JSONC (`.jsonc`) is read as JSON, which accepts comments and trailing commas.
    if lower.hasSuffix(".json") || lower.hasSuffix(".jsonc") { return .json }
    if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { return .jsonLines }
    if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { return .yaml }
    return nil
  }

  /// A guess from content: JSON when it starts like JSON, YAML otherwise (YAML is a superset).
  public static func sniff(_ bytes: [UInt8]) -> DocumentFormat {
    let start = UTF8Text.hasBOM(bytes) ? 3 : 0
    for byte in bytes[start...] {
      switch byte {
      case 0x20, 0x09, 0x0A, 0x0D: continue
      // A leading comment: JSONC (`/` starts nothing in YAML).
      case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "/"): return .json
      default: return .yaml
      }
    }
    return .json
  }
}
