import Foundation

/// The report for a terminal: the summary first (coverage, evidence, status, what needs
/// attention), then aligned tables per priority fitted to the width, colour only when the
/// context allows it.
public struct TextReportRenderer: ReportRenderer {
  public var format: ReportFormat { .text }

  /// Evidence entries shown per item; the rest are counted.
  static let evidenceShown = 10
  /// The width of the summary's headings ("Attention  ").
  static let headingWidth = 11

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
    let isTerm = report.period.kind == "term"

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
    line(style.apply(.bold, "Summary"))
    out += summary(ReportSummary(report), width: width)

    line()
    line(style.apply(.bold, "Priorities and items"))
    wrapped(
      isTerm
        ? "Columns: tags = \(ReportWording.evidenceKinds) tags in the term; last = latest supporting evidence; idle = days since; pend = events with pending suggestions."
        : "Columns: period and to date = \(ReportWording.evidenceKinds) tags; last = latest supporting evidence; idle = days since; pend = events with pending suggestions."
    )
    for priority in report.priorities {
      line()
      let coverage =
        isTerm
        ? "\(priority.coverage.period.covered) of \(priority.coverage.period.items) covered"
        : "\(priority.coverage.period.covered) of \(priority.coverage.period.items) covered in the period, \(priority.coverage.toDate.covered) to date"
      wrapped(style.apply(.bold, "\(priority.id) \(priority.title)") + " (\(coverage))")
      out += TableRenderer.render(
        columns: Self.columns(isTerm), rows: priority.items.map { Self.row($0, isTerm) }, width: width)
      for item in priority.items {
        if let status = item.status, !status.note.isEmpty {
          wrapped(
            "\(item.id) \(ReportWording.status(status.status)) as of \(status.asOf): \(status.note) (\(status.by))",
            indent: "  ")
        }
        for evidence in item.evidence.prefix(Self.evidenceShown) {
          var text =
            "\(item.id) \(evidence.dateLabel) \(evidence.event.prefix(8)) \(evidence.title) [\(ReportText.kind(evidence))]"
          if let note = evidence.note { text += " — \(note)" }
          if let other = evidence.alsoReported { text += " (also reported as \(other.prefix(8)), counted once)" }
          wrapped(text, indent: "  ")
        }
        if item.evidence.count > Self.evidenceShown {
          line("  \(item.id): \(item.evidence.count - Self.evidenceShown) more pieces of evidence in the period")
        }
      }
    }

    for (title, list) in [(ReportWording.untagged, report.untagged), (ReportWording.unplaced, report.unplaced)] {
      line()
      line(style.apply(.bold, "\(title) (\(list.total))"))
      for event in list.events.prefix(20) {
        let review = event.review == "none" ? "" : " [\(ReportWording.review(event.review))]"
        wrapped("\(event.dateLabel) \(event.event.prefix(8)) \(event.title)\(review)", indent: "  ")
      }
      if list.total > min(20, list.events.count) { line("  … and \(list.total - min(20, list.events.count)) more") }
    }
    return out
  }

  /// The summary as headed paragraphs: "Coverage   3 of 16 items …".
  func summary(_ summary: ReportSummary, width: Int) -> String {
    var out = ""
    let indent = String(repeating: " ", count: Self.headingWidth + 2)
    func paragraph(_ heading: String, _ texts: [String]) {
      for (index, text) in texts.filter({ !$0.isEmpty }).enumerated() {
        let first =
          index == 0 ? "  " + heading.padding(toLength: Self.headingWidth, withPad: " ", startingAt: 0) : indent
        out += TextWrap.block(text, width: width, firstPrefix: first, indent: indent + "  ") + "\n"
      }
    }
    func list(_ entries: [ReportSummary.Entry]) -> String { entries.map(\.text).joined(separator: ", ") }
    paragraph("Coverage", [summary.coverage, summary.coverageToDate])
    paragraph(
      "Evidence",
      [
        summary.evidence, list(summary.evidenceEntries),
        summary.newlyCovered.isEmpty ? "" : "newly covered: " + list(summary.newlyCovered),
        summary.newlyUncovered.isEmpty ? "" : "no longer covered: " + list(summary.newlyUncovered),
      ])
    paragraph("Status", [summary.status] + summary.statusGroups.map { "\($0.change): " + list($0.entries) })
    paragraph(
      "Attention",
      summary.attention.isEmpty
        ? ["Nothing: every item has supporting evidence in the period, none is stale or past due."]
        : summary.attention.map { "\($0.title) (\($0.entries.count)): " + list($0.entries) })
    paragraph("Events", [summary.events])
    return out
  }

  static func columns(_ isTerm: Bool) -> [TableColumn] {
    let counts =
      isTerm
      ? [TableColumn("tags", alignment: .right)]
      : [TableColumn("period", alignment: .right), TableColumn("to date", alignment: .right)]
    return [TableColumn("item", flexible: true), TableColumn("status")] + counts + [
      TableColumn("last"), TableColumn("idle", alignment: .right), TableColumn("pend", alignment: .right),
      TableColumn("gaps", flexible: true),
    ]
  }

  static func row(_ item: QuarterlyReport.ItemReport, _ isTerm: Bool) -> [String] {
    let counts =
      isTerm
      ? [ReportText.counts(item.evidencePeriod)]
      : [ReportText.counts(item.evidencePeriod), ReportText.counts(item.evidenceToDate)]
    return [ReportWording.item(item), ReportWording.status(item.status?.status)] + counts + [
      item.lastEvidence?.description ?? "never", String(item.daysWithoutEvidence), String(item.pendingSuggestions),
      item.gaps.map(ReportWording.gap).joined(separator: ", "),
    ]
  }
}

/// Wording shared by the text and Markdown renderers.
enum ReportText {

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
}
