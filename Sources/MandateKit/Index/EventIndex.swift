import Foundation
import GRDB

/// `.mandate/index.sqlite`: the SQLite index (GRDB, WAL, FTS5) derived from the record.
///
/// Deleting it loses nothing: `open` rebuilds it when it is missing, damaged or built by another
/// version, and refreshes the parts whose record files changed (compared by size and modification
/// time). Every access happens under the `WorkspaceLock`, so processes wait for each other instead
/// of meeting SQLite's "database is locked".
public final class EventIndex: @unchecked Sendable {
  public let workspace: Workspace
  /// Replaced when a bulk write closes and reopens the connections.
  private(set) var database: DatabasePool
  let record: EventRecord

  private init(workspace: Workspace, database: DatabasePool) {
    self.workspace = workspace
    self.database = database
    self.record = EventRecord(directory: workspace.eventsDirectory)
  }

  static func url(in workspace: Workspace) -> URL { workspace.stateDirectory.appendingPathComponent("index.sqlite") }
  static func dirtyMarker(in workspace: Workspace) -> URL {
    workspace.stateDirectory.appendingPathComponent("index.dirty")
  }

  /// What `open` had to do, for `mandate index` and tests.
  public enum Preparation: Equatable, Sendable {
    case fresh
    case refreshed(partitions: Int)
    case rebuilt(reason: String)
  }

  /// Opens the index for a command holding `lock`, bringing it up to date with the record first.
  /// When that needs writing, the lock is taken exclusively for the while and then returned to
  /// its mode.
  public static func open(
    _ workspace: Workspace, lock: WorkspaceLock, forceRebuild: Bool = false
  ) throws -> (index: EventIndex, preparation: Preparation) {
    StorageFailure.stateDirectory = workspace.stateDirectory
    let originalMode = lock.mode
    defer { try? lock.change(to: originalMode) }
    // Fresh: read under the shared lock. (`try?` flattens the optional, so the test is on a Bool:
    // an error and "fresh" must not look alike.)
    if !forceRebuild, let index = try? connect(workspace), (try? index.staleness() == nil) == true {
      return (index, .fresh)
    }
    try lock.change(to: .exclusive)
    // Another process may have refreshed it while this one waited for the lock.
    if !forceRebuild, let index = try? connect(workspace) {
      do {
        if try index.staleness() == nil { return (index, .fresh) }
        let count = try index.refreshEvents()
        return (index, .refreshed(partitions: count))
      } catch {
        // Fall through to a rebuild: whatever went wrong, the record can recreate the index.
      }
    }
    let reason = forceRebuild ? "requested" : rebuildReason(workspace)
    let index = try rebuild(workspace)
    return (index, .rebuilt(reason: reason))
  }

  /// Opens an existing, ready index; nil when it must be rebuilt.
  private static func connect(_ workspace: Workspace) throws -> EventIndex? {
    let url = Self.url(in: workspace)
    guard FileManager.default.fileExists(atPath: url.path),
      !FileManager.default.fileExists(atPath: dirtyMarker(in: workspace).path)
    else { return nil }
    let pool = try DatabasePool(path: url.path, configuration: configuration())
    let index = EventIndex(workspace: workspace, database: pool)
    let format = try pool.read { db -> String? in
      guard try db.tableExists("meta") else { return nil }
      return try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'format'")
    }
    guard format == IndexSchema.formatVersion else { return nil }
    return index
  }

  private static func rebuildReason(_ workspace: Workspace) -> String {
    if !FileManager.default.fileExists(atPath: url(in: workspace).path) { return "missing" }
    if FileManager.default.fileExists(atPath: dirtyMarker(in: workspace).path) { return "interrupted" }
    return "outdated or damaged"
  }

  static func configuration() -> Configuration {
    StorageFailure.install
    var configuration = Configuration()
    configuration.busyMode = .timeout(30)
    configuration.prepareDatabase { db in
      // Searches and the full-text table's writes tokenize with the project's stemmer.
      db.add(tokenizer: SearchTokenizer.self)
      // The index is derived: losing the last transactions to a power cut costs a rebuild, not data.
      try db.execute(sql: "PRAGMA synchronous = OFF")
      try db.execute(sql: "PRAGMA temp_store = MEMORY")
    }
    return configuration
  }

