import Foundation
import GRDB

/// Which events to list.
public struct EventQuery: Sendable, Equatable {
  /// Events placed in this range: a day-precision event by its (first) day, a month or year by
  /// its whole span.
  public var range: DayRange?
  public var undatedOnly: Bool
  /// Full-text search (FTS5); results are ranked by bm25 instead of date.
  public var search: String?
  public var limit: Int?
  /// Events skipped before the first one returned (for pages of results).
  public var offset: Int = 0
  /// Only these events (full ids), when set.
  public var onlyEvents: Set<String>?
  /// Not these events (full ids).
  public var excludedEvents: Set<String> = []

  public init(range: DayRange? = nil, undatedOnly: Bool = false, search: String? = nil, limit: Int? = nil) {
    self.range = range
    self.undatedOnly = undatedOnly
    self.search = search
    self.limit = limit
  }

  /// The conditions on the event table (aliased `table`) that `onlyEvents` and `excludedEvents`
  /// add, with their arguments: each set goes to SQLite as one JSON array.
  func idConditions(_ table: String) -> (sql: [String], arguments: [String]) {
    var sql: [String] = []
    var arguments: [String] = []
    if let onlyEvents {
      sql.append("\(table)id IN (SELECT value FROM json_each(?))")
      arguments.append(Self.jsonArray(onlyEvents))
    }
    if !excludedEvents.isEmpty {
      sql.append("\(table)id NOT IN (SELECT value FROM json_each(?))")
      arguments.append(Self.jsonArray(excludedEvents))
    }
    return (sql, arguments)
  }

  /// Event ids are hex digits: they need no escaping inside JSON strings.
  static func jsonArray(_ ids: Set<String>) -> String {
    "[" + ids.sorted().filter { EventKey.of($0) != nil }.map { "\"\($0)\"" }.joined(separator: ",") + "]"
  }
}

/// An event found by a search, with the matches marked.
public struct SearchHit: Sendable, Equatable {
  public var event: Event
  /// bm25 score (lower is better, as SQLite reports it).
  public var rank: Double
  /// A snippet of the body around the matches; matches are wrapped in `Highlight.start`/`end`.
  public var snippet: String
  /// The title with its matches marked, when it has any.
  public var markedTitle: String?

  public init(event: Event, rank: Double, snippet: String, markedTitle: String?) {
    self.event = event
    self.rank = rank
    self.snippet = snippet
    self.markedTitle = markedTitle
  }
}

/// The markers the index puts around matched words; renderers replace them with colour, `**` or
/// `<mark>`.
public enum Highlight {
  public static let start = "\u{02}"
  public static let end = "\u{03}"

