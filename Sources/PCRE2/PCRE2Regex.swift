// The only module that touches PCRE2's C pointers. Every C object has exactly one
// Swift owner that frees it in `deinit`; every return code goes through `PCRE2Error`.
// Offsets are UTF-8 byte offsets into the subject, never `String.Index` guesses.
import CPCRE2

/// Compile-time options, a typed subset of PCRE2's option bits.
public struct PCRE2Options: OptionSet, Sendable, Hashable {
  public let rawValue: UInt32
  public init(rawValue: UInt32) { self.rawValue = rawValue }

  public static let caseless = PCRE2Options(rawValue: UInt32(PCRE2_CASELESS))
  public static let multiline = PCRE2Options(rawValue: UInt32(PCRE2_MULTILINE))
  public static let dotAll = PCRE2Options(rawValue: UInt32(PCRE2_DOTALL))
  public static let extended = PCRE2Options(rawValue: UInt32(PCRE2_EXTENDED))
  public static let anchored = PCRE2Options(rawValue: UInt32(PCRE2_ANCHORED))
  /// Treat the pattern and subjects as UTF-8 (always sensible for JSON text).
  public static let utf = PCRE2Options(rawValue: UInt32(PCRE2_UTF))
  /// Unicode properties for `\d`, `\w`, `\b`: off by default because ASCII classes
  /// are what identifiers use, and they are much faster.
  public static let ucp = PCRE2Options(rawValue: UInt32(PCRE2_UCP))
}

/// Bounds on the work one match may do, so a hostile subject or pattern cannot hang a scan.
public struct PCRE2Limits: Sendable, Hashable {
  /// Calls of the internal match function (backtracking steps).
  public var matchLimit: UInt32
  /// Backtracking depth (ignored by the JIT, which is bounded by its own stack).
  public var depthLimit: UInt32
  /// Heap memory for backtracking, in KiB.
  public var heapLimitKiB: UInt32

  public init(matchLimit: UInt32 = 1_000_000, depthLimit: UInt32 = 10_000, heapLimitKiB: UInt32 = 20_000) {
    self.matchLimit = matchLimit
    self.depthLimit = depthLimit
    self.heapLimitKiB = heapLimitKiB
  }

  public static let `default` = PCRE2Limits()
}

/// Every failure PCRE2 can report, with PCRE2's own message text.
public enum PCRE2Error: Error, Equatable, Sendable, CustomStringConvertible {
  /// The pattern does not compile; `offset` is the UTF-8 byte offset PCRE2 points at.
  case compile(code: Int32, offset: Int, message: String)
  /// A match stopped because it hit the match, depth, heap or JIT stack limit.
  case limitExceeded(code: Int32, message: String)
  /// Any other match-time error (bad UTF-8 in the subject, bad offset, ...).
  case match(code: Int32, message: String)
  /// PCRE2 could not allocate one of its objects.
  case outOfMemory(what: String)

  public var description: String {
    switch self {
    case .compile(_, let offset, let message): return "regex does not compile at offset \(offset): \(message)"
    case .limitExceeded(_, let message): return "regex match limit hit: \(message)"
    case .match(let code, let message): return "regex match failed (\(code)): \(message)"
    case .outOfMemory(let what): return "PCRE2 could not allocate \(what)"
    }
  }

  /// PCRE2's message for an error code.
  static func message(for code: Int32) -> String {
    var buffer = [UInt8](repeating: 0, count: 256)
    let length = buffer.withUnsafeMutableBufferPointer {
      pcre2_get_error_message_8(code, $0.baseAddress, $0.count)
    }
    guard length > 0 else { return "unknown PCRE2 error \(code)" }
    return String(decoding: buffer[0..<Int(length)], as: UTF8.self)
  }

  static func fromMatch(code: Int32) -> PCRE2Error {
    switch code {
    case PCRE2_ERROR_MATCHLIMIT, PCRE2_ERROR_DEPTHLIMIT, PCRE2_ERROR_HEAPLIMIT, PCRE2_ERROR_JIT_STACKLIMIT:
      return .limitExceeded(code: code, message: message(for: code))
    default:
      return .match(code: code, message: message(for: code))
    }
  }
}

