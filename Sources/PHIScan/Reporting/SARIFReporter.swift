// Reporting owns turning a finished `ScanResult` into bytes. Reporters are pure
// functions of the result; they never see PCRE2 and never print a flagged value.
import Foundation

/// SARIF 2.1.0 for GitHub code scanning, exactly per DESIGN.md 3.
package enum SARIFReporter {
  /// GitHub accepts at most 25,000 results per run.
  package static let githubResultLimit = 25_000

  package struct Options: Sendable {
    /// `runs[0].automationDetails.id` (`category/run-id`), for several uploads per commit.
    package var automationID: String?
    /// Results beyond this keep only the most severe, with a notification saying so.
    package var maxResults: Int
    /// Compact by default: one line, so no line of a scanned file (a lone `},` included)
    /// can appear in the report; `pretty` is for golden files and humans.
    package var pretty: Bool

    package init(automationID: String? = nil, maxResults: Int = SARIFReporter.githubResultLimit, pretty: Bool = false) {
      self.automationID = automationID
      self.maxResults = maxResults
      self.pretty = pretty
    }
  }

  package static func render(_ result: ScanResult, pretty: Bool = false) -> String {
    render(result, options: Options(pretty: pretty))
  }

  package static func render(_ result: ScanResult, options: Options) -> String {
    let output = ReportOutput()
    write(result, options: options, to: output)
    return output.text
  }

  /// Writes the report to `output` as it is made: results are turned into SARIF one at a
  /// time, and the bytes go out in pieces.
  package static func write(_ result: ScanResult, options: Options, to output: ReportOutput) {
    JSONWriter.write(to: output, pretty: options.pretty, log(result, options: options).write)
  }

  static func log(_ result: ScanResult, options: Options) -> SARIF.Log {
    let ruleIndex = Dictionary(uniqueKeysWithValues: result.rules.rules.enumerated().map { ($1.id, $0) })
    let (kept, dropped) = mostSevere(result.findings, limit: options.maxResults, rules: result.rules)
    var run = SARIF.Run(
      tool: SARIF.Tool(driver: SARIF.Driver(rules: result.rules.rules.map(descriptor))),
      invocations: [invocation(result, droppedResults: dropped)],
      results: SARIF.Results(findings: kept, ruleIndex: ruleIndex))
    if let id = options.automationID { run.automationDetails = SARIF.AutomationDetails(id: id) }
    return SARIF.Log(runs: [run])
  }

  /// At most `limit` findings: the most severe (level, then the rule's security
  /// severity), still in report order; and how many were left out.
  static func mostSevere(_ findings: [Finding], limit: Int, rules: RuleSet) -> (kept: [Finding], dropped: Int) {
    guard findings.count > limit else { return (findings, 0) }
    let severity = Dictionary(uniqueKeysWithValues: rules.rules.map { ($0.id, $0.securitySeverity) })
    let ranked = findings.enumerated().sorted { a, b in
      if a.element.level != b.element.level { return a.element.level > b.element.level }
      let sa = severity[a.element.ruleID] ?? 0
      let sb = severity[b.element.ruleID] ?? 0
      if sa != sb { return sa > sb }
      return a.offset < b.offset
    }
    let keep = Set(ranked.prefix(max(limit, 0)).map(\.offset))
    return (findings.enumerated().filter { keep.contains($0.offset) }.map(\.element), findings.count - keep.count)
  }

  static func descriptor(_ rule: Rule) -> SARIF.ReportingDescriptor {
    let why = RuleCatalog.why
    let fix = RuleCatalog.fix
    let text = "\(rule.summary)\n\nWhy: \(why)\n\nHow to fix: \(fix)"
    let markdown = "**\(rule.name)**\n\n\(rule.help)\n\n**Why it matters.** \(why)\n\n**How to fix.** \(fix)"
    return SARIF.ReportingDescriptor(
      id: rule.id, name: rule.name,
      shortDescription: SARIF.Message(text: rule.name),
      fullDescription: SARIF.Message(text: rule.summary),
      help: SARIF.MultiformatMessage(text: text, markdown: markdown),
      defaultConfiguration: SARIF.Configuration(level: rule.level.rawValue),
      properties: SARIF.RuleProperties(
        tags: ["security", "phi", "hipaa", rule.category.rawValue], precision: rule.precision,
        securitySeverity: String(format: "%.1f", rule.securitySeverity), category: rule.category.rawValue,
        pack: rule.pack))
  }

  static func invocation(_ result: ScanResult, droppedResults: Int) -> SARIF.Invocation {
    var notifications = result.diagnostics.map { diagnostic in
      SARIF.Notification(
        level: diagnostic.severity.rawValue,
        message: SARIF.Message(text: diagnostic.located),
        locations: diagnostic.file.map { file in
          [
            SARIF.NotificationLocation(
              physicalLocation: SARIF.PhysicalLocation(
                artifactLocation: SARIF.ArtifactLocation(uri: ArtifactURI.encode(file)),
                region: diagnostic.position.map {
                  SARIF.Region(startLine: $0.line, startColumn: $0.column, endLine: $0.line, endColumn: $0.column + 1)
                }))
          ]
        },
        descriptor: SARIF.DescriptorReference(id: diagnostic.code.rawValue))
    }
    if droppedResults > 0 {
      let kept = result.findings.count - droppedResults
      notifications.append(
        SARIF.Notification(
          level: "warning",
          message: SARIF.Message(
            text:
              "\(result.findings.count) findings exceed GitHub's limit of \(githubResultLimit) results per run: the \(kept) most severe are listed here and \(droppedResults) less severe were left out. The JSON and text reports list every finding."
          ),
          locations: nil, descriptor: SARIF.DescriptorReference(id: "results-truncated")))
    }
    return SARIF.Invocation(executionSuccessful: !result.hasInputErrors, toolExecutionNotifications: notifications)
  }

  static func sarifResult(_ finding: Finding, ruleIndex: Int) -> SARIF.Result {
    // GitHub links a related location only when the message names it as `[text](id)`.
    var message = FindingMessage.text(finding)
    if !finding.relatedLocations.isEmpty {
      let links = finding.relatedLocations.enumerated().map { "[\(FindingMessage.pointerText($1.pointer))](\($0 + 1))" }
      message += " Used at \(links.joined(separator: ", "))."
    }
    let related = finding.relatedLocations.enumerated().map { index, place in
      SARIF.RelatedLocation(
        id: index + 1,
        physicalLocation: SARIF.PhysicalLocation(
          artifactLocation: SARIF.ArtifactLocation(uri: ArtifactURI.encode(place.file)), region: region(place.range)),
        logicalLocations: [SARIF.LogicalLocation(fullyQualifiedName: place.pointer.string, kind: "member")],
        message: SARIF.Message(text: place.message))
    }
    return SARIF.Result(
      ruleId: finding.ruleID, ruleIndex: ruleIndex, level: finding.level.rawValue,
      message: SARIF.Message(text: message),
      locations: [
        SARIF.Location(
          physicalLocation: SARIF.PhysicalLocation(
            artifactLocation: SARIF.ArtifactLocation(uri: ArtifactURI.encode(finding.file)),
            region: region(finding.range)),
          logicalLocations: [SARIF.LogicalLocation(fullyQualifiedName: finding.pointer.string, kind: "member")])
      ],
      relatedLocations: related.isEmpty ? nil : related,
      partialFingerprints: ["primaryLocationLineHash": Fingerprint.primary(finding)],
      properties: SARIF.ResultProperties(
        category: finding.category.rawValue, site: finding.site.rawValue, confidence: finding.confidence.rawValue,
        shape: finding.shape, cached: finding.isCached, mask: finding.mask))
  }

  /// A region never empty: GitHub needs endColumn after startColumn on one line.
  static func region(_ range: SourceRange) -> SARIF.Region {
    let endColumn = range.end.line > range.start.line ? range.end.column : max(range.end.column, range.start.column + 1)
    return SARIF.Region(
      startLine: range.start.line, startColumn: range.start.column, endLine: max(range.end.line, range.start.line),
      endColumn: endColumn)
  }
}

