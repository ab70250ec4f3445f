import Foundation

/// The report for a terminal: aligned tables fitted to the width, colour only when the context
/// allows it.
public struct TextReportRenderer: ReportRenderer {
  public var format: ReportFormat { .text }

  /// Evidence entries shown per item; the rest are counted.
  static let evidenceShown = 10

  public init() {}

  public func render(_ report: QuarterlyReport, context: RenderContext) throws -> String {
    let style = context.style
    // Narrower than 80 the item tables cannot fit.
    let width = max(80, context.width)
    var out = ""
    func line(_ text: String = "") { out += text + "\n" }
    func wrapped(_ text: String, indent: String = "") {
      line(TextWrap.block(text, width: width, firstPrefix: indent, indent: indent + "  "))
    }

    for (index, part) in TextWrap.lines(report.mandate.title, width: width).enumerated() {
      line((index == 0 ? "" : "  ") + style.apply(.bold, part))
    }
    wrapped(
      "\(report.mandate.id) · \(report.mandate.holder) · \(report.mandate.organisation) · term \(report.mandate.termStart) to \(report.mandate.termEnd)"
    )
    wrapped(style.apply(.bold, "Report for \(ReportText.periodTitle(report))") + ", as of \(report.asOf)")
    if let recordedBy = report.recordedBy { wrapped("decisions recorded by \(recordedBy)") }
    if let generatedAt = report.generatedAt { wrapped("generated \(generatedAt)") }
    line()
    let counts = report.counts
    wrapped(
      "Events in the period \(counts.eventsInPeriod) · tagged \(counts.taggedEvents) · pending suggestions \(counts.pendingSuggestions) · undated \(counts.undated) · in no quarter \(counts.unplaced)"
    )
    if let disputed = counts.disputed { wrapped(ReportText.disputed(disputed)) }
    wrapped(
      "Coverage: period \(ReportText.share(report.coverage.period)) · to date \(ReportText.share(report.coverage.toDate))"
    )
    wrapped(
      "Columns: rated = the day the status speaks for; period and to date = declaratory/material/contradicting tags; last = latest supporting evidence; idle = days since; pend = events with pending suggestions."
    )

    for priority in report.priorities {
      line()
      wrapped(
        style.apply(.bold, "\(priority.id)  \(priority.title)")
          + "  (period \(priority.coverage.period.covered)/\(priority.coverage.period.items), to date \(priority.coverage.toDate.covered)/\(priority.coverage.toDate.items))"
      )
      let rows = priority.items.map { item -> [String] in
        [
          item.id, item.status?.status.rawValue ?? "not rated", item.status?.asOf.description ?? "",
          ReportText.counts(item.evidencePeriod), ReportText.counts(item.evidenceToDate),
          item.lastEvidence?.description ?? "never", String(item.daysWithoutEvidence), String(item.pendingSuggestions),
          item.gaps.map(ReportText.gapShort).joined(separator: " "),
        ]
      }
      let columns = [
        TableColumn("item"), TableColumn("status"), TableColumn("rated"), TableColumn("period", alignment: .right),
        TableColumn("to date", alignment: .right), TableColumn("last"), TableColumn("idle", alignment: .right),
        TableColumn("pend", alignment: .right), TableColumn("gaps", flexible: true),
      ]
      out += TableRenderer.render(columns: columns, rows: rows, width: width)
      for item in priority.items {
        if let status = item.status, !status.note.isEmpty {
          wrapped("\(item.id) \(status.status.rawValue): \(status.note) (\(status.by))", indent: "  ")
        }
        for evidence in item.evidence.prefix(Self.evidenceShown) {
          var text =
            "\(item.id) \(evidence.dateLabel) \(evidence.event.prefix(8)) \(evidence.title) [\(ReportText.kind(evidence))]"
          if let note = evidence.note { text += " — \(note)" }
          wrapped(text, indent: "  ")
        }
        if item.evidence.count > Self.evidenceShown {
          line("  \(item.id): \(item.evidence.count - Self.evidenceShown) more pieces of evidence in the period")
        }
      }
    }

    line()
    line(style.apply(.bold, "Gaps"))
    for (label, items) in ReportText.gapLines(report) {
      wrapped("\(label): \(items.isEmpty ? "none" : items)", indent: "  ")
    }
    if let delta = report.delta {
      line()
      line(style.apply(.bold, "Changes since \(delta.previous)"))
      for (label, text) in ReportText.deltaLines(delta) { wrapped("\(label): \(text)", indent: "  ") }
    }
    for (title, list) in [
      ("Untagged events of the period", report.untagged),
      ("Events no quarter can hold (undated or dated too coarsely)", report.unplaced),
    ] {
      line()
      line(style.apply(.bold, "\(title) (\(list.total))"))
      for event in list.events.prefix(20) {
        let review = event.review == "none" ? "" : " [\(event.review)]"
        wrapped("\(event.dateLabel) \(event.event.prefix(8)) \(event.title)\(review)", indent: "  ")
      }
      if list.total > min(20, list.events.count) { line("  … and \(list.total - min(20, list.events.count)) more") }
    }
    return out
  }
}

