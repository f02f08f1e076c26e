/// GitHub Actions workflow commands (`--format github`): one annotation per finding,
/// `::error file=F,line=L,col=C,endLine=L,endColumn=C,title=T::message`, and one per input
/// problem. Printed to standard output in a workflow step, GitHub shows them on the run
/// and in the pull request's diff, with or without code scanning. Messages carry the
/// mask, never the value (annotations are visible to anyone who can read the run), and
/// every property and message is escaped as GitHub's runner reads them.
package enum GitHubReporter {
  package static func render(_ result: ScanResult) -> String {
    let output = ReportOutput()
    write(result, to: output)
    return output.text
  }

  package static func write(_ result: ScanResult, to output: ReportOutput) {
    for finding in result.findings {
      let region = SARIFReporter.region(finding.range)
      let properties: [(String, String)] = [
        ("file", finding.file), ("line", String(region.startLine)), ("col", String(region.startColumn)),
        ("endLine", String(region.endLine)), ("endColumn", String(region.endColumn)),
        ("title", "phi-scan \(finding.ruleID): \(finding.category.rawValue) in \(finding.site.rawValue)"),
      ]
      let message = FindingMessage.text(finding) + " " + NextStep.text(finding)
      output.write(command(command(for: finding.level), properties: properties, message: message))
    }
    for diagnostic in result.diagnostics {
      var properties: [(String, String)] = []
      if let file = diagnostic.file {
        properties.append(("file", file))
        if let position = diagnostic.position {
          properties += [("line", String(position.line)), ("col", String(position.column))]
        }
      }
      properties.append(("title", "phi-scan \(diagnostic.code.rawValue)"))
      let name: String
      switch diagnostic.severity {
      case .error: name = "error"
      case .warning: name = "warning"
      case .note: name = "notice"
      }
      // The location is in the properties; the message is the rest.
      output.write(
        command(name, properties: properties, message: diagnostic.file == nil ? diagnostic.located : diagnostic.message)
      )
    }
  }

  /// `error`, `warning` or `notice` for a finding's level.
  static func command(for level: Level) -> String {
    switch level {
    case .error: return "error"
    case .warning: return "warning"
    case .note: return "notice"
    }
  }

  /// One workflow command line, properties and message escaped.
  static func command(_ name: String, properties: [(String, String)], message: String) -> String {
    let list = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
    return "::\(name)\(list.isEmpty ? "" : " " + list)::\(escapeData(message))\n"
  }

  /// The message after `::`: `%`, CR and LF percent-encoded, as the runner decodes them.
  package static func escapeData(_ text: String) -> String { escape(text, isProperty: false) }

  /// A property value: as data, plus `:` and `,`, which would end it.
  package static func escapeProperty(_ text: String) -> String { escape(text, isProperty: true) }

  static func escape(_ text: String, isProperty: Bool) -> String {
    var escaped = ""
    escaped.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "%": escaped += "%25"
      case "\r": escaped += "%0D"
      case "\n": escaped += "%0A"
      case ":" where isProperty: escaped += "%3A"
      case "," where isProperty: escaped += "%2C"
      default: escaped.unicodeScalars.append(scalar)
      }
    }
    return escaped
  }
}
