import Foundation

/// A lock over the whole workspace, taken with `flock` on `.mandate/lock`.
///
/// Commands that change the record or the index hold it exclusively; commands that only read hold
/// it shared, so that a reader never sees an index half rebuilt. Processes wait for each other
/// rather than fail, so "database is locked" never reaches the user. The kernel releases the lock
/// when a process dies, even by SIGKILL.
public final class WorkspaceLock: @unchecked Sendable {
  public enum Mode: Sendable {
    case shared, exclusive
  }

  private let fd: Int32
  public private(set) var mode: Mode
  public let path: String

  /// Blocks until the lock is held in `mode`.
  public init(stateDirectory: URL, mode: Mode) throws(RecordError) {
    do {
      try FileManager.default.createDirectory(at: stateDirectory, withIntermediateDirectories: true)
    } catch {
      throw .lockFailed(path: stateDirectory.path, reason: TextFile.describe(error))
    }
    path = stateDirectory.appendingPathComponent("lock").path
    fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw .lockFailed(path: path, reason: String(cString: strerror(errno))) }
    self.mode = mode
    try acquire(mode)
  }

  deinit {
    flock(fd, LOCK_UN)
    close(fd)
  }

  /// Changes the mode; not atomic (another writer may run in between), so callers re-check what
  /// they decided under the old mode.
  public func change(to mode: Mode) throws(RecordError) {
    guard mode != self.mode else { return }
    try acquire(mode)
    self.mode = mode
  }

  private func acquire(_ mode: Mode) throws(RecordError) {
    let operation = mode == .exclusive ? LOCK_EX : LOCK_SH
    while flock(fd, operation) != 0 {
      if errno == EINTR { continue }
      throw .lockFailed(path: path, reason: String(cString: strerror(errno)))
    }
  }
}
