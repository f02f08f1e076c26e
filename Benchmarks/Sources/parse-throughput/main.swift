// Measures JSON parser throughput: parse-throughput FILE [REPEATS]
// Prints MB/s of the median run. Build with -c release; this is a measurement, not a test.
import Foundation
@_spi(Internals) import PHIScan

let arguments = CommandLine.arguments
guard arguments.count >= 2, let data = FileManager.default.contents(atPath: arguments[1]) else {
  print("usage: parse-throughput FILE [REPEATS]")
  exit(2)
}
let repeats = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
let bytes = [UInt8](data)
var seconds: [Double] = []
for _ in 0..<repeats {
  let start = DispatchTime.now().uptimeNanoseconds
  do {
    _ = try JSONParser.parse(bytes)
  } catch {
    print("parse error: \(error)")
    exit(1)
  }
  seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}
seconds.sort()
let median = seconds[seconds.count / 2]
let megabytes = Double(bytes.count) / 1_000_000
print(
  String(
    format: "%@: %.1f MB, median %.3f s over %d runs: %.0f MB/s (best %.0f MB/s)", arguments[1], megabytes, median,
    repeats, megabytes / median, megabytes / seconds[0]))
