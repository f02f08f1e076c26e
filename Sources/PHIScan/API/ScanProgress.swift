/// How far a scan has come, for a progress display.
public struct ScanProgress: Sendable {
  public var filesDone: Int
  /// The files discovery has listed so far: scanning starts before the walk ends, so this
  /// grows until it is done, and is never below `filesDone`.
  public var filesTotal: Int
  public var bytesDone: Int
}