/// Fingerprints from rule, file and pointer: stable across reformatting and line moves,
/// and computed from nothing that reveals the value.
package enum Fingerprint {
  package static func primary(_ finding: Finding) -> String {
    String(SHA256.hex("\(finding.ruleID)\u{0}\(finding.file)\u{0}\(finding.pointer.string)").prefix(32))
  }
}

/// The one-line description of a finding that every format shares. It names the
/// category, site, pointer and shape, and never the value nor a tool name: the pointer
/// says which tool (`/tools/3/...`), and a tool name may hold PHI no rule found.
package enum FindingMessage {
  package static func text(_ finding: Finding) -> String {
    var text = "\(categoryTitle(finding.category)) in \(finding.site.rawValue) at \(pointerText(finding.pointer))"
    text += " in a \(finding.shape) schema: \(finding.reason) \(finding.mask)."
    if !finding.isCached { text += " Sent as prompt context, not cached." }
    return text
  }

  /// The tool name a report may print for this finding: only when the user asked for
  /// values (`--reveal`), since a tool name may hold PHI no rule found.
  package static func displayedToolName(_ finding: Finding) -> String? {
    finding.revealedValue == nil ? nil : finding.toolName
  }

  /// `/` for the document root, else the pointer.
  package static func pointerText(_ pointer: JSONPointer) -> String {
    pointer.string.isEmpty ? "/" : pointer.string
  }

  static func categoryTitle(_ category: Category) -> String {
    switch category {
    case .ssn: return "Social Security number"
    case .mrn: return "Medical record number"
    case .mbi: return "Medicare Beneficiary Identifier"
    case .dob: return "Date of birth"
    case .date: return "Person-related date"
    case .name: return "Person name"
    case .address: return "Street address"
    case .zip: return "ZIP code"
    case .age: return "Age over 89"
    case .phone: return "Phone number"
    case .fax: return "Fax number"
    case .email: return "Email address"
    case .healthPlan: return "Health plan member ID"
    case .account: return "Account number"
    case .license: return "Certificate or license number"
    case .vehicle: return "Vehicle identifier"
    case .device: return "Device identifier"
    case .url: return "URL with a personal identifier"
    case .ip: return "IP address"
    case .biometric: return "Biometric identifier"
    case .otherID: return "Identifying number"
    }
  }
}

