import Foundation
import GRDB

extension ReportBuilder {
  static let factsColumns =
    "id, date, date_end, last_day, precision, COALESCE(title, substr(body, 1, 300)) AS title, sources, language"

  /// The facts of a row selected with `factsColumns`, read on SQLite's buffers.
  static func facts(_ row: RawRows.Row) -> EventFacts {
    let (url, file, position) = row.withBytes(6) { sources in
      (
        Self.firstValue("url", in: sources), Self.firstValue("file", in: sources),
        Self.firstNumber("position", in: sources)
      )
    }
    return EventFacts(
      id: row.string(0) ?? "", date: row.day(1), dateEnd: row.day(2), lastDay: row.day(3),
      precision: row.string(4).flatMap(DatePrecision.init(rawValue:)) ?? .none,
      title: Event.firstWords(of: row.string(5) ?? "", limit: 160),
      source: url ?? file.map { path in position.map { "\(path):\($0)" } ?? path } ?? "", sourceURL: url,
      language: LanguageTag.primary(row.string(7)))
  }

  /// The first string value of `key` in the sources JSON, without decoding it all (it is the
  /// index's own compact form, see `EventLineEncoder`).
  static func firstValue(_ key: String, in bytes: UnsafeBufferPointer<UInt8>) -> String? {
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

  static func firstNumber(_ key: String, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard var index = Self.end(of: Array("\"\(key)\":".utf8), in: bytes) else { return nil }
    var digits: [UInt8] = []
    while index < bytes.count, bytes[index] == UInt8(ascii: "-") || (48...57).contains(bytes[index]) {
      digits.append(bytes[index])
      index += 1
    }
    return Int(String(decoding: digits, as: UTF8.self))
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
      try RawRows.scan(db, sql: "SELECT \(factsColumns) FROM event WHERE id IN (\(marks))", arguments: chunk) { row in
        let fact = Self.facts(row)
        facts[fact.id] = fact
      }
    }
    return facts
  }

  /// `facts(_:ids:)` on as many read connections as there are cores: a report of a large period
  /// reads the titles of tens of thousands of events, each on its own page of the table.
  func detailedFacts(ids: [String], chunkSize: Int = 2_000) throws -> [String: EventFacts] {
    guard ids.count > chunkSize, Parallel.width > 1 else {
      return try index.read { db in try Self.facts(db, ids: ids) }
    }
    let chunks = stride(from: 0, to: ids.count, by: chunkSize).map { Array(ids[$0..<min($0 + chunkSize, ids.count)]) }
    let parts = Parallel.map(chunks) { chunk in Result { try index.read { db in try Self.facts(db, ids: chunk) } } }
    var facts: [String: EventFacts] = [:]
    facts.reserveCapacity(ids.count)
    for part in parts { facts.merge(try part.get()) { first, _ in first } }
    return facts
  }

