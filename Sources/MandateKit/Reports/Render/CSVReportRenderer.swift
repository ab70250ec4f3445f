import CSV
import Foundation

/// The report as CSV: one row per sub-item, for spreadsheets. Cells beginning with `=`, `+`,
/// `-` or `@` (and tab or carriage return) are prefixed with a quote, so that a spreadsheet shows
/// them as text instead of running them as formulas.
public struct CSVReportRenderer: ReportRenderer {
  public var format: ReportFormat { .csv }

  public static let header = [
    "mandate", "period", "period_start", "period_end", "as_of", "priority", "item", "text", "weight", "due", "status",
    "status_as_of", "status_note", "evidence_declaratory", "evidence_material", "evidence_contradicting",
    "evidence_to_date", "last_evidence", "days_without_evidence", "pending_suggestions", "rejected_in_period",
    "covered_in_period", "covered_to_date", "gaps", "disputed",
  ]

  public init() {}

  public func render(_ report: QuarterlyReport, context: RenderContext) throws -> String {
    let stream = OutputStream(toMemory: ())
    let writer = try CSVWriter(stream: stream)
    try writer.write(row: Self.header)
    for priority in report.priorities {
      for item in priority.items {
        let row: [String] = [
          report.mandate.id, report.period.label, report.period.start.description, report.period.end.description,
          report.asOf.description, priority.id, item.id, item.text, PrioritiesRenderer.formatNumber(item.weight),
          item.due?.description ?? "", item.status?.status.rawValue ?? "", item.status?.asOf.description ?? "",
          item.status?.note ?? "", String(item.evidencePeriod.declaratory), String(item.evidencePeriod.material),
          String(item.evidencePeriod.contradicting), String(item.evidenceToDate.total),
          item.lastEvidence?.description ?? "", String(item.daysWithoutEvidence), String(item.pendingSuggestions),
          String(item.rejectedInPeriod), item.evidencePeriod.supporting > 0 ? "yes" : "no",
          item.evidenceToDate.supporting > 0 ? "yes" : "no", item.gaps.map(\.rawValue).joined(separator: " "),
          String(item.disputed ?? 0),
        ]
        try writer.write(row: row.map(SpreadsheetSafety.neutralize))
      }
    }
    writer.stream.close()
    let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
    // CSV.swift separates rows but does not end the last one; files end with a newline.
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
