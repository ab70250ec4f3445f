import Foundation
import GRDB

/// Writes events into the index: whole partitions from the record, or events an import made.
enum EventIndexWriter {
  static let columns = """
    id, date, date_end, last_day, precision, basis, evidence, partition, title, body, language, sources, aliases,
    source_count, lead_key, url_key, line_hash
    """

  /// A run of event writes in one transaction, keeping the full-text table in step row by row
  /// (external-content FTS5 needs a row's old values to remove it, so updates read them first).
  final class Session {
    let db: Database
    private let bulk: Bool
    private let insertRow: Statement
    private let updateRow: Statement
    private let findByID: Statement
    private let findByRowid: Statement
    private let deleteRow: Statement
    private let deleteAliases: Statement
    private let insertAlias: Statement
    private let ftsDelete: Statement
    private let ftsInsert: Statement

    /// With `bulk` (an empty index filling up), secondary indexes are dropped now and built again
    /// in `finish`: building an index once from all keys is several times faster than inserting
    /// random keys one by one.
    init(_ db: Database, bulk: Bool) throws {
      self.db = db
      self.bulk = bulk
      if bulk {
        for index in IndexSchema.secondaryIndexes { try db.execute(sql: "DROP INDEX IF EXISTS \"\(index.name)\"") }
        // The id index takes keys in random order: with SQLite's default 2 MB cache its pages
        // are written out and read back again and again once it outgrows the cache.
        try db.execute(sql: "PRAGMA cache_size = \(-Self.bulkCacheKiB)")
      }
      let placeholders = Array(repeating: "?", count: 17).joined(separator: ", ")
      insertRow = try db.makeStatement(sql: "INSERT INTO event(\(EventIndexWriter.columns)) VALUES (\(placeholders))")
      updateRow = try db.makeStatement(
        sql: "UPDATE event SET (\(EventIndexWriter.columns)) = (\(placeholders)) WHERE rowid = ?")
      findByID = try db.makeStatement(sql: "SELECT rowid FROM event WHERE id = ?")
      findByRowid = try db.makeStatement(sql: "SELECT id, title, body FROM event WHERE rowid = ?")
      deleteRow = try db.makeStatement(sql: "DELETE FROM event WHERE rowid = ?")
      deleteAliases = try db.makeStatement(sql: "DELETE FROM event_alias WHERE event_id = ?")
      insertAlias = try db.makeStatement(sql: "INSERT OR REPLACE INTO event_alias(alias, event_id) VALUES (?, ?)")
      ftsDelete = try db.makeStatement(
        sql: "INSERT INTO event_fts(event_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)")
      ftsInsert = try db.makeStatement(sql: "INSERT INTO event_fts(rowid, title, body) VALUES (?, ?, ?)")
    }

    /// The event's language, or the one its text shows for events recorded before imports noted it.
    static func language(of event: Event) -> String? {
      event.language ?? LanguageDetector.detect(title: event.title, text: event.text)
    }

    static func values(_ event: Event, keys: EventKeys, lineHash: UInt64) -> StatementArguments {
      [
        event.id, event.date?.description, event.dateEnd?.description, event.lastDay?.description,
        event.datePrecision.rawValue, event.dateBasis.rawValue, event.dateEvidence, EventRecord.partition(of: event),
        event.title, event.text, Self.language(of: event), EventLineEncoder.encode(sources: event.sources),
        EventLineEncoder.encode(strings: event.aliases), event.sources.count,
        keys.leadKey.map { Int64(bitPattern: $0) }, keys.urlKey.map { Int64(bitPattern: $0) },
        Int64(bitPattern: lineHash),
      ]
    }

