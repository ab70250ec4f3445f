import Foundation

/// The formats `mandate report` writes.
public enum ReportFormat: String, CaseIterable, Sendable {
  case text, markdown, html, json, csv

  /// The format a file extension names: `.txt`, `.md`, `.html`, `.json`, `.csv` and a few
  /// common spellings (`.text`, `.markdown`, `.htm`); nil for any other.
  public init?(fileExtension: String) {
    switch fileExtension.lowercased() {
    case "txt", "text": self = .text
    case "md", "markdown": self = .markdown
    case "html", "htm": self = .html
    case "json": self = .json
    case "csv": self = .csv
    default: return nil
    }
  }

  /// The format of a report written to `output`: `explicit` when given (it must agree with the
  /// file's extension), else the extension's; text for the terminal and for folders.
  public static func resolve(explicit: ReportFormat?, output: String?, isFolder: Bool = false) throws(ReportOutputError)
    -> ReportFormat
  {
    guard let output, !isFolder, !output.hasSuffix("/") else { return explicit ?? .text }
    let name = output.split(separator: "/").last.map(String.init) ?? output
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return explicit ?? .text }
    let ext = String(name[name.index(after: dot)...])
    let named = ReportFormat(fileExtension: ext)
    switch (explicit, named) {
    case (let explicit?, let named?) where explicit != named:
      throw .formatContradictsOutput(format: explicit.rawValue, output: output, named: named.rawValue)
    case (let explicit?, _): return explicit
    case (nil, let named?): return named
    case (nil, nil): throw .unknownExtension(output: output, ext: ext)
    }
  }

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
