/// The config's allow list as a scan applies it: each file's findings are checked while
/// the file's values are in hand, and what every entry matched is counted over the scan.
public struct AllowList: Sendable {
  public var entries: [AllowList.Entry]
  /// The report path of the config file, named in the notes about its entries.
  public var file: String
  /// The day `expires` is compared with.
  public var today: AllowList.Entry.Day

  public init(
    entries: [AllowList.Entry] = [], file: String = ConfigFile.defaultName, today: AllowList.Entry.Day = .today()
  ) {
    self.entries = entries
    self.file = file
    self.today = today
  }

  /// True when some entry matches on values: findings must then carry their values until
  /// the allow list has seen them.
  var needsValues: Bool { entries.contains { $0.value != nil } }

  /// How many findings each entry allowed, and how many an expired entry would have,
  /// summed over the files of a scan.
  struct Tally: Sendable {
    var used: [Int]
    var matchedWhileExpired: [Int]

    init(entries: Int) {
      used = Array(repeating: 0, count: entries)
      matchedWhileExpired = used
    }

    mutating func add(_ other: Tally) {
      for index in used.indices {
        used[index] += other.used[index]
        matchedWhileExpired[index] += other.matchedWhileExpired[index]
      }
    }
  }

  /// Splits one file's findings into those still reported and those the list allows, and
  /// counts the matches into `tally`. An expired entry allows nothing.
  func split(_ findings: [Finding], tally: inout Tally) -> (reported: [Finding], allowed: [Finding]) {
    guard !entries.isEmpty else { return (findings, []) }
    var reported: [Finding] = []
    var allowed: [Finding] = []
    for finding in findings {
      var isAllowed = false
      for (index, entry) in entries.enumerated() where entry.matches(finding) {
        if let expires = entry.expires, expires < today {
          tally.matchedWhileExpired[index] += 1
          continue
        }
        tally.used[index] += 1
        isAllowed = true
        break
      }
      if isAllowed { allowed.append(finding) } else { reported.append(finding) }
    }
    return (reported, allowed)
  }

  /// A warning for every expired entry (it allows nothing) and a note for every entry that
  /// matched no finding.
  func diagnostics(_ tally: Tally) -> [Diagnostic] {
    entries.indices.compactMap { index in
      let entry = entries[index]
      if let expires = entry.expires, expires < today {
        return .allowExpired(file: file, at: entry.position, on: expires, matches: tally.matchedWhileExpired[index])
      }
      return tally.used[index] == 0 ? .allowUnused(file: file, at: entry.position) : nil
    }
  }
}
