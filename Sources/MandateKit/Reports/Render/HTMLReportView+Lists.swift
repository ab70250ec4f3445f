import Foundation

extension HTMLReportView {
  /// The items of one kind of gap; `entries` is empty when no item shows it.
  struct GapGroup {
    var kind: String
    var title: String
    var explanation: String
    var entries: [Entry]
    var count: Int
    var isEmpty: Bool
  }

  /// An item named in a gap or delta list, with what is worth knowing about it there.
  struct Entry {
    var id: String
    var anchor: String
    var detail: String
    var hasDetail: Bool

    init(_ id: String, _ detail: String = "") {
      self.id = id
      anchor = HTMLReportView.anchor(id)
      self.detail = detail
      hasDetail = !detail.isEmpty
    }
  }

  struct DeltaGroup {
    var title: String
    var explanation: String
    var entries: [Entry]
    var count: Int
    var isEmpty: Bool
  }

  /// Events listed with their total: only the first ones are in the model.
  struct EventList {
    var id: String
    var heading: String
    var explanation: String
    var total: Int
    var isEmpty: Bool
    var showReview: Bool
    var hasEvents: Bool
    var events: [EventRow]
    var hasMore: Bool
    var more: String
    var empty: String

    init(
      _ list: QuarterlyReport.EventList, id: String, heading: String, explanation: String, empty: String,
      showReview: Bool
    ) {
      self.id = id
      self.heading = heading
      self.explanation = explanation
      total = list.total
      isEmpty = list.total == 0
      self.showReview = showReview
      hasEvents = !list.events.isEmpty
      events = list.events.map {
        EventRow(
          event: $0.event, dateLabel: $0.dateLabel, title: $0.title, review: HTMLReportView.reviewLabel($0.review))
      }
      hasMore = list.total > list.events.count
      more = "\(list.total - list.events.count) more not listed."
      self.empty = empty
    }
  }

  struct EventRow {
    var event: String
    var dateLabel: String
    var title: String
    var review: String
  }

  static func gapGroups(_ report: QuarterlyReport) -> [GapGroup] {
    let gaps = report.gaps
    let days = report.settings.staleDays
    func group(_ kind: QuarterlyReport.GapKind, _ title: String, _ explanation: String, _ entries: [Entry]) -> GapGroup
    {
      GapGroup(
        kind: kind.rawValue, title: title, explanation: explanation, entries: entries, count: entries.count,
        isEmpty: entries.isEmpty)
    }
    return [
      group(
        .noNews, "No news found", "No event of the period was suggested for, tagged or rejected for these items.",
        gaps.noNews.map { Entry($0) }),
      group(
        .onlyContradicting, "Only evidence against",
        "The only evidence of the period for these items speaks against them.",
        gaps.onlyContradicting.map { Entry($0) }),
      group(
        .notReviewed, "Found but not reviewed",
        "Events of the period are suggested for these items and nobody has reviewed them yet.",
        gaps.notReviewed.map { Entry($0) }),
      group(
        .reviewedNothingRelevant, "Reviewed, nothing relevant",
        "Events of the period were suggested for these items and all were rejected.",
        gaps.reviewedNothingRelevant.map { Entry($0) }),
      group(
        .stale, "Stale for more than \(days) days",
        "No supporting evidence for more than \(days) days by the as-of day.",
        gaps.stale.map {
          Entry($0.item, "\($0.days) days; " + ($0.lastEvidence.map { "last evidence \($0)" } ?? "no evidence yet"))
        }),
      group(
        .pastDue, "Past due", "The due day has passed and the item is not assessed as achieved.",
        gaps.pastDue.map { Entry($0.item, "due \($0.due); \(statusLabel($0.status))") }),
    ]
  }

  static func deltaGroups(_ delta: QuarterlyReport.Delta) -> [DeltaGroup] {
    func group(_ title: String, _ explanation: String, _ entries: [Entry]) -> DeltaGroup {
      DeltaGroup(
        title: title, explanation: explanation, entries: entries, count: entries.count, isEmpty: entries.isEmpty)
    }
    let previous = delta.previous
    return [
      group(
        "New evidence", "Items with evidence dated in this period, and how much.",
        delta.newEvidence.map {
          Entry($0.item, $0.count == 1 ? "1 piece of evidence" : "\($0.count) pieces of evidence")
        }
      ),
      group(
        "Status changes", "Assessments that differ from those standing at the end of \(previous).",
        delta.statusChanges.map { Entry($0.item, "\(statusLabel($0.from)) → \(statusLabel($0.to))") }),
      group(
        "Newly covered", "Items with supporting evidence this period and none in \(previous).",
        delta.newlyCovered.map { Entry($0) }),
      group(
        "No longer covered", "Items with supporting evidence in \(previous) and none this period.",
        delta.newlyUncovered.map { Entry($0) }),
    ]
  }
}
