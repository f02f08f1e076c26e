import Testing

@_spi(Internals) @testable import PHIScan

/// The person-name rules on their labeled corpus (corpus/names), scored by the same
/// evaluation as `phi-scan evaluate` (findings at warning or above count; unlabeled
/// findings are false alarms). Raise the bars when the matcher improves; never lower them.
@Suite struct NamesCorpusTests {
  @Test func nameRecallAndPrecisionMeetTheBar() throws {
    let report = try Evaluation.evaluate(corpus: Fixtures.url("corpus/names").path, rules: PackLoader.builtinRules())
    let names = try #require(report.byCategory[.name])
    #expect(names.expected >= 80, "the names corpus shrank")
    #expect(names.recall >= 0.95, "name recall \(names.recall)\n\(Evaluation.render(report))")
    #expect(names.precision >= 0.97, "name precision \(names.precision)\n\(Evaluation.render(report))")
    #expect(report.overall.falsePositives == 0, "\(Evaluation.render(report))")
    // Every site a name can take is covered by a labeled positive.
    let sites: Set<Site> = [
      .enum, .const, .default, .examples, .propertyName, .defsKey, .required, .title, .description, .toolName,
      .toolDescription,
    ]
    let covered = Set(report.bySite.filter { $0.value.truePositives > 0 }.keys)
    #expect(
      covered.isSuperset(of: sites),
      "sites without a caught name: \(sites.subtracting(covered).map(\.rawValue).sorted())")
  }
}
