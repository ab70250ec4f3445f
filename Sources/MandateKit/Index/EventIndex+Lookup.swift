import Foundation
import GRDB

extension EventIndex {
  /// The events with these full ids, by id; ids the index does not hold are left out.
  public func events(ids: Set<String>) throws -> [String: Event] {
    guard !ids.isEmpty else { return [:] }
    return try read { db in
      var result: [String: Event] = [:]
      for row in try Row.fetchAll(
        db, sql: "SELECT \(Self.eventColumns) FROM event WHERE id IN (SELECT value FROM json_each(?))",
        arguments: [EventQuery.jsonArray(ids)])
      {
        let event = try Self.event(from: row)
        result[event.id] = event
      }
      return result
    }
  }

  /// The latest-dated of these events (undated ones never, nor any dated after `until`), newest
  /// first: the newest evidence among a ledger's tagged events.
  public func latest(among ids: Set<String>, until: Day? = nil, limit: Int) throws -> [Event] {
    guard !ids.isEmpty, limit > 0 else { return [] }
    return try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT \(Self.eventColumns) FROM event WHERE id IN (SELECT value FROM json_each(?)) AND date IS NOT NULL
          AND date <= ? ORDER BY date DESC, date_end DESC, id LIMIT ?
          """,
        arguments: [EventQuery.jsonArray(ids), until?.description ?? "9999-12-31", limit]
      ).map(Self.event(from:))
    }
  }
}
