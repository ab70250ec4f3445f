import Foundation
import MandateKit

/// What the triage page shows: the period, the events left, and the current one scored.
struct TriageData: Sendable {
  var mandate: Mandate
  var quarter: String
  var periodLabel: String
  var periods: [TriagePeriod]
  var total: Int
  var current: Current?

  struct Current: Sendable {
    var suggestion: Suggestion
    var position: Int
    var previous: String?
    var next: String?
  }
}

struct TriagePeriod: Sendable {
  var value: String
  var label: String
  var selected: Bool
}

extension TriageView {
  init(
    csrf: String, periodLabel: String, quarter: String, periods: [TriagePeriod], hasEvent: Bool,
    emptyMessage: String, canUndo: Bool
  ) {
    self.init(
      csrf: csrf, periodLabel: periodLabel, quarter: quarter,
      periods: periods.map { Option(value: $0.value, label: $0.label, selected: $0.selected) }, hasEvent: hasEvent,
      emptyMessage: emptyMessage, canUndo: canUndo)
  }
}

extension WebSite {
  /// The memo key of a period's triage queue.
  static func queueKey(_ range: DayRange?) -> String {
    "triage-queue:" + (range.map { "\($0.start)…\($0.end)" } ?? "all")
  }

  /// The events of `quarter` (every event when nil or empty) without a decision now, and the
  /// one to show: `event` when it is still undecided, else the first after `after`, else the
  /// first. The queue is scored when first needed after the record or the mandate changed
  /// (`MemoScope.eventsAndMandates`); decisions made since take events off it.
  func triage(quarter: String?, event: String?, after: String?) async throws -> TriageData {
    let quarter = quarter ?? ""
    return try await read { view in
      let quarters = TermQuarters(term: view.mandate.term)
      var range: DayRange?
      var label = "all events"
      var parameter = ""
      if !quarter.isEmpty {
        let found = try Self.quarter(quarter, of: view.mandate, status: .notFound, path: "/triage?quarter=")
        range = found.range
        label = found.label
        parameter = Format.quarterParameter(found)
      }
      let periods =
        [TriagePeriod(value: "", label: "All events", selected: parameter.isEmpty)]
        + quarters.quarters.map {
          TriagePeriod(
            value: Format.quarterParameter($0), label: $0.label, selected: Format.quarterParameter($0) == parameter)
        }
      let state = try view.ledgerState()
      let queue = try view.memo(Self.queueKey(range), scope: .eventsAndMandates) {
        try SuggestionQueue(mandate: view.mandate, index: view.index, state: state, range: range)
      }
      // The events still open, and where each stands among them: once per state of the ledger.
      let (ids, openPositions) = view.memo("triage-open:" + Self.queueKey(range)) {
        let decided = view.memo("decided-events:\(view.mandate.id)") { state.decidedEvents }
        let ids = queue.events.map(\.id).filter { !decided.contains($0) }
        return (ids, Dictionary(ids.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a }))
      }
      var data = TriageData(
        mandate: view.mandate, quarter: parameter, periodLabel: label, periods: periods, total: ids.count)
      var index: Int?
      if let event, let found = openPositions[event] {
        index = found
      } else if let after, let position = queue.position(of: after) {
        index = ids.firstIndex { (queue.position(of: $0) ?? 0) > position }
      } else if let event, let position = queue.position(of: event) {
        // Decided since: the next one still open.
        index = ids.firstIndex { (queue.position(of: $0) ?? 0) > position }
      }
      // Past the last one: back to the first still open (skipped ones come round again).
      if index == nil, !ids.isEmpty { index = 0 }
      guard let index,
        let suggestion = try queue.suggestion(
          for: ids[index], index: view.index, top: 3, minScore: ReviewSession.defaultMinScore)
      else { return data }
      data.current = TriageData.Current(
        suggestion: suggestion, position: index + 1, previous: index > 0 ? ids[index - 1] : nil,
        next: index + 1 < ids.count ? ids[index + 1] : nil)
      return data
    }
  }
}
