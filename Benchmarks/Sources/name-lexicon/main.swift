// Measures the person-name lexicons: name-lexicon [REPEATS]
// Times building the lookup table from the embedded lexicon tables (what the first name
// rule pays once per process), then the matcher on a fixed mix of names and decoys.
// Build with -c release; a measurement, not a test.
import Foundation
@_spi(Internals) import PHIScan

let repeats = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 20 : 20
var loads: [Double] = []
var sizes = NameMatcher.LexiconSizes(givenNames: 0, surnames: 0, englishWords: 0, entries: 0)
for _ in 0..<repeats {
  let start = DispatchTime.now().uptimeNanoseconds
  sizes = NameMatcher.buildLexiconForMeasurement()
  loads.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
}
loads.sort()
print(
  String(
    format: "lexicon build: median %.2f ms, best %.2f ms, worst %.2f ms over %d runs", loads[loads.count / 2], loads[0],
    loads[loads.count - 1], repeats))
print(
  "entries: \(sizes.entries) (given names \(sizes.givenNames), surnames \(sizes.surnames), English words \(sizes.englishWords))"
)

let samples: [(String, Site)] = [
  ("Maria Gonzalez", .enum), ("Okafor, Robert", .const), ("Parkinson's disease", .enum), ("Hunter Green", .enum),
  ("patient_maria_gonzalez_1984_03_12", .propertyName), ("minDockerVersion", .propertyName),
  ("first_name", .propertyName),
  ("The patient's first name, as on the insurance card.", .description), ("Johns Hopkins Hospital", .const),
  ("Call Angela Brooks at home before 5 pm.", .description), ("America/Costa_Rica", .enum),
  ("max_tokens", .propertyName),
]
let start = DispatchTime.now().uptimeNanoseconds
var matched = 0
let rounds = 20_000
for _ in 0..<rounds {
  for (text, site) in samples where NameMatcher.match(text, context: NameContext(site: site)) != nil { matched += 1 }
}
let nanos = Double(DispatchTime.now().uptimeNanoseconds - start) / Double(rounds * samples.count)
print(String(format: "matching: %.0f ns per string (%d strings, %d matched)", nanos, rounds * samples.count, matched))
