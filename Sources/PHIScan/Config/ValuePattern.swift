import PCRE2

/// A PCRE2 regex searched in a flagged value (anchor it with `^...$` for a whole match).
public struct ValuePattern: Sendable {
  public let source: String
  let regex: PCRE2Regex

  public init(_ source: String) throws(PCRE2Error) {
    self.source = source
    self.regex = try PCRE2Regex(source, options: [.utf])
  }

  /// A match-limit failure counts as no match: the finding stays reported.
  public func matches(_ text: String) -> Bool { (try? regex.matches(text)) ?? false }
}
