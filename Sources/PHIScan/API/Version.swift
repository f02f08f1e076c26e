/// The tool's identity, as reports print it.
package enum PhiScanVersion {
  package static let name = "phi-scan"
  package static let semanticVersion = "0.1.0"
  package static let informationURI = "https://github.com/phi-scan/phi-scan"
}