  /// `text` with markers replaced by `open` and `close`.
  public static func render(_ text: String, open: String, close: String) -> String {
    guard text.containsUTF8Byte(where: { $0 == 0x02 || $0 == 0x03 }) else { return text }
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count + 32)
    for byte in text.utf8 {
      switch byte {
      case 0x02: out.append(contentsOf: open.utf8)
      case 0x03: out.append(contentsOf: close.utf8)
      default: out.append(byte)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// `text` without markers.
  public static func strip(_ text: String) -> String { render(text, open: "", close: "") }
}

extension EventIndex {
  static let eventColumns =
    "id, date, date_end, precision, basis, evidence, title, body, language, sources, aliases"

  static let prefixedEventColumns = eventColumns.split(separator: ",")
    .map { "e." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")

  static func event(from row: Row) throws -> Event {
    let decoder = JSONDecoder()
    let sourcesText: String = row["sources"]
    let aliasesText: String = row["aliases"]
    let dateText: String? = row["date"]
    let endText: String? = row["date_end"]
    return Event(
      id: row["id"], date: dateText.flatMap { Day(iso: $0) }, dateEnd: endText.flatMap { Day(iso: $0) },
      datePrecision: DatePrecision(rawValue: row["precision"]) ?? .none,
      dateBasis: DateBasis(rawValue: row["basis"]) ?? .none, dateEvidence: row["evidence"], title: row["title"],
      text: row["body"], language: row["language"],
      sources: try decoder.decode([EventSource].self, from: Data(sourcesText.utf8)),
      aliases: try decoder.decode([String].self, from: Data(aliasesText.utf8)))
  }

  /// The number of events, dated and undated.
  public func counts() throws -> (total: Int, undated: Int) {
    try read { db in
      let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM event") ?? 0
      // `precision <> 'day'` lets SQLite count through the small `event_coarse` index.
      let undated =
        try Int.fetchOne(db, sql: "SELECT count(*) FROM event WHERE precision <> 'day' AND precision = 'none'") ?? 0
      return (total, undated)
    }
  }

  /// Which of `ids` name an event (by full id or alias), in chunked queries: checking a ledger
  /// of 20,000 tags one event at a time costs seconds.
  public func knownIDs(_ ids: Set<String>) throws -> Set<String> {
    let all = Array(ids)
    var known: Set<String> = []
    try read { db in
      var start = 0
      while start < all.count {
        let chunk = Array(all[start..<min(start + 500, all.count)])
        start += chunk.count
        let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
        known.formUnion(
          try String.fetchAll(
            db,
            sql: """
              SELECT id FROM event WHERE id IN (\(marks))
              UNION SELECT alias FROM event_alias WHERE alias IN (\(marks))
              """, arguments: StatementArguments(chunk + chunk)))
      }
    }
    return known
  }

  /// The event with this full id or alias.
  public func event(id: String) throws -> Event? {
    try read { db in try Self.event(db, id: id) }
  }

  static func event(_ db: Database, id: String) throws -> Event? {
    if let row = try Row.fetchOne(db, sql: "SELECT \(eventColumns) FROM event WHERE id = ?", arguments: [id]) {
      return try event(from: row)
    }
    if let target = try String.fetchOne(db, sql: "SELECT event_id FROM event_alias WHERE alias = ?", arguments: [id]),
      let row = try Row.fetchOne(db, sql: "SELECT \(eventColumns) FROM event WHERE id = ?", arguments: [target])
    {
      return try event(from: row)
    }
    return nil
  }

  /// The event a full id, an alias or a unique prefix of either names, like git's short hashes.
  public func resolve(_ text: String) throws -> Event {
    let prefix = text.lowercased()
    guard prefix.count >= 4, prefix.count <= 16, prefix.allSatisfy({ $0.isHexDigit }) else {
      throw IndexError.invalidEventID(text)
    }
    return try read { db in
      let upper = prefix + "g"
      var ids = Set(
        try String.fetchAll(
          db, sql: "SELECT id FROM event WHERE id >= ? AND id < ? LIMIT 10", arguments: [prefix, upper]))
      for target in try String.fetchAll(
        db, sql: "SELECT event_id FROM event_alias WHERE alias >= ? AND alias < ? LIMIT 10", arguments: [prefix, upper])
      {
        ids.insert(target)
      }
      if ids.count == 1, let event = try Self.event(db, id: ids.first!) { return event }
      if ids.count > 1 {
        throw IndexError.ambiguousEvent(text, candidates: ids.sorted().map { String($0.prefix(prefix.count + 2)) })
      }
      // Nothing starts so: offer the ids that share the longest prefix.
      var suggestions: [String] = []
      for length in stride(from: prefix.count - 1, through: 2, by: -1) {
        let shorter = String(prefix.prefix(length))
        suggestions = try String.fetchAll(
          db, sql: "SELECT id FROM event WHERE id >= ? AND id < ? ORDER BY id LIMIT 3",
          arguments: [shorter, shorter + "g"])
        if !suggestions.isEmpty { break }
      }
      throw IndexError.unknownEvent(text, suggestions: suggestions.map { String($0.prefix(10)) })
    }
  }

  /// Events matching `query`, by date (undated last) then id, or by search rank.
  public func events(_ query: EventQuery) throws -> [Event] {
    if query.search != nil { return try search(query).map(\.event) }
    return try read { db in
      var sql = "SELECT \(Self.eventColumns) FROM event"
      var arguments: StatementArguments = []
      var conditions: [String] = []
      if query.undatedOnly { conditions.append("precision = 'none'") }
      if let range = query.range {
        conditions.append(Self.placedCondition(""))
        arguments += [range.start.description, range.end.description, range.start.description, range.end.description]
      }
      let ids = query.idConditions("")
      conditions += ids.sql
      arguments += StatementArguments(ids.arguments)
      if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
      sql += " ORDER BY date IS NULL, date, date_end, id"
      sql += Self.limitClause(query)
      return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.event(from:))
    }
  }

  /// ` LIMIT n OFFSET m` as the query asks (SQLite needs a LIMIT before an OFFSET).
  static func limitClause(_ query: EventQuery) -> String {
    guard query.limit != nil || query.offset > 0 else { return "" }
    return " LIMIT \(query.limit ?? -1)" + (query.offset > 0 ? " OFFSET \(query.offset)" : "")
  }

  /// SQL for "placed in [?, ?]" on the event table with alias `table` (`e.` or empty); the
  /// arguments are start, end, start, end.
  static func placedCondition(_ table: String) -> String {
    "((\(table)precision = 'day' AND \(table)date >= ? AND \(table)date <= ?) OR "
      + "(\(table)precision IN ('month', 'year') AND \(table)date >= ? AND \(table)last_day <= ?))"
  }

  /// Full-text search with FTS5, ranked by bm25 (title matches weigh twice).
  ///
  /// In two steps: the matches are ranked on their rowids alone, and passages and marked titles
  /// are made for the page of results only. (Asked in one query, SQLite makes them for every
  /// match before sorting: a common word over 100,000 events cost most of a second.)
  public func search(_ query: EventQuery) throws -> [SearchHit] {
    guard let text = query.search, let match = Self.ftsQuery(text) else { return [] }
    return try read { db in
      // The event table is joined only when a filter needs it: ranking alone reads the full-text
      // index, and equal ranks are ordered by rowid, so both forms give the same order.
      var conditions: [String] = []
      var arguments: StatementArguments = [match]
      if query.undatedOnly { conditions.append("e.precision = 'none'") }
      if let range = query.range {
        conditions.append(Self.placedCondition("e."))
        arguments += [range.start.description, range.end.description, range.start.description, range.end.description]
      }
      let ids = query.idConditions("e.")
      conditions += ids.sql
      arguments += StatementArguments(ids.arguments)
      var sql = """
        SELECT event_fts.rowid AS rid, bm25(event_fts, 2.0, 1.0) AS rank FROM event_fts
        \(conditions.isEmpty ? "" : "JOIN event e ON e.rowid = event_fts.rowid")
        WHERE event_fts MATCH ?
        """
      for condition in conditions { sql += " AND " + condition }
      sql += " ORDER BY rank, event_fts.rowid"
      sql += Self.limitClause(query)
      let ranked = try Row.fetchAll(db, sql: sql, arguments: arguments).map {
        ($0["rid"] as Int64, $0["rank"] as Double)
      }
      var hits: [Int64: SearchHit] = [:]
      var start = 0
      while start < ranked.count {
        let chunk = ranked[start..<min(start + 500, ranked.count)]
        start += chunk.count
        let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
        let rows = try Row.fetchAll(
          db,
          sql: """
            SELECT event_fts.rowid AS rid, \(Self.prefixedEventColumns),
              snippet(event_fts, 1, '\(Highlight.start)', '\(Highlight.end)', '…', 24) AS snippet,
              highlight(event_fts, 0, '\(Highlight.start)', '\(Highlight.end)') AS marked_title
            FROM event_fts JOIN event e ON e.rowid = event_fts.rowid
            WHERE event_fts MATCH ? AND event_fts.rowid IN (\(marks))
            """, arguments: StatementArguments([match]) + StatementArguments(chunk.map(\.0)))
        for row in rows {
          let title: String? = row["marked_title"]
          hits[row["rid"]] = SearchHit(
            event: try Self.event(from: row), rank: 0, snippet: row["snippet"],
            markedTitle: title.flatMap { $0.contains(Highlight.start) ? $0 : nil })
        }
      }
      return ranked.compactMap { rowid, rank in
        guard var hit = hits[rowid] else { return nil }
        hit.rank = rank
        return hit
      }
    }
  }

  /// An FTS5 query from what a user typed: words are ANDed, "quoted phrases" kept, and every
  /// term quoted so that FTS5 syntax characters in the input cannot cause a syntax error.
  /// The query is composed (NFC) first, as the indexed text is.
  static func ftsQuery(_ text: String) -> String? {
    var terms: [String] = []
    var remainder = Substring(UnicodeNFC.normalize(text))
    while let quote = remainder.firstIndex(of: "\"") {
      terms += words(remainder[..<quote])
      let after = remainder.index(after: quote)
      if let close = remainder[after...].firstIndex(of: "\"") {
        let phrase = words(remainder[after..<close]).joined(separator: " ")
        if !phrase.isEmpty { terms.append(phrase) }
        remainder = remainder[remainder.index(after: close)...]
      } else {
        remainder = remainder[after...]
      }
    }
    terms += words(remainder)
    guard !terms.isEmpty else { return nil }
    return terms.map { "\"\($0.replacingOccurrences(of: "\"", with: ""))\"" }.joined(separator: " ")
  }

