/// The report as Markdown for sharing: tables per priority, evidence lists, gaps and changes.
/// Every piece of news text is escaped (`Markdown.escape`), so titles cannot inject markup.
public struct MarkdownReportRenderer: ReportRenderer {
  public var format: ReportFormat { .markdown }

  public init() {}

  public func render(_ report: QuarterlyReport, context: RenderContext) throws -> String {
    var out = ""
    func line(_ text: String = "") { out += text + "\n" }
    let e = Markdown.escape
    line("# \(e(report.mandate.title))")
    line()
    line(
      "**\(e(ReportText.periodTitle(report)))**, as of \(report.asOf)\(report.recordedBy.map { ", decisions recorded by \($0)" } ?? "")\(report.generatedAt.map { ", generated \($0)" } ?? "")"
    )
    line()
    line("| | |")
    line("|---|---|")
    line("| Mandate | `\(report.mandate.id)` |")
    line("| Holder | \(e(report.mandate.holder)) |")
    line("| Organisation | \(e(report.mandate.organisation)) |")
    line("| Term | \(report.mandate.termStart) to \(report.mandate.termEnd) |")
    line("| Events in the period | \(report.counts.eventsInPeriod) (\(report.counts.taggedEvents) tagged) |")
    line("| Pending suggestions | \(report.counts.pendingSuggestions) |")
    line("| Undated events in the record | \(report.counts.undated) |")
    line("| Events no quarter can hold | \(report.counts.unplaced) |")
    if let disputed = report.counts.disputed {
      line("| Disputed event/item pairs | \(disputed): \(ReportText.disputed(disputed)) |")
    }
    line("| Coverage in the period | \(ReportText.share(report.coverage.period)) |")
    line("| Coverage to date | \(ReportText.share(report.coverage.toDate)) |")

    for priority in report.priorities {
      line()
      line("## \(priority.id). \(e(priority.title))")
      line()
      line(
        "Coverage: period \(ReportText.share(priority.coverage.period)); to date \(ReportText.share(priority.coverage.toDate))."
      )
      line()
      line("| Item | Status | Period D/M/C | To date D/M/C | Last evidence | Days without | Pending | Gaps |")
      line("|---|---|---:|---:|---|---:|---:|---|")
      for item in priority.items {
        let status = item.status.map { "\($0.status.rawValue) (as of \($0.asOf))" } ?? "not rated"
        line(
          "| \(item.id) | \(status) | \(ReportText.counts(item.evidencePeriod)) | \(ReportText.counts(item.evidenceToDate)) | \(item.lastEvidence?.description ?? "never") | \(item.daysWithoutEvidence) | \(item.pendingSuggestions) | \(item.gaps.map(ReportText.gapLabel).joined(separator: ", ")) |"
        )
      }
      for item in priority.items {
        line()
        line("**\(item.id)** \(e(item.text))")
        if let status = item.status {
          line()
          line("> \(status.status.rawValue) as of \(status.asOf): \(e(status.note)) (\(e(status.by)))")
        }
        if !item.evidence.isEmpty {
          line()
          for evidence in item.evidence {
            let title = evidence.sourceURL.map { Markdown.link(evidence.title, url: $0) } ?? e(evidence.title)
            var entry = "- \(evidence.dateLabel) `\(evidence.event.prefix(8))` \(title) — \(ReportText.kind(evidence))"
            if let note = evidence.note { entry += ": \(e(note))" }
            if evidence.sourceURL == nil, !evidence.source.isEmpty {
              entry += " (source: `\(evidence.source.replacingOccurrences(of: "`", with: "'"))`)"
            }
            line(entry)
          }
        }
      }
    }

    line()
    line("## Gaps")
    line()
    for (label, items) in ReportText.gapLines(report) { line("- \(label): \(items.isEmpty ? "none" : items)") }
    if let delta = report.delta {
      line()
      line("## Changes since \(delta.previous)")
      line()
      for (label, text) in ReportText.deltaLines(delta) { line("- \(label): \(text)") }
    }
    for (title, list) in [
      ("Untagged events of the period", report.untagged), ("Events no quarter can hold", report.unplaced),
    ] {
      line()
      line("## \(title) (\(list.total))")
      line()
      if list.events.isEmpty { line("None.") }
      for event in list.events {
        let review = event.review == "none" ? "" : " (\(event.review))"
        line("- \(event.dateLabel) `\(event.event.prefix(8))` \(e(event.title))\(review)")
      }
      if list.total > list.events.count { line("- … and \(list.total - list.events.count) more") }
    }
    return out
  }
}
