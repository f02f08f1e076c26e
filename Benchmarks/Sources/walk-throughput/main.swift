// Measures shape recognition + schema walking: walk-throughput FILE [REPEATS]
// Parses once, then times ShapeRecognizer.extract (every string with site, pointer and
// range). Prints the median. Build with -c release; a measurement, not a test.
import Foundation
@_spi(Internals) import PHIScan

let arguments = CommandLine.arguments
guard arguments.count >= 2, let data = FileManager.default.contents(atPath: arguments[1]) else {
  print("usage: walk-throughput FILE [REPEATS]")
  exit(2)
}
let repeats = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
let bytes = [UInt8](data)
let format = DocumentFormat.forPath(arguments[1]) ?? DocumentFormat.sniff(bytes)
let (documents, problems) = DocumentLoader.load(bytes, format: format)
guard problems.allSatisfy({ $0.severity != .error }) else {
  print("load problems: \(problems)")
  exit(1)
}
let source = SourceText(bytes)
var seconds: [Double] = []
var strings = 0
for _ in 0..<repeats {
  let start = DispatchTime.now().uptimeNanoseconds
  strings = documents.reduce(0) { $0 + ShapeRecognizer.extract(from: $1, source: source).strings.count }
  seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}
seconds.sort()
let median = seconds[seconds.count / 2]
print(
  String(
    format: "%@: %d strings, median %.4f s over %d runs (best %.4f s)", arguments[1], strings, median, repeats,
    seconds[0]))
