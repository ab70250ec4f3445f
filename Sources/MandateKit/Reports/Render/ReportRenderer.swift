import Foundation

/// The formats `mandate report` writes.
public enum ReportFormat: String, CaseIterable, Sendable {
  case text, markdown, html, json, csv

  /// The file extension for `--output` files.
  public var fileExtension: String {
    switch self {
    case .text: "txt"
    case .markdown: "md"
    case .html: "html"
    case .json: "json"
    case .csv: "csv"
    }
  }
}

/// What a renderer may adapt to: only the text renderer uses it (terminal width and colour).
public struct RenderContext: Sendable {
  public var width: Int
  public var style: TerminalStyle

  public init(width: Int = 100, style: TerminalStyle = .plain) {
    self.width = width
    self.style = style
  }
}

/// Turns a computed report into one format; renderers only format.
public protocol ReportRenderer: Sendable {
  var format: ReportFormat { get }
  func render(_ report: QuarterlyReport, context: RenderContext) throws -> String
}

/// The registry of report renderers, by format.
public enum ReportRenderers {
  public static let all: [any ReportRenderer] = [
    TextReportRenderer(), MarkdownReportRenderer(), HTMLReportRenderer(), JSONReportRenderer(), CSVReportRenderer(),
  ]

  public static func renderer(for format: ReportFormat) throws(ReportError) -> any ReportRenderer {
    guard let renderer = all.first(where: { $0.format == format }) else { throw .noRenderer(format.rawValue) }
    return renderer
  }
}

/// The report's `Codable` form with sorted, snake_case keys; documented in `docs/report-json.md`.
public struct JSONReportRenderer: ReportRenderer {
  public var format: ReportFormat { .json }

  public init() {}

  public func render(_ report: QuarterlyReport, context: RenderContext) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
  }

  /// Reads a report written by this renderer.
  public static func decode(_ text: String) throws -> QuarterlyReport {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return try decoder.decode(QuarterlyReport.self, from: Data(text.utf8))
  }
}
