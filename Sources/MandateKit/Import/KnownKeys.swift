import GRDB

/// The keys of every recorded event, held in memory so that an import asks the index only about
/// drafts that may match.
struct KnownKeys {
  var ids = Set<UInt64>()
  var leads = Set<UInt64>()
  var urls = Set<UInt64>()

  static func load(_ index: EventIndex) throws -> KnownKeys {
    try index.read { db in
      var known = KnownKeys()
      for sql in ["SELECT id FROM event", "SELECT alias FROM event_alias"] {
        try RawRows.scan(db, sql: sql) { row in
          if let key = row.eventKey(0) { known.ids.insert(key) }
        }
      }
      for (column, path) in [("lead_key", \KnownKeys.leads), ("url_key", \KnownKeys.urls)] {
        let cursor = try Int64.fetchCursor(db, sql: "SELECT \(column) FROM event WHERE \(column) IS NOT NULL")
        while let value = try cursor.next() { known[keyPath: path].insert(UInt64(bitPattern: value)) }
      }
      return known
    }
  }
}
