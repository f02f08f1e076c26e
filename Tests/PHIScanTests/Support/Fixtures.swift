import Foundation

/// Paths into the repository, found from this file so tests run from any directory.
enum Fixtures {
  static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static func url(_ relative: String) -> URL { repositoryRoot.appendingPathComponent(relative) }

  static func text(_ relative: String) throws -> String {
    try String(contentsOf: url(relative), encoding: .utf8)
  }

  /// The `UPDATE_GOLDEN=1` record switch: golden files are rewritten.
  static var isRecording: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

  /// Compares `actual` with the golden file, or rewrites it when recording.
  /// Returns nil when they match, else a message.
  static func compareGolden(_ actual: String, to relative: String) throws -> String? {
    let url = url(relative)
    if isRecording {
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try actual.write(to: url, atomically: true, encoding: .utf8)
      return nil
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
      return "golden file \(relative) is missing; run UPDATE_GOLDEN=1 swift test"
    }
    guard expected != actual else { return nil }
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    for i in 0..<max(expectedLines.count, actualLines.count) {
      let e = i < expectedLines.count ? String(expectedLines[i]) : "<end>"
      let a = i < actualLines.count ? String(actualLines[i]) : "<end>"
      if e != a {
        return
          "\(relative) differs at line \(i + 1):\n  expected: \(e)\n  actual:   \(a)\n(re-record with UPDATE_GOLDEN=1 swift test and review the diff)"
      }
    }
    return "\(relative) differs"
  }
}

/// Text with position markers, so tests never count columns by hand:
/// `MarkedText("{1️⃣\"a\": 2️⃣1}")` gives the text without markers and each marker's position.
struct MarkedText {
  static let markers: [Character] = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]
  var text = ""
  var positions: [Character: (line: Int, column: Int)] = [:]

  init(_ marked: String) {
    var line = 1
    var column = 1
    for character in marked {
      if MarkedText.markers.contains(character) {
        positions[character] = (line, column)
        continue
      }
      text.append(character)
      if character == "\n" {
        line += 1
        column = 1
      } else {
        column += character.unicodeScalars.count
      }
    }
  }

  subscript(_ marker: Character) -> (line: Int, column: Int) { positions[marker] ?? (0, 0) }
}
