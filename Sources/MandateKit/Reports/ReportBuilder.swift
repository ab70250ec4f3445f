import Foundation
import GRDB

/// What a report covers and how.
public struct ReportOptions: Sendable {
  public enum Scope: Sendable, Equatable {
    /// A quarter of the term (`TermQuarters`).
    case quarter(Quarter)
    /// The whole term.
    case term
  }

  public var scope: Scope
  /// Events dated after this day are not counted; nil: today, or the period's last day if
  /// earlier.
  public var asOf: Day?
  /// Decisions recorded after this instant are ignored.
  public var recordedBy: Date?
  /// Days without supporting evidence after which an item is stale.
  public var staleDays: Int
  public var minScore: Double
  public var today: Day
  /// Set to stamp the report with the time it was made (`--timestamp`).
  public var generatedAt: Date?

  public init(
    scope: Scope, asOf: Day? = nil, recordedBy: Date? = nil, staleDays: Int = 90,
    minScore: Double = SuggestionQuery.defaultMinScore, today: Day, generatedAt: Date? = nil
  ) {
    self.generatedAt = generatedAt
    self.scope = scope
    self.asOf = asOf
    self.recordedBy = recordedBy
    self.staleDays = staleDays
    self.minScore = minScore
    self.today = today
  }
}

/// Computes a `QuarterlyReport` from the mandate, the index and the ledger.
public final class ReportBuilder {
  public let mandate: Mandate
  let index: EventIndex
  let lock: WorkspaceLock
  public let quarters: TermQuarters
  /// How many events `untagged` and `unplaced` list (their totals are always given).
  public static let listLimit = 100

  public init(mandate: Mandate, index: EventIndex, lock: WorkspaceLock) {
    self.mandate = mandate
    self.index = index
    self.lock = lock
    quarters = TermQuarters(term: mandate.term)
  }

  /// The quarter a report covers by default: the current quarter of the term, or the last one
  /// when the term has ended (the first before it has begun).
  public func defaultQuarter(today: Day) -> Quarter {
    if let current = quarters.quarter(containing: today) { return current }
    return today > mandate.term.end ? quarters.quarters.last! : quarters.quarters.first!
  }

  /// A tag with the facts of its event that a report needs; a class, because a report filters
  /// tens of thousands of them several times, and copying the strings of a struct costs a retain
  /// each.
  final class Placed {
    let tag: LedgerState.Tag
    let event: EventFacts

    init(tag: LedgerState.Tag, event: EventFacts) {
      self.tag = tag
      self.event = event
    }
  }

  /// The facts of an event a report uses.
  struct EventFacts {
    var id: String
    var date: Day?
    var dateEnd: Day?
    var lastDay: Day?
    var precision: DatePrecision
    var title: String
    var source: String
    var sourceURL: String?
    /// The primary language subtag ("ru" of "ru-RU"), if the event has a language.
    var language: String?

    /// Placed in `range` as `mandate events` places it: a day by its (first) day, a month or a
    /// year only when its whole span lies inside.
    func placed(in range: DayRange) -> Bool {
      guard let date else { return false }
      switch precision {
      case .day: return range.contains(date)
      case .month, .year: return range.start <= date && (lastDay ?? date) <= range.end
      case .none: return false
      }
    }

    var summary: EventSummary {
      EventSummary(id: id, date: date, dateEnd: dateEnd, datePrecision: precision, title: title, headline: title)
    }
  }

