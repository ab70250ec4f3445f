extension HTMLReportRenderer {
  /// The report's stylesheet, for pages that show a report inside their own layout (the web
  /// workspace serves it as a file).
  public static var stylesheet: String { HTMLReportTemplate.style }

  /// The report's partial templates that other pages draw the same things with: `bar` (a share
  /// as a labelled bar; its view has `label`, `percent`, `width` and `detail`).
  public static var partials: [String: String] { ["bar": HTMLReportTemplate.bar] }

  /// A share (0…1) as the report writes it: `17.6%`.
  public static func percent(_ share: Double) -> String { HTMLReportView.percent(share) }

  /// A share as the CSS width of a bar, kept within 0…100.
  public static func width(_ share: Double) -> String { HTMLReportView.width(share) }

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
