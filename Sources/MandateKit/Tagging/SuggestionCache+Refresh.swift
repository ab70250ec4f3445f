import Foundation
import GRDB

extension SuggestionCache {
  static func key(_ mandate: Mandate) -> String { "suggestions:\(mandate.id)" }
  static func modelKey(_ mandate: Mandate) -> String { "suggestion-model:\(mandate.id)" }

  /// Brings the cache up to `fingerprint`: scores again only the events the ledger's change
  /// touched when the stored model was scored from the same record and mandate, else every event.
  /// Returns how many events were scored again, or nil when every one was.
  @discardableResult
  static func refresh(
    mandate: Mandate, index: EventIndex, state: LedgerState, base: String, fingerprint: String, minScore: Double
  ) throws -> Int? {
    let timer = PhaseTimer("suggestion cache")
    let model = try index.read { db -> SuggestionModel? in
      guard try db.tableExists("suggestion_match"),
        let text = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [modelKey(mandate)])
      else { return nil }
      return try? JSONDecoder().decode(SuggestionModel.self, from: Data(text.utf8))
    }
    // The ledger only weights features: the scanning table is the mandate's, so stored matches
    // hold while the record and the mandate do.
    let features = FeatureSet(mandate: mandate)
    let usable = model.flatMap { $0.base == base && $0.features == SuggestionModel.digest(features) ? $0 : nil }
    let suggester = try Suggester(
      mandate: mandate, index: index, state: state, features: features,
      known: usable == nil ? nil : { ids in try storedMatches(ids, mandate: mandate, index: index) })
    timer.mark("ledger learned")
    if let usable,
      let count = try update(
        usable, suggester: suggester, index: index, fingerprint: fingerprint, minScore: minScore, timer: timer)
    {
      return count
    }
    let (statistics, events) = try suggester.scoreAll(top: 3, minScore: minScore)
    timer.mark("every event scored")
    let fresh = SuggestionModel(base: base, features: suggester.features, statistics: statistics)
    try index.write { db in
      try db.execute(sql: createSQL)
      try db.execute(sql: createMatchesSQL)
      try db.execute(sql: "DELETE FROM suggestion_cache WHERE mandate = ?", arguments: [mandate.id])
      try db.execute(sql: "DELETE FROM suggestion_match WHERE mandate = ?", arguments: [mandate.id])
      let store = try db.makeStatement(
        sql: "INSERT INTO suggestion_match(mandate, event, decided, matches) VALUES (?, ?, ?, ?)")
      for event in events {
        try store.execute(arguments: [mandate.id, event.event, event.decided, StoredMatches.encode(event.matches)])
      }
      try write(events.map { ($0.event, $0.candidates) }, mandate: mandate, db: db)
      try storeState(fresh, fingerprint: fingerprint, mandate: mandate, db: db)
    }
    timer.mark("stored")
    return nil
  }

  /// Scores again the events whose decision changed or whose matched features are weighted
  /// differently now, and returns how many; nil when the stored matches cannot be read (then
  /// every event is scored).
  static func update(
    _ model: SuggestionModel, suggester: Suggester, index: EventIndex, fingerprint: String, minScore: Double,
    timer: PhaseTimer
  ) throws -> Int? {
    let mandate = suggester.mandate
    let changed = model.changedFeatures(suggester.features)
    let decided = suggester.state.decidedEvents
    var touched: [(event: String, decided: Bool, wasDecided: Bool, matches: FeatureMatches?)] = []
    var readable = true
    try index.read { db in
      // No feature weighted anew (a tag, an untag): only events whose decision changed are
      // touched, and the index of decided flags names them without reading every event's matches.
      if changed.isEmpty,
        try Bool.fetchOne(
          db, sql: "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'suggestion_match_decided'") != nil
      {
        // By key (an event id is its key): hundreds of thousands of decided events at 1M.
        var wasDecided = Set<UInt64>()
        try RawRows.scan(
          db, sql: "SELECT event FROM suggestion_match WHERE mandate = ? AND decided = 1", arguments: [mandate.id]
        ) { row in
          if let key = row.eventKey(0) { wasDecided.insert(key) }
        }
        let decidedKeys = Set(decided.compactMap(EventKey.of))
        let undecided = wasDecided.subtracting(decidedKeys).map(EventKey.id).sorted()
        let matches = try storedMatches(undecided, mandate: mandate, index: index, db: db)
        for event in undecided {
          guard let stored = matches[event] else {
            readable = false
            continue
          }
          touched.append((event, false, true, stored))
        }
        let stored = try db.cachedStatement(sql: "SELECT 1 FROM suggestion_match WHERE mandate = ? AND event = ?")
        for event in decidedKeys.subtracting(wasDecided).map(EventKey.id).sorted()
        where try Bool.fetchOne(stored, arguments: [mandate.id, event]) != nil {
          touched.append((event, true, false, nil))
        }
        return
      }
      try RawRows.scan(
        db, sql: "SELECT event, decided, matches FROM suggestion_match WHERE mandate = ?", arguments: [mandate.id]
      ) { row in
        let event = row.string(0) ?? ""
        let isDecided = decided.contains(event)
        let wasDecided = row.int(1) != 0
        let weighted = !isDecided && !changed.isEmpty && row.withBlob(2) { StoredMatches.names($0, any: changed) }
        guard isDecided != wasDecided || weighted else { return }
        let matches = isDecided ? nil : row.withBlob(2) { StoredMatches.decode($0) }
        if !isDecided && matches == nil { readable = false }
        touched.append((event, isDecided, wasDecided, matches))
      }
    }
    guard readable else { return nil }
    timer.mark("touched events found (\(touched.count), \(changed.count) features weighted anew)")
    let statistics = model.statistics(features: suggester.features.features.count)
    let scored = Parallel.map(touched) { entry in
      entry.matches.map { suggester.candidates($0, statistics: statistics, top: 3, minScore: minScore) } ?? []
    }
    timer.mark("touched events scored")
    var updated = model
    updated.users = SuggestionModel.users(suggester.features)
    // Most events a weight touches keep their candidates: only the others are written.
    let previous = try storedCandidates(
      Set(touched.compactMap { EventKey.of($0.event) }), ids: touched.map(\.event), mandate: mandate, index: index)
    var rewritten: [(String, [(item: String, score: Double)])] = []
    for (entry, candidates) in zip(touched, scored) {
      let old = EventKey.of(entry.event).flatMap { previous[$0] } ?? []
      if old.count != candidates.count || zip(old, candidates).contains(where: { $0 != $1 }) {
        rewritten.append((entry.event, candidates))
      }
    }
    timer.mark("compared (\(rewritten.count) events' candidates changed)")
    try index.write { db in
      let forget = try db.makeStatement(sql: "DELETE FROM suggestion_cache WHERE mandate = ? AND event = ?")
      let flag = try db.makeStatement(sql: "UPDATE suggestion_match SET decided = ? WHERE mandate = ? AND event = ?")
      for entry in touched where entry.decided != entry.wasDecided {
        try flag.execute(arguments: [entry.decided, mandate.id, entry.event])
      }
      for (event, _) in rewritten { try forget.execute(arguments: [mandate.id, event]) }
      try write(rewritten, mandate: mandate, db: db)
      try storeState(updated, fingerprint: fingerprint, mandate: mandate, db: db)
    }
    timer.mark("stored")
    return touched.count
  }

  /// Whether `count` events are few enough to look up one by one (under a twentieth of the
  /// index's events) rather than in one pass over a table.
  static func fewEnoughToLookUp(_ count: Int, db: Database) throws -> Bool {
    count * 20 < (try Int.fetchOne(db, sql: "SELECT max(rowid) FROM event") ?? 0)
  }

  /// The stored matches of the events `ids` names (those it has): looked up one by one when they
  /// are few (a rejection of one item asks for that item's tagged events), else in one pass.
  static func storedMatches(_ ids: [String], mandate: Mandate, index: EventIndex) throws -> [String: FeatureMatches] {
    try index.read { db in try storedMatches(ids, mandate: mandate, index: index, db: db) }
  }

  static func storedMatches(_ ids: [String], mandate: Mandate, index: EventIndex, db: Database) throws
    -> [String: FeatureMatches]
  {
    var result: [String: FeatureMatches] = [:]
    guard !ids.isEmpty else { return result }
    if try fewEnoughToLookUp(ids.count, db: db) {
      let statement = try db.cachedStatement(
        sql: "SELECT matches FROM suggestion_match WHERE mandate = ? AND event = ?")
      for id in ids {
        if let data = try Data.fetchOne(statement, arguments: [mandate.id, id]) {
          result[id] = data.withUnsafeBytes { StoredMatches.decode($0) }
        }
      }
      return result
    }
    let wanted = Set(ids)
    try RawRows.scan(
      db, sql: "SELECT event, matches FROM suggestion_match WHERE mandate = ?", arguments: [mandate.id]
    ) { row in
      guard let event = row.string(0), wanted.contains(event) else { return }
      result[event] = row.withBlob(1) { StoredMatches.decode($0) }
    }
    return result
  }

  /// The cached candidates of the events whose keys `events` holds: looked up one by one when
  /// they are few (a tag touches one event), else in one pass over the cache.
  static func storedCandidates(_ events: Set<UInt64>, ids: [String], mandate: Mandate, index: EventIndex) throws
    -> [UInt64: [(item: String, score: Double)]]
  {
    var result: [UInt64: [(item: String, score: Double)]] = [:]
    guard !events.isEmpty else { return result }
    try index.read { db in
      if try fewEnoughToLookUp(ids.count, db: db) {
        let statement = try db.cachedStatement(
          sql: "SELECT item, score FROM suggestion_cache WHERE mandate = ? AND event = ? ORDER BY rank")
        for id in ids {
          guard let key = EventKey.of(id), events.contains(key) else { continue }
          for row in try Row.fetchAll(statement, arguments: [mandate.id, id]) {
            result[key, default: []].append((row[0], row[1]))
          }
        }
        return
      }
      try RawRows.scan(
        db, sql: "SELECT event, item, score FROM suggestion_cache WHERE mandate = ? ORDER BY event, rank",
        arguments: [mandate.id]
      ) { row in
        guard let key = row.eventKey(0), events.contains(key) else { return }
        result[key, default: []].append((row.string(1) ?? "", row.double(2)))
      }
    }
    return result
  }

  private static func write(_ events: [(String, [(item: String, score: Double)])], mandate: Mandate, db: Database)
    throws
  {
    let insert = try db.makeStatement(
      sql: "INSERT INTO suggestion_cache(mandate, event, rank, item, score) VALUES (?, ?, ?, ?, ?)")
    for (event, candidates) in events {
      for (rank, candidate) in candidates.enumerated() {
        try insert.execute(arguments: [mandate.id, event, rank, candidate.item, candidate.score])
      }
    }
  }

  private static func storeState(_ model: SuggestionModel, fingerprint: String, mandate: Mandate, db: Database) throws {
    let encoded = String(decoding: try JSONEncoder().encode(model), as: UTF8.self)
    try db.execute(
      sql: "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", arguments: [modelKey(mandate), encoded])
    try db.execute(
      sql: "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", arguments: [key(mandate), fingerprint])
  }
}
