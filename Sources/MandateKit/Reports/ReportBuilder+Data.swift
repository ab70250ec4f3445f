import Foundation
import GRDB

extension ReportBuilder {
  static let factsColumns =
    "id, date, date_end, last_day, precision, COALESCE(title, substr(body, 1, 300)) AS title, sources"

  /// The facts of a row selected with `factsColumns`, read by position (GRDB's lookup by name
  /// costs a case-insensitive search per column, which shows in reports over 20,000 tags).
  static func facts(_ row: Row) -> EventFacts {
    let date: String? = row[1]
    let end: String? = row[2]
    let last: String? = row[3]
    let precision: String = row[4]
    let title: String = row[5]
    let sources: String = row[6]
    let url = Self.firstValue("url", in: sources)
    let file = Self.firstValue("file", in: sources)
    let position = Self.firstNumber("position", in: sources)
    return EventFacts(
      id: row[0], date: date.flatMap { Day(iso: $0) }, dateEnd: end.flatMap { Day(iso: $0) },
      lastDay: last.flatMap { Day(iso: $0) }, precision: DatePrecision(rawValue: precision) ?? .none,
      title: Event.firstWords(of: title, limit: 160),
      source: url ?? file.map { path in position.map { "\(path):\($0)" } ?? path } ?? "", sourceURL: url)
  }

