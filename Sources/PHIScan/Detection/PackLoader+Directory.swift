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
      guard let data = FileManager.default.contents(atPath: file) else {
        throw .unreadable(pack: file, reason: "the file cannot be read")
      }
      guard let text = String(data: data, encoding: .utf8) else {
        throw .unreadable(pack: file, reason: "not UTF-8 text")
      }
      packs.append((file, text))
    }
    return packs
  }

  /// The built-in packs plus the packs at `userPaths`. A user rule may not reuse a
  /// built-in id (it would silently replace a rule the team relies on).
  public static func rules(userPaths: [String]) throws(PackError) -> RuleSet {
    guard !userPaths.isEmpty else { return try builtinRules() }
    var user: [(path: String, text: String)] = []
    for path in userPaths { user += try packFiles(at: path) }
    guard !user.isEmpty else {
      throw .unreadable(pack: userPaths.joined(separator: ", "), reason: "no *.yaml or *.yml pack files there")
    }
    let builtin = builtinSources(prefix: "built-in ")
    let compiled = try compile(builtin + user.map { PackSource(path: $0.path, text: $0.text) }, lexicons: [])
    let rules = RuleSet(rules: compiled.rules)
    // The user's rules are those a user file defines: the built-ins compile once.
    let builtinPaths = Set(builtin.map(\.path))
    try checkExamples(
      rules.rules.filter { !builtinPaths.contains(compiled.owner[$0.id] ?? "") }, files: user.map(\.path))
    return rules
  }

  /// Runs a user rule's examples once at load time, as the tests do for built-in packs:
  /// a rule whose own examples fail would report nonsense. Examples are synthetic.
  static func checkExamples(_ rules: [Rule], files: [String]) throws(PackError) {
    guard !rules.isEmpty else { return }
    let detector: Detector
    do { detector = try Detector(rules: RuleSet(rules: rules)) } catch {
      throw .unreadable(pack: files.joined(separator: ", "), reason: "cannot start the detector: \(error)")
    }
    for rule in rules {
      func fail(_ reason: String) -> PackError {
        .invalidField(pack: rule.pack, rule: rule.id, field: "examples", position: nil, reason: reason)
      }
      let context = rule.examples.context
      let under = context.map { " under '\($0)'" } ?? ""
      for example in rule.examples.match where !detector.flagsExample(rule, example, context: context) {
        throw fail("'\(example)' is listed under match but the rule does not flag it\(under)")
      }
      for example in rule.examples.noMatch where detector.flagsExample(rule, example, context: context) {
        throw fail("'\(example)' is listed under noMatch but the rule flags it\(under)")
      }
    }
  }
}