/// A compiled pattern. Immutable after `init`, so one instance is shared by all threads.
///
/// SAFETY: `code` and `matchContext` are written only in `init` and freed only in
/// `deinit`; PCRE2 documents compiled code and match contexts as safe for concurrent
/// reads by `pcre2_match`. Match data (the only per-match mutable state) is never shared.
public final class PCRE2Regex: @unchecked Sendable {
  public let pattern: String
  public let options: PCRE2Options
  public let limits: PCRE2Limits
  /// Whether the JIT compiled this pattern (false when PCRE2 was built without JIT).
  public let isJITCompiled: Bool

  let code: OpaquePointer
  private let matchContext: OpaquePointer

  /// Compiles `pattern`.
  /// - Throws: `PCRE2Error.compile` with PCRE2's offset and message.
  public init(_ pattern: String, options: PCRE2Options = [.utf], limits: PCRE2Limits = .default) throws(PCRE2Error) {
    self.pattern = pattern
    self.options = options
    self.limits = limits
    var errorCode: Int32 = 0
    var errorOffset: Int = 0
    let compiled: OpaquePointer? = pattern.utf8CString.withUnsafeBufferPointer { buffer in
      buffer.baseAddress!.withMemoryRebound(to: UInt8.self, capacity: buffer.count) { bytes in
        // Length excludes the terminating NUL, so patterns may contain escaped NULs.
        pcre2_compile_8(bytes, buffer.count - 1, options.rawValue, &errorCode, &errorOffset, nil)
      }
    }
    guard let compiled else {
      throw .compile(code: errorCode, offset: errorOffset, message: PCRE2Error.message(for: errorCode))
    }
    guard let context = pcre2_match_context_create_8(nil) else {
      pcre2_code_free_8(compiled)
      throw .outOfMemory(what: "a match context")
    }
    pcre2_set_match_limit_8(context, limits.matchLimit)
    pcre2_set_depth_limit_8(context, limits.depthLimit)
    pcre2_set_heap_limit_8(context, limits.heapLimitKiB)
    self.code = compiled
    self.matchContext = context
    self.isJITCompiled = PCRE2Regex.jitAvailable && pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0
  }

  deinit {
    pcre2_match_context_free_8(matchContext)
    pcre2_code_free_8(code)
  }

  /// PCRE2's lower bound on the length, in characters, of any subject that can match
  /// (0 when it has none).
  public var minimumLength: Int {
    var length: UInt32 = 0
    return pcre2_pattern_info_8(code, UInt32(PCRE2_INFO_MINLENGTH), &length) == 0 ? Int(length) : 0
  }

  /// Whether this libpcre2 was built with JIT support.
  public static let jitAvailable: Bool = {
    var value: UInt32 = 0
    return pcre2_config_8(UInt32(PCRE2_CONFIG_JIT), &value) >= 0 && value == 1
  }()

  /// The first match at or after byte `offset`, as a UTF-8 byte range into `subject`.
  public func firstMatch(in subject: String, from offset: Int = 0, using matchData: PCRE2MatchData? = nil)
    throws(PCRE2Error) -> Range<Int>?
  {
    try withUTF8(subject) { bytes in
      // A String is valid UTF-8: PCRE2 need not check it again (it re-reads the whole
      // subject at each call) unless the offset splits a character.
      let startsCharacter = offset <= 0 || offset >= bytes.count || bytes[offset] & 0xC0 != 0x80
      return Result { () throws(PCRE2Error) in
        try firstMatch(inBytes: bytes, from: offset, using: matchData, isValidUTF8: startsCharacter)
      }
    }
  }

  /// Whether the pattern matches anywhere in `subject`.
  public func matches(_ subject: String, using matchData: PCRE2MatchData? = nil) throws(PCRE2Error) -> Bool {
    try firstMatch(in: subject, using: matchData) != nil
  }

