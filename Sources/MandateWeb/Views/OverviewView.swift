import MandateKit

/// The overview page: the current quarter's report as a tree, what needs attention, the newest
/// evidence.
struct OverviewView {
  var title: String
  var organisation: String
  var holder: String
  var termStart: String
  var termEnd: String
  var quarterLabel: String
  var asOf: String
  var reportHref: String
  var triageHref: String
  var undecidedLabel: String
  var counts: [Count]
  var hasStory: Bool
  var story: [String]
  var attentionCount: Int
  var hasAttention: Bool
  var attention: [Attention]
  var hasLatest: Bool
  var latest: [Latest]
  var coverage: [Bar]
  var priorities: [PriorityRow]

  struct Count {
    var value: Int
    var label: String
  }

  /// Items with the same kinds of gap, as the report's summary groups them.
  struct Attention {
    var title: String
    var explanation: String
    var entries: [Entry]
  }

  struct Entry {
    var id: String
    var href: String
    var label: String
    var hasDetail: Bool
    var detail: String
  }

  struct Latest {
    var href: String
    var dateLabel: String
    var title: String
    var items: String
  }

  struct PriorityRow {
    var id: String
    var anchor: String
    var title: String
    var bars: [Bar]
    var items: [ItemRow]
  }

  struct ItemRow {
    var id: String
    var href: String
    var label: String
    var text: String
    var statusClass: String
    var statusLabel: String
    var hasStatus: Bool
    var statusAsOf: String
    var periodCounts: String
    var toDateCounts: String
    var lastEvidence: String
    var days: Int
    var isStale: Bool
    var pending: Int
  }

  init(report: QuarterlyReport, latest: [LatestEvidence]) {
    let quarter = report.period
    title = report.mandate.title
    organisation = report.mandate.organisation
    holder = report.mandate.holder
    termStart = report.mandate.termStart.description
    termEnd = report.mandate.termEnd.description
    quarterLabel = quarter.label
    asOf = report.asOf.description
    let parameter = quarter.slug.replacingOccurrences(of: "-", with: "")
    reportHref = "/report/\(parameter)"
    triageHref = "/triage?quarter=\(parameter)"
    undecidedLabel =
      report.counts.pendingSuggestions > 0
      ? "\(Format.plural(report.counts.pendingSuggestions, "event")) with suggestions" : "the quarter"
    counts =
      [
        Count(value: report.counts.eventsInPeriod, label: "events in \(quarter.label)"),
        Count(value: report.counts.taggedEvents, label: "tagged"),
        Count(value: report.counts.pendingSuggestions, label: "with pending suggestions"),
        Count(value: report.counts.unplaced, label: "no quarter can hold"),
      ] + (report.counts.disputed.map { [Count(value: $0, label: "disputed")] } ?? [])
    let items = report.priorities.flatMap(\.items)
    // The report's own summary: the same story and the same groups as every report's opening.
    let summary = ReportSummary(report)
    self.story = [
      [summary.coverage, summary.coverageToDate].filter { !$0.isEmpty }.joined(separator: " "), summary.evidence,
      summary.status, summary.events,
    ]
    hasStory = true
    let labels = Dictionary(items.map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a })
    attention = summary.attention.map { group in
      Attention(
        title: group.title, explanation: group.explanation,
        entries: group.entries.map { entry in
          Entry(
            id: entry.item, href: Format.itemHref(entry.item), label: labels[entry.item] ?? entry.label,
            hasDetail: !entry.detail.isEmpty, detail: entry.detail)
        })
    }
    // Pairs analysts disagree on count as neither evidence nor rejection until resolved.
    let disputed = items.filter { ($0.disputed ?? 0) > 0 }
    if !disputed.isEmpty {
      attention.insert(
        Attention(
          title: "disputed between analysts",
          explanation: ReportWording.disputed(report.counts.disputed ?? disputed.count) + ".",
          entries: disputed.map { item in
            Entry(
              id: item.id, href: Format.itemHref(item.id), label: item.label, hasDetail: true,
              detail: ReportWording.count(item.disputed ?? 0, "event"))
          }), at: 0)
    }
    attentionCount = Set(attention.flatMap { $0.entries.map(\.id) }).count
    hasAttention = !attention.isEmpty
    self.latest = latest.map { entry in
      Latest(
        href: Format.eventHref(entry.event.id), dateLabel: entry.event.dateLabel, title: entry.event.headline,
        items: entry.tags.map { $0.stance == .contradicts ? "\($0.item) (against)" : $0.item }.joined(separator: ", "))
    }
    hasLatest = !latest.isEmpty
    coverage = [Bar("In \(quarter.label)", report.coverage.period), Bar("Term to date", report.coverage.toDate)]
    priorities = report.priorities.map { priority in
      PriorityRow(
        id: priority.id, anchor: "priority-\(priority.id)", title: priority.title,
        bars: [Bar("In \(quarter.label)", priority.coverage.period), Bar("Term to date", priority.coverage.toDate)],
        items: priority.items.map { item in
          ItemRow(
            id: item.id, href: Format.itemHref(item.id), label: item.label, text: item.text,
            statusClass: item.status?.status.rawValue ?? "none", statusLabel: ReportWording.status(item.status?.status),
            hasStatus: item.status != nil, statusAsOf: item.status?.asOf.description ?? "",
            periodCounts: Format.counts(item.evidencePeriod), toDateCounts: Format.counts(item.evidenceToDate),
            lastEvidence: item.lastEvidence?.description ?? "none", days: item.daysWithoutEvidence,
            isStale: item.gaps.contains(.stale), pending: item.pendingSuggestions)
        })
    }
  }
}
