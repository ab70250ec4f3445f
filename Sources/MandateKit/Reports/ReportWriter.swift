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
  /// and the whole term; returns the files written, relative to `directory`. Every report is
  /// built and rendered before the first file is written, so a failure leaves the folder as it
  /// was; each file is replaced atomically.
  public func writeAll(
    to directory: URL, asOf: Day?, recordedBy: Date?, staleDays: Int, today: Day, generatedAt: Date? = nil
  ) throws -> [String] {
    let mandate = builder.mandate
    let lastDay = asOf ?? min(today, mandate.term.end)
    var files: [(name: String, text: String)] = []
    for quarter in builder.quarters.quarters where quarter.range.start <= lastDay {
      let report = try builder.build(
        ReportOptions(
          scope: .quarter(quarter), asOf: min(quarter.range.end, lastDay), recordedBy: recordedBy, staleDays: staleDays,
          today: today, generatedAt: generatedAt))
      files += try render(report, formats: Self.quarterFormats, name: quarter.slug)
    }
    let term = try builder.build(
      ReportOptions(
        scope: .term, asOf: lastDay, recordedBy: recordedBy, staleDays: staleDays, today: today,
        generatedAt: generatedAt))
    files += try render(term, formats: Self.termFormats, name: "term")
    let folder = directory.appendingPathComponent(mandate.id, isDirectory: true)
    for file in files {
      try AtomicFile.write(
        Data(TerminalSafety.neutralize(file.text).utf8), to: folder.appendingPathComponent(file.name))
    }
    return files.map { "\(mandate.id)/\($0.name)" }
  }

  func render(_ report: QuarterlyReport, formats: [ReportFormat], name: String) throws -> [(name: String, text: String)]
  {
    try formats.map { format in
      (
        "\(name).\(format.fileExtension)",
        try ReportRenderers.renderer(for: format).render(report, context: RenderContext())
      )
    }
  }
}

/// Failures of `mandate report`.
public enum ReportError: MandateError, Equatable {
  case noRenderer(String)
  case outsideTerm(String)

  public var errorDescription: String? {
    switch self {
    case .noRenderer(let format): return "no renderer for \(format)"
    case .outsideTerm(let text): return text
    }
  }
}

/// A `--format` and `--output` that do not say one format: usage errors.
public enum ReportOutputError: MandateUsageError, Equatable {
  case formatContradictsOutput(format: String, output: String, named: String)
  case unknownExtension(output: String, ext: String)

  public var errorDescription: String? {
    switch self {
    case .formatContradictsOutput(let format, let output, let named):
      return
        "--format \(format) contradicts --output \(output), whose extension means \(named); drop --format, or make them agree"
    case .unknownExtension(let output, let ext):
      return
        "cannot tell the format of --output \(output) from `.\(ext)`: name the file .txt, .md, .html, .json or .csv, or give --format"
    }
  }
}
