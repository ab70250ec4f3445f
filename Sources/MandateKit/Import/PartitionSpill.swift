import Foundation

/// New record lines of an import, kept per partition in temporary files until the partitions are
/// rewritten, so that memory holds one partition at a time.
///
/// Not thread-safe: the importer fills it on one thread and hands it to another to read, never both at once.
final class PartitionSpill: @unchecked Sendable {
  private let directory: URL
  private var handles: [String: FileHandle] = [:]
  private var buffers: [String: [UInt8]] = [:]
  /// Per partition: a million events over 36 months held 9 MB of buffers at 256 KB.
  private static let bufferLimit = 64 << 10
  private var nextLine = 0
  /// Lines replaced by a later version (an event merged again).
  private var superseded = Set<Int>()

  /// The partitions that received lines.
  var partitions: [String] { Array(Set(handles.keys).union(buffers.keys)) }

  init(directory parent: URL) throws {
    directory = parent.appendingPathComponent("import-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  deinit {
    for handle in handles.values { try? handle.close() }
    try? FileManager.default.removeItem(at: directory)
  }

  func has(_ partition: String) -> Bool { handles[partition] != nil || buffers[partition] != nil }

  /// Stores a line with its number and sort key ("number TAB key TAB line", lines hold no raw
  /// newline or tab: JSON escapes them) and returns its number.
  @discardableResult
  func append(_ line: [UInt8], sortKey: String, partition: String) throws -> Int {
    let number = nextLine
    nextLine += 1
    // Mutating in place through the dictionary keeps the buffer uniquely referenced (no copy).
    buffers[partition, default: []].append(contentsOf: String(number).utf8)
    buffers[partition]!.append(0x09)
    buffers[partition]!.append(contentsOf: sortKey.utf8)
    buffers[partition]!.append(0x09)
    buffers[partition]!.append(contentsOf: line)
    buffers[partition]!.append(0x0A)
    if buffers[partition]!.count >= Self.bufferLimit {
      do {
        try handle(for: partition).write(contentsOf: buffers[partition]!)
      } catch {
        // A full disk while matching: the record is untouched, and the message says where and why.
        throw RecordError.writeFailed(path: url(partition).path, reason: TextFile.describe(error))
      }
      buffers[partition]!.removeAll(keepingCapacity: true)
    }
    return number
  }

  /// Drops a line written earlier: its event was merged again and has a newer line.
  func supersede(_ number: Int) { superseded.insert(number) }

  /// The partition's spilled lines as one buffer and, per line still current, its sort key and
  /// byte range in that buffer: the caller sorts the ranges and writes slices, so memory holds
  /// the partition once (a million-event import kept three copies of its largest month).
  func entries(partition: String) throws -> (data: Data, entries: [(key: String, range: Range<Int>)]) {
    let tail = buffers[partition] ?? []
    buffers[partition] = nil
    var data = Data()
    if let handle = handles[partition] {
      try handle.close()
      handles[partition] = nil
      // Sized once for the file and the tail: reading the file whole and then appending the tail
      // copied the partition (40 MB at 1M events) into a second buffer.
      let file = url(partition)
      let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
      data.reserveCapacity(size + tail.count)
      let reader = try FileHandle(forReadingFrom: file)
      defer { try? reader.close() }
      while let chunk = try reader.read(upToCount: 4 << 20), !chunk.isEmpty { data.append(chunk) }
      try? FileManager.default.removeItem(at: file)
    }
    data.append(contentsOf: tail)
    var entries: [(key: String, range: Range<Int>)] = []
    data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
      let bytes = raw.bindMemory(to: UInt8.self)
      var start = 0
      while start < bytes.count {
        var end = start
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        defer { start = end + 1 }
        guard let first = (start..<end).first(where: { bytes[$0] == 0x09 }),
          let second = (first + 1..<end).first(where: { bytes[$0] == 0x09 }),
          let number = Int(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<first]), as: UTF8.self))
        else { continue }
        if superseded.contains(number) { continue }
        let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[(first + 1)..<second]), as: UTF8.self)
        entries.append((key, (second + 1)..<end))
      }
    }
    return (data, entries)
  }

  private func url(_ partition: String) -> URL { directory.appendingPathComponent("\(partition).lines") }

  private func handle(for partition: String) throws -> FileHandle {
    if let handle = handles[partition] { return handle }
    _ = FileManager.default.createFile(atPath: url(partition).path, contents: nil)
    let handle = try FileHandle(forWritingTo: url(partition))
    handles[partition] = handle
    return handle
  }
}