  /// The standing tags with their events' facts (tags of events no longer in the record are
  /// left out; `check` reports them), ordered by event, then item.
  /// Titles and sources are read only for events placed in `detailed` (and undated ones): the
  /// other tags count towards totals and dates, which the date index holds. Every period a report
  /// counts lies in the term (quarters are clipped to it), so tags of events dated outside the
  /// term count nowhere and are left out.
  func placedTags(_ state: LedgerState, detailed: DayRange) throws -> [Placed] {
    let tags = Array(state.tags.values)
    let keys = tags.map { EventKey.of($0.event) }
    let wanted = Set(keys.compactMap { $0 })
    let term = mandate.term
    // Facts by event key (an event id is its key); ids that are not keys cannot be in the index.
    var facts: [UInt64: EventFacts] = [:]
    facts.reserveCapacity(wanted.count)
    var outside = Set<UInt64>()
    var detailedIDs: [String] = []
    try index.read { db in
      // Every dated event, from the covering date index, on SQLite's buffers: only the tagged
      // ones in the term become strings.
      try RawRows.scan(
        db, sql: "SELECT id, date, date_end, last_day, precision, language FROM event WHERE date IS NOT NULL"
      ) {
        row in
        guard let key = row.eventKey(0), wanted.contains(key) else { return }
        guard let date = row.day(1), term.contains(date) else {
          outside.insert(key)
          return
        }
        guard let id = row.string(0) else { return }
        let fact = EventFacts(
          id: id, date: date, dateEnd: row.day(2), lastDay: row.day(3),
          precision: row.string(4).flatMap(DatePrecision.init(rawValue:)) ?? .none, title: "", source: "",
          sourceURL: nil, language: LanguageTag.primary(row.string(5)))
        facts[key] = fact
        if fact.placed(in: detailed) { detailedIDs.append(id) }
      }
    }
    // Titles and sources of the detailed period's events, and of undated ones.
    var missing = Set<String>()
    for (tag, key) in zip(tags, keys) {
      guard let key, facts[key] == nil, !outside.contains(key) else { continue }
      missing.insert(tag.event)
    }
    for (id, fact) in try detailedFacts(ids: detailedIDs + missing.sorted()) {
      if let key = EventKey.of(id) { facts[key] = fact }
    }
    // A stable order (the state is a dictionary): by event, then item. One key is one event.
    let itemRanks = Dictionary(
      Set(tags.map(\.item)).sorted().enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    var order: [(key: UInt64, item: Int, offset: Int)] = []
    order.reserveCapacity(tags.count)
    for (offset, key) in keys.enumerated() {
      guard let key, facts[key] != nil else { continue }
      order.append((key, itemRanks[tags[offset].item]!, offset))
    }
    order.sort { ($0.key, $0.item) < ($1.key, $1.item) }
    return order.map { Placed(tag: tags[$0.offset], event: facts[$0.key]!) }
  }

  /// Keys (`EventKey`) of the events placed in `range`.
  func eventKeys(in range: DayRange, asOf: Day) throws -> Set<UInt64> {
    guard range.start <= asOf else { return [] }
    var keys = Set<UInt64>()
    try index.read { db in
      try RawRows.scan(
        db, sql: "SELECT id FROM event WHERE \(EventIndex.placedCondition(""))",
        arguments: [range.start.description, range.end.description, range.start.description, range.end.description]
      ) { row in
        if let key = row.eventKey(0) { keys.insert(key) }
      }
    }
    return keys
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
      let taggedKeys = Set(tagged.compactMap(EventKey.of))
      var shown: [String] = []
      try RawRows.scan(
        db, sql: "SELECT id FROM event WHERE \(EventIndex.placedCondition("")) ORDER BY date, date_end, id",
        arguments: [range.start.description, range.end.description, range.start.description, range.end.description]
      ) { row in
        guard let key = row.eventKey(0), !taggedKeys.contains(key) else { return }
        total += 1
        if shown.count < Self.listLimit, let id = row.string(0) { shown.append(id) }
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
      try RawRows.scan(
        db,
        sql: """
          SELECT \(Self.factsColumns) FROM event
          WHERE precision <> 'day'
            AND (precision = 'none' OR (precision IN ('month', 'year') AND date <= ? AND last_day >= ?))
          ORDER BY date IS NULL, date, id
          """,
        arguments: [mandate.term.end.description, mandate.term.start.description]
      ) { row in
        let fact = Self.facts(row)
        if fact.precision != .none, quarters.quarters.contains(where: { fact.placed(in: $0.range) }) { return }
        total += 1
        if listed.count < Self.listLimit {
          listed.append(.init(event: fact.id, dateLabel: fact.summary.dateLabel, title: fact.title, review: "none"))
        }
      }
    }
    return .init(total: total, events: listed)
  }

  func timeline(placed: [Placed], asOf: Day) -> [QuarterlyReport.TimelineQuarter] {
    let supporting = placed.filter { $0.tag.stance == .supports }
    return quarters.quarters.filter { $0.range.start <= asOf }.map { quarter in
      let range = DayRange(start: quarter.range.start, end: min(quarter.range.end, asOf))
      var perItem: [String: Int] = [:]
      for entry in supporting where entry.event.placed(in: range) { perItem[entry.tag.item, default: 0] += 1 }
      let covered = Set(perItem.keys)
      return QuarterlyReport.TimelineQuarter(
        label: quarter.label, slug: quarter.slug, start: quarter.range.start, end: quarter.range.end,
        evidence: mandate.priorities.map { priority in
          .init(priority: priority.id, count: priority.items.reduce(0) { $0 + (perItem[$1.id] ?? 0) })
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
    let totalWeight = mandate.items.reduce(0) { $0 + $1.weight }
    let before = mandate.items.filter { coveredBefore.contains($0.id) }
    let previousCoverage = QuarterlyReport.Share(
      items: mandate.items.count, covered: before.count,
      share: mandate.items.isEmpty ? 0 : Self.round(Double(before.count) / Double(mandate.items.count)),
      weightedShare: totalWeight == 0 ? 0 : Self.round(before.reduce(0) { $0 + $1.weight } / totalWeight))
    return QuarterlyReport.Delta(
      previous: previous.label, previousCoverage: previousCoverage,
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
