import Foundation
import Mustache

/// What the HTML template lays out: the report's facts as pre-formatted strings, flags and
/// drawing coordinates, so that the template holds no logic beyond sections and loops.
///
/// Every property is stored and non-optional on purpose: the Mustache renderer reads values by
/// reflection and looks a missing (or nil) name up in the enclosing objects, so a nil `note` on
/// evidence would print its item's status note. Absent values are empty strings or empty arrays
/// with a `has…` flag next to them.
struct HTMLReportView {
  var documentTitle: String
  var header: Header
  var coverage: [CoverageGroup]
  var chart: HTMLReportChart
  var priorities: [Priority]
  var staleDays: Int
  var gaps: [GapGroup]
  var hasDelta: Bool
  var delta: [DeltaGroup]
  var deltaPrevious: String
  /// Untagged events of the period, then unplaced events.
  var eventLists: [EventList]
  var footer: String

  struct Header {
    var id: String
    var title: String
    var organisation: String
    var holder: String
    var termStart: String
    var termEnd: String
    var periodKind: String
    var periodLabel: String
    var periodStart: String
    var periodEnd: String
    var asOf: String
    var hasRecordedBy: Bool
    var recordedBy: String
    var hasGeneratedAt: Bool
    var generatedAt: String
    var counts: [Count]
  }

  struct Count {
    var value: Int
    var label: String
  }

  struct CoverageGroup {
    var heading: String
    var bars: [CoverageBar]
  }

  /// A share drawn as a horizontal bar: `width` is the percentage for the CSS width.
  struct CoverageBar {
    var label: String
    var percent: String
    var width: String
    var detail: String
  }

  struct Priority {
    var id: String
    var anchor: String
    var title: String
    var coverage: [CoverageBar]
    var items: [Item]
    var hasEvidence: Bool
  }

  struct Item {
    var id: String
    var anchor: String
    var text: String
    var extras: [String]
    var hasExtras: Bool
    var statusClass: String
    var statusLabel: String
    var hasStatus: Bool
    var statusAsOf: String
    var statusNote: String
    var statusBy: String
    var periodCounts: String
    var periodLabel: String
    var toDateCounts: String
    var toDateLabel: String
    var lastEvidence: String
    var daysWithoutEvidence: Int
    var isStale: Bool
    var pending: Int
    var hasEvidence: Bool
    var evidence: [Evidence]
  }

  struct Evidence {
    var event: String
    var dateLabel: String
    var title: String
    /// Only `http:` and `https:` URLs become links.
    var hasLink: Bool
    var href: String
    var source: String
    var strength: String
    var stance: String
    var contradicts: Bool
    var hasNote: Bool
    var note: String
    var by: String
  }

  init(_ report: QuarterlyReport) {
    let period = report.period
    let periodName = period.kind == "term" ? "Term" : "Quarter \(period.label)"
    documentTitle = "\(report.mandate.title): \(period.kind == "term" ? "term" : period.label) report"
    header = Header(
      id: report.mandate.id, title: report.mandate.title, organisation: report.mandate.organisation,
      holder: report.mandate.holder, termStart: report.mandate.termStart.description,
      termEnd: report.mandate.termEnd.description, periodKind: periodName, periodLabel: period.label,
      periodStart: period.start.description, periodEnd: period.end.description, asOf: report.asOf.description,
      hasRecordedBy: report.recordedBy != nil, recordedBy: report.recordedBy ?? "",
      hasGeneratedAt: report.generatedAt != nil, generatedAt: report.generatedAt ?? "",
      counts: [
        Count(value: report.counts.eventsInPeriod, label: "events in the period"),
        Count(value: report.counts.taggedEvents, label: "tagged events"),
        Count(value: report.counts.pendingSuggestions, label: "events with pending suggestions"),
        Count(value: report.counts.undated, label: "undated events in the record"),
        Count(value: report.counts.unplaced, label: "events no quarter can hold"),
      ] + (report.counts.disputed.map { [Count(value: $0, label: ReportText.disputedLabel)] } ?? []))
    coverage = [
      CoverageGroup(
        heading: period.kind == "term" ? "The term" : "This period (\(period.label))",
        bars: Self.bars(report.coverage.period)),
      CoverageGroup(heading: "Term to date (as of \(report.asOf))", bars: Self.bars(report.coverage.toDate)),
    ]
    chart = HTMLReportChart(report.timeline, priorities: report.priorities.map { ($0.id, $0.title) })
    priorities = report.priorities.map { Self.priority($0) }
    staleDays = report.settings.staleDays
    gaps = Self.gapGroups(report)
    hasDelta = report.delta != nil
    delta = report.delta.map(Self.deltaGroups) ?? []
    deltaPrevious = report.delta?.previous ?? ""
    eventLists = [
      EventList(
        report.untagged, id: "untagged", heading: "Untagged events of the period",
        explanation: "Events placed in the period without a standing tag, and whether they were reviewed.",
        empty: "Every event of the period has a tag.", showReview: true),
      EventList(
        report.unplaced, id: "unplaced", heading: "Unplaced events",
        explanation:
          "Events in the record without a date, or dated too coarsely (a year, a month across quarters) to place in a quarter.",
        empty: "Every event in the record can be placed in a quarter.", showReview: false),
    ]
    footer =
      "Generated by \(report.generator.tool) \(report.generator.version). Stale after \(report.settings.staleDays) days"
      + " without supporting evidence; suggestions scored \(Self.number(report.settings.minScore)) or more;"
      + " event lists show at most \(report.settings.listLimit) events."
  }

