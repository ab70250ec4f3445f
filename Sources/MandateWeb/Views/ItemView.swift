import Foundation
import MandateKit

/// One item: its wording, its evidence over time, its assessments, and the form for a new one.
struct ItemView {
  var csrf: String
  var id: String
  var priorityID: String
  var priorityTitle: String
  var priorityHref: String
  var label: String
  var text: String
  var statusClass: String
  var statusLabel: String
  var hasStatus: Bool
  var statusAsOf: String
  var statusBy: String
  var statusNote: String
  var hasKeywords: Bool
  var keywords: [String]
  var hasIndicator: Bool
  var indicator: String
  var hasDue: Bool
  var due: String
  var weight: String
  var evidenceSummary: String
  var searchHref: String
  var hasEvidence: Bool
  var evidence: [Evidence]
  var hasHistory: Bool
  var history: [Assessment]
  var statusAction: String
  var statusOptions: [Option]
  var defaultAsOf: String

  struct Evidence {
    var dateLabel: String
    var href: String
    var title: String
    var strength: String
    var stance: String
    var hasNote: Bool
    var note: String
    var by: String
    var at: String
  }

  struct Assessment {
    var statusClass: String
    var statusLabel: String
    var asOf: String
    var note: String
    var by: String
    var at: String
  }

  init(
    item: Item, priority: Priority, state: LedgerState, events: [String: Event], today: Day,
    term: DayRange, csrf: String
  ) {
    self.csrf = csrf
    id = item.id
    priorityID = priority.id
    priorityTitle = priority.title
    priorityHref = "/#priority-\(priority.id)"
    label = item.shortLabel
    text = item.text
    let current = state.status(of: item.id)
    statusClass = current?.status.rawValue ?? "none"
    statusLabel = ReportWording.status(current?.status)
    hasStatus = current != nil
    statusAsOf = current?.asOf.description ?? ""
    statusBy = current?.by ?? ""
    statusNote = current?.note ?? ""
    keywords = item.keywords
    hasKeywords = !keywords.isEmpty
    hasIndicator = item.indicator != nil
    indicator = item.indicator ?? ""
    hasDue = item.due != nil
    due = item.due?.description ?? ""
    weight = String(format: "%g", item.weight)
    let tags = state.tags(for: item.id)
    let supporting = tags.filter { $0.stance == .supports }.count
    evidenceSummary =
      "\(Format.plural(supporting, "event")) for, \(tags.count - supporting) against; "
      + "\(state.rejections.keys.filter { $0.item == item.id }.count) rejected"
    searchHref =
      "/search?q=" + FormData.encode(item.keywords.prefix(1).map { "\"\($0)\"" }.joined(separator: " "))
    evidence = tags.sorted { lhs, rhs in
      let a = events[lhs.event]
      let b = events[rhs.event]
      return (a?.date?.ordinal ?? Int.max, lhs.event) < (b?.date?.ordinal ?? Int.max, rhs.event)
    }.map { tag in
      let event = events[tag.event]
      return Evidence(
        dateLabel: event.map { EventSummary($0).dateLabel } ?? "not in the record", href: Format.eventHref(tag.event),
        title: event?.headline ?? tag.event, strength: tag.strength.rawValue, stance: tag.stance.rawValue,
        hasNote: tag.note != nil, note: tag.note ?? "", by: tag.by, at: Format.instant(tag.at))
    }
    hasEvidence = !evidence.isEmpty
    history = state.assessments.filter { $0.item == item.id }.reversed().map { entry in
      Assessment(
        statusClass: entry.status.rawValue, statusLabel: ReportWording.status(entry.status),
        asOf: entry.asOf.description,
        note: entry.note, by: entry.by, at: Format.instant(entry.at))
    }
    hasHistory = !history.isEmpty
    statusAction = "/items/\(FormData.encode(item.id))/status"
    statusOptions = ItemStatus.allCases.map {
      Option(value: $0.rawValue, label: ReportWording.status($0), selected: $0 == (current?.status ?? .inProgress))
    }
    defaultAsOf = min(today, term.end).description
  }
}
