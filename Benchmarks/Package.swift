// swift-tools-version: 6.0
// Benchmarks live in their own package so the main build and CI stay fast.
import PackageDescription

let package = Package(
  name: "phi-scan-benchmarks",
  dependencies: [.package(name: "phi-scan", path: "..")],
  targets: [
    .executableTarget(
      name: "parse-throughput",
      dependencies: [.product(name: "PHIScan", package: "phi-scan")]),
    .executableTarget(
      name: "walk-throughput",
      dependencies: [.product(name: "PHIScan", package: "phi-scan")]),
    .executableTarget(
      name: "shape-census",
      dependencies: [.product(name: "PHIScan", package: "phi-scan")]),
    .executableTarget(
      name: "name-lexicon",
      dependencies: [.product(name: "PHIScan", package: "phi-scan")]),
    // Deterministic synthetic corpus for run.sh; depends on nothing.
    .executableTarget(name: "generate-corpus"),
  ]
)
