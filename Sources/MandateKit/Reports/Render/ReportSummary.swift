/// The story a report opens with, in the same words for the text, Markdown and HTML reports:
/// coverage now against the previous quarter, the new evidence, status changes and the items
/// that need attention. Renderers lay it out; the numbers all come from the report. The web
/// workspace's overview tells the same story.
public struct ReportSummary: Sendable {
  /// An item named in the summary, with what is worth knowing about it there.
  public struct Entry: Sendable {
    public var item: String
    public var label: String
    public var detail: String

    /// "P1.1 UN cooperation (2 tags)"; without the label in long lists ("P1.1 (2 tags)").
    public var text: String { (label.isEmpty ? item : "\(item) \(label)") + (detail.isEmpty ? "" : " (\(detail))") }
  }

  /// Lists longer than this name items by id alone: the tables below give their labels.
  static let labelledListLength = 6

  /// Items that show the same kinds of gap, named once for all of them.
  public struct Attention: Sendable {
    public var kinds: [QuarterlyReport.GapKind]
    /// "no news and no evidence for more than 90 days".
    public var title: String
    public var explanation: String
    public var entries: [Entry]
  }

  /// "3 of 16 items (19%) have supporting evidence in 2024 Q2, up from 2 (13%) in 2024 Q1."
  public var coverage: String
  /// "5 of 16 items (31%) over the term to date." (empty for the term report)
  public var coverageToDate: String
  /// "4 tags on 3 events of the quarter: 3 declaratory, 1 material." or "No tags on …".
  public var evidence: String
  public var evidenceEntries: [Entry]
  public var newlyCovered: [Entry]
  public var newlyUncovered: [Entry]
  /// "2 status changes since 2024 Q1." or the standing assessments for the term.
  public var status: String
  /// The status changes, grouped by change ("not assessed → in progress"), items in mandate order.
  public var statusGroups: [(change: String, entries: [Entry])]
  /// Only the kinds some item shows, most urgent first.
  public var attention: [Attention]
  /// "3 events placed in the quarter, 3 of them tagged; …".
  public var events: String

