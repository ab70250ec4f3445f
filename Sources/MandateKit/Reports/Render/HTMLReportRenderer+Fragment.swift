extension HTMLReportRenderer {
  /// The report's stylesheet, for pages that show a report inside their own layout (the web
  /// workspace serves it as a file).
  public static var stylesheet: String { HTMLReportTemplate.style }

  /// The report as the inside of a page's `<body>`: the same markup as `render` gives, without
  /// the document around it, for a page that has its own head and navigation.
  public func renderFragment(_ report: QuarterlyReport) throws -> String {
    let page = try render(report, context: RenderContext())
    // News text is escaped, so these tags occur once, where the template writes them.
    guard let open = page.range(of: "<body>\n"), let close = page.range(of: "</body>", options: .backwards) else {
      return page
    }
    return String(page[open.upperBound..<close.lowerBound])
  }
}