  public func build(_ options: ReportOptions) throws -> QuarterlyReport {
    let period: (range: DayRange, label: String, slug: String, kind: String)
    switch options.scope {
    case .quarter(let quarter): period = (quarter.range, quarter.label, quarter.slug, "quarter")
    case .term: period = (mandate.term, "term", "term", "term")
    }
    let asOf = options.asOf ?? min(options.today, period.range.end)
    let counted = DayRange(start: period.range.start, end: max(period.range.start, min(period.range.end, asOf)))
    let toDate = DayRange(start: mandate.term.start, end: max(mandate.term.start, min(mandate.term.end, asOf)))
    let timer = PhaseTimer("report")
    let fullState = try index.ledgerState(for: mandate)
    let state =
      options.recordedBy == nil ? fullState : try index.ledgerState(for: mandate, recordedBy: options.recordedBy)
    timer.mark("ledger state")
    let allPlaced = try placedTags(state, detailed: counted)
    timer.mark("tags placed")
    let (placed, alsoReported) = try mergingLinkedReports(allPlaced)
    timer.mark("linked reports merged")
    let periodEvidence = placed.filter { $0.event.placed(in: counted) && asOf >= period.range.start }
    let toDateEvidence = placed.filter { $0.event.placed(in: toDate) }

    // Pending suggestions of the period's undecided events.
    let pending: [String: [(item: String, score: Double)]]
    if options.recordedBy == nil {
      pending = try SuggestionCache.candidates(
        mandate: mandate, index: index, lock: lock, state: fullState, range: counted, minScore: options.minScore)
    } else {
      pending = try directCandidates(state: state, range: counted, minScore: options.minScore)
    }
    timer.mark("pending suggestions")
    let decided = state.decidedEvents
    let undecidedPending = pending.filter { !decided.contains($0.key) && !$0.value.isEmpty }
    var pendingByItem: [String: Int] = [:]
    for candidates in undecidedPending.values {
      for candidate in candidates { pendingByItem[candidate.item, default: 0] += 1 }
    }

    let periodEvents = try eventKeys(in: counted, asOf: asOf)
    timer.mark("events of the period")
    var rejectedByItem: [String: Int] = [:]
    for pair in state.rejections.keys where periodEvents.contains(event: pair.event) {
      rejectedByItem[pair.item, default: 0] += 1
    }
    var disputedByItem: [String: Int] = [:]
    for pair in state.disputes.keys where periodEvents.contains(event: pair.event) {
      disputedByItem[pair.item, default: 0] += 1
    }

    var priorityReports: [QuarterlyReport.PriorityReport] = []
    var gaps = QuarterlyReport.Gaps(
      noNews: [], onlyContradicting: [], notReviewed: [], reviewedNothingRelevant: [], stale: [], pastDue: [])
    let periodByItem = Dictionary(grouping: periodEvidence, by: \.tag.item)
    let toDateByItem = Dictionary(grouping: toDateEvidence, by: \.tag.item)
    for priority in mandate.priorities {
      var items: [QuarterlyReport.ItemReport] = []
      for item in priority.items {
        let report = itemReport(
          item, periodEvidence: periodByItem[item.id] ?? [], toDateEvidence: toDateByItem[item.id] ?? [],
          state: state, asOf: asOf,
          pending: pendingByItem[item.id] ?? 0, rejected: rejectedByItem[item.id] ?? 0, staleDays: options.staleDays)
        for gap in report.gaps {
          switch gap {
          case .noNews: gaps.noNews.append(item.id)
          case .onlyContradicting: gaps.onlyContradicting.append(item.id)
          case .notReviewed: gaps.notReviewed.append(item.id)
          case .reviewedNothingRelevant: gaps.reviewedNothingRelevant.append(item.id)
          case .stale:
            gaps.stale.append(.init(item: item.id, days: report.daysWithoutEvidence, lastEvidence: report.lastEvidence))
          case .pastDue: gaps.pastDue.append(.init(item: item.id, due: item.due!, status: report.status?.status))
          }
        }
        var withDisputes = report
        withDisputes.disputed = disputedByItem[item.id]
        for index in withDisputes.evidence.indices {
          withDisputes.evidence[index].alsoReported = alsoReported["\(item.id) \(withDisputes.evidence[index].event)"]
        }
        items.append(withDisputes)
      }
      priorityReports.append(
        QuarterlyReport.PriorityReport(
          id: priority.id, title: priority.title,
          coverage: QuarterlyReport.Coverage(
            period: share(items, priority.items) { $0.evidencePeriod.supporting > 0 },
            toDate: share(items, priority.items) { $0.evidenceToDate.supporting > 0 }),
          items: items))
    }
    timer.mark("items")
    let allItems = priorityReports.flatMap(\.items)
    // Both reports of a linked event are tagged: neither is listed as untagged.
    let taggedInPeriod = Set(
      allPlaced.filter { $0.event.placed(in: counted) && asOf >= period.range.start }.map(\.event.id))
    let unplaced = try unplacedEvents()
    timer.mark("unplaced events")
    let counts = QuarterlyReport.Counts(
      eventsInPeriod: periodEvents.count, taggedEvents: taggedInPeriod.count,
      pendingSuggestions: undecidedPending.keys.filter { periodEvents.contains(event: $0) }.count,
      undated: try index.counts().undated, unplaced: unplaced.total, tagsInPeriod: periodEvidence.count,
      disputed: disputedByItem.isEmpty ? nil : disputedByItem.values.reduce(0, +))
    let delta = try delta(options: options, current: allItems, placed: placed, state: state, asOf: asOf)
    timer.mark("delta")
    let untagged = try untaggedEvents(
      in: counted, asOf: asOf, tagged: taggedInPeriod, state: state, pending: undecidedPending)
    timer.mark("untagged events")
    let timeline = timeline(placed: placed, asOf: asOf)
    timer.mark("timeline")
    return QuarterlyReport(
      schema: QuarterlyReport.schemaVersion,
      generator: .init(tool: "mandate", version: MandateVersion.current),
      mandate: .init(
        id: mandate.id, title: mandate.title, organisation: mandate.organisation, holder: mandate.holder,
        termStart: mandate.term.start, termEnd: mandate.term.end),
      period: .init(
        kind: period.kind, label: period.label, slug: period.slug, start: period.range.start, end: period.range.end,
        calendarQuarters: quarters.isCalendar),
      asOf: asOf, recordedBy: options.recordedBy.map(Timestamp.format),
      generatedAt: options.generatedAt.map(Timestamp.format), counts: counts,
      coverage: .init(
        period: share(allItems, mandate.items) { $0.evidencePeriod.supporting > 0 },
        toDate: share(allItems, mandate.items) { $0.evidenceToDate.supporting > 0 }),
      priorities: priorityReports, gaps: gaps,
      delta: delta, untagged: untagged, unplaced: unplaced, timeline: timeline,
      settings: .init(staleDays: options.staleDays, minScore: options.minScore, listLimit: Self.listLimit))
  }

