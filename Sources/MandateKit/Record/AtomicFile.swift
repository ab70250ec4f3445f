import Foundation

/// Writes files so that readers see either the old or the new content, never a part.
///
/// The data goes to a temporary file in the same folder, is flushed to disk, and is renamed over
/// the target; a process killed half-way leaves the old file and a stray temporary file, which
/// `removeStrayTemporaries` clears on the next write.
public enum AtomicFile {
  static let temporaryMarker = ".tmp-"

  public static func write(_ data: Data, to url: URL) throws(RecordError) {
    try write(to: url) { handle in try handle.write(contentsOf: data) }
  }

  /// Streams the content through `body`, which writes to the temporary file's handle.
  public static func write(to url: URL, _ body: (FileHandle) throws -> Void) throws(RecordError) {
    try prepare(for: url, body).commit(to: url)
  }

  /// Writes the content to a temporary file beside `url` and flushes it, without replacing
  /// `url` yet: several files can be prepared and then committed together.
  public static func prepare(for url: URL, _ body: (FileHandle) throws -> Void) throws(RecordError) -> PreparedFile {
    let directory = url.deletingLastPathComponent()
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      throw .writeFailed(path: directory.path, reason: TextFile.describe(error))
    }
    let temporary = directory.appendingPathComponent(
      ".\(url.lastPathComponent)\(temporaryMarker)\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw .writeFailed(path: url.path, reason: String(cString: strerror(errno))) }
    let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    do {
      try body(handle)
      if let code = SimulatedWriteFailure.code(for: url) {
        throw RecordError.writeFailed(path: url.path, reason: String(cString: strerror(code)))
      }
      try handle.synchronize()
      try handle.close()
    } catch {
      try? handle.close()
      unlink(temporary.path)
      if let recordError = error as? RecordError { throw recordError }
      throw .writeFailed(path: url.path, reason: TextFile.describe(error))
    }
    return PreparedFile(temporary: temporary)
  }

  /// Flushes a folder's entries, so that a rename survives a power cut as well as a crash.
  static func syncDirectory(_ directory: URL) {
    let fd = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }
    fsync(fd)
    close(fd)
  }

  /// Removes temporary files left by writers that were killed; call while holding the write lock.
  public static func removeStrayTemporaries(in directory: URL) {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
    for name in names where name.hasPrefix(".") && name.contains(temporaryMarker) {
      unlink(directory.appendingPathComponent(name).path)
    }
  }
}

/// A complete temporary file waiting to replace its target.
public final class PreparedFile: @unchecked Sendable {
  let temporary: URL
  private var done = false

  init(temporary: URL) { self.temporary = temporary }

  /// Renames the temporary file over `url`.
  public func commit(to url: URL) throws(RecordError) {
    guard !done else { return }
    guard rename(temporary.path, url.path) == 0 else {
      let reason = String(cString: strerror(errno))
      discard()
      throw .writeFailed(path: url.path, reason: reason)
    }
    done = true
    AtomicFile.syncDirectory(url.deletingLastPathComponent())
  }

  /// Removes the temporary file if it was not committed.
  public func discard() {
    guard !done else { return }
    unlink(temporary.path)
    done = true
  }
}

/// Failures to read or write the record (`Events/`, `Tags/`) and the workspace's state folder.
public enum RecordError: MandateError, Equatable {
  case writeFailed(path: String, reason: String)
  case readFailed(path: String, reason: String)
  case lockFailed(path: String, reason: String)
  case malformedLine(path: String, line: Int, reason: String)

  public var errorDescription: String? {
    switch self {
    case .writeFailed(let path, let reason):
      return "cannot write \(path): \(reason); the record was left as it was"
    case .readFailed(let path, let reason):
      return "cannot read \(path): \(reason)"
    case .lockFailed(let path, let reason):
      return "cannot lock \(path): \(reason)"
    case .malformedLine(let path, let line, let reason):
      return "\(path):\(line): \(reason)"
    }
  }
}

/// A test seam: makes the atomic writes of chosen files fail as a full disk would (ENOSPC after
/// the content went to the temporary file), where a real full disk cannot be arranged. Scoped by
/// path, so that tests running in parallel in other folders are not affected. Never set outside
/// tests.
enum SimulatedWriteFailure {
  private static let mutex = NSLock()
  nonisolated(unsafe) private static var failures: [String: Int32] = [:]

  /// Runs `body` with writes to files under `folder` (or to the file `folder`) failing with `code`.
  static func with<T>(_ code: Int32, under folder: URL, _ body: () throws -> T) rethrows -> T {
    let prefix = folder.standardizedFileURL.path + "/"
    mutex.lock()
    failures[prefix] = code
    mutex.unlock()
    defer {
      mutex.lock()
      failures[prefix] = nil
      mutex.unlock()
    }
    return try body()
  }

  static func code(for url: URL) -> Int32? {
    mutex.lock()
    defer { mutex.unlock() }
    guard !failures.isEmpty else { return nil }
    let path = url.standardizedFileURL.path
    return failures.first { path.hasPrefix($0.key) || path + "/" == $0.key }?.value
  }
}
