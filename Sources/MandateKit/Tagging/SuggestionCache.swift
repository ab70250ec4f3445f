import Foundation
import GRDB

/// The best candidates of every event without a decision, kept in the index so that reports can
/// count pending suggestions without scoring the whole record again.
///
/// The cache is valid for one state of the inputs: the mandate (its content), the ledger and the
/// events record (their files' stamps) and the engine's version. When the ledger alone changed,
/// the next report scores again only the events the change touches (`SuggestionModel`); when
/// anything else changed, it scores every event (one `Suggester` pass) and stores the result.
public enum SuggestionCache {
  /// Bumped when scoring changes, so that caches made by another version are recomputed.
  static let engineVersion = "1"

  static let createSQL = """
    CREATE TABLE IF NOT EXISTS suggestion_cache (
      mandate TEXT NOT NULL, event TEXT NOT NULL, rank INTEGER NOT NULL, item TEXT NOT NULL, score REAL NOT NULL,
      PRIMARY KEY (mandate, event, rank)) WITHOUT ROWID
    """

  /// Every event's matches (`StoredMatches`) and whether it was decided when last scored.
  static let createMatchesSQL = """
    CREATE TABLE IF NOT EXISTS suggestion_match (
      mandate TEXT NOT NULL, event TEXT NOT NULL, decided INTEGER NOT NULL, matches BLOB NOT NULL,
      PRIMARY KEY (mandate, event)) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS suggestion_match_decided ON suggestion_match(mandate, decided);
    """

  /// What the cache depends on but the ledger, as one digest.
  static func baseFingerprint(mandate: Mandate, index: EventIndex, minScore: Double) throws -> String {
    var parts = [
      "engine \(engineVersion)", "min \(minScore)", (try? JSON.encode(mandate, pretty: false)) ?? mandate.id,
    ]
    try index.read { db in
      for row in try Row.fetchAll(db, sql: "SELECT name, size, modified FROM record_file ORDER BY name") {
        parts.append("e \(row["name"] as String) \(row["size"] as Int64) \(row["modified"] as Int64)")
      }
    }
    return SHA256.hex(parts.joined(separator: "\n"))
  }

  /// What the cache depends on, as one digest: the base and the ledger's stamp.
  static func fingerprint(base: String, mandate: Mandate, index: EventIndex) throws -> String {
    var parts = [base]
    try index.read { db in
      // Every file of the mandate's ledger (one per analyst).
      for row in try Row.fetchAll(
        db, sql: "SELECT name, size, modified FROM ledger_file WHERE mandate = ? ORDER BY name", arguments: [mandate.id]
      ) {
        parts.append("l \(row["name"] as String) \(row["size"] as Int64) \(row["modified"] as Int64)")
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
    let base = try baseFingerprint(mandate: mandate, index: index, minScore: minScore)
    let fingerprint = try fingerprint(base: base, mandate: mandate, index: index)
    let stored = try index.read { db -> String? in
      guard try db.tableExists("suggestion_cache") else { return nil }
      return try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key(mandate)])
    }
    if stored != fingerprint {
      let originalMode = lock.mode
      try lock.change(to: .exclusive)
      defer { try? lock.change(to: originalMode) }
      try refresh(
        mandate: mandate, index: index, state: state, base: base, fingerprint: fingerprint, minScore: minScore)
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
