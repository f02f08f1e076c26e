// The few POSIX calls discovery and reading need, behind value types. Foundation's
// FileManager costs tens of microseconds per entry (attribute dictionaries), which on
// a tree of thousands of schemas is a visible share of a whole scan.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What `lstat`/`stat` say about a path.
struct FileInfo: Sendable, Hashable {
  enum Kind: Sendable, Hashable {
    case regular, directory, symlink, fifo, socket, characterDevice, blockDevice, unknown

    /// Words for a notification ("a FIFO", "a socket").
    var described: String {
      switch self {
      case .regular: return "a regular file"
      case .directory: return "a directory"
      case .symlink: return "a symbolic link"
      case .fifo: return "a FIFO (named pipe)"
      case .socket: return "a socket"
      case .characterDevice, .blockDevice: return "a device"
      case .unknown: return "not a regular file"
      }
    }
  }

  var kind: Kind
  var size: Int
  /// Device and inode: the identity used to detect symlink loops and duplicates.
  var identity: FileIdentity
}

struct FileIdentity: Sendable, Hashable {
  var device: UInt64
  var inode: UInt64
}

/// An errno, with the standard library's message.
struct SystemError: Error, Sendable {
  var code: Int32

  var isNotFound: Bool { code == ENOENT }

  var message: String {
    switch code {
    case EACCES, EPERM: return "permission denied"
    case ENOENT: return "no such file or directory"
    case ENOTDIR: return "a path component is not a directory"
    case ELOOP: return "too many levels of symbolic links"
    case EISDIR: return "is a directory"
    default: return String(cString: strerror(code))
    }
  }
}

enum FileSystem {
  /// `lstat` (`followLinks == false`) or `stat`.
  static func info(_ path: String, followLinks: Bool) -> Result<FileInfo, SystemError> {
    var status = stat()
    let rc = followLinks ? stat(path, &status) : lstat(path, &status)
    guard rc == 0 else { return .failure(SystemError(code: errno)) }
    return .success(makeInfo(status))
  }

  private static func makeInfo(_ status: stat) -> FileInfo {
    let kind: FileInfo.Kind
    switch status.st_mode & S_IFMT {
    case S_IFREG: kind = .regular
    case S_IFDIR: kind = .directory
    case S_IFLNK: kind = .symlink
    case S_IFIFO: kind = .fifo
    case S_IFSOCK: kind = .socket
    case S_IFCHR: kind = .characterDevice
    case S_IFBLK: kind = .blockDevice
    default: kind = .unknown
    }
    return FileInfo(
      kind: kind, size: Int(status.st_size),
      identity: FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino)))
  }

  /// One name in a directory, with its kind when the directory listing says it
  /// (`d_type`; nil where the file system leaves it unknown).
  struct DirectoryEntry: Sendable {
    var name: String
    var kind: FileInfo.Kind?
  }

  /// The entries of a directory (without `.` and `..`), unsorted.
  static func entries(of path: String) -> Result<[DirectoryEntry], SystemError> {
    guard let directory = opendir(path) else { return .failure(SystemError(code: errno)) }
    defer { closedir(directory) }
    var entries: [DirectoryEntry] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != ".." {
        entries.append(DirectoryEntry(name: name, kind: kind(directoryType: entry.pointee.d_type)))
      }
    }
    return .success(entries)
  }

  private static func kind(directoryType: UInt8) -> FileInfo.Kind? {
    switch Int(directoryType) {
    case Int(DT_REG): return .regular
    case Int(DT_DIR): return .directory
    case Int(DT_LNK): return .symlink
    case Int(DT_FIFO): return .fifo
    case Int(DT_SOCK): return .socket
    case Int(DT_CHR): return .characterDevice
    case Int(DT_BLK): return .blockDevice
    default: return nil
    }
  }

  /// Why a file could not be read.
  enum ReadFailure: Error, Sendable {
    case system(SystemError)
    case notRegular(FileInfo.Kind)
    case tooLarge(size: Int, limit: Int)
  }

  /// Reads a whole regular file. Opens non-blocking so a path swapped for a FIFO after
  /// discovery cannot hang the scan, and checks the kind and size on the open descriptor.
  static func readRegularFile(_ path: String, maxSize: Int?) -> Result<[UInt8], ReadFailure> {
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { return .failure(.system(SystemError(code: errno))) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return .failure(.system(SystemError(code: errno))) }
    let info = makeInfo(status)
    guard info.kind == .regular else { return .failure(.notRegular(info.kind)) }
    if let maxSize, info.size > maxSize { return .failure(.tooLarge(size: info.size, limit: maxSize)) }
    return readAll(descriptor, expected: info.size, maxSize: maxSize)
  }

  /// Reads standard input to its end.
  static func readStandardInput(maxSize: Int?) -> Result<[UInt8], ReadFailure> {
    readAll(STDIN_FILENO, expected: 0, maxSize: maxSize)
  }

  /// Reads until end of file; the size may change under us, so it is only a first guess.
  private static func readAll(_ descriptor: Int32, expected: Int, maxSize: Int?) -> Result<[UInt8], ReadFailure> {
    // One byte over the expected size, so end of file shows without growing; a small floor
    // (not a large one: zeroing 64 KB per file was a visible share of scanning small files).
    var buffer = [UInt8](repeating: 0, count: max(expected + 1, 4 * 1024))
    var count = 0
    while true {
      if count == buffer.count {
        if let maxSize, count > maxSize { return .failure(.tooLarge(size: count, limit: maxSize)) }
        buffer.append(contentsOf: repeatElement(0, count: buffer.count))
      }
      let got = buffer.withUnsafeMutableBytes { raw in
        read(descriptor, raw.baseAddress! + count, raw.count - count)
      }
      if got == 0 { break }
      if got < 0 {
        if errno == EINTR { continue }
        return .failure(.system(SystemError(code: errno)))
      }
      count += got
    }
    if let maxSize, count > maxSize { return .failure(.tooLarge(size: count, limit: maxSize)) }
    buffer.removeLast(buffer.count - count)
    return .success(buffer)
  }

  /// The absolute, symlink-free form of `path`, or nil when it does not exist.
  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// Whether standard error is a terminal (for the progress bar).
  static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