  func itemReport(
    _ item: Item, periodEvidence: [Placed], toDateEvidence: [Placed], state: LedgerState, asOf: Day, pending: Int,
    rejected: Int, staleDays: Int
  ) -> QuarterlyReport.ItemReport {
    let status = state.status(of: item.id, asOf: asOf).map {
      QuarterlyReport.StatusEntry(status: $0.status, asOf: $0.asOf, note: $0.note, by: $0.by)
    }
    let supportingToDate = toDateEvidence.filter { $0.tag.stance == .supports }
    let lastEvidence = supportingToDate.compactMap { $0.event.lastDay.map { min($0, asOf) } }.max()
    let days = (lastEvidence ?? mandate.term.start).days(until: asOf)
    let periodCounts = evidenceCounts(periodEvidence)
    var gaps: [QuarterlyReport.GapKind] = []
    if periodCounts.supporting == 0 {
      if periodCounts.contradicting > 0 {
        gaps.append(.onlyContradicting)
      } else if pending > 0 {
        gaps.append(.notReviewed)
      } else if rejected > 0 {
        gaps.append(.reviewedNothingRelevant)
      } else {
        gaps.append(.noNews)
      }
    }
    if days > staleDays { gaps.append(.stale) }
    if let due = item.due, due < asOf, status?.status != .achieved { gaps.append(.pastDue) }
    let evidence = periodEvidence.sorted { ($0.event.date ?? asOf, $0.event.id) < ($1.event.date ?? asOf, $1.event.id) }
      .map {
        QuarterlyReport.Evidence(
          event: $0.event.id, dateLabel: $0.event.summary.dateLabel, date: $0.event.date, title: $0.event.title,
          source: $0.event.source, sourceURL: $0.event.sourceURL, strength: $0.tag.strength, stance: $0.tag.stance,
          note: $0.tag.note, by: $0.tag.by)
      }
    return QuarterlyReport.ItemReport(
      id: item.id, label: item.shortLabel, text: item.text, weight: item.weight, due: item.due,
      indicator: item.indicator, status: status,
      evidencePeriod: periodCounts, evidenceToDate: evidenceCounts(toDateEvidence), lastEvidence: lastEvidence,
      daysWithoutEvidence: max(0, days), pendingSuggestions: pending, rejectedInPeriod: rejected, evidence: evidence,
      gaps: gaps)
  }

  func evidenceCounts(_ placed: [Placed]) -> QuarterlyReport.EvidenceCounts {
    var counts = QuarterlyReport.EvidenceCounts(declaratory: 0, material: 0, contradicting: 0)
    for entry in placed {
      if entry.tag.stance == .contradicts {
        counts.contradicting += 1
      } else if entry.tag.strength == .material {
        counts.material += 1
      } else {
        counts.declaratory += 1
      }
    }
    return counts
  }

  func share(_ reports: [QuarterlyReport.ItemReport], _ items: [Item], covered: (QuarterlyReport.ItemReport) -> Bool)
    -> QuarterlyReport.Share
  {
    let ids = Set(items.map(\.id))
    let relevant = reports.filter { ids.contains($0.id) }
    let coveredItems = relevant.filter(covered)
    let total = relevant.reduce(0) { $0 + $1.weight }
    let weighted = coveredItems.reduce(0) { $0 + $1.weight }
    return QuarterlyReport.Share(
      items: relevant.count, covered: coveredItems.count,
      share: relevant.isEmpty ? 0 : Self.round(Double(coveredItems.count) / Double(relevant.count)),
      weightedShare: total == 0 ? 0 : Self.round(weighted / total))
  }

  static func round(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
}

extension Set<UInt64> {
  /// Whether the set of `EventKey`s holds the event with id `id`.
  func contains(event id: String) -> Bool { EventKey.of(id).map(contains) ?? false }
}
