import Foundation

/// The reports a scan result can be written as, and the one way to write them: the CLI
/// and library users both come through here. No format holds a flagged value unless the
/// scan revealed values, and SARIF and the CI formats never do.
public enum Report {
  public enum Format: String, Sendable, CaseIterable {
    /// SARIF 2.1.0 for GitHub code scanning (never holds a value, even revealed).
    case sarif
    /// phi-scan's own JSON (docs/json-report.md).
    case json
    /// Readable lines for terminals and CI logs, with excerpts when the scan made them.
    case text
    /// GitHub workflow commands (`::error file=...::`): annotations on a pull request.
    case github
    /// JUnit XML, one test case per scanned file.
    case junit
    /// GitLab's SAST report (schema 15.2.1).
    case gitlab
    /// A Markdown job summary, bounded in size.
    case markdown
  }

  public struct Options: Sendable {
    /// SARIF `runs[0].automationDetails.id` (`category/run-id`).
    public var automationID: String?
    /// ANSI colors in text (only for a terminal without `NO_COLOR`).
    public var color: Bool
    /// List diagnostics in a text report (off when they already go to standard error).
    public var diagnostics: Bool
    /// Indented SARIF and JSON, for goldens and people; compact by default, so that no
    /// line of a scanned file can appear in a report.
    public var pretty: Bool
    /// When the scan started, for GitLab's `scan.start_time` (default: when the report is
    /// written; its end time is always then).
    public var startTime: Date?

    public init(
      automationID: String? = nil, color: Bool = false, diagnostics: Bool = true, pretty: Bool = false,
      startTime: Date? = nil
    ) {
      self.automationID = automationID
      self.color = color
      self.diagnostics = diagnostics
      self.pretty = pretty
      self.startTime = startTime
    }
  }

  /// The whole report as text.
  public static func render(_ result: ScanResult, as format: Format, options: Options = Options()) -> String {
    let output = ReportOutput()
    write(result, as: format, options: options, to: output)
    return output.text
  }

  /// Writes the report to `output` as it is made, in pieces.
  package static func write(
    _ result: ScanResult, as format: Format, options: Options = Options(), to output: ReportOutput
  ) {
    switch format {
    case .sarif:
      SARIFReporter.write(
        result, options: SARIFReporter.Options(automationID: options.automationID, pretty: options.pretty), to: output)
    case .json:
      JSONReporter.write(result, pretty: options.pretty, to: output)
    case .text:
      TextReporter.write(
        result, options: TextReporter.Options(color: options.color, diagnostics: options.diagnostics), to: output)
    case .github:
      GitHubReporter.write(result, to: output)
    case .junit:
      JUnitReporter.write(result, to: output)
    case .gitlab:
      let now = Date()
      GitLabReporter.write(
        result, options: GitLabReporter.Options(startTime: options.startTime ?? now, endTime: now), to: output)
    case .markdown:
      MarkdownReporter.write(result, to: output)
    }
  }
}
