import Foundation
import Testing

@_spi(Internals) @testable import PHIScan

/// SARIF `artifactLocation.uri` values are RFC 3986 references that decode back to the
/// report path (DESIGN.md 3, SARIF).
@Suite struct ArtifactURITests {
  static let unusualNames = [
    "sp/a b#c%d.json", "q?x=1.json", "new\nline.json", "tab\there.yaml", "naïve/日本語.json",
    "[brackets].json", "a:b.json", "plus+semi;amp&eq=.json", "bell\u{07}.json", "quote\"back\\slash.json",
    "emoji 🩺.json", "%41.json",
  ]

  @Test func ordinaryNamesAreUnchanged() {
    for name in ["schemas/tool-1.json", "a/b_c/d.e~f.yaml", "UPPER/lower09.jsonl"] {
      #expect(ArtifactURI.encode(name) == name)
    }
  }

  @Test func unusualNamesDecodeBackExactly() {
    for name in Self.unusualNames {
      let uri = ArtifactURI.encode(name)
      #expect(ArtifactURI.decode(uri) == name, "\(uri)")
      // Only unreserved characters, '/' and escapes remain.
      #expect(
        uri.unicodeScalars.allSatisfy { $0.isASCII && (ArtifactURI.isKept(UInt8($0.value)) || $0 == "%") }, "\(uri)")
    }
    #expect(ArtifactURI.encode("sp/a b#c%d.json") == "sp/a%20b%23c%25d.json")
    #expect(ArtifactURI.encode("naïve") == "na%C3%AFve")
    #expect(ArtifactURI.decode("bad%2") == nil && ArtifactURI.decode("bad%zz") == nil)
  }

  /// Each place SARIF names a file is encoded; JSON keeps the plain path, and the
  /// fingerprint is the one the plain path always gave.
  @Test func sarifEncodesEveryURIAndJSONKeepsThePath() throws {
    let name = "sp/a b#c%d.json"
    let related = Finding.RelatedLocation(
      file: name, pointer: JSONPointer(escaped: "/properties/m/$ref"), range: ReportDetailsTests.range(2, 1, 9),
      message: "uses it")
    var result = try ReportDetailsTests.result([
      ReportDetailsTests.finding("/$defs/x/const", file: name, related: [related])
    ])
    result.diagnostics = [
      Diagnostic(
        severity: .error, code: .syntaxError, file: name, position: SourcePosition(line: 1, column: 2),
        message: "broken")
    ]
    let run = try ReportDetailsTests.sarifRun(SARIFReporter.render(result))
    let sarif = try #require((run["results"] as? [[String: Any]])?.first)
    let location = try #require((sarif["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
    #expect((location["artifactLocation"] as? [String: Any])?["uri"] as? String == "sp/a%20b%23c%25d.json")
    let relatedLocation = try #require(
      (sarif["relatedLocations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
    #expect((relatedLocation["artifactLocation"] as? [String: Any])?["uri"] as? String == "sp/a%20b%23c%25d.json")
    let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
    let notification = try #require((invocation["toolExecutionNotifications"] as? [[String: Any]])?.first)
    let noted = try #require(
      (notification["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
    #expect((noted["artifactLocation"] as? [String: Any])?["uri"] as? String == "sp/a%20b%23c%25d.json")
    let fingerprint = (sarif["partialFingerprints"] as? [String: String])?["primaryLocationLineHash"]
    #expect(fingerprint == String(SHA256.hex("us-ssn\u{0}\(name)\u{0}/$defs/x/const").prefix(32)))
    let json = try ReportDetailsTests.json(JSONReporter.render(result))
    #expect((json["findings"] as? [[String: Any]])?.first?["file"] as? String == name)
  }
}
