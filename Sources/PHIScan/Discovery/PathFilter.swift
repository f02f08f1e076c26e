/// `include`/`exclude` path globs, handed to discovery as data.
public struct PathFilter: Sendable, Hashable {
  public var include: [Glob]
  public var exclude: [Glob]

  public init(include: [Glob] = [], exclude: [Glob] = []) {
    self.include = include
    self.exclude = exclude
  }

  /// True when a file with this report path should be scanned. A glob that matches a
  /// directory covers everything under it (`exclude: [fixtures]`).
  public func admits(_ reportPath: String) -> Bool {
    if include.isEmpty && exclude.isEmpty { return true }
    let candidates = PathFilter.selfAndParents(reportPath)
    if exclude.contains(where: { glob in candidates.contains { glob.matches($0) } }) { return false }
    return include.isEmpty || include.contains { glob in candidates.contains { glob.matches($0) } }
  }

  static func selfAndParents(_ path: String) -> [String] {
    var out = [path]
    // Every file discovery finds comes here. In ASCII text each byte is a character (a
    // `\r\n` pair aside, which holds no `/`), so the slashes can be found byte by byte.
    if path.utf8.allSatisfy({ $0 < 0x80 }) {
      var end = path.utf8.endIndex
      while let slash = path.utf8[..<end].lastIndex(of: UInt8(ascii: "/")) {
        end = slash
        if slash > path.utf8.startIndex { out.append(String(path[..<slash])) }
      }
      return out
    }
    var rest = Substring(path)
    while let slash = rest.lastIndex(of: "/") {
      rest = rest[..<slash]
      if !rest.isEmpty { out.append(String(rest)) }
    }
    return out
  }
}
