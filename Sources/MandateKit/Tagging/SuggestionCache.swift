import Foundation
import GRDB

/// The best candidates of every event without a decision, kept in the index so that reports can
/// count pending suggestions without scoring the whole record again.
///
/// The cache is valid for one state of the inputs: the mandate (its content), the ledger and the
/// events record (their files' stamps) and the engine's version. When any changed, the next
/// report recomputes it (one `Suggester` pass) and stores it.
public enum SuggestionCache {
  /// Bumped when scoring changes, so that caches made by another version are recomputed.
  static let engineVersion = "1"

  static let createSQL = """
    CREATE TABLE IF NOT EXISTS suggestion_cache (
      mandate TEXT NOT NULL, event TEXT NOT NULL, rank INTEGER NOT NULL, item TEXT NOT NULL, score REAL NOT NULL,
      PRIMARY KEY (mandate, event, rank)) WITHOUT ROWID
    """

  /// What the cache depends on, as one digest.
  static func fingerprint(mandate: Mandate, index: EventIndex, minScore: Double) throws -> String {
    var parts = [
      "engine \(engineVersion)", "min \(minScore)", (try? JSON.encode(mandate, pretty: false)) ?? mandate.id,
    ]
    try index.read { db in
      for row in try Row.fetchAll(db, sql: "SELECT name, size, modified FROM record_file ORDER BY name") {
        parts.append("e \(row["name"] as String) \(row["size"] as Int64) \(row["modified"] as Int64)")
      }
      for row in try Row.fetchAll(
        db, sql: "SELECT name, size, modified FROM ledger_file WHERE name = ?", arguments: [mandate.id])
      {
        parts.append("l \(row["size"] as Int64) \(row["modified"] as Int64)")
      }
    }
    return SHA256.hex(parts.joined(separator: "\n"))
  }

  /// The candidates (best first) of the undecided events placed in `range`, from the cache when
  /// it is fresh, else after refreshing it; the caller holds `lock` (taken exclusively while the
  /// cache is written).
  public static func candidates(
    mandate: Mandate, index: EventIndex, lock: WorkspaceLock, state: LedgerState, range: DayRange,
    minScore: Double = SuggestionQuery.defaultMinScore
  ) throws -> [String: [(item: String, score: Double)]] {
    let fingerprint = try fingerprint(mandate: mandate, index: index, minScore: minScore)
    let key = "suggestions:\(mandate.id)"
    let stored = try index.read { db -> String? in
      guard try db.tableExists("suggestion_cache") else { return nil }
      return try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
    }
    if stored != fingerprint {
      let originalMode = lock.mode
      try lock.change(to: .exclusive)
      defer { try? lock.change(to: originalMode) }
      let suggester = try Suggester(mandate: mandate, index: index, state: state)
      var rows: [(event: String, rank: Int, item: String, score: Double)] = []
      try suggester.suggestBatches(SuggestionQuery(top: 3, minScore: minScore)) { batch in
        for suggestion in batch {
          for (rank, candidate) in suggestion.candidates.enumerated() {
            rows.append((suggestion.event.id, rank, candidate.item, candidate.score))
          }
        }
      }
      try index.write { db in
        try db.execute(sql: createSQL)
        try db.execute(sql: "DELETE FROM suggestion_cache WHERE mandate = ?", arguments: [mandate.id])
        let insert = try db.makeStatement(
          sql: "INSERT INTO suggestion_cache(mandate, event, rank, item, score) VALUES (?, ?, ?, ?, ?)")
        for row in rows { try insert.execute(arguments: [mandate.id, row.event, row.rank, row.item, row.score]) }
        try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", arguments: [key, fingerprint])
      }
    }
    return try index.read { db in
      var result: [String: [(item: String, score: Double)]] = [:]
      // On SQLite's buffers, one string per event (its rows come together) rather than per row.
      var event = ""
      var eventKey: UInt64?
      var candidates: [(item: String, score: Double)] = []
      try RawRows.scan(
        db,
        sql: """
          SELECT c.event, c.item, c.score FROM event e CROSS JOIN suggestion_cache c
          ON c.mandate = ? AND c.event = e.id
          WHERE \(EventIndex.placedCondition("e.")) ORDER BY c.event, c.rank
          """,
        // From the period's events (by date) to their cached rows, not the whole cache to the events.
        arguments: [
          mandate.id, range.start.description, range.end.description, range.start.description, range.end.description,
        ]
      ) { row in
        // The index holds only full ids (the record's are checked), so every row has a key.
        guard let key = row.eventKey(0) else { return }
        if key != eventKey {
          if !candidates.isEmpty { result[event] = candidates }
          event = row.string(0) ?? ""
          eventKey = key
          candidates = []
        }
        candidates.append((row.string(1) ?? "", row.double(2)))
      }
      if !candidates.isEmpty { result[event] = candidates }
      return result
    }
  }
}
