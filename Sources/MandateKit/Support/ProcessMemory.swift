#if canImport(Glibc)
  import Glibc
#endif

/// How the process's allocator treats large buffers.
public enum ProcessMemory {
  /// Buffers of 1 MB and more are mapped on their own and returned to the system when freed.
  ///
  /// glibc raises its mapping threshold each time a mapped buffer is freed (up to 32 MB), so after
  /// the first partition of a large import its 20–40 MB buffers came from the heap, and freed heap
  /// stays in the process: the 1M import's peak RSS went from 245 MB while reading to 424 MB while
  /// writing 36 partitions one at a time. A fixed threshold stops that (340 MB). Elsewhere a no-op.
  public static func returnLargeBuffersToTheSystem() {
    // M_MMAP_THRESHOLD is -3.
    mallopt(-3, 1 << 20)
  }

  /// At most `count` allocation arenas (glibc gives each thread that allocates its own, up to
  /// eight per core): an import's reading, worker and writing threads free each other's strings,
  /// and every arena kept its own freed memory, 20-40 MB more at the peak of a 100k import.
  public static func limitArenas(to count: Int32) {
    // M_ARENA_MAX is -8.
    mallopt(-8, count)
  }

  /// glibc's `mallopt`, which is in <malloc.h>, a header the Glibc module does not export; elsewhere
  /// a no-op.
  private static func mallopt(_ parameter: Int32, _ value: Int32) {
    #if canImport(Glibc)
      typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
      _ = unsafeBitCast(symbol, to: Mallopt.self)(parameter, value)
    #endif
  }
}
