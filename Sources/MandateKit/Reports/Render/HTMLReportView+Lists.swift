import Foundation

extension HTMLReportView {
  /// The report's opening story (`ReportSummary`) laid out for the page: the headline figures,
  /// then coverage, evidence, status and the items that need attention.
  struct Summary {
    var figures: [Figure]
    var coverage: String
    var evidence: String
    var evidenceEntries: [Entry]
    var hasEvidenceEntries: Bool
    var newlyCovered: [Entry]
    var hasNewlyCovered: Bool
    var newlyUncovered: [Entry]
    var hasNewlyUncovered: Bool
    var status: String
    var statusGroups: [StatusGroup]
    var attention: [AttentionGroup]
    var hasAttention: Bool
    var events: String

    init(_ report: QuarterlyReport) {
      let story = ReportSummary(report)
      let share = report.coverage.period
      let isTerm = report.period.kind == "term"
      var figures = [
        Figure(
          value: HTMLReportView.percent(share.share),
          label: "of items covered in \(isTerm ? "the term" : report.period.label) (\(share.covered) of \(share.items))"
        )
      ]
      if let delta = report.delta {
        figures.append(
          Figure(
            value: HTMLReportView.percent(delta.previousCoverage.share),
            label: "in \(delta.previous) (\(delta.previousCoverage.covered) of \(delta.previousCoverage.items))"))
      }
      if !isTerm {
        let toDate = report.coverage.toDate
        figures.append(
          Figure(
            value: HTMLReportView.percent(toDate.share),
            label: "over the term to date (\(toDate.covered) of \(toDate.items))"))
      }
      figures.append(
        Figure(
          value: String(report.counts.tagsInPeriod),
          label:
            "\(report.counts.tagsInPeriod == 1 ? "tag" : "tags") on \(ReportWording.count(report.counts.taggedEvents, "event"))"
        ))
      self.figures = figures
      coverage = [story.coverage, story.coverageToDate].filter { !$0.isEmpty }.joined(separator: " ")
      evidence = story.evidence
      evidenceEntries = story.evidenceEntries.map(Entry.init)
      hasEvidenceEntries = !evidenceEntries.isEmpty
      newlyCovered = story.newlyCovered.map(Entry.init)
      hasNewlyCovered = !newlyCovered.isEmpty
      newlyUncovered = story.newlyUncovered.map(Entry.init)
      hasNewlyUncovered = !newlyUncovered.isEmpty
      status = story.status
      statusGroups = story.statusGroups.map { StatusGroup(change: $0.change, entries: $0.entries.map(Entry.init)) }
      attention = story.attention.map {
        AttentionGroup(
          title: $0.title, explanation: $0.explanation, entries: $0.entries.map(Entry.init), count: $0.entries.count)
      }
      hasAttention = !attention.isEmpty
      events = story.events
    }
  }

  /// Items whose status changed the same way.
  struct StatusGroup {
    var change: String
    var entries: [Entry]
  }

  /// A headline number with what it counts.
  struct Figure {
    var value: String
    var label: String
  }

  /// Items that show the same kinds of gap.
  struct AttentionGroup {
    var title: String
    var explanation: String
    var entries: [Entry]
    var count: Int
  }

  /// An item named in the summary, linked to its row, with its label and what is worth knowing
  /// about it there.
  struct Entry {
    var id: String
    var anchor: String
    var label: String
    var hasLabel: Bool
    var detail: String
    var hasDetail: Bool

    init(_ entry: ReportSummary.Entry) {
      id = entry.item
      anchor = HTMLReportView.anchor(entry.item)
      label = entry.label
      hasLabel = !entry.label.isEmpty
      detail = entry.detail
      hasDetail = !entry.detail.isEmpty
    }
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
        EventRow(event: $0.event, dateLabel: $0.dateLabel, title: $0.title, review: ReportWording.review($0.review))
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
}
