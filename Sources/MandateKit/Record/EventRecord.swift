import Foundation

/// The `Events/` folder: imported news as JSON lines, one file per month of the event's date
/// (`2024-04.jsonl`), one per year for events dated only to a year (`2024.jsonl`), and
/// `undated.jsonl`.
///
/// Each file is sorted by date, end date and id, and every line has sorted keys, so re-importing
/// the same news changes no byte and two analysts' imports merge cleanly in git. A file is always
/// replaced whole and atomically.
public struct EventRecord: Sendable {
  public let directory: URL

  public init(directory: URL) { self.directory = directory }

  public static let undatedPartition = "undated"

  /// The file an event belongs in.
  public static func partition(of event: Event) -> String {
    partition(date: event.date, precision: event.datePrecision)
  }

  static func partition(date: Day?, precision: DatePrecision) -> String {
    guard let date, precision != .none else { return undatedPartition }
    let year = String(date.description.prefix(4))
    return precision == .year ? year : String(date.description.prefix(7))
  }

  public func url(partition: String) -> URL { directory.appendingPathComponent("\(partition).jsonl") }

  /// The partitions that have a file, in name order.
  public func partitions() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasSuffix(".jsonl") && !$0.hasPrefix(".") }.map { String($0.dropLast(6)) }.sorted()
  }

  /// The lines of a partition's file (without newlines), with 1-based line numbers; empty lines
  /// are skipped. A missing file has no lines.
  public func lines(partition: String) throws(RecordError) -> [RecordLine] {
    let url = url(partition: partition)
    guard FileManager.default.fileExists(atPath: url.path) else { return [] }
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw .readFailed(path: url.path, reason: TextFile.describe(error))
    }
    return RecordLine.split(data)
  }

  /// Replaces a partition's file with `lines` (each without newline), or removes it when empty.
  public func write(partition: String, lines: [[UInt8]]) throws(RecordError) {
    let url = url(partition: partition)
    if lines.isEmpty {
      if FileManager.default.fileExists(atPath: url.path), unlink(url.path) != 0 {
        throw .writeFailed(path: url.path, reason: String(cString: strerror(errno)))
      }
      return
    }
    try prepare(partition: partition, lines: lines).commit(to: url)
  }

  /// Writes `lines` to a temporary file in the folder, to be committed over `partition` later
  /// (a failure names the partition's file).
  public func prepare(partition: String, lines: [[UInt8]]) throws(RecordError) -> PreparedFile {
    try prepare(partition: partition, count: lines.count) { index, buffer in buffer.append(contentsOf: lines[index]) }
  }

  /// Prepares a partition of `count` lines, `line(i, &buffer)` appending the i-th line's bytes.
  public func prepare(
    partition: String, count: Int, line: (Int, inout [UInt8]) -> Void
  ) throws(RecordError) -> PreparedFile {
    try AtomicFile.prepare(for: url(partition: partition)) { handle in
      var buffer: [UInt8] = []
      buffer.reserveCapacity(1 << 20)
      for index in 0..<count {
        line(index, &buffer)
        buffer.append(0x0A)
        if buffer.count >= 1 << 20 {
          try handle.write(contentsOf: buffer)
          buffer.removeAll(keepingCapacity: true)
        }
      }
      if !buffer.isEmpty { try handle.write(contentsOf: buffer) }
    }
  }

  /// Size and modification time of each partition file, to tell whether the index is stale.
  public func stamps() -> [String: FileStamp] {
    var result: [String: FileStamp] = [:]
    for partition in partitions() {
      if let stamp = FileStamp(url: url(partition: partition)) { result[partition] = stamp }
    }
    return result
  }
}

/// What identifies a version of a file cheaply: its size and modification time in nanoseconds.
public struct FileStamp: Sendable, Equatable, Hashable {
  public var size: Int64
  public var modified: Int64

  public init(size: Int64, modified: Int64) {
    self.size = size
    self.modified = modified
  }

  public init?(url: URL) {
    var info = stat()
    guard stat(url.path, &info) == 0 else { return nil }
    size = Int64(info.st_size)
    modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
  }
}

/// One line of a record file.
public struct RecordLine: Sendable {
  public var bytes: [UInt8]
  public var number: Int

  static func split(_ data: Data) -> [RecordLine] {
    var lines: [RecordLine] = []
    data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
      let bytes = raw.bindMemory(to: UInt8.self)
      var start = 0
      var number = 0
      for index in 0...bytes.count {
        guard index == bytes.count || bytes[index] == 0x0A else { continue }
        number += 1
        var end = index
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        if end > start, !bytes[start..<end].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
          lines.append(RecordLine(bytes: Array(bytes[start..<end]), number: number))
        }
        start = index + 1
      }
    }
    return lines
  }

  /// The string value of a top-level key, read without parsing the whole line.
  ///
  /// Sound for lines this program writes: inside JSON strings quotes are escaped, so `"id":"`
  /// cannot occur in a value, and no nested object has the keys this is used for (`id`, `date`,
  /// `date_end`). Values with escapes are not expected for these keys (ids and dates).
  public func peek(_ key: String) -> String? {
    let needle = Array("\"\(key)\":\"".utf8)
    return bytes.withUnsafeBufferPointer { buffer -> String? in
      guard buffer.count > needle.count else { return nil }
      var index = 0
      let last = buffer.count - needle.count
      while index <= last {
        if buffer[index] == 0x22, buffer[index + 1] == needle[1] {
          var matched = true
          for offset in 2..<needle.count where buffer[index + offset] != needle[offset] {
            matched = false
            break
          }
          if matched {
            let start = index + needle.count
            var end = start
            while end < buffer.count, buffer[end] != 0x22 { end += 1 }
            return String(decoding: buffer[start..<end], as: UTF8.self)
          }
        }
        index += 1
      }
      return nil
    }
  }

  /// The order of lines within a file: date, end date, id.
  public var sortKey: String {
    "\(peek("date") ?? "")|\(peek("date_end") ?? "")|\(peek("id") ?? "")"
  }
}

extension Event {
  /// The event as one JSON line with sorted keys, as stored in `Events/`.
  public func recordLine() -> [UInt8] { EventLineEncoder.encode(self) }

  /// Reads a record line.
  public static func decode(line: [UInt8]) throws -> Event {
    try JSONDecoder().decode(Event.self, from: Data(line))
  }

  /// The order of events in a record file: date, end date, id.
  public var sortKey: String { "\(date?.description ?? "")|\(dateEnd?.description ?? "")|\(id)" }
}
