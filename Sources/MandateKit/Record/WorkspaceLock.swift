import Foundation

/// A lock over the whole workspace, taken with `flock` on `.mandate/lock`.
///
/// Commands that change the record or the index hold it exclusively; commands that only read hold
/// it shared, so that a reader never sees an index half rebuilt. Processes wait for each other
/// rather than fail, so "database is locked" never reaches the user. The kernel releases the lock
/// when a process dies, even by SIGKILL.
///
/// `flock` locks belong to open files, so two `WorkspaceLock`s on one workspace in the same
/// process would wait for each other forever when one needs the lock exclusively. That is
/// refused with an error instead: a process shares one lock (pass it along).
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
    path = stateDirectory.standardizedFileURL.resolvingSymlinksInPath().appendingPathComponent("lock").path
    fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw .lockFailed(path: path, reason: String(cString: strerror(errno))) }
    // Everything that can fail happens before `mode` is set: a class whose initializer throws
    // once fully initialized runs its deinit, which would release a claim never made.
    do {
      try Self.holders.claim(path, mode, previous: nil)
    } catch {
      close(fd)
      throw error
    }
    do {
      try Self.acquire(fd: fd, path: path, mode)
    } catch {
      Self.holders.release(path, mode)
      close(fd)
      throw error
    }
    self.mode = mode
  }

  deinit {
    Self.holders.release(path, mode)
    flock(fd, LOCK_UN)
    close(fd)
  }

  /// Changes the mode; not atomic (another writer may run in between), so callers re-check what
  /// they decided under the old mode.
  public func change(to mode: Mode) throws(RecordError) {
    guard mode != self.mode else { return }
    try Self.holders.claim(path, mode, previous: self.mode)
    do {
      try Self.acquire(fd: fd, path: path, mode)
    } catch {
      Self.holders.release(path, mode)
      try? Self.holders.claim(path, self.mode, previous: nil)
      throw error
    }
    self.mode = mode
  }

  private static func acquire(fd: Int32, path: String, _ mode: Mode) throws(RecordError) {
    let operation = mode == .exclusive ? LOCK_EX : LOCK_SH
    while flock(fd, operation) != 0 {
      if errno == EINTR { continue }
      throw .lockFailed(path: path, reason: String(cString: strerror(errno)))
    }
  }

  /// The locks this process holds, by path and mode.
  static let holders = Holders()

  final class Holders: @unchecked Sendable {
    private let mutex = NSLock()
    private var counts: [String: (shared: Int, exclusive: Int)] = [:]

    /// Records a lock about to be taken in `mode` (giving up `previous`), or refuses it when
    /// another lock of this process would make `flock` wait forever.
    func claim(_ path: String, _ mode: Mode, previous: Mode?) throws(RecordError) {
      mutex.lock()
      defer { mutex.unlock() }
      var entry = counts[path] ?? (0, 0)
      if let previous { previous == .shared ? (entry.shared -= 1) : (entry.exclusive -= 1) }
      let conflict = mode == .exclusive ? entry.shared + entry.exclusive > 0 : entry.exclusive > 0
      if conflict {
        if let previous { previous == .shared ? (entry.shared += 1) : (entry.exclusive += 1) }
        counts[path] = entry
        throw .lockFailed(
          path: path,
          reason: "this process already holds the workspace lock through another WorkspaceLock; share that one")
      }
      mode == .shared ? (entry.shared += 1) : (entry.exclusive += 1)
      counts[path] = entry
    }

    func release(_ path: String, _ mode: Mode) {
      mutex.lock()
      defer { mutex.unlock() }
      guard var entry = counts[path] else { return }
      mode == .shared ? (entry.shared -= 1) : (entry.exclusive -= 1)
      counts[path] = entry.shared <= 0 && entry.exclusive <= 0 ? nil : entry
    }
  }
}