  public init(_ report: QuarterlyReport) {
    let items = report.priorities.flatMap(\.items)
    let byID = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    func entry(_ id: String, _ detail: String = "") -> Entry {
      Entry(item: id, label: byID[id]?.label ?? "", detail: detail)
    }
    let isTerm = report.period.kind == "term"
    let period = isTerm ? "the term" : report.period.label
    let share = report.coverage.period
    var coverage =
      "\(share.covered) of \(ReportWording.count(share.items, "item")) (\(ReportText.percent(share.share))) "
      + "\(share.covered == 1 ? "has" : "have") supporting evidence in \(period)"
    if let delta = report.delta {
      let before = delta.previousCoverage
      if share.covered == before.covered {
        coverage += ", as many as in \(delta.previous)"
      } else {
        let direction = share.covered > before.covered ? "up from" : "down from"
        coverage += ", \(direction) \(before.covered) (\(ReportText.percent(before.share))) in \(delta.previous)"
      }
    } else if isTerm, report.timeline.count > 1 {
      coverage +=
        "; by quarter: "
        + report.timeline.map { "\($0.label) \(ReportText.percent($0.coverage))" }.joined(separator: ", ")
    }
    self.coverage = coverage + "."
    let toDate = report.coverage.toDate
    coverageToDate =
      isTerm
      ? "" : "\(toDate.covered) of \(toDate.items) (\(ReportText.percent(toDate.share))) over the term to date."

    var totals = QuarterlyReport.EvidenceCounts(declaratory: 0, material: 0, contradicting: 0)
    for item in items {
      totals.declaratory += item.evidencePeriod.declaratory
      totals.material += item.evidencePeriod.material
      totals.contradicting += item.evidencePeriod.contradicting
    }
    let counts = report.counts
    if totals.total == 0 {
      evidence = "No tags on events of \(period)."
    } else {
      let kinds = [
        (totals.declaratory, "declaratory"), (totals.material, "material"), (totals.contradicting, "contradicting"),
      ].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
      evidence =
        "\(ReportWording.count(totals.total, "tag")) on \(ReportWording.count(counts.taggedEvents, "event")) of \(period): "
        + kinds.joined(separator: ", ") + "."
    }
    evidenceEntries = Self.brief(
      items.filter { $0.evidencePeriod.total > 0 }.map {
        entry($0.id, ReportWording.count($0.evidencePeriod.total, "tag"))
      })
    newlyCovered = Self.brief(report.delta?.newlyCovered.map { entry($0) } ?? [])
    newlyUncovered = Self.brief(report.delta?.newlyUncovered.map { entry($0) } ?? [])

    if let delta = report.delta {
      status =
        delta.statusChanges.isEmpty
        ? "No status changes since \(delta.previous)."
        : "\(ReportWording.count(delta.statusChanges.count, "status change")) since \(delta.previous)."
      var groups: [(change: String, entries: [Entry])] = []
      for change in delta.statusChanges {
        let name = "\(ReportWording.status(change.from)) → \(ReportWording.status(change.to))"
        if let index = groups.firstIndex(where: { $0.change == name }) {
          groups[index].entries.append(entry(change.item))
        } else {
          groups.append((name, [entry(change.item)]))
        }
      }
      statusGroups = groups.map { group in
        (group.change, Self.brief(group.entries))
      }
    } else {
      var tally: [String: Int] = [:]
      for item in items { tally[ReportWording.status(item.status?.status), default: 0] += 1 }
      let order = ItemStatus.allCases.map { ReportWording.status($0) } + [ReportWording.notAssessed]
      status =
        "Assessments as of \(report.asOf): "
        + order.compactMap { name in tally[name].map { "\($0) \(name)" } }.joined(separator: ", ") + "."
      statusGroups = []
    }

    // Each item's kinds of gap, most urgent first; items with the same kinds form one group.
    var kindsByItem: [String: [QuarterlyReport.GapKind]] = [:]
    var groups: [[QuarterlyReport.GapKind]] = []
    for item in items {
      let kinds = ReportWording.attentionOrder.filter(item.gaps.contains)
      guard !kinds.isEmpty else { continue }
      kindsByItem[item.id] = kinds
      if !groups.contains(kinds) { groups.append(kinds) }
    }
    groups.sort { lhs, rhs in
      let rank = { (kinds: [QuarterlyReport.GapKind]) in kinds.map { ReportWording.attentionOrder.firstIndex(of: $0)! }
      }
      return rank(lhs).lexicographicallyPrecedes(rank(rhs))
    }
    let staleDays = report.settings.staleDays
    attention = groups.map { kinds in
      let members = items.filter { kindsByItem[$0.id] == kinds }
      let entries = members.map { item -> Entry in
        var details: [String] = []
        for kind in kinds {
          switch kind {
          case .notReviewed: details.append(ReportWording.count(item.pendingSuggestions, "event") + " to review")
          case .stale: details.append("\(item.daysWithoutEvidence) days")
          case .pastDue: details.append("due \(item.due.map(\.description) ?? "")")
          default: break
          }
        }
        return Entry(
          item: item.id, label: members.count > Self.labelledListLength ? "" : item.label,
          detail: details.joined(separator: ", "))
      }
      let names = kinds.map { kind in
        kind == .stale ? "no evidence for more than \(staleDays) days" : ReportWording.gap(kind)
      }
      return Attention(
        kinds: kinds, title: names.joined(separator: " and "),
        explanation: kinds.map { ReportWording.gapExplanation($0, staleDays: staleDays) }.joined(separator: " "),
        entries: entries)
    }

    var events =
      "\(ReportWording.count(counts.eventsInPeriod, "event")) placed in \(period), \(counts.taggedEvents) of them tagged"
    if counts.pendingSuggestions > 0 {
      events += "; \(ReportWording.count(counts.pendingSuggestions, "event")) with suggestions wait for review"
    }
    if counts.unplaced > 0 {
      events += "; \(ReportWording.count(counts.unplaced, "unplaced event")) in the record"
    }
    if let disputed = counts.disputed { events += "; " + ReportWording.disputed(disputed) }
    self.events = events + "."
  }

  /// `entries` without their labels when there are too many to read: the tables give them.
  static func brief(_ entries: [Entry]) -> [Entry] {
    guard entries.count > labelledListLength else { return entries }
    return entries.map { Entry(item: $0.item, label: "", detail: $0.detail) }
  }
}
