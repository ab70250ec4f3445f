import Foundation

/// A readers-writer lock within one process (`pthread_rwlock`): many readers at once, or one
/// writer alone.
///
/// `WorkspaceLock` refuses a second lock of the same process when one of them is exclusive
/// (`flock` would wait on itself), so a process that serves many requests at once orders them
/// here first: reads share the gate, anything that may take the workspace lock exclusively holds
/// it alone.
final class ReadWriteGate: @unchecked Sendable {
  private var lock = pthread_rwlock_t()

  init() {
    var attributes = pthread_rwlockattr_t()
    pthread_rwlockattr_init(&attributes)
    // Writers first: a stream of reads must not keep a decision waiting.
    pthread_rwlockattr_setkind_np(&attributes, Int32(PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP))
    pthread_rwlock_init(&lock, &attributes)
    pthread_rwlockattr_destroy(&attributes)
  }

  deinit { pthread_rwlock_destroy(&lock) }

  func reading<T>(_ body: () throws -> T) rethrows -> T {
    pthread_rwlock_rdlock(&lock)
    defer { pthread_rwlock_unlock(&lock) }
    return try body()
  }

  func writing<T>(_ body: () throws -> T) rethrows -> T {
    pthread_rwlock_wrlock(&lock)
    defer { pthread_rwlock_unlock(&lock) }
    return try body()
  }
}