  static func bars(_ share: QuarterlyReport.Share) -> [CoverageBar] {
    [
      CoverageBar(
        label: "Items with evidence", percent: percent(share.share), width: width(share.share),
        detail: "\(share.covered) of \(share.items) items"),
      CoverageBar(
        label: "Weighted by item weight", percent: percent(share.weightedShare), width: width(share.weightedShare),
        detail: ""),
    ]
  }

  static func priority(_ priority: QuarterlyReport.PriorityReport) -> Priority {
    let period = priority.coverage.period
    let toDate = priority.coverage.toDate
    return Priority(
      id: priority.id, anchor: anchor(priority.id, prefix: "priority-"), title: priority.title,
      coverage: [
        CoverageBar(
          label: "This period", percent: percent(period.share), width: width(period.share),
          detail: "\(period.covered) of \(period.items) items, weighted \(percent(period.weightedShare))"),
        CoverageBar(
          label: "Term to date", percent: percent(toDate.share), width: width(toDate.share),
          detail: "\(toDate.covered) of \(toDate.items) items, weighted \(percent(toDate.weightedShare))"),
      ],
      items: priority.items.map(item), hasEvidence: priority.items.contains { !$0.evidence.isEmpty })
  }

  static func item(_ item: QuarterlyReport.ItemReport) -> Item {
    var extras: [String] = []
    if item.weight != 1 { extras.append("weight \(number(item.weight))") }
    if let due = item.due { extras.append("due \(due)") }
    if let indicator = item.indicator { extras.append("indicator: \(indicator)") }
    return Item(
      id: item.id, anchor: anchor(item.id), text: item.text, extras: extras, hasExtras: !extras.isEmpty,
      statusClass: item.status?.status.rawValue ?? "none", statusLabel: statusLabel(item.status?.status),
      hasStatus: item.status != nil, statusAsOf: item.status?.asOf.description ?? "",
      statusNote: item.status?.note ?? "", statusBy: item.status?.by ?? "",
      periodCounts: counts(item.evidencePeriod), periodLabel: countsLabel(item.evidencePeriod),
      toDateCounts: counts(item.evidenceToDate), toDateLabel: countsLabel(item.evidenceToDate),
      lastEvidence: item.lastEvidence?.description ?? "none", daysWithoutEvidence: item.daysWithoutEvidence,
      isStale: item.gaps.contains(.stale), pending: item.pendingSuggestions, hasEvidence: !item.evidence.isEmpty,
      evidence: item.evidence.map(evidence))
  }

  static func evidence(_ evidence: QuarterlyReport.Evidence) -> Evidence {
    let link = evidence.sourceURL.flatMap(webURL)
    return Evidence(
      event: evidence.event, dateLabel: evidence.dateLabel, title: evidence.title, hasLink: link != nil,
      href: link ?? "", source: evidence.source, strength: evidence.strength.rawValue,
      stance: evidence.stance.rawValue, contradicts: evidence.stance == .contradicts, hasNote: evidence.note != nil,
      note: evidence.note ?? "", by: evidence.by)
  }
}

// Evidence entries are the bulk of a large report: looking their fields up by name directly
// rather than through `Mirror` (Mustache's default) makes the HTML of 5,000 tags about ten
// times faster. `HTMLReportViewTests` checks that every stored property is reachable here.
extension HTMLReportView.Evidence: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "event": event
    case "dateLabel": dateLabel
    case "title": title
    case "hasLink": hasLink
    case "href": href
    case "source": source
    case "strength": strength
    case "stance": stance
    case "contradicts": contradicts
    case "hasNote": hasNote
    case "note": note
    case "by": by
    default: nil
    }
  }
}
