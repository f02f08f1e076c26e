// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "phi-scan",
  products: [
    .executable(name: "phi-scan", targets: ["phi-scan"]),
    .library(name: "PHIScan", targets: ["PHIScan"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
  ],
  targets: [
    // The C API of libpcre2-8, nothing more. Only the PCRE2 target imports it.
    .systemLibrary(
      name: "CPCRE2",
      pkgConfig: "libpcre2-8",
      providers: [.apt(["libpcre2-dev"])]
    ),
    // Safe wrapper: owns every C pointer, byte offsets, JIT, limits, typed errors.
    .target(name: "PCRE2", dependencies: ["CPCRE2"]),
    // Safe visitor over libyaml's events (the C library inside Yams): owns the parser and
    // every event pointer.
    .target(name: "YAMLEvents", dependencies: [.product(name: "Yams", package: "Yams")]),
    // The whole pipeline: discovery, parsing, shapes, walking, detection, reporting.
    .target(
      name: "PHIScan",
      dependencies: ["PCRE2", "YAMLEvents", .product(name: "Yams", package: "Yams")]
    ),
    // Thin CLI: flags -> configuration -> scan -> report -> exit code.
    .executableTarget(
      name: "phi-scan",
      dependencies: [
        "PHIScan",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Development tools, not part of the product: the renderer of the embedded packs and
    // lexicons (PHIScan reads the pack YAML for it), the tool that writes the generated
    // file, and the test that fails when it is stale share it.
    .target(name: "BuiltinPacksRendering", dependencies: ["PHIScan"]),
    .executableTarget(name: "generate-builtins", dependencies: ["BuiltinPacksRendering"]),
    .testTarget(name: "PCRE2Tests", dependencies: ["PCRE2"]),
    .testTarget(
      name: "PHIScanTests",
      dependencies: ["PHIScan", "phi-scan", "BuiltinPacksRendering"],
      exclude: ["Reporting/Golden", "Config/Fixtures", "Robustness/Hostile", "Robustness/FuzzReproducers"]
    ),
  ]
)