    /// Adds a new event; returns its rowid. `sources` and `aliases` may be given already
    /// encoded (the import encodes them on its worker threads).
    @discardableResult
    func insert(_ event: Event, keys: EventKeys, lineHash: UInt64, sources: [UInt8]? = nil) throws -> Int64 {
      var row = RowBinder(insertRow, db: db)
      row.bind(event.id)
      row.bind(event.date?.description)
      row.bind(event.dateEnd?.description)
      row.bind(event.lastDay?.description)
      row.bind(event.datePrecision.rawValue)
      row.bind(event.dateBasis.rawValue)
      row.bind(event.dateEvidence)
      row.bind(EventRecord.partition(of: event))
      row.bind(event.title)
      row.bind(event.text)
      row.bind(Self.language(of: event))
      row.bind(sources ?? Array(EventLineEncoder.encode(sources: event.sources).utf8))
      row.bind(event.aliases.isEmpty ? "[]" : EventLineEncoder.encode(strings: event.aliases))
      row.bind(Int64(event.sources.count))
      row.bind(keys.leadKey.map { Int64(bitPattern: $0) })
      row.bind(keys.urlKey.map { Int64(bitPattern: $0) })
      row.bind(Int64(bitPattern: lineHash))
      try row.run()
      let rowid = db.lastInsertedRowID
      var fts = RowBinder(ftsInsert, db: db)
      fts.bind(rowid)
      fts.bind(event.title)
      fts.bind(event.text)
      try fts.run()
      for alias in event.aliases { try insertAlias.execute(arguments: [alias, event.id]) }
      return rowid
    }

    /// Replaces the event in row `rowid` (its id may change).
    func update(rowid: Int64, with event: Event, keys: EventKeys, lineHash: UInt64) throws {
      guard let old = try Row.fetchOne(findByRowid, arguments: [rowid]) else {
        try insert(event, keys: keys, lineHash: lineHash)
        return
      }
      try ftsDelete.execute(arguments: [rowid, old["title"] as String?, old["body"] as String])
      try deleteAliases.execute(arguments: [old["id"] as String])
      try updateRow.execute(arguments: Self.values(event, keys: keys, lineHash: lineHash) + [rowid])
      try ftsInsert.execute(arguments: [rowid, event.title, event.text])
      for alias in event.aliases { try insertAlias.execute(arguments: [alias, event.id]) }
    }

    /// Writes `event` over the row with its id, or as a new row.
    func write(_ event: Event, keys: EventKeys, lineHash: UInt64) throws {
      if let rowid = try Int64.fetchOne(findByID, arguments: [event.id]) {
        try update(rowid: rowid, with: event, keys: keys, lineHash: lineHash)
      } else {
        try insert(event, keys: keys, lineHash: lineHash)
      }
    }

    /// Removes the event in row `rowid` and its aliases.
    func delete(rowid: Int64) throws {
      guard let old = try Row.fetchOne(findByRowid, arguments: [rowid]) else { return }
      try ftsDelete.execute(arguments: [rowid, old["title"] as String?, old["body"] as String])
      try deleteAliases.execute(arguments: [old["id"] as String])
      try deleteRow.execute(arguments: [rowid])
    }

    func delete(id: String) throws {
      if let rowid = try Int64.fetchOne(findByID, arguments: [id]) { try delete(rowid: rowid) }
    }

    /// The page cache of a bulk load, in KiB.
    static let bulkCacheKiB = 8 << 10

    func finish() throws {
      if bulk {
        // Back to the default before sorting: SQLite's sorter takes as much memory as the cache.
        try db.execute(sql: "PRAGMA cache_size = -2000")
        // Sorting a million keys for CREATE INDEX in memory (temp_store = MEMORY) costs hundreds
        // of megabytes; spilling the sort to a temporary file keeps a large import's memory flat.
        try db.execute(sql: "PRAGMA temp_store = FILE")
        defer { try? db.execute(sql: "PRAGMA temp_store = MEMORY") }
        for index in IndexSchema.secondaryIndexes { try db.execute(sql: index.create) }
      }
    }
  }

