import Foundation
import GRDB

extension ReportBuilder {
  static let factsColumns =
    "id, date, date_end, last_day, precision, COALESCE(title, substr(body, 1, 300)) AS title, sources"

  static func facts(_ row: Row) -> EventFacts {
    let date: String? = row["date"]
    let end: String? = row["date_end"]
    let last: String? = row["last_day"]
    let title: String = row["title"]
    let sources: String = row["sources"]
    let url = Self.firstValue("url", in: sources)
    let file = Self.firstValue("file", in: sources)
    let position = Self.firstNumber("position", in: sources)
    return EventFacts(
      id: row["id"], date: date.flatMap { Day(iso: $0) }, dateEnd: end.flatMap { Day(iso: $0) },
      lastDay: last.flatMap { Day(iso: $0) }, precision: DatePrecision(rawValue: row["precision"]) ?? .none,
      title: Event.firstWords(of: title, limit: 160),
      source: url ?? file.map { path in position.map { "\(path):\($0)" } ?? path } ?? "", sourceURL: url)
  }

  /// The first string value of `key` in the sources JSON, without decoding it all (it is the
  /// index's own compact form, see `EventLineEncoder`).
  static func firstValue(_ key: String, in json: String) -> String? {
    guard let range = json.range(of: "\"\(key)\":\"") else { return nil }
    var value = ""
    var escaped = false
    for character in json[range.upperBound...] {
      if escaped {
        value.append(character == "n" ? "\n" : character == "t" ? "\t" : character)
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "\"" {
        return value
      } else {
        value.append(character)
      }
    }
    return nil
  }

  static func firstNumber(_ key: String, in json: String) -> Int? {
    guard let range = json.range(of: "\"\(key)\":") else { return nil }
    return Int(json[range.upperBound...].prefix { $0 == "-" || $0.isNumber })
  }

  /// The standing tags with their events' facts (tags of events no longer in the record are
  /// left out; `check` reports them).
  func placedTags(_ state: LedgerState) throws -> [Placed] {
    let ids = Array(Set(state.tags.values.map(\.event)))
    var facts: [String: EventFacts] = [:]
    try index.read { db in
      var start = 0
      while start < ids.count {
        let chunk = Array(ids[start..<min(start + 500, ids.count)])
        start += chunk.count
        let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
        for row in try Row.fetchAll(
          db, sql: "SELECT \(Self.factsColumns) FROM event WHERE id IN (\(marks))", arguments: StatementArguments(chunk)
        ) {
          let fact = Self.facts(row)
          facts[fact.id] = fact
        }
      }
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
      let rows = try Row.fetchCursor(
        db,
        sql:
          "SELECT \(Self.factsColumns) FROM event WHERE \(EventIndex.placedCondition("")) ORDER BY date, date_end, id",
        arguments: [range.start.description, range.end.description, range.start.description, range.end.description])
      while let row = try rows.next() {
        let id: String = row["id"]
        guard !tagged.contains(id) else { continue }
        total += 1
        guard listed.count < Self.listLimit else { continue }
        let fact = Self.facts(row)
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
          WHERE precision = 'none' OR (precision IN ('month', 'year') AND date <= ? AND last_day >= ?)
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
