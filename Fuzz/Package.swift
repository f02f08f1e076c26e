// swift-tools-version: 6.0
// libFuzzer harnesses for phi-scan's input-facing stages. Built by scripts/fuzz.sh with
// `-sanitize=fuzzer,address`; kept out of the main package so a normal build never
// needs the sanitizer runtimes.
import PackageDescription

let harness: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]
let uses: [Target.Dependency] = ["FuzzDriver", .product(name: "PHIScan", package: "phi-scan")]

let package = Package(
  name: "phi-scan-fuzz",
  dependencies: [.package(name: "phi-scan", path: "..")],
  targets: [
    .target(name: "FuzzDriver"),
    .executableTarget(name: "FuzzJSON", dependencies: uses, swiftSettings: harness),
    .executableTarget(name: "FuzzYAML", dependencies: uses, swiftSettings: harness),
    .executableTarget(name: "FuzzRegex", dependencies: uses, swiftSettings: harness),
    .executableTarget(name: "FuzzWalker", dependencies: uses, swiftSettings: harness),
  ]
)
