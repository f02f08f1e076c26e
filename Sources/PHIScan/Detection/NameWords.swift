import Foundation

/// Splits identifiers into words: snake_case, kebab-case, dotted, camelCase, and digit
/// runs (`pt_482913Notes` -> `pt 482913 notes`), so that property names can be read
/// like text and context words can be found inside them.
public enum NameWords {
  /// The lowercase words of `text`, in order.
  public static func split(_ text: String) -> [String] {
    var words: [String] = []
    var current = ""
    var previous: Character?
    let scalars = Array(text)
    for (i, character) in scalars.enumerated() {
      guard character.isLetter || character.isNumber else {
        if !current.isEmpty { words.append(current) }
        current = ""
        previous = nil
        continue
      }
      if let previous, !current.isEmpty {
        let boundary =
          (previous.isLowercase && character.isUppercase)
          || (previous.isNumber != character.isNumber)
          || (previous.isUppercase && character.isUppercase && i + 1 < scalars.count && scalars[i + 1].isLowercase)
        if boundary {
          words.append(current)
          current = ""
        }
      }
      current.append(contentsOf: character.lowercased())
      previous = character
    }
    if !current.isEmpty { words.append(current) }
    return words
  }

  /// The words joined by single spaces: the text name-site rules run on.
  public static func normalized(_ text: String) -> String { split(text).joined(separator: " ") }
}

/// The words around a string that say what it is: enclosing property names, the
/// subschema's title and description, the tool name, and the string's own words.
public struct ContextWords: Sendable, Hashable {
  /// ` word word word `: padded so a phrase matches only at word boundaries.
  public private(set) var padded: String

  public init(_ parts: [String]) {
    padded = " " + parts.flatMap { NameWords.split($0) }.joined(separator: " ") + " "
  }

  /// True when the phrase (lowercase words separated by spaces) occurs.
  public func contains(_ phrase: String) -> Bool { padded.contains(" " + phrase + " ") }

  public func containsAny(_ phrases: [String]) -> Bool { phrases.contains { contains($0) } }
}

/// A word list that confirms regex candidates for lexicon-based rules (person names).
/// File format: one entry per line, `#` starts a comment, tab-separated extra columns
/// are ignored; entries are matched case-insensitively. A candidate is accepted when
/// every one of its words is an entry.
public struct Lexicon: Sendable, Hashable {
  public var name: String
  public var entries: Set<String>

  public init(name: String, text: String) {
    self.name = name
    var entries: Set<String> = []
    for line in text.split(whereSeparator: \.isNewline) {
      let entry = line.prefix { $0 != "#" && $0 != "\t" }.trimmingCharacters(in: .whitespaces).lowercased()
      if !entry.isEmpty { entries.insert(entry) }
    }
    self.entries = entries
  }

  public func accepts(_ candidate: String) -> Bool {
    let words = NameWords.split(candidate)
    return !words.isEmpty && words.allSatisfy { entries.contains($0) }
  }
}
