import Foundation
import PCRE2

extension AllowList {
  /// One accepted finding pattern from the config's `allow` list. Every given field must
  /// match; `reason` is required; past `expires` the entry stops suppressing and says so.
  public struct Entry: Sendable {
    public var rule: String?
    public var path: Glob?
    public var pointer: Glob?
    public var value: ValuePattern?
    public var reason: String
    public var expires: Day?
    /// Where the entry starts in the config file.
    public var position: SourcePosition

    public init(
      rule: String? = nil, path: Glob? = nil, pointer: Glob? = nil, value: ValuePattern? = nil, reason: String,
      expires: Day? = nil, position: SourcePosition
    ) {
      self.rule = rule
      self.path = path
      self.pointer = pointer
      self.value = value
      self.reason = reason
      self.expires = expires
      self.position = position
    }

    /// A calendar day, `YYYY-MM-DD`; an entry is valid through its `expires` day.
    public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
      public var year: Int, month: Int, day: Int

      public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
          let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
          (1...12).contains(month), day >= 1, day <= Day.days(in: month, year: year)
        else { return nil }
        (self.year, self.month, self.day) = (year, month, day)
      }

      init(year: Int, month: Int, day: Int) {
        (self.year, self.month, self.day) = (year, month, day)
      }

      /// Today in UTC, so an entry expires at the same moment on every CI runner.
      public static func today(_ now: Date = Date()) -> Day {
        civil(daysSince1970: Int((now.timeIntervalSince1970 / 86_400).rounded(.down)))
      }

      /// The proleptic Gregorian date `days` after 1970-01-01, by arithmetic on 400-year
      /// eras of 146,097 days (H. Hinnant's `civil_from_days`). Foundation's `Calendar` and
      /// `TimeZone` load time-zone data: a visible share of a small scan's start-up.
      static func civil(daysSince1970 days: Int) -> Day {
        let shifted = days + 719_468  // days since 0000-03-01: leap days fall at the end of a year
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        return Day(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
      }

      static func days(in month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
      }

      public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }
      public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }
    }

    /// True when every field the entry gives matches. A `value` pattern is matched against
    /// the finding's value, which the scanner keeps on it until the allow list has run.
    func matches(_ finding: Finding) -> Bool {
      if let rule, rule != finding.ruleID { return false }
      if let path, !path.matches(finding.file) { return false }
      if let pointer, !pointer.matches(finding.pointer.string) { return false }
      if let pattern = value {
        guard let text = finding.revealedValue else { return false }
        return pattern.matches(text)
      }
      return true
    }
  }
}
