/// The report as Markdown for sharing: the summary first, then tables per priority, evidence
/// lists and the events left over. Every piece of news text is escaped (`Markdown.escape`), so
/// titles cannot inject markup.
public struct MarkdownReportRenderer: ReportRenderer {
  public var format: ReportFormat { .markdown }

  public init() {}

  public func render(_ report: QuarterlyReport, context: RenderContext) throws -> String {
    var out = ""
    func line(_ text: String = "") { out += text + "\n" }
    let e = Markdown.escape
    let isTerm = report.period.kind == "term"
    line("# \(e(report.mandate.title))")
    line()
    line(
      "**\(e(ReportText.periodTitle(report)))**, as of \(report.asOf)\(report.recordedBy.map { ", decisions recorded by \($0)" } ?? "")\(report.generatedAt.map { ", generated \($0)" } ?? "")"
    )
    line()
    line(
      "Mandate `\(report.mandate.id)` · \(e(report.mandate.holder)) · \(e(report.mandate.organisation)) · term \(report.mandate.termStart) to \(report.mandate.termEnd)"
    )

    let summary = ReportSummary(report)
    func list(_ entries: [ReportSummary.Entry]) -> String {
      entries.map { "**\($0.item)** \(e($0.label))" + ($0.detail.isEmpty ? "" : " (\(e($0.detail)))") }
        .joined(separator: ", ")
    }
    line()
    line("## Summary")
    line()
    line("- **Coverage:** \(summary.coverage)\(summary.coverageToDate.isEmpty ? "" : " \(summary.coverageToDate)")")
    line(
      "- **Evidence:** \(summary.evidence)\(summary.evidenceEntries.isEmpty ? "" : " \(list(summary.evidenceEntries))")"
    )
    if !summary.newlyCovered.isEmpty { line("  - Newly covered: \(list(summary.newlyCovered))") }
    if !summary.newlyUncovered.isEmpty { line("  - No longer covered: \(list(summary.newlyUncovered))") }
    line("- **Status:** \(summary.status)")
    for group in summary.statusGroups { line("  - \(group.change): \(list(group.entries))") }
    line("- **Events:** \(summary.events)")
    line()
    line("### Needs attention")
    line()
    if summary.attention.isEmpty {
      line("Nothing: every item has supporting evidence in the period, none is stale or past due.")
    }
    for attention in summary.attention {
      line("- **\(attention.title)** (\(attention.entries.count)): \(list(attention.entries))")
    }

    line()
    line("## Priorities and items")
    line()
    line(
      isTerm
        ? "D/M/C: \(ReportWording.evidenceKinds) tags in the term. Days without: days since the latest supporting evidence."
        : "D/M/C: \(ReportWording.evidenceKinds) tags. Days without: days since the latest supporting evidence."
    )
    for priority in report.priorities {
      line()
      line("### \(priority.id). \(e(priority.title))")
      line()
      line(
        isTerm
          ? "Coverage: \(ReportText.share(priority.coverage.period))."
          : "Coverage: period \(ReportText.share(priority.coverage.period)); to date \(ReportText.share(priority.coverage.toDate))."
      )
      line()
      if isTerm {
        line("| Item | Status | Tags D/M/C | Last evidence | Days without | Pending | Gaps |")
        line("|---|---|---:|---|---:|---:|---|")
      } else {
        line("| Item | Status | Period D/M/C | To date D/M/C | Last evidence | Days without | Pending | Gaps |")
        line("|---|---|---:|---:|---|---:|---:|---|")
      }
      for item in priority.items {
        let status =
          item.status.map { "\(ReportWording.status($0.status)) (as of \($0.asOf))" } ?? ReportWording.notAssessed
        let counts =
          isTerm
          ? ReportText.counts(item.evidencePeriod)
          : "\(ReportText.counts(item.evidencePeriod)) | \(ReportText.counts(item.evidenceToDate))"
        line(
          "| \(item.id) \(Markdown.escapeCell(item.label)) | \(status) | \(counts) | \(item.lastEvidence?.description ?? "never") | \(item.daysWithoutEvidence) | \(item.pendingSuggestions) | \(item.gaps.map(ReportWording.gap).joined(separator: ", ")) |"
        )
      }
      for item in priority.items {
        line()
        line("**\(item.id)** \(e(item.text))")
        if let status = item.status {
          line()
          line("> \(ReportWording.status(status.status)) as of \(status.asOf): \(e(status.note)) (\(e(status.by)))")
        }
        if !item.evidence.isEmpty {
          line()
          for evidence in item.evidence {
            let title = evidence.sourceURL.map { Markdown.link(evidence.title, url: $0) } ?? e(evidence.title)
            var entry = "- \(evidence.dateLabel) `\(evidence.event.prefix(8))` \(title) — \(ReportText.kind(evidence))"
            if let note = evidence.note { entry += ": \(e(note))" }
            if let other = evidence.alsoReported { entry += " (also reported as `\(other.prefix(8))`, counted once)" }
            if evidence.sourceURL == nil, !evidence.source.isEmpty {
              entry += " (source: `\(evidence.source.replacingOccurrences(of: "`", with: "'"))`)"
            }
            line(entry)
          }
        }
      }
    }

    for (title, list) in [(ReportWording.untagged, report.untagged), (ReportWording.unplaced, report.unplaced)] {
      line()
      line("## \(title) (\(list.total))")
      line()
      if list.events.isEmpty { line("None.") }
      for event in list.events {
        let review = event.review == "none" ? "" : " (\(ReportWording.review(event.review)))"
        line("- \(event.dateLabel) `\(event.event.prefix(8))` \(e(event.title))\(review)")
      }
      if list.total > list.events.count { line("- … and \(list.total - list.events.count) more") }
    }
    return out
  }
}
