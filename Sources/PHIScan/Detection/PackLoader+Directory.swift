import Foundation

extension PackLoader {
  /// The pack files of a directory (`*.yaml`, `*.yml`, not recursive, sorted by name),
  /// or the file itself when `path` is a file.
  public static func packFiles(at path: String) throws(PackError) -> [(path: String, text: String)] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .unreadable(pack: path, reason: "no such file or directory")
    }
    var files = [path]
    if isDirectory.boolValue {
      guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
        throw .unreadable(pack: path, reason: "the directory cannot be listed")
      }
      files = names.filter { !$0.hasPrefix(".") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }.sorted()
        .map { (path as NSString).appendingPathComponent($0) }
    }
    var packs: [(path: String, text: String)] = []
    for file in files {
      guard let data = FileManager.default.contents(atPath: file) else { throw .unreadable(pack: file, reason: "the file cannot be read") }
      guard let text = String(data: data, encoding: .utf8) else { throw .unreadable(pack: file, reason: "not UTF-8 text") }
      packs.append((file, text))
    }
    return packs
  }

  /// The built-in packs plus the packs at `userPaths`. A user rule may not reuse a
  /// built-in id (it would silently replace a rule the team relies on).
  public static func rules(userPaths: [String]) throws(PackError) -> RuleSet {
    guard !userPaths.isEmpty else { return try builtinRules() }
    let builtin = BuiltinPacks.files.filter { $0.path.hasSuffix(".yaml") }
    var user: [(path: String, text: String)] = []
    for path in userPaths { user += try packFiles(at: path) }
    guard !user.isEmpty else { throw .unreadable(pack: userPaths.joined(separator: ", "), reason: "no *.yaml or *.yml pack files there") }
    return try ruleSet(from: builtin.map { ("built-in \($0.path)", $0.text) } + user)
  }
}
