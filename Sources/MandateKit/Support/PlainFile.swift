import Foundation

/// Writes a file without flushing it to disk. `Data.write(to:)` flushes every file it writes
/// (fsync), which costs milliseconds each on some disks; a fetch writes a file per body and
/// flushes the ones that must survive together, once (see `SnapshotStore.synchronize`).
enum PlainFile {
  static func write(_ data: Data, to url: URL) throws(RecordError) {
    let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw .writeFailed(path: url.path, reason: String(cString: strerror(errno))) }
    defer { close(fd) }
    let failure = data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Int32? in
      var offset = 0
      while offset < bytes.count {
        let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return errno
        }
        offset += written
      }
      return nil
    }
    if let failure { throw .writeFailed(path: url.path, reason: String(cString: strerror(failure))) }
  }
}
