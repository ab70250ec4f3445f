import Foundation
import Mustache

/// One self-contained HTML page per report: inline CSS, an inline SVG chart, no scripts, and
/// every piece of text escaped by the template engine.
///
/// The report is first turned into an `HTMLReportView` of pre-formatted strings and drawing
/// coordinates; the Mustache templates in `HTMLReportTemplate` only lay it out. The output has
/// no timestamp: the same report always gives the same bytes.
public struct HTMLReportRenderer: ReportRenderer {
  public var format: ReportFormat { .html }

  public init() {}

  public func render(_ report: QuarterlyReport, context: RenderContext) throws -> String {
    let library = try HTMLReportTemplate.library.get()
    guard let page = library.render(HTMLReportView(report), withTemplate: "page") else {
      throw HTMLReportError.missingTemplate("page")
    }
    return page
  }
}

/// Failures of the HTML renderer; they mean a defect in the shipped templates, not in user data.
public enum HTMLReportError: LocalizedError, Equatable {
  case missingTemplate(String)

  public var errorDescription: String? {
    switch self {
    case .missingTemplate(let name): "The HTML report template “\(name)” is missing."
    }
  }
}
