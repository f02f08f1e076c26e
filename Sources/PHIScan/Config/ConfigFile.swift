import Foundation

/// `.phi-scan.yml`: which rules run and at which level, extra packs, which files and
/// sites are scanned, and which findings are accepted (the allow list). Every key and
/// value is checked; a mistake is an error naming the key and its line, never ignored.
public struct ConfigFile: Sendable {
  /// The file name looked up at the scan root.
  public static let defaultName = ".phi-scan.yml"

  public enum RuleSetting: String, Sendable, CaseIterable {
    case on, off, error, warning, note
  }

  /// The path reports and messages use for this file.
  public var path: String = ConfigFile.defaultName
  /// Per rule id: `off`, `on` (also inside a disabled pack) or a level.
  public var rules: [String: Setting<RuleSetting>] = [:]
  /// Per pack name: `on` or `off`.
  public var packs: [String: Setting<Bool>] = [:]
  /// Extra pack directories, resolved against the config file's directory.
  public var patternDirectories: [String] = []
  public var pathFilter = PathFilter()
  /// Only these sites are scanned; nil means all.
  public var sites: Set<Site>?
  public var allow: [AllowList.Entry] = []
  /// The lowest level reports show (`min-level`); nil: the default.
  public var minimumLevel: Level?
  /// `strict: true`: a file found by walking that does not parse is an error (exit 2).
  public var strict = false

  public init() {}

  /// A value with the position of its key, for errors that come up later (an unknown
  /// rule id is only known once the packs are loaded).
  public struct Setting<Value: Sendable>: Sendable {
    public var value: Value
    public var position: SourcePosition
  }

  static let topKeys = [
    "version", "rules", "packs", "patterns", "include", "exclude", "sites", "allow", "min-level", "strict",
  ]
  static let allowKeys = ["rule", "path", "pointer", "value", "reason", "expires"]

