import Foundation
import PHIScan

/// The formats made for CI systems: GitHub workflow annotations, JUnit XML, GitLab's SAST
/// report and a Markdown job summary. None of them holds a value, `--reveal` or not.
enum CIFormats {
  /// When this run started (read first thing in `main`), for GitLab's `scan.start_time`.
  static let started = Date()

  static func write(_ format: OutputFormat, _ result: ScanResult, to output: ReportOutput) {
    switch format {
    case .github: GitHubReporter.write(result, to: output)
    case .junit: JUnitReporter.write(result, to: output)
    case .gitlab: GitLabReporter.write(result, options: GitLabReporter.Options(startTime: started, endTime: Date()), to: output)
    case .markdown: MarkdownReporter.write(result, to: output)
    case .sarif, .json, .text: preconditionFailure("\(format) is written by its own reporter")
    }
  }
}
