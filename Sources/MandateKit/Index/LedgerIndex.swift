import Foundation
import GRDB

/// The ledgers' decisions, kept in the index so that reports and suggestions need not parse
/// YAML: a ledger file is read again only when its size or modification time changes.
enum LedgerIndex {
  /// Every ledger file by its path in `Tags/` (`kz-csto-2024.yaml`, `kz-csto-2024/alice.yaml`),
  /// with its stamp.
  static func stamps(_ workspace: Workspace) -> [String: FileStamp] {
    var result: [String: FileStamp] = [:]
    for mandate in LedgerFile.mandateIDs(in: workspace) {
      for part in LedgerFile(workspace: workspace, mandateID: mandate).parts() {
        if let stamp = FileStamp(url: part.url) { result[String(part.path.dropFirst("Tags/".count))] = stamp }
      }
    }
    return result
  }

  /// The mandate of a key of `stamps`.
  static func mandate(of name: String) -> String {
    if let slash = name.firstIndex(of: "/") { return String(name[..<slash]) }
    return name.hasSuffix(".yaml") ? String(name.dropLast(5)) : name
  }

  static func storedStamps(_ db: Database) throws -> [String: FileStamp] {
    var result: [String: FileStamp] = [:]
    for row in try Row.fetchAll(db, sql: "SELECT name, size, modified FROM ledger_file") {
      result[row["name"]] = FileStamp(size: row["size"], modified: row["modified"])
    }
    return result
  }

  /// Re-reads the ledgers any of whose files changed, appeared or went; returns how many.
  /// Entries with errors are left out (`mandate check` reports them).
  @discardableResult
  static func refresh(_ db: Database, workspace: Workspace) throws -> Int {
    let stamps = stamps(workspace)
    let stored = try storedStamps(db)
    let mandates = Set(stamps.keys.map(mandate(of:))).union(stored.keys.map(mandate(of:)))
    var count = 0
    for mandate in mandates.sorted() {
      let now = stamps.filter { Self.mandate(of: $0.key) == mandate }
      guard now != stored.filter({ Self.mandate(of: $0.key) == mandate }) else { continue }
      count += 1
      try db.execute(sql: "DELETE FROM ledger_file WHERE mandate = ?", arguments: [mandate])
      guard !now.isEmpty else {
        try db.execute(sql: "DELETE FROM decision WHERE mandate = ?", arguments: [mandate])
        continue
      }
      let contents = LedgerFile(workspace: workspace, mandateID: mandate).read()
      // A ledger that cannot be read keeps no decisions and says so: readers refuse it.
      try store(db, mandate: mandate, decisions: contents.unreadable == nil ? contents.decisions : [])
      for (name, stamp) in now {
        try db.execute(
          sql: "INSERT OR REPLACE INTO ledger_file(name, mandate, size, modified, problem) VALUES (?, ?, ?, ?, ?)",
          arguments: [name, mandate, stamp.size, stamp.modified, contents.unreadable?.message])
      }
    }
    return count
  }

  static func store(_ db: Database, mandate: String, decisions: [Decision]) throws {
    try db.execute(sql: "DELETE FROM decision WHERE mandate = ?", arguments: [mandate])
    let insert = try db.makeStatement(
      sql: """
        INSERT INTO decision(
          mandate, seq, kind, event, item, strength, stance, note, fingerprint, status, as_of, by, at, line, "to", outcome,
          file)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    for (seq, decision) in decisions.enumerated() {
      try insert.execute(arguments: [
        mandate, seq, decision.kind.rawValue, decision.event, decision.item, decision.strength?.rawValue,
        decision.stance?.rawValue, decision.note, decision.fingerprint, decision.status?.rawValue,
        decision.asOf?.description, decision.by, decision.at.timeIntervalSince1970, decision.line, decision.to,
        decision.outcome?.rawValue, decision.file,
      ])
    }
  }

  /// The decisions of `mandate`'s ledger; throws `LedgerError.unreadable` when the file cannot
  /// be read (its diagnostic is made again from the file, for the full message).
  static func decisions(_ db: Database, mandate: String, workspace: Workspace) throws -> [Decision] {
    if try String.fetchOne(
      db, sql: "SELECT problem FROM ledger_file WHERE mandate = ? AND problem IS NOT NULL LIMIT 1",
      arguments: [mandate]) != nil
    {
      let contents = LedgerFile(workspace: workspace, mandateID: mandate).read()
      if let problem = contents.unreadable { throw LedgerError.unreadable(problem, root: workspace.root) }
    }
    // On SQLite's buffers: GRDB's rows cost a search per column name and a boxed value per column,
    // which shows in reports over 20,000 tags.
    var decisions: [Decision] = []
    try RawRows.scan(
      db,
      sql: """
        SELECT kind, event, item, strength, stance, note, fingerprint, status, as_of, by, at, line, "to", outcome, file
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
          at: Date(timeIntervalSince1970: row.double(10)), file: row.string(14), line: row.int(11)))
    }
    return decisions
  }
}

extension EventIndex {
  /// The decisions of `mandate`'s ledger, as last read from `Tags/`, in file order (the files in
  /// `LedgerFile.files` order, each file's by line); throws
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
