// Detection owns deciding, for each extracted string, whether it contains PHI. Rules
// come from pattern packs (data); validators are the Swift code that packs name.
import PCRE2

/// A rule's `examples` block: strings that must and must not produce a finding.
public struct RuleExamples: Sendable, Hashable {
  public var match: [String]
  public var noMatch: [String]
  /// Words the examples are read under, as if they sat below a property of that name
  /// (`patient_mrn`). Context-gated rules need it; nil means no context.
  public var context: String?

  public init(match: [String], noMatch: [String], context: String? = nil) {
    self.match = match
    self.noMatch = noMatch
    self.context = context
  }
}

/// Cheap facts about a string, computed once per string, that let the detector skip
/// rules that cannot match (a rule `needs: [digit]` never runs on `"first_name"`).
public struct CharacterNeeds: OptionSet, Sendable, Hashable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  public static let digit = CharacterNeeds(rawValue: 1 << 0)
  public static let at = CharacterNeeds(rawValue: 1 << 1)
  public static let colon = CharacterNeeds(rawValue: 1 << 2)
  public static let slash = CharacterNeeds(rawValue: 1 << 3)
  public static let dot = CharacterNeeds(rawValue: 1 << 4)
  public static let upper = CharacterNeeds(rawValue: 1 << 5)
  public static let plus = CharacterNeeds(rawValue: 1 << 6)

  /// Pack spelling of each need.
  public static let names: [String: CharacterNeeds] = [
    "digit": .digit, "at": .at, "colon": .colon, "slash": .slash, "dot": .dot, "upper": .upper, "plus": .plus,
  ]

  /// What `text` offers (`Offer.of` reads it once for needs, digits and length).
  public static func of(_ text: String) -> CharacterNeeds { Offer.of(text).needs }

  /// The need each byte satisfies (0 for most).
  static let byteNeeds: [UInt8] = (0...255).map { byte -> UInt8 in
    switch byte {
    case 0x30...0x39: return CharacterNeeds.digit.rawValue
    case 0x40: return CharacterNeeds.at.rawValue
    case 0x3A: return CharacterNeeds.colon.rawValue
    case 0x2F: return CharacterNeeds.slash.rawValue
    case 0x2E: return CharacterNeeds.dot.rawValue
    case 0x41...0x5A: return CharacterNeeds.upper.rawValue
    case 0x2B: return CharacterNeeds.plus.rawValue
    default: return 0
    }
  }
}

/// What one text offers the rules' prefilter: its characters and its ASCII digit count.
struct Offer {
  var needs: CharacterNeeds
  var digits: Int
  /// Unicode scalars (PCRE2 counts characters so in UTF mode).
  var length: Int

  static let none = Offer(needs: [], digits: 0, length: 0)

  static func of(_ text: String) -> Offer {
    var copy = text
    return copy.withUTF8 { bytes in
      var found: UInt8 = 0
      var digits = 0
      var continuations = 0
      for byte in bytes {
        found |= CharacterNeeds.byteNeeds[Int(byte)]
        if byte &- 0x30 < 10 { digits += 1 }
        if byte & 0xC0 == 0x80 { continuations += 1 }
      }
      return Offer(needs: CharacterNeeds(rawValue: found), digits: digits, length: bytes.count - continuations)
    }
  }

  /// What any of several texts offers (each rule then checks each text on its own).
  func union(_ other: Offer) -> Offer {
    Offer(needs: needs.union(other.needs), digits: max(digits, other.digits), length: max(length, other.length))
  }

  /// True when a rule with these needs, digits and length could match.
  @inline(__always) func allows(_ needs: CharacterNeeds, digits: Int, length: Int) -> Bool {
    self.needs.isSuperset(of: needs) && self.digits >= digits && self.length >= length
  }
}

/// A context that moves a finding into another category (a date under `dob` is a date
/// of birth; a phone number under `fax` is a fax number).
public struct Recategorization: Sendable, Hashable {
  public var category: Category
  public var context: [String]
}

/// A rule as written in a pack, after validation, with its compiled regex.
public struct Rule: Sendable {
  public var id: String
  public var pack: String
  public var name: String
  public var category: Category
  public var sites: Set<Site>
  public var regex: PCRE2Regex
  public var validator: Validator?
  /// Level of a match without context words (the default configuration in SARIF).
  public var level: Level
  /// SARIF `precision`: very-high, high, medium or low.
  public var precision: String
  /// SARIF `security-severity`, 0.1 to 10.0.
  public var securitySeverity: Double
  /// One line: what the rule finds.
  public var summary: String
  /// Markdown: what, why, how to fix.
  public var help: String
  public var examples: RuleExamples
  /// Words (lowercase, space-separated phrases) that, in the property path, the
  /// subschema's title or description, or the tool name, make a match more likely PHI.
  public var context: [String] = []
  /// When true, a match counts only if one of `context` is present (an 8-digit number
  /// is an MRN under `mrn`, and nothing under `max_tokens`).
  public var contextRequired: Bool = false
  /// When true, a person's name in the words just before a match in prose counts as
  /// context ("Harold Jennings (04/11/1957)": the date is his).
  public var personCue: Bool = false
  /// Level of a match with context words present (defaults to `level`).
  public var contextLevel: Level?
  /// The level every finding of this rule gets, set by the user's config (`rules:
  /// {id: note}`); nil keeps the levels the evidence gives (`Scoring`).
  public var fixedLevel: Level?
  /// Words that make a match less likely PHI (`version`, `port`, `limit`): one level down.
  public var negativeContext: [String] = []
  /// Context that moves the finding into another category.
  public var recategorize: [Recategorization] = []
  /// Characters a string must contain for the regex to possibly match (prefilter).
  public var needs: CharacterNeeds = []
  /// The fewest ASCII digits a match holds, derived from the regex when the pack loads
  /// (`PatternLiterals.minimumDigits`): strings with fewer skip the search.
  public var minimumDigits: Int = 0
  /// The word list that confirms regex candidates, for lexicon-based rules (names).
  public var lexicon: Lexicon?
  /// A Swift matcher that decides instead of the regex alone (the regex stays a cheap
  /// prefilter): person names need lexicons and context, not a pattern.
  public var matcher: Matcher? = nil

  public func applies(to site: Site) -> Bool { sites.contains(site) }
}

/// Swift matchers that packs name with `matcher:`.
public enum Matcher: String, Sendable, CaseIterable {
  /// First name + surname, `Last, First`, `Title Surname`, or a lone name word under
  /// person-name context, graded by how common the words are (NameMatcher).
  case personName = "person-name"

  /// The built-in lexicons it reads, which its pack must name (`lexicons:`).
  var lexicons: [String] {
    switch self {
    case .personName: return NameLexicon.Source.allCases.map(\.rawValue)
    }
  }
}
