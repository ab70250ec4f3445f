import Foundation
import GRDB

/// SQLite failures that come from the file system (a full disk, a file-size limit, a read-only
/// folder), told in words that name the file and the reason.
///
/// SQLite's result codes leave the reason out ("disk I/O error" for a full disk and a file-size
/// limit alike); its error log has it, with the system call and the file. The log is read from
/// the moment the first index connection is configured.
public enum StorageFailure {
  /// Installs the log hook; must run before SQLite opens its first connection.
  static let install: Void = {
    Database.logError = { _, message in StorageFailure.note(message) }
  }()

  private static let mutex = NSLock()
  nonisolated(unsafe) private static var lastSystemFailure: String?

  /// The system errors that say the storage refused a write; SQLite also logs others (a
  /// missing journal, say) that would mislead if named as the reason of a later failure.
  static let storageErrnos: Set<Int32> = [ENOSPC, EFBIG, EROFS, EIO, EDQUOT, EACCES, EPERM]

  /// Keeps SQLite's last "os_unix.c:LINE: (ERRNO) call(path) - …" message as "reason (call path)".
  static func note(_ message: String) {
    guard message.hasPrefix("os_unix.c:"), let open = message.range(of: ": ("),
      let close = message.range(of: ") ", range: open.upperBound..<message.endIndex),
      let code = Int32(message[open.upperBound..<close.lowerBound]), storageErrnos.contains(code),
      let callEnd = message.range(of: ")", options: .backwards)
    else { return }
    let call = message[close.upperBound..<callEnd.lowerBound].replacingOccurrences(of: "(", with: " ")
    let text = "\(String(cString: strerror(code))) (\(call))"
    mutex.lock()
    lastSystemFailure = text
    mutex.unlock()
  }

  nonisolated(unsafe) private static var lastStateDirectory: URL?

  /// The state folder of the index opened last, named in messages.
  static var stateDirectory: URL? {
    get {
      mutex.lock()
      defer { mutex.unlock() }
      return lastStateDirectory
    }
    set {
      mutex.lock()
      lastStateDirectory = newValue
      mutex.unlock()
    }
  }

  static var lastSystemFailureText: String? {
    mutex.lock()
    defer { mutex.unlock() }
    return lastSystemFailure
  }

  /// Result codes that say the storage failed rather than the program.
  static let storageCodes = Set(
    [
      ResultCode.SQLITE_IOERR, .SQLITE_FULL, .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_CORRUPT,
      .SQLITE_NOTADB, .SQLITE_NOLFS,
    ].map(\.rawValue))

  /// Why the storage failed, for an error thrown by SQLite; nil for other errors.
  public static func reason(_ error: any Error, stateDirectory: URL? = nil) -> String? {
    guard let error = error as? DatabaseError, storageCodes.contains(error.resultCode.rawValue) else { return nil }
    let sqlite = error.message ?? "SQLite error \(error.resultCode.rawValue)"
    guard let system = lastSystemFailureText ?? likelyCause(stateDirectory ?? Self.stateDirectory) else {
      return sqlite
    }
    return "\(sqlite): \(system)"
  }

  /// SQLite does not log every failed write (a write past the file-size limit, say): what the
  /// file system and the process's limits say instead.
  static func likelyCause(_ directory: URL?) -> String? {
    if let directory {
      var stats = statvfs()
      if statvfs(directory.path, &stats) == 0 {
        if stats.f_flag & UInt(ST_RDONLY) != 0 { return "\(directory.path) is on a read-only file system" }
        let free = UInt64(stats.f_bavail) * UInt64(stats.f_frsize)
        if free < 1 << 20 { return "no space left on the device of \(directory.path) (\(free / 1024) KB free)" }
      }
    }
    var limit = rlimit()
    if getrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max {
      return "probably this process's file-size limit (ulimit -f), \(limit.rlim_cur) bytes"
    }
    return nil
  }

  /// The message for a failure of the index's storage, or nil when `error` is not one.
  public static func describe(_ error: any Error, stateDirectory: URL? = nil) -> String? {
    guard let reason = reason(error, stateDirectory: stateDirectory) else { return nil }
    let folder = (stateDirectory ?? Self.stateDirectory)?.path ?? ".mandate/"
    return
      "cannot use the index in \(folder): \(reason). The index is derived from Events/ and Tags/; "
      + "once there is room, or write access, commands rebuild it by themselves"
  }
}
