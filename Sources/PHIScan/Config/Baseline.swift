import Foundation

/// Findings accepted as they are (`--write-baseline`), so a scan with `--baseline`
/// reports only new ones.
///
/// An entry is keyed by rule + file + JSON Pointer: reformatting a file or moving its
/// lines changes none of them, so entries do not churn. Nothing in it gives a value back:
/// the key is HMAC-SHA256 under a random salt kept in the file, never a hash of the
/// value; and since a pointer can hold a flagged property name (`/properties/jane_doe`),
/// the pointer itself is only stored keyed, with a human hint (`location`) in which every
/// token that is a flagged value is `*`. The salt defeats precomputed tables. Guessing a
/// property name and testing it against an entry needs the salt; for a baseline that
/// travels without the files, a secret kept outside it (`PHI_SCAN_BASELINE_KEY`) keys
/// the HMAC too, and then no guess can be tested without that secret.
public struct Baseline: Sendable, Equatable {
  public static let format = "phi-scan-baseline"
  public static let formatVersion = 1

  /// The environment variable that may hold a secret keying the baseline.
  public static let secretVariable = "PHI_SCAN_BASELINE_KEY"

  public var salt: [UInt8]
  public var entries: [Baseline.Entry]
  /// A secret from outside the file (never written to it), or nil.
  public var secret: [UInt8]?

  public init(salt: [UInt8], entries: [Baseline.Entry], secret: [UInt8]? = nil) {
    self.salt = salt
    self.entries = entries.sorted()
    self.secret = secret
  }

  /// The HMAC key: the salt, or the salt keyed by the secret.
  var hmacKey: [UInt8] { secret.map { SHA256.hmac(key: $0, message: salt) } ?? salt }

  /// Lets a reader tell a wrong secret from a baseline whose findings all went away.
  var secretCheck: String? {
    secret == nil
      ? nil
      : String(
        SHA256.hexString(SHA256.hmac(key: hmacKey, message: Array("phi-scan baseline key check".utf8))).prefix(16))
  }

  public func key(for finding: Finding) -> String { Baseline.key(finding, hmacKey: hmacKey) }

  /// A fresh random salt.
  public static func newSalt() -> [UInt8] {
    var generator = SystemRandomNumberGenerator()
    return (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
  }

  /// Records `findings`. `flagged` is every finding of the scan (suppressed included):
  /// their property-name tokens are hidden in the hints.
  public static func record(_ findings: [Finding], flagged: [Finding], salt: [UInt8], secret: [UInt8]? = nil)
    -> Baseline
  {
    let hidden = hiddenTokens(flagged)
    var baseline = Baseline(salt: salt, entries: [], secret: secret)
    let entries = Set(
      findings.map { finding in
        Baseline.Entry(
          rule: finding.ruleID, file: finding.file,
          location: hint(finding.pointer, hidden: hidden[finding.file] ?? []),
          key: baseline.key(for: finding))
      })
    baseline.entries = entries.sorted()
    return baseline
  }

  static func key(_ finding: Finding, hmacKey: [UInt8]) -> String {
    let message = Array("\(finding.ruleID)\u{0}\(finding.file)\u{0}\(finding.pointer.string)".utf8)
    return SHA256.hexString(SHA256.hmac(key: hmacKey, message: message))
  }

  /// Moves findings the baseline knows into `suppressed.baselined` and lists the
  /// entries that matched nothing as stale.
  public func apply(to result: ScanResult) -> ScanResult {
    let known = Set(entries.map(\.key))
    var output = result
    var matched: Set<String> = []
    output.findings = []
    for finding in result.findings {
      let key = self.key(for: finding)
      if known.contains(key) {
        matched.insert(key)
        output.suppressed.baselined.append(finding)
      } else {
        output.findings.append(finding)
      }
    }
    // Allowed findings still count as present: their entry is not stale.
    for finding in result.suppressed.all { matched.insert(key(for: finding)) }
    output.suppressed.staleBaselineEntries = entries.filter { !matched.contains($0.key) }
    return output
  }

  /// Flagged values that appear as pointer tokens (property names, `$defs` keys,
  /// patternProperties keys), by file.
  static func hiddenTokens(_ flagged: [Finding]) -> [String: Set<String>] {
    var tokens: [String: Set<String>] = [:]
    for finding in flagged where [.propertyName, .defsKey, .patternProperty].contains(finding.site) {
      if let last = finding.pointer.tokens.last { tokens[finding.file, default: []].insert(last) }
    }
    return tokens
  }

  static func hint(_ pointer: JSONPointer, hidden: Set<String>) -> String {
    var hinted = JSONPointer.root
    for token in pointer.tokens { hinted = hinted.appending(hidden.contains(token) ? "*" : token) }
    return hinted.string
  }

  // MARK: file format

  struct File: Codable {
    var format: String
    var version: Int
    var salt: String
    /// Present when a secret keys the entries: a short check value of that secret.
    var secretCheck: String?
    var entries: [Baseline.Entry]
  }

  /// Pretty and sorted, one entry per few lines, so a baseline change reviews like code.
  public func rendered() -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let file = File(
      format: Baseline.format, version: Baseline.formatVersion, salt: SHA256.hexString(salt), secretCheck: secretCheck,
      entries: entries)
    let data = (try? encoder.encode(file)) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// - Parameter secret: the value of `PHI_SCAN_BASELINE_KEY`, if set; used only when the
  ///   file says it was keyed with a secret.
  public static func parse(_ data: Data, path: String, secret: [UInt8]? = nil) throws(ConfigError) -> Baseline {
    let file: File
    do {
      file = try JSONDecoder().decode(File.self, from: data)
    } catch {
      throw .baseline(
        path: path, reason: "not a phi-scan baseline (\(Baseline.describe(error))); write one with --write-baseline")
    }
    guard file.format == format else {
      throw .baseline(path: path, reason: "'format' is '\(file.format)', expected '\(format)'")
    }
    guard file.version == formatVersion else {
      throw .baseline(
        path: path,
        reason:
          "version \(file.version) is not supported (this phi-scan reads version \(formatVersion)); rewrite it with --write-baseline"
      )
    }
    guard let salt = hexBytes(file.salt), salt.count >= 16 else {
      throw .baseline(path: path, reason: "'salt' must be at least 32 hex digits")
    }
    guard let check = file.secretCheck else { return Baseline(salt: salt, entries: file.entries) }
    guard let secret, !secret.isEmpty else {
      throw .baselineSecret(
        path: path, reason: "it was written with a secret key; set \(secretVariable) to the same secret")
    }
    let baseline = Baseline(salt: salt, entries: file.entries, secret: secret)
    guard baseline.secretCheck == check else {
      throw .baselineSecret(path: path, reason: "\(secretVariable) is not the secret this baseline was written with")
    }
    return baseline
  }

  static func describe(_ error: Error) -> String {
    switch error {
    case DecodingError.keyNotFound(let key, _): return "missing '\(key.stringValue)'"
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
      return "wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
    case DecodingError.dataCorrupted: return "invalid JSON"
    default: return "unreadable"
    }
  }

  static func hexBytes(_ text: String) -> [UInt8]? {
    let digits = Array(text.utf8)
    guard digits.count % 2 == 0 else { return nil }
    var bytes: [UInt8] = []
    for i in stride(from: 0, to: digits.count, by: 2) {
      guard let byte = UInt8(String(decoding: digits[i..<i + 2], as: UTF8.self), radix: 16) else { return nil }
      bytes.append(byte)
    }
    return bytes
  }
}