  private static func words(_ text: Substring) -> [String] {
    text.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" && $0 != "'" }).map(String.init)
      .filter { !$0.allSatisfy { $0 == "-" || $0 == "'" } }
  }

  /// The shortest prefix of each id (at least 8 digits) that no other event id or alias shares.
  public func abbreviations(for ids: [String]) throws -> [String: String] {
    try read { db in
      var result: [String: String] = [:]
      let next = try db.makeStatement(sql: "SELECT id FROM event WHERE id > ? ORDER BY id LIMIT 1")
      let previous = try db.makeStatement(sql: "SELECT id FROM event WHERE id < ? ORDER BY id DESC LIMIT 1")
      for id in ids {
        var length = 8
        for neighbour in [try String.fetchOne(next, arguments: [id]), try String.fetchOne(previous, arguments: [id])] {
          guard let neighbour else { continue }
          let common = zip(id, neighbour).prefix { $0 == $1 }.count
          length = max(length, common + 1)
        }
        result[id] = String(id.prefix(length))
      }
      return result
    }
  }
}

extension EventIndex {
  /// Event ids that start with `prefix` (lower-case hex), in id order, at most `limit`.
  public func ids(startingWith prefix: String, limit: Int) throws -> [String] {
    let prefix = prefix.lowercased()
    guard prefix.allSatisfy({ $0.isHexDigit }) else { return [] }
    return try read { db in
      try String.fetchAll(
        db, sql: "SELECT id FROM event WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
        arguments: [prefix, prefix + "g", limit])
    }
  }
}