  /// Every non-overlapping match, as UTF-8 byte ranges. An empty match advances by one
  /// whole character so the loop always terminates and never splits a UTF-8 sequence.
  public func allMatches(in subject: String, using matchData: PCRE2MatchData? = nil) throws(PCRE2Error) -> [Range<Int>]
  {
    let data: PCRE2MatchData
    if let matchData { data = matchData } else { data = try makeMatchData() }
    return try withUTF8(subject) { bytes in
      Result { () throws(PCRE2Error) in
        var found: [Range<Int>] = []
        var offset = 0
        // A String is valid UTF-8 and every offset here starts a character: PCRE2 need
        // not re-validate the whole subject at each call (that was most of its time).
        while offset <= bytes.count,
          let range = try firstMatch(inBytes: bytes, from: offset, using: data, isValidUTF8: true)
        {
          found.append(range)
          if range.isEmpty {
            offset = range.upperBound + 1
            while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
          } else {
            offset = range.upperBound
          }
        }
        return found
      }
    }
  }

  /// Fresh match data for one-off calls (`??` would erase the typed error).
  private func makeMatchData() throws(PCRE2Error) -> PCRE2MatchData {
    try PCRE2MatchData(for: self)
  }

  /// Runs `body` over the UTF-8 bytes of `text` (copied once only if not contiguous),
  /// keeping the typed error that `String.withUTF8`'s rethrows would erase.
  private func withUTF8<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result<R, PCRE2Error>)
    throws(PCRE2Error) -> R
  {
    var copy = text
    return try copy.withUTF8(body).get()
  }

  /// The first match in raw UTF-8 bytes (which must be valid UTF-8; the scanner's
  /// strings always are, because the parsers validate them).
  public func firstMatch(
    inBytes bytes: UnsafeBufferPointer<UInt8>, from offset: Int = 0, using matchData: PCRE2MatchData? = nil
  ) throws(PCRE2Error) -> Range<Int>? {
    try firstMatch(inBytes: bytes, from: offset, using: matchData, isValidUTF8: false)
  }

  /// `isValidUTF8`: the caller guarantees valid UTF-8 and an offset at a character start
  /// (PCRE2's behaviour is undefined otherwise), so PCRE2 skips its check.
  func firstMatch(
    inBytes bytes: UnsafeBufferPointer<UInt8>, from offset: Int, using matchData: PCRE2MatchData?, isValidUTF8: Bool
  ) throws(PCRE2Error) -> Range<Int>? {
    guard offset <= bytes.count else { return nil }
    let data: PCRE2MatchData
    if let matchData { data = matchData } else { data = try makeMatchData() }
    // An empty buffer may have a nil base address; PCRE2 accepts any non-null pointer for length 0.
    var empty: UInt8 = 0
    let rc = withUnsafePointer(to: &empty) { emptyPointer in
      // JIT code on valid UTF-8 goes straight in through PCRE2's fast path, which skips
      // the argument checks of `pcre2_match` (it never checks UTF-8: hence only here).
      isJITCompiled && isValidUTF8
        ? pcre2_jit_match_8(code, bytes.baseAddress ?? emptyPointer, bytes.count, offset, 0, data.pointer, matchContext)
        : pcre2_match_8(
          code, bytes.baseAddress ?? emptyPointer, bytes.count, offset, isValidUTF8 ? UInt32(PCRE2_NO_UTF_CHECK) : 0,
          data.pointer, matchContext)
    }
    if rc == PCRE2_ERROR_NOMATCH { return nil }
    if rc < 0 { throw PCRE2Error.fromMatch(code: rc) }
    let ovector = pcre2_get_ovector_pointer_8(data.pointer)!
    let start = ovector[0]
    let end = ovector[1]
    // \K can put the start after the end; clamp so callers always get a valid range.
    return start <= end ? start..<end : end..<end
  }
}

/// Scratch space for matches. Not thread-safe: each worker owns its own.
public final class PCRE2MatchData {
  let pointer: OpaquePointer

  /// Match data sized for `regex`'s capture groups.
  public init(for regex: PCRE2Regex) throws(PCRE2Error) {
    guard let pointer = pcre2_match_data_create_from_pattern_8(regex.code, nil) else {
      throw .outOfMemory(what: "match data")
    }
    self.pointer = pointer
  }

  /// Match data large enough for any pattern with up to `pairs - 1` capture groups.
  public init(ovectorPairs pairs: UInt32 = 16) throws(PCRE2Error) {
    guard let pointer = pcre2_match_data_create_8(pairs, nil) else {
      throw .outOfMemory(what: "match data")
    }
    self.pointer = pointer
  }

  deinit { pcre2_match_data_free_8(pointer) }
}