  /// Loads every partition of an empty index: lines are decoded on all cores, rows inserted in
  /// order; an id seen twice (after a crash between two file renames, or a merge in git) is
  /// merged rather than refused.
  static func bulkLoad(_ db: Database, record: EventRecord) throws {
    let session = try Session(db, bulk: true)
    for partition in record.partitions() {
      guard let stamp = FileStamp(url: record.url(partition: partition)) else { continue }
      let lines = try record.lines(partition: partition)
      var start = 0
      while start < lines.count {
        let batch = Array(lines[start..<min(start + 4096, lines.count)])
        start += batch.count
        let decoded = Parallel.map(batch) { line -> Result<(Event, EventKeys, UInt64), Error> in
          Result {
            let event = try decode(line, partition: partition, record: record)
            return (event, EventKeys(event), hash(line.bytes))
          }
        }
        for result in decoded {
          let (event, keys, lineHash) = try result.get()
          do {
            try session.insert(event, keys: keys, lineHash: lineHash)
          } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            guard let existing = try EventIndex.event(db, id: event.id) else { throw error }
            let merged = EventMerger.combine([existing, event])
            try session.write(merged, keys: EventKeys(merged), lineHash: lineHash)
          }
        }
      }
      try storeStamp(db, partition: partition, stamp: stamp)
    }
    try session.finish()
  }

  /// Brings one partition's rows in line with its file, parsing only lines that changed.
  static func refresh(_ db: Database, partition: String, record: EventRecord) throws {
    var known: [String: Int64] = [:]
    for row in try Row.fetchAll(db, sql: "SELECT id, line_hash FROM event WHERE partition = ?", arguments: [partition])
    {
      known[row["id"]] = row["line_hash"]
    }
    let session = try Session(db, bulk: false)
    var seen = Set<String>()
    for line in try record.lines(partition: partition) {
      let lineHash = hash(line.bytes)
      if let id = line.peek("id"), known[id] == Int64(bitPattern: lineHash) {
        seen.insert(id)
        continue
      }
      let event = try decode(line, partition: partition, record: record)
      seen.insert(event.id)
      try session.write(event, keys: EventKeys(event), lineHash: lineHash)
    }
    for id in Set(known.keys).subtracting(seen) {
      // Unless the event moved to another partition refreshed earlier in this transaction.
      if try String.fetchOne(db, sql: "SELECT partition FROM event WHERE id = ?", arguments: [id]) == partition {
        try session.delete(id: id)
      }
    }
    try session.finish()
  }

  static func storeStamp(_ db: Database, partition: String, stamp: FileStamp) throws {
    try db.execute(
      sql: "INSERT OR REPLACE INTO record_file(name, size, modified) VALUES (?, ?, ?)",
      arguments: [partition, stamp.size, stamp.modified])
  }

  static func decode(_ line: RecordLine, partition: String, record: EventRecord) throws -> Event {
    do {
      return try Event.decode(line: line.bytes)
    } catch {
      throw RecordError.malformedLine(
        path: "Events/\(partition).jsonl", line: line.number, reason: "not a valid event: \(describe(error))")
    }
  }

  static func hash(_ bytes: [UInt8]) -> UInt64 {
    bytes.withUnsafeBytes { FNV1a.hash($0) }
  }

  static func describe(_ error: Error) -> String {
    if let decoding = error as? DecodingError {
      switch decoding {
      case .keyNotFound(let key, _): return "missing `\(key.stringValue)`"
      case .typeMismatch(_, let context), .valueNotFound(_, let context):
        return "wrong type at `\(context.codingPath.map(\.stringValue).joined(separator: "."))`"
      case .dataCorrupted(let context):
        let path = context.codingPath.map(\.stringValue).joined(separator: ".")
        return path.isEmpty ? "not JSON" : "bad value at `\(path)`: \(context.debugDescription)"
      @unknown default: return "\(error)"
      }
    }
    return "\(error)"
  }
}