/// The subset of the SARIF 2.1.0 object model phi-scan writes (`SARIF+JSONWriter.swift`
/// writes it). Optional properties are left out, never written as null.
enum SARIF {
  struct Log {
    let schema = "https://json.schemastore.org/sarif-2.1.0.json"
    let version = "2.1.0"
    let runs: [Run]
  }

  struct Run {
    var tool: Tool
    let invocations: [Invocation]
    let results: Results
    let columnKind = "unicodeCodePoints"
    var automationDetails: AutomationDetails? = nil
  }

  struct AutomationDetails { let id: String }

  struct Tool { let driver: Driver }

  struct Driver {
    let name = PhiScanVersion.name
    let semanticVersion = PhiScanVersion.semanticVersion
    let informationUri = PhiScanVersion.informationURI
    let rules: [ReportingDescriptor]
  }

  struct ReportingDescriptor {
    let id: String
    let name: String
    let shortDescription: Message
    let fullDescription: Message
    let help: MultiformatMessage
    let defaultConfiguration: Configuration
    let properties: RuleProperties
  }

  struct RuleProperties {
    let tags: [String]
    let precision: String
    let securitySeverity: String
    let category: String
    let pack: String
  }

  struct Configuration { let level: String }
  struct Message { let text: String }
  struct MultiformatMessage {
    let text: String
    let markdown: String
  }

  struct Invocation {
    let executionSuccessful: Bool
    let toolExecutionNotifications: [Notification]
  }

  struct Notification {
    let level: String
    let message: Message
    let locations: [NotificationLocation]?
    let descriptor: DescriptorReference
  }

  struct DescriptorReference { let id: String }
  struct NotificationLocation { let physicalLocation: PhysicalLocation }

  struct Result {
    let ruleId: String
    let ruleIndex: Int
    let level: String
    let message: Message
    let locations: [Location]
    let relatedLocations: [RelatedLocation]?
    let partialFingerprints: [String: String]
    let properties: ResultProperties
  }

  /// The results, made from the findings one at a time as they are written: a report
  /// with many results never holds them all as SARIF objects.
  struct Results: Sequence {
    let findings: [Finding]
    let ruleIndex: [String: Int]

    func makeIterator() -> some IteratorProtocol<Result> {
      findings.lazy.map { SARIFReporter.sarifResult($0, ruleIndex: ruleIndex[$0.ruleID] ?? 0) }.makeIterator()
    }
  }

  struct Location {
    let physicalLocation: PhysicalLocation
    let logicalLocations: [LogicalLocation]
  }

  struct RelatedLocation {
    let id: Int
    let physicalLocation: PhysicalLocation
    let logicalLocations: [LogicalLocation]
    let message: Message
  }

  struct PhysicalLocation {
    let artifactLocation: ArtifactLocation
    let region: Region?
  }

  struct ArtifactLocation { let uri: String }

  struct Region {
    let startLine: Int
    let startColumn: Int
    let endLine: Int
    let endColumn: Int
  }

  struct LogicalLocation {
    let fullyQualifiedName: String
    let kind: String
  }

  struct ResultProperties {
    let category: String
    let site: String
    let confidence: String
    let shape: String
    let cached: Bool
    let mask: String
  }
}
