#if canImport(Glibc)
  import Glibc
#endif

/// How the C allocator is set up for a scan, once per process (the CLI calls it first).
package enum Allocator {
  /// Keeps large blocks out of glibc's arenas. glibc serves blocks of 128 KiB and more
  /// with mmap, so they go back to the system when freed; but each time it frees such a
  /// block it raises that threshold to the block's size (up to 32 MiB), and from then on a
  /// large file's bytes, arrays and tables come from the arenas, whose freed pages stay
  /// counted against the process. With two workers the peak then grew with the number of
  /// files scanned (59 MB on the benchmark corpus, 71 MB on four copies) although the
  /// memory in use did not. Fixing the threshold at its default (setting it turns the
  /// raising off) keeps the peak near what the largest files need (Benchmarks/memory.sh).
  package static func keepLargeBlocksSeparate() {
    #if canImport(Glibc)
      // mallopt is looked up at run time: the Glibc module does not declare it, and another
      // C library simply keeps its own policy.
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
      let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
      let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD in <malloc.h>
      _ = mallopt(mmapThreshold, 128 * 1024)
    #endif
  }
}
