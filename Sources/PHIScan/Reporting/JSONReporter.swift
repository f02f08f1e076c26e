import Foundation

/// phi-scan's own JSON report (`--format json`): a stable, versioned document for
/// scripts and dashboards, described field by field in docs/json-report.md. Findings
/// carry the same facts as SARIF results and their properties; no value, unless the
/// scan revealed values for local triage.
package enum JSONReporter {
  /// Bumped only when a field changes meaning or disappears; new fields keep the version.
  package static let formatVersion = 1

  package static func render(_ result: ScanResult, pretty: Bool = false) -> String {
    let output = ReportOutput()
    write(result, pretty: pretty, to: output)
    return output.text
  }

  /// Writes the report to `output` as it is made: each finding's record is made when it
  /// is written, and the bytes go out in pieces.
  package static func write(_ result: ScanResult, pretty: Bool = false, to output: ReportOutput) {
    JSONWriter.write(to: output, pretty: pretty, report(result).write)
  }

  static func report(_ result: ScanResult) -> Report {
    let levels = Dictionary(grouping: result.findings, by: \.level).mapValues(\.count)
    return Report(
      format: "phi-scan-report",
      version: formatVersion,
      tool: Tool(name: PhiScanVersion.name, version: PhiScanVersion.semanticVersion),
      summary: Summary(
        findings: result.findings.count,
        error: levels[.error] ?? 0, warning: levels[.warning] ?? 0, note: levels[.note] ?? 0,
        filesScanned: result.filesScanned,
        filesNotFullyScanned: Set(result.diagnostics.filter { $0.severity == .error }.compactMap(\.file)).count,
        suppressedByAllowList: result.suppressed.allowListed.count,
        suppressedByBaseline: result.suppressed.baselined.count,
        staleBaselineEntries: result.suppressed.staleBaselineEntries.count),
      findings: FindingRecords(findings: result.findings),
      diagnostics: result.diagnostics.map {
        Diagnostic(
          severity: $0.severity.rawValue, code: $0.code.rawValue, file: $0.file, line: $0.position?.line,
          column: $0.position?.column, message: $0.message)
      })
  }

  static func finding(_ finding: Finding) -> FindingRecord {
    FindingRecord(
      ruleId: finding.ruleID, level: finding.level.rawValue, category: finding.category.rawValue,
      site: finding.site.rawValue, confidence: finding.confidence.rawValue, shape: finding.shape,
      cached: finding.isCached, mask: finding.mask, file: finding.file, pointer: finding.pointer.string,
      region: SARIFReporter.region(finding.range), fingerprint: Fingerprint.primary(finding),
      tool: FindingMessage.displayedToolName(finding),
      message: FindingMessage.text(finding),
      relatedLocations: finding.relatedLocations.map {
        Related(file: $0.file, pointer: $0.pointer.string, region: SARIFReporter.region($0.range), message: $0.message)
      },
      value: finding.revealedValue)
  }

  struct Report {
    let format: String
    let version: Int
    let tool: Tool
    let summary: Summary
    let findings: FindingRecords
    let diagnostics: [Diagnostic]
  }

  /// The finding records, made one at a time as they are written.
  struct FindingRecords: Sequence {
    let findings: [Finding]

    func makeIterator() -> some IteratorProtocol<FindingRecord> {
      findings.lazy.map(JSONReporter.finding).makeIterator()
    }
  }

  struct Tool {
    let name: String
    let version: String
  }

  struct Summary {
    let findings: Int
    let error: Int
    let warning: Int
    let note: Int
    let filesScanned: Int
    let filesNotFullyScanned: Int
    let suppressedByAllowList: Int
    let suppressedByBaseline: Int
    let staleBaselineEntries: Int
  }

  struct FindingRecord {
    let ruleId: String
    let level: String
    let category: String
    let site: String
    let confidence: String
    let shape: String
    let cached: Bool
    let mask: String
    let file: String
    let pointer: String
    let region: Region
    let fingerprint: String
    let tool: String?
    let message: String
    let relatedLocations: [Related]
    let value: String?
  }

  /// The same region as SARIF's (never empty on one line).
  typealias Region = SARIF.Region

  struct Related {
    let file: String
    let pointer: String
    let region: Region
    let message: String
  }

  struct Diagnostic {
    let severity: String
    let code: String
    let file: String?
    let line: Int?
    let column: Int?
    let message: String
  }
}
