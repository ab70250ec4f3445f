import Foundation
import GRDB

/// The ledgers' decisions, kept in the index so that reports and suggestions need not parse
/// YAML: a ledger file is read again only when its size or modification time changes.
enum LedgerIndex {
  /// `Tags/*.yaml` by mandate id, with their stamps.
  static func stamps(_ workspace: Workspace) -> [String: FileStamp] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: workspace.tagsDirectory.path)) ?? []
    var result: [String: FileStamp] = [:]
    for name in names where name.hasSuffix(".yaml") && !name.hasPrefix(".") {
      if let stamp = FileStamp(url: workspace.tagsDirectory.appendingPathComponent(name)) {
        result[String(name.dropLast(5))] = stamp
      }
    }
    return result
  }

  static func storedStamps(_ db: Database) throws -> [String: FileStamp] {
    var result: [String: FileStamp] = [:]
    for row in try Row.fetchAll(db, sql: "SELECT name, size, modified FROM ledger_file") {
      result[row["name"]] = FileStamp(size: row["size"], modified: row["modified"])
    }
    return result
  }

  /// Re-reads the ledgers whose files changed; returns how many. Entries with errors are left
  /// out (`mandate check` reports them).
  @discardableResult
  static func refresh(_ db: Database, workspace: Workspace) throws -> Int {
    let stamps = stamps(workspace)
    let stored = try storedStamps(db)
    var count = 0
    for (mandate, _) in stored where stamps[mandate] == nil {
      try db.execute(sql: "DELETE FROM decision WHERE mandate = ?", arguments: [mandate])
      try db.execute(sql: "DELETE FROM ledger_file WHERE name = ?", arguments: [mandate])
      count += 1
    }
    for (mandate, stamp) in stamps where stored[mandate] != stamp {
      let contents = LedgerFile(workspace: workspace, mandateID: mandate).read()
      // A ledger that cannot be read keeps no decisions and says so: readers refuse it.
      try store(db, mandate: mandate, decisions: contents.unreadable == nil ? contents.decisions : [])
      try db.execute(
        sql: "INSERT OR REPLACE INTO ledger_file(name, size, modified, problem) VALUES (?, ?, ?, ?)",
        arguments: [mandate, stamp.size, stamp.modified, contents.unreadable?.message])
      count += 1
    }
    return count
  }

  static func store(_ db: Database, mandate: String, decisions: [Decision]) throws {
    try db.execute(sql: "DELETE FROM decision WHERE mandate = ?", arguments: [mandate])
    let insert = try db.makeStatement(
      sql: """
        INSERT INTO decision(
          mandate, seq, kind, event, item, strength, stance, note, fingerprint, status, as_of, by, at, line, "to", outcome)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    for (seq, decision) in decisions.enumerated() {
      try insert.execute(arguments: [
        mandate, seq, decision.kind.rawValue, decision.event, decision.item, decision.strength?.rawValue,
        decision.stance?.rawValue, decision.note, decision.fingerprint, decision.status?.rawValue,
        decision.asOf?.description, decision.by, decision.at.timeIntervalSince1970, decision.line, decision.to,
        decision.outcome?.rawValue,
      ])
    }
  }

  /// The decisions of `mandate`'s ledger; throws `LedgerError.unreadable` when the file cannot
  /// be read (its diagnostic is made again from the file, for the full message).
  static func decisions(_ db: Database, mandate: String, workspace: Workspace) throws -> [Decision] {
    if try String.fetchOne(db, sql: "SELECT problem FROM ledger_file WHERE name = ?", arguments: [mandate]) != nil {
      let contents = LedgerFile(workspace: workspace, mandateID: mandate).read()
      if let problem = contents.unreadable { throw LedgerError.unreadable(problem, root: workspace.root) }
    }
    // On SQLite's buffers: GRDB's rows cost a search per column name and a boxed value per column,
    // which shows in reports over 20,000 tags.
    var decisions: [Decision] = []
    try RawRows.scan(
      db,
      sql: """
        SELECT kind, event, item, strength, stance, note, fingerprint, status, as_of, by, at, line, "to", outcome
        FROM decision WHERE mandate = ? ORDER BY seq
        """, arguments: [mandate]
    ) { row in
      guard let kind = row.string(0).flatMap(Decision.Kind.init(rawValue:)) else { return }
      decisions.append(
        Decision(
          kind: kind, event: row.string(1), item: row.string(2) ?? "",
          strength: row.string(3).flatMap(EvidenceStrength.init(rawValue:)),
          stance: row.string(4).flatMap(Stance.init(rawValue:)), note: row.string(5), fingerprint: row.string(6),
          status: row.string(7).flatMap(ItemStatus.init(rawValue:)), asOf: row.day(8), to: row.string(12),
          outcome: row.string(13).flatMap(Decision.Kind.init(rawValue:)), by: row.string(9) ?? "",
          at: Date(timeIntervalSince1970: row.double(10)), line: row.int(11)))
    }
    return decisions
  }
}

extension EventIndex {
  /// The decisions of `mandate`'s ledger, as last read from `Tags/`, in file order; throws
  /// `LedgerError.unreadable` for a ledger that cannot be read.
  public func decisions(mandate: String) throws -> [Decision] {
    try read { db in try LedgerIndex.decisions(db, mandate: mandate, workspace: workspace) }
  }

  /// The ledger's current picture for `mandate`, with aliases of merged events mapped to their
  /// events and entries naming renamed ids counted for the mandate's current ids.
  public func ledgerState(for mandate: Mandate, recordedBy: Date? = nil) throws -> LedgerState {
    try ledgerState(mandate: mandate.id, recordedBy: recordedBy, items: Set(mandate.items.map(\.id)))
  }

  /// The ledger's current picture, with aliases of merged events mapped to their events.
  public func ledgerState(mandate: String, recordedBy: Date? = nil, items: Set<String>? = nil) throws -> LedgerState {
    try read { db in
      let decisions = try LedgerIndex.decisions(db, mandate: mandate, workspace: workspace)
      var aliases: [String: String] = [:]
      let named = Set(decisions.compactMap(\.event))
      if !named.isEmpty {
        for row in try Row.fetchAll(db, sql: "SELECT alias, event_id FROM event_alias")
        where named.contains(row["alias"]) {
          aliases[row["alias"]] = row["event_id"]
        }
      }
      return LedgerState(decisions, canonical: { aliases[$0] ?? $0 }, recordedBy: recordedBy, items: items)
    }
  }
}
