import Foundation

/// Writes reports to files: one report, or every quarter of the term up to the as-of day plus
/// the term (`--all`), as `DIR/<mandate>/<slug>.<ext>`.
public struct ReportWriter {
  public let builder: ReportBuilder

  public init(builder: ReportBuilder) { self.builder = builder }

  /// The formats `--all` writes for each quarter, and for the term.
  public static let quarterFormats: [ReportFormat] = [.markdown, .html, .json]
  public static let termFormats: [ReportFormat] = [.markdown, .html]

  /// Every quarter that has begun by the as-of day, each as of its own end (or the as-of day),
  /// and the whole term; returns the files written, relative to `directory`.
  public func writeAll(
    to directory: URL, asOf: Day?, recordedBy: Date?, staleDays: Int, today: Day
  ) throws -> [String] {
    let mandate = builder.mandate
    let lastDay = asOf ?? min(today, mandate.term.end)
    var written: [String] = []
    let folder = directory.appendingPathComponent(mandate.id, isDirectory: true)
    for quarter in builder.quarters.quarters where quarter.range.start <= lastDay {
      let report = try builder.build(
        ReportOptions(
          scope: .quarter(quarter), asOf: min(quarter.range.end, lastDay), recordedBy: recordedBy, staleDays: staleDays,
          today: today))
      written += try write(report, formats: Self.quarterFormats, to: folder, name: quarter.slug)
    }
    let term = try builder.build(
      ReportOptions(scope: .term, asOf: lastDay, recordedBy: recordedBy, staleDays: staleDays, today: today))
    written += try write(term, formats: Self.termFormats, to: folder, name: "term")
    return written.map { "\(mandate.id)/\($0)" }
  }

  func write(_ report: QuarterlyReport, formats: [ReportFormat], to folder: URL, name: String) throws -> [String] {
    try formats.map { format in
      let file = "\(name).\(format.fileExtension)"
      let text = try ReportRenderers.renderer(for: format).render(report, context: RenderContext())
      try AtomicFile.write(Data(text.utf8), to: folder.appendingPathComponent(file))
      return file
    }
  }
}

/// Failures of `mandate report`.
public enum ReportError: MandateError, Equatable {
  case noRenderer(String)
  case unknownQuarter(String, available: [String])
  case outsideTerm(String)

  public var errorDescription: String? {
    switch self {
    case .noRenderer(let format): return "no renderer for \(format)"
    case .unknownQuarter(let text, let available):
      return "no quarter `\(text)` in the term (quarters: \(available.joined(separator: ", ")))"
    case .outsideTerm(let text): return text
    }
  }
}
