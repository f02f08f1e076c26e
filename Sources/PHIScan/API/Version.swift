/// The tool's identity, as reports print it.
public enum PhiScanVersion {
  public static let name = "phi-scan"
  public static let semanticVersion = "0.1.0"
  public static let informationURI = "https://github.com/phi-scan/phi-scan"
}
