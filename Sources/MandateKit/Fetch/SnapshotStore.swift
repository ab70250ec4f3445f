import Foundation

/// The kept bodies of fetched sources: `Snapshots/<aa>/<sha256>.gz`, gzip-compressed and named by
/// the SHA-256 of the body, and `Snapshots/log.jsonl`, one line per body first fetched from an
/// address (where from, when, its HTTP type and language), in the order they were fetched.
///
/// The folder is part of the workspace and meant to be committed with `Events/`: it is the
/// evidence the record was read from, and `mandate fetch --reimport` reads the record again from
/// it, without the network, when extraction improves. See docs/fetching.md.
public final class SnapshotStore: @unchecked Sendable {
  public let directory: URL
  private let lock = NSLock()
  /// Bodies written but not yet flushed to disk.
  private var unsynchronized = Set<URL>()

  public init(workspace: Workspace) {
    directory = workspace.root.appendingPathComponent("Snapshots", isDirectory: true)
  }

  public var logURL: URL { directory.appendingPathComponent("log.jsonl") }

  /// The SHA-256 of `body` in hex: its content address.
  public static func address(of body: Data) -> String {
    var hasher = SHA256()
    body.withUnsafeBytes { hasher.update($0) }
    return Hex.encode(hasher.finalize())
  }

  public func url(of address: String) -> URL {
    directory.appendingPathComponent(String(address.prefix(2)), isDirectory: true)
      .appendingPathComponent("\(address).gz")
  }

  /// Keeps `body` (once: a body already kept is not written again); returns its address.
  ///
  /// The file appears whole or not at all (written beside it, then renamed), but is not yet
  /// flushed to disk: a fetch keeps its bodies, then flushes them all at once (`synchronize`)
  /// before the record names them, because a flush per file costs milliseconds each.
  @discardableResult
  public func keep(_ body: Data) throws -> String {
    let address = Self.address(of: body)
    let target = url(of: address)
    if FileManager.default.fileExists(atPath: target.path) { return address }
    let compressed = try Gzip.compress(body)
    let directory = target.deletingLastPathComponent()
    let temporary = directory.appendingPathComponent(".\(address).gz.tmp-\(getpid())")
    if mkdir(directory.path, 0o755) != 0 && errno != EEXIST {
      do {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      } catch {
        throw RecordError.writeFailed(path: directory.path, reason: TextFile.describe(error))
      }
    }
    do {
      try PlainFile.write(compressed, to: temporary)
    } catch {
      unlink(temporary.path)
      throw error
    }
    guard rename(temporary.path, target.path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary.path)
      throw RecordError.writeFailed(path: target.path, reason: reason)
    }
    lock.withLock { unsynchronized.insert(target) }
    return address
  }

  /// Flushes the bodies kept since the last call, and their folders, to disk, several at a time.
  public func synchronize() {
    let files = lock.withLock { () -> [URL] in
      defer { unsynchronized.removeAll() }
      return Array(unsynchronized)
    }
    let paths = files.map(\.path) + Set(files.map { $0.deletingLastPathComponent().path }).sorted()
    DispatchQueue.concurrentPerform(iterations: paths.count) { index in
      let fd = open(paths[index], O_RDONLY | O_CLOEXEC)
      guard fd >= 0 else { return }
      fsync(fd)
      close(fd)
    }
  }

  /// The body kept under `address`, checked against it.
  public func body(_ address: String) throws -> Data {
    let file = url(of: address)
    let compressed: Data
    do {
      compressed = try Data(contentsOf: file)
    } catch {
      throw RecordError.readFailed(path: file.path, reason: TextFile.describe(error))
    }
    let body: Data
    do {
      body = try Gzip.decompress(compressed)
    } catch {
      throw RecordError.readFailed(path: file.path, reason: error.description)
    }
    guard Self.address(of: body) == address else {
      throw RecordError.readFailed(path: file.path, reason: "its content does not match its name (damaged)")
    }
    return body
  }

  /// The log's entries, in the order they were written.
  public func entries() throws -> [SnapshotEntry] {
    guard FileManager.default.fileExists(atPath: logURL.path) else { return [] }
    let data: Data
    do {
      data = try Data(contentsOf: logURL)
    } catch {
      throw RecordError.readFailed(path: logURL.path, reason: TextFile.describe(error))
    }
    let decoder = JSONDecoder()
    var entries: [SnapshotEntry] = []
    for (number, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() where !line.isEmpty {
      do {
        entries.append(try decoder.decode(SnapshotEntry.self, from: Data(line)))
      } catch {
        throw RecordError.malformedLine(
          path: "Snapshots/log.jsonl", line: number + 1, reason: "not a snapshot entry (\(error.localizedDescription))")
      }
    }
    return entries
  }

  /// Adds the entries not logged yet (the same body from the same address is logged once);
  /// call under the workspace lock. Returns how many were added.
  @discardableResult
  public func log(_ new: [SnapshotEntry]) throws -> Int {
    let existing = try entries()
    var seen = Set(existing.map(\.key))
    var lines = Data()
    for entry in existing { lines.append(try entry.line()) }
    var added = 0
    for entry in new where seen.insert(entry.key).inserted {
      lines.append(try entry.line())
      added += 1
    }
    if added > 0 { try AtomicFile.write(lines, to: logURL) }
    return added
  }
}

/// One body fetched from one address, as `Snapshots/log.jsonl` keeps it.
public struct SnapshotEntry: Sendable, Equatable, Codable {
  /// The address that served the body.
  public var url: String
  /// The body's content address.
  public var sha256: String
  /// When it was first fetched from there (ISO 8601, UTC).
  public var fetched: String
  public var contentType: String?
  public var contentLanguage: String?
  /// The format it was imported as.
  public var format: String?
  /// The watched source's name and language.
  public var name: String?
  public var language: String?
  /// For a page fetched for a feed item (`--follow`), the item's link.
  public var link: String?

  public init(
    url: String, sha256: String, fetched: String, contentType: String?, contentLanguage: String?, format: String?,
    name: String?, language: String?, link: String?
  ) {
    self.url = url
    self.sha256 = sha256
    self.fetched = fetched
    self.contentType = contentType
    self.contentLanguage = contentLanguage
    self.format = format
    self.name = name
    self.language = language
    self.link = link
  }

  var key: String { "\(url)\u{1F}\(sha256)" }

  func line() throws -> Data {
    Data((try JSON.encode(self, pretty: false) + "\n").utf8)
  }

  private enum CodingKeys: String, CodingKey {
    case url, sha256, fetched, format, name, language, link
    case contentType = "content_type"
    case contentLanguage = "content_language"
  }
}