  /// Reads and checks a config file.
  public static func load(path: String, displayPath: String? = nil) throws(ConfigError) -> ConfigFile {
    let shown = displayPath ?? path
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .unreadable(path: shown, reason: "no such file, or it cannot be read")
    }
    var config = try parse(Array(data), path: shown)
    let directory = (path as NSString).deletingLastPathComponent
    config.patternDirectories = config.patternDirectories.map {
      $0.hasPrefix("/") ? $0 : (directory.isEmpty ? $0 : (directory as NSString).appendingPathComponent($0))
    }
    return config
  }

  /// Parses config text; `path` names the file in errors.
  public static func parse(_ bytes: [UInt8], path: String) throws(ConfigError) -> ConfigFile {
    let documents: [Node]
    do {
      documents = try YAMLLoader.load(bytes, namingKeys: true)
    } catch {
      throw .syntax(path: path, position: error.position, reason: error.message)
    }
    var config = ConfigFile()
    config.path = path
    guard documents.count <= 1 else {
      throw .syntax(
        path: path, position: documents[1].range.start, reason: "one YAML document expected, found \(documents.count)")
    }
    guard let root = documents.first, !isNull(root) else { return config }
    guard let members = root.members else {
      throw .syntax(
        path: path, position: root.range.start,
        reason: "the config is a mapping of keys (\(topKeys.joined(separator: ", ")))")
    }
    func bad(_ key: String, _ node: Node?, _ at: SourcePosition, _ reason: String) -> ConfigError {
      .invalid(path: path, key: key, position: node?.range.start ?? at, reason: reason)
    }
    for member in members {
      let key = member.key
      let value = member.value
      let at = member.keyRange.start
      guard topKeys.contains(key) else {
        throw .invalid(
          path: path, key: key, position: at, reason: "unknown key (known: \(topKeys.joined(separator: ", ")))")
      }
      switch key {
      case "version":
        guard case .number("1") = value.value else { throw bad(key, value, at, "must be 1") }
      case "rules":
        for entry in try mapping(value, key: key, at: at, path: path) {
          guard let text = entry.value.string, let setting = RuleSetting(rawValue: text) else {
            throw bad(
              "rules.\(entry.key)", entry.value, entry.keyRange.start,
              "must be one of \(RuleSetting.allCases.map(\.rawValue).joined(separator: ", "))")
          }
          config.rules[entry.key] = Setting(value: setting, position: entry.keyRange.start)
        }
      case "packs":
        for entry in try mapping(value, key: key, at: at, path: path) {
          guard let text = entry.value.string, text == "on" || text == "off" else {
            throw bad("packs.\(entry.key)", entry.value, entry.keyRange.start, "must be on or off")
          }
          config.packs[entry.key] = Setting(value: text == "on", position: entry.keyRange.start)
        }
      case "patterns":
        config.patternDirectories = try strings(value, key: key, at: at, path: path)
      case "include", "exclude":
        var globs: [Glob] = []
        for (text, node) in try stringNodes(value, key: key, at: at, path: path) {
          do { globs.append(try Glob(text, anywhere: true)) } catch {
            throw bad(key, node, at, "'[' is not closed in the glob")
          }
        }
        if key == "include" { config.pathFilter.include = globs } else { config.pathFilter.exclude = globs }
      case "strict":
        guard case .bool(let strict) = value.value else { throw bad(key, value, at, "must be true or false") }
        config.strict = strict
      case "min-level":
        guard let text = value.string, let level = Level(rawValue: text) else {
          throw bad(key, value, at, "must be one of note, warning, error")
        }
        config.minimumLevel = level
      case "sites":
        var sites: Set<Site> = []
        for (text, node) in try stringNodes(value, key: key, at: at, path: path) {
          guard let site = Site(rawValue: text) else {
            throw bad(key, node, at, "unknown site (known: \(Site.allCases.map(\.rawValue).joined(separator: ", ")))")
          }
          sites.insert(site)
        }
        guard !sites.isEmpty else {
          throw bad(key, value, at, "an empty list would scan nothing; remove the key to scan every site")
        }
        config.sites = sites
      case "allow":
        guard let elements = value.elements else {
          throw bad(
            key, value, at,
            "must be a list of entries, each with 'reason' and at least one of rule, path, pointer, value")
        }
        for element in elements { config.allow.append(try allowEntry(element, path: path)) }
      default:
        break
      }
    }
    return config
  }

  static func allowEntry(_ node: Node, path: String) throws(ConfigError) -> AllowList.Entry {
    guard let members = node.members else {
      throw .invalid(
        path: path, key: "allow", position: node.range.start,
        reason: "each entry is a mapping with 'reason' and at least one of rule, path, pointer, value")
    }
    let start = members.first?.keyRange.start ?? node.range.start
    var entry = AllowList.Entry(reason: "", position: start)
    for member in members {
      let key = "allow.\(member.key)"
      let at = member.keyRange.start
      guard allowKeys.contains(member.key) else {
        throw .invalid(
          path: path, key: key, position: at, reason: "unknown key (known: \(allowKeys.joined(separator: ", ")))")
      }
      guard let text = member.value.string ?? numberText(member.value), !text.isEmpty else {
        throw .invalid(path: path, key: key, position: member.value.range.start, reason: "must be a non-empty string")
      }
      switch member.key {
      case "rule": entry.rule = text
      case "path":
        do { entry.path = try Glob(text, anywhere: true) } catch {
          throw .invalid(path: path, key: key, position: at, reason: "'[' is not closed in the glob")
        }
      case "pointer":
        guard text.hasPrefix("/") else {
          throw .invalid(
            path: path, key: key, position: at,
            reason: "a JSON Pointer glob starts with '/' (e.g. /properties/*/examples/**)")
        }
        do { entry.pointer = try Glob(text) } catch {
          throw .invalid(path: path, key: key, position: at, reason: "'[' is not closed in the glob")
        }
      case "value":
        do {
          entry.value = try ValuePattern(text)
        } catch {
          throw .invalid(path: path, key: key, position: at, reason: "the regex does not compile: \(error)")
        }
      case "reason": entry.reason = text
      case "expires":
        guard let date = AllowList.Entry.Day(text) else {
          throw .invalid(path: path, key: key, position: at, reason: "must be a date YYYY-MM-DD")
        }
        entry.expires = date
      default: break
      }
    }
    guard !entry.reason.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw .invalid(
        path: path, key: "allow.reason", position: start,
        reason: "every allow entry needs a reason (why this finding is acceptable)")
    }
    guard entry.rule != nil || entry.path != nil || entry.pointer != nil || entry.value != nil else {
      throw .invalid(
        path: path, key: "allow", position: start,
        reason: "an entry with no rule, path, pointer or value would allow every finding; narrow it down")
    }
    return entry
  }

  static func isNull(_ node: Node) -> Bool {
    if case .null = node.value { return true }
    return false
  }

  static func numberText(_ node: Node) -> String? {
    if case .number(let text) = node.value { return text }
    return nil
  }

  static func mapping(_ node: Node, key: String, at: SourcePosition, path: String) throws(ConfigError) -> [Member] {
    guard let members = node.members else {
      throw .invalid(path: path, key: key, position: node.range.start, reason: "must be a mapping (name: setting)")
    }
    return members
  }

  static func stringNodes(_ node: Node, key: String, at: SourcePosition, path: String) throws(ConfigError) -> [(
    String, Node
  )] {
    guard let elements = node.elements else {
      throw .invalid(path: path, key: key, position: node.range.start, reason: "must be a list of strings")
    }
    var out: [(String, Node)] = []
    for element in elements {
      guard let text = element.string, !text.isEmpty else {
        throw .invalid(path: path, key: key, position: element.range.start, reason: "entries must be non-empty strings")
      }
      out.append((text, element))
    }
    return out
  }

  static func strings(_ node: Node, key: String, at: SourcePosition, path: String) throws(ConfigError) -> [String] {
    try stringNodes(node, key: key, at: at, path: path).map(\.0)
  }
}