/// Wording shared by the text and Markdown renderers.
enum ReportText {
  /// What a report says about disputed pairs, in every format.
  static func disputed(_ count: Int) -> String {
    "\(count) event/item pair\(count == 1 ? " is" : "s are") disputed between analysts: counted as disputed, not as evidence, until resolved (`mandate review --conflicts`)"
  }

  static let disputedLabel = "disputed event/item pairs (not counted as evidence until resolved)"

  static func periodTitle(_ report: QuarterlyReport) -> String {
    if report.period.kind == "term" { return "the whole term (\(report.period.start) to \(report.period.end))" }
    return "\(report.period.label) (\(report.period.start) to \(report.period.end))"
  }

  static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

  static func share(_ share: QuarterlyReport.Share) -> String {
    "\(share.covered)/\(share.items) items (\(percent(share.share)), weighted \(percent(share.weightedShare)))"
  }

  static func counts(_ counts: QuarterlyReport.EvidenceCounts) -> String {
    "\(counts.declaratory)/\(counts.material)/\(counts.contradicting)"
  }

  static func kind(_ evidence: QuarterlyReport.Evidence) -> String {
    evidence.stance == .contradicts ? "\(evidence.strength.rawValue), contradicting" : evidence.strength.rawValue
  }

  static func gapShort(_ gap: QuarterlyReport.GapKind) -> String {
    switch gap {
    case .noNews: "no-news"
    case .onlyContradicting: "against"
    case .notReviewed: "unreviewed"
    case .reviewedNothingRelevant: "rejected"
    case .stale: "stale"
    case .pastDue: "past-due"
    }
  }

  static func gapLabel(_ gap: QuarterlyReport.GapKind) -> String {
    switch gap {
    case .noNews: "no news"
    case .onlyContradicting: "only evidence against"
    case .notReviewed: "not reviewed"
    case .reviewedNothingRelevant: "nothing relevant"
    case .stale: "stale"
    case .pastDue: "past due"
    }
  }

  static func gapLines(_ report: QuarterlyReport) -> [(String, String)] {
    let gaps = report.gaps
    return [
      ("no news found", gaps.noNews.joined(separator: ", ")),
      ("only evidence against", gaps.onlyContradicting.joined(separator: ", ")),
      ("news found, not reviewed", gaps.notReviewed.joined(separator: ", ")),
      ("reviewed, nothing relevant", gaps.reviewedNothingRelevant.joined(separator: ", ")),
      (
        "no evidence for more than \(report.settings.staleDays) days",
        gaps.stale.map { "\($0.item) (\($0.days) days)" }.joined(separator: ", ")
      ),
      (
        "past due",
        gaps.pastDue.map { "\($0.item) (due \($0.due), \($0.status?.rawValue ?? "not rated"))" }.joined(separator: ", ")
      ),
    ]
  }

  static func deltaLines(_ delta: QuarterlyReport.Delta) -> [(String, String)] {
    func list(_ items: [String]) -> String { items.isEmpty ? "none" : items.joined(separator: ", ") }
    return [
      (
        "new evidence",
        delta.newEvidence.isEmpty
          ? "none" : delta.newEvidence.map { "\($0.item) (\($0.count))" }.joined(separator: ", ")
      ),
      (
        "status changes",
        delta.statusChanges.isEmpty
          ? "none"
          : delta.statusChanges.map { "\($0.item) \($0.from?.rawValue ?? "not rated") → \($0.to.rawValue)" }.joined(
            separator: ", ")
      ),
      ("covered now, not in \(delta.previous)", list(delta.newlyCovered)),
      ("covered in \(delta.previous), not now", list(delta.newlyUncovered)),
    ]
  }
}