  /// The first string value of `key` in the sources JSON, without decoding it all (it is the
  /// index's own compact form, see `EventLineEncoder`).
  static func firstValue(_ key: String, in json: String) -> String? {
    var json = json
    return json.withUTF8 { bytes -> String? in
      guard let start = Self.end(of: Array("\"\(key)\":\"".utf8), in: bytes) else { return nil }
      var value: [UInt8] = []
      var index = start
      while index < bytes.count {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
          let next = bytes[index + 1]
          if next == UInt8(ascii: "u") {
            // \uXXXX escapes are rare in the index's compact JSON; decode the whole value properly.
            return Self.decodedValue(key, in: bytes)
          }
          value.append(next == UInt8(ascii: "n") ? 10 : next == UInt8(ascii: "t") ? 9 : next)
          index += 2
        } else if byte == UInt8(ascii: "\"") {
          return String(decoding: value, as: UTF8.self)
        } else {
          value.append(byte)
          index += 1
        }
      }
      return nil
    }
  }

  static func firstNumber(_ key: String, in json: String) -> Int? {
    var json = json
    return json.withUTF8 { bytes -> Int? in
      guard var index = Self.end(of: Array("\"\(key)\":".utf8), in: bytes) else { return nil }
      var digits: [UInt8] = []
      while index < bytes.count, bytes[index] == UInt8(ascii: "-") || (48...57).contains(bytes[index]) {
        digits.append(bytes[index])
        index += 1
      }
      return Int(String(decoding: digits, as: UTF8.self))
    }
  }

  /// The offset just past the first occurrence of `needle` in `bytes`.
  private static func end(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let first = needle.first, bytes.count >= needle.count else { return nil }
    var index = 0
    while index <= bytes.count - needle.count {
      if bytes[index] == first {
        var matched = 1
        while matched < needle.count, bytes[index + matched] == needle[matched] { matched += 1 }
        if matched == needle.count { return index + matched }
      }
      index += 1
    }
    return nil
  }

  /// The first value of `key` decoded by a JSON parser: the sources JSON is an array of objects.
  private static func decodedValue(_ key: String, in bytes: UnsafeBufferPointer<UInt8>) -> String? {
    guard let sources = try? JSONSerialization.jsonObject(with: Data(buffer: bytes)) as? [[String: Any]] else {
      return nil
    }
    return sources.lazy.compactMap { $0[key] as? String }.first
  }

  /// The facts of the events with these ids, by id (ids not in the index are left out).
  static func facts(_ db: Database, ids: [String]) throws -> [String: EventFacts] {
    var facts: [String: EventFacts] = [:]
    facts.reserveCapacity(ids.count)
    var start = 0
    while start < ids.count {
      let chunk = Array(ids[start..<min(start + 500, ids.count)])
      start += chunk.count
      let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
      let rows = try Row.fetchCursor(
        db, sql: "SELECT \(factsColumns) FROM event WHERE id IN (\(marks))", arguments: StatementArguments(chunk))
      while let row = try rows.next() {
        let fact = Self.facts(row)
        facts[fact.id] = fact
      }
    }
    return facts
  }

  /// The standing tags with their events' facts (tags of events no longer in the record are
  /// left out; `check` reports them).
  /// Titles and sources are read only for events placed in `detailed` (and undated ones): the
  /// other tags count towards totals and dates, which the date index holds.
  func placedTags(_ state: LedgerState, detailed: DayRange) throws -> [Placed] {
    let ids = Set(state.tags.values.map(\.event))
    var facts: [String: EventFacts] = [:]
    facts.reserveCapacity(ids.count)
    try index.read { db in
      let rows = try Row.fetchCursor(
        db, sql: "SELECT id, date, date_end, last_day, precision FROM event WHERE date IS NOT NULL")
      while let row = try rows.next() {
        let id: String = row[0]
        guard ids.contains(id) else { continue }
        let date: String? = row[1]
        let end: String? = row[2]
        let last: String? = row[3]
        let precision: String = row[4]
        facts[id] = EventFacts(
          id: id, date: date.flatMap { Day(iso: $0) }, dateEnd: end.flatMap { Day(iso: $0) },
          lastDay: last.flatMap { Day(iso: $0) }, precision: DatePrecision(rawValue: precision) ?? .none, title: "",
          source: "", sourceURL: nil)
      }
      let needed = ids.filter { facts[$0].map { $0.placed(in: detailed) } ?? true }
      for (id, fact) in try Self.facts(db, ids: Array(needed)) { facts[id] = fact }
    }
    return state.tags.values.sorted { ($0.item, $0.event) < ($1.item, $1.event) }.compactMap { tag in
      facts[tag.event].map { Placed(tag: tag, event: $0) }
    }
  }

  /// Ids of the events placed in `range`.
  func eventIDs(in range: DayRange, asOf: Day) throws -> Set<String> {
    guard range.start <= asOf else { return [] }
    return try index.read { db in
      Set(
        try String.fetchAll(
          db, sql: "SELECT id FROM event WHERE \(EventIndex.placedCondition(""))",
          arguments: [range.start.description, range.end.description, range.start.description, range.end.description]))
    }
  }

  /// Candidates computed now, for reports that reproduce an earlier ledger (`--recorded-by`).
  func directCandidates(state: LedgerState, range: DayRange, minScore: Double) throws -> [String: [(
    item: String, score: Double
  )]] {
    let suggester = try Suggester(mandate: mandate, index: index, state: state)
    var result: [String: [(item: String, score: Double)]] = [:]
    try suggester.suggestBatches(SuggestionQuery(range: range, top: 3, minScore: minScore)) { batch in
      for suggestion in batch { result[suggestion.event.id] = suggestion.candidates.map { ($0.item, $0.score) } }
    }
    return result
  }

  func untaggedEvents(
    in range: DayRange, asOf: Day, tagged: Set<String>, state: LedgerState,
    pending: [String: [(item: String, score: Double)]]
  ) throws -> QuarterlyReport.EventList {
    guard range.start <= asOf else { return .init(total: 0, events: []) }
    let rejected = Set(state.rejections.keys.map(\.event))
    var total = 0
    var listed: [QuarterlyReport.EventReference] = []
    try index.read { db in
      // Ids first (from the covering date index), facts only for the events listed.
      let ids = try String.fetchCursor(
        db, sql: "SELECT id FROM event WHERE \(EventIndex.placedCondition("")) ORDER BY date, date_end, id",
        arguments: [range.start.description, range.end.description, range.start.description, range.end.description])
      var shown: [String] = []
      while let id = try ids.next() {
        guard !tagged.contains(id) else { continue }
        total += 1
        if shown.count < Self.listLimit { shown.append(id) }
      }
      let facts = try Self.facts(db, ids: shown)
      for id in shown {
        guard let fact = facts[id] else { continue }
        let review = rejected.contains(id) ? "rejected" : (pending[id]?.isEmpty == false ? "suggested" : "none")
        listed.append(.init(event: id, dateLabel: fact.summary.dateLabel, title: fact.title, review: review))
      }
    }
    return .init(total: total, events: listed)
  }

  /// Events that no quarter of the term can hold: undated ones, and those dated only to a year
  /// or a span across quarters.
  func unplacedEvents() throws -> QuarterlyReport.EventList {
    var total = 0
    var listed: [QuarterlyReport.EventReference] = []
    try index.read { db in
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT \(Self.factsColumns) FROM event
          WHERE precision <> 'day'
            AND (precision = 'none' OR (precision IN ('month', 'year') AND date <= ? AND last_day >= ?))
          ORDER BY date IS NULL, date, id
          """,
        arguments: [mandate.term.end.description, mandate.term.start.description])
      while let row = try rows.next() {
        let fact = Self.facts(row)
        if fact.precision != .none, quarters.quarters.contains(where: { fact.placed(in: $0.range) }) { continue }
        total += 1
        if listed.count < Self.listLimit {
          listed.append(.init(event: fact.id, dateLabel: fact.summary.dateLabel, title: fact.title, review: "none"))
        }
      }
    }
    return .init(total: total, events: listed)
  }

  func timeline(placed: [Placed], asOf: Day) -> [QuarterlyReport.TimelineQuarter] {
    quarters.quarters.filter { $0.range.start <= asOf }.map { quarter in
      let range = DayRange(start: quarter.range.start, end: min(quarter.range.end, asOf))
      let inQuarter = placed.filter { $0.tag.stance == .supports && $0.event.placed(in: range) }
      let covered = Set(inQuarter.map(\.tag.item))
      return QuarterlyReport.TimelineQuarter(
        label: quarter.label, slug: quarter.slug, start: quarter.range.start, end: quarter.range.end,
        evidence: mandate.priorities.map { priority in
          let items = Set(priority.items.map(\.id))
          return .init(priority: priority.id, count: inQuarter.filter { items.contains($0.tag.item) }.count)
        },
        coverage: mandate.items.isEmpty ? 0 : Self.round(Double(covered.count) / Double(mandate.items.count)))
    }
  }

  /// What changed since the previous quarter: evidence, assessments, coverage.
  func delta(
    options: ReportOptions, current: [QuarterlyReport.ItemReport], placed: [Placed], state: LedgerState, asOf: Day
  ) throws -> QuarterlyReport.Delta? {
    guard case .quarter(let quarter) = options.scope,
      let position = quarters.quarters.firstIndex(where: { $0.range.start == quarter.range.start }), position > 0
    else { return nil }
    let previous = quarters.quarters[position - 1]
    let coveredBefore = Set(
      placed.filter { $0.tag.stance == .supports && $0.event.placed(in: previous.range) }.map(\.tag.item))
    let coveredNow = Set(current.filter { $0.evidencePeriod.supporting > 0 }.map(\.id))
    return QuarterlyReport.Delta(
      previous: previous.label,
      newEvidence: current.filter { $0.evidencePeriod.total > 0 }.map {
        .init(item: $0.id, count: $0.evidencePeriod.total)
      },
      statusChanges: mandate.items.compactMap { item in
        guard let now = state.status(of: item.id, asOf: asOf)?.status else { return nil }
        let before = state.status(of: item.id, asOf: previous.range.end)?.status
        return before == now ? nil : .init(item: item.id, from: before, to: now)
      },
      newlyCovered: mandate.items.map(\.id).filter { coveredNow.contains($0) && !coveredBefore.contains($0) },
      newlyUncovered: mandate.items.map(\.id).filter { coveredBefore.contains($0) && !coveredNow.contains($0) })
  }
}