  /// Builds a new index from the whole record, writing without a journal (a crash leaves the
  /// dirty marker, and the next command starts again), then switching to WAL.
  private static func rebuild(_ workspace: Workspace) throws -> EventIndex {
    let url = Self.url(in: workspace)
    let marker = dirtyMarker(in: workspace)
    do {
      try FileManager.default.createDirectory(at: workspace.stateDirectory, withIntermediateDirectories: true)
      _ = FileManager.default.createFile(atPath: marker.path, contents: Data("rebuilding\n".utf8))
      for suffix in ["", "-wal", "-shm", "-journal"] { unlink(url.path + suffix) }
      let queue = try DatabaseQueue(path: url.path, configuration: configuration())
      try queue.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA journal_mode = OFF")
      }
      try IndexSchema.migrator.migrate(queue)
      try queue.write { db in
        try EventIndexWriter.bulkLoad(db, record: EventRecord(directory: workspace.eventsDirectory))
        try LedgerIndex.refresh(db, workspace: workspace)
        try db.execute(
          sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('format', ?)", arguments: [IndexSchema.formatVersion])
      }
      try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
      try queue.close()
      unlink(marker.path)
    } catch let error as RecordError {
      throw error
    } catch {
      throw IndexError.rebuildFailed(
        reason: StorageFailure.reason(error, stateDirectory: workspace.stateDirectory) ?? "\(error)")
    }
    let pool = try DatabasePool(path: url.path, configuration: configuration())
    return EventIndex(workspace: workspace, database: pool)
  }

  /// Why the index does not match the record, or nil when it does.
  func staleness() throws -> String? {
    if record.stamps() != (try storedStamps()) { return "events changed" }
    if LedgerIndex.stamps(workspace) != (try database.read(LedgerIndex.storedStamps)) { return "ledger changed" }
    return nil
  }

  func storedStamps() throws -> [String: FileStamp] {
    try database.read { db in
      var result: [String: FileStamp] = [:]
      for row in try Row.fetchAll(db, sql: "SELECT name, size, modified FROM record_file") {
        result[row["name"]] = FileStamp(size: row["size"], modified: row["modified"])
      }
      return result
    }
  }

  /// Re-indexes the partitions whose files changed; returns how many.
  @discardableResult
  func refreshEvents() throws -> Int {
    let stamps = record.stamps()
    let stored = try storedStamps()
    let changed = Set(stamps.keys.filter { stamps[$0] != stored[$0] })
    let removed = Set(stored.keys).subtracting(stamps.keys)
    let ledgers = try database.write { db in try LedgerIndex.refresh(db, workspace: workspace) }
    guard !changed.isEmpty || !removed.isEmpty else { return ledgers }
    try database.write { db in
      let session = try EventIndexWriter.Session(db, bulk: false)
      for partition in removed {
        for id in try String.fetchAll(db, sql: "SELECT id FROM event WHERE partition = ?", arguments: [partition]) {
          try session.delete(id: id)
        }
        try db.execute(sql: "DELETE FROM record_file WHERE name = ?", arguments: [partition])
      }
      for partition in changed.sorted() {
        try EventIndexWriter.refresh(db, partition: partition, record: record)
        if let stamp = stamps[partition] {
          try EventIndexWriter.storeStamp(db, partition: partition, stamp: stamp)
        }
      }
    }
    return changed.count + removed.count + ledgers
  }

  /// Runs `body` in a read transaction.
  public func read<T>(_ body: (Database) throws -> T) throws -> T {
    try database.read(body)
  }

  /// Runs `body` in a write transaction; the caller holds the lock exclusively.
  @discardableResult
  public func write<T>(_ body: (Database) throws -> T) throws -> T {
    try database.write(body)
  }
}

/// Failures of the index that are not the record's fault.
public enum IndexError: MandateError, Equatable {
  case rebuildFailed(reason: String)
  case unknownEvent(String, suggestions: [String])
  case ambiguousEvent(String, candidates: [String])
  case invalidEventID(String)

  public var errorDescription: String? {
    switch self {
    case .rebuildFailed(let reason):
      return "cannot rebuild the index in .mandate/: \(reason) (the record in Events/ is untouched)"
    case .unknownEvent(let id, let suggestions):
      let hint = suggestions.isEmpty ? "" : "; closest: \(suggestions.joined(separator: ", "))"
      return "no event `\(id)`\(hint)"
    case .ambiguousEvent(let prefix, let candidates):
      return "event id `\(prefix)` is ambiguous: it starts \(candidates.joined(separator: ", ")); give more digits"
    case .invalidEventID(let text):
      return "`\(text)` is not an event id (hexadecimal digits, at least 4)"
    }
  }
}

extension EventIndex {
  /// Runs `body` in one write transaction. With `bulkJournal`, the index uses a rollback journal
  /// for the while (new pages are not written twice, as WAL would) and returns to WAL after; the
  /// caller holds the workspace lock exclusively, so no other connection is open.
  func write(bulkJournal: Bool, _ body: (Database) throws -> Void) throws {
    guard bulkJournal else {
      try database.write(body)
      return
    }
    // Leaving WAL needs the only connection: close the pool's, and reopen them afterwards.
    try database.close()
    defer {
      if let pool = try? DatabasePool(path: Self.url(in: workspace).path, configuration: Self.configuration()) {
        database = pool
      }
    }
    let queue = try DatabaseQueue(path: Self.url(in: workspace).path, configuration: Self.configuration())
    defer { try? queue.close() }
    try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
    defer { try? queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") } }
    try queue.write(body)
  }
}
