import Foundation
import Testing

@testable import MandateKit

@Suite struct HTMLReportRendererTests {
  static func render(_ report: QuarterlyReport) throws -> String {
    try HTMLReportRenderer().render(report, context: RenderContext())
  }

  /// Evidence entries answer Mustache by name without `Mirror`: every stored field must be reachable.
  @Test func evidenceViewExposesEveryField() {
    let evidence = HTMLReportView.Evidence(
      event: "e1", dateLabel: "2024-04-08", title: "T", hasLink: true, href: "https://x", source: "s",
      strength: "material", stance: "supports", contradicts: false, hasNote: true, note: "n", by: "a")
    let fields = Mirror(reflecting: evidence).children.compactMap { child in child.label.map { ($0, child.value) } }
    #expect(fields.count == 14)
    for (label, value) in fields {
      #expect(
        evidence.child(named: label).map { String(describing: $0) } == String(describing: value),
        "field \(label)")
    }
    #expect(evidence.child(named: "missing") == nil)
  }

  @Test func seedQuarterMatchesGolden() throws {
    let seed = try SeedReport()
    try seed.recordDecisions()
    let report = try seed.report()
    let html = try Self.render(report)
    assertGolden(html, "reports/kz-csto-2024-2024-Q2.html")
    // No clock, no ordering by hash: the same report gives the same bytes.
    #expect(try Self.render(report) == html)
  }

  @Test func registryHasTheHTMLRenderer() throws {
    #expect(try ReportRenderers.renderer(for: .html) is HTMLReportRenderer)
  }

  @Test func newsTextIsEscapedAndOnlyWebURLsBecomeLinks() throws {
    let seed = try SeedReport()
    let csv = try seed.scratch.folder.file(
      "hostile.csv",
      """
      date,title,body,url,source
      2024-05-02,<script>alert(1)</script>,"The CSTO Secretariat held talks on Afghanistan.",javascript:alert(1),evil
      2024-05-03,"Quotes 'and' ""more"\"",Border guards of the member states met to discuss drills.,"https://example.org/n?id=1&q=""><b>",web

      """)
    #expect(try seed.scratch.importFiles([csv]).rejected.isEmpty)
    let events = try seed.scratch.index().events(
      EventQuery(range: DayRange(start: Day(iso: "2024-05-02")!, end: Day(iso: "2024-05-03")!)))
    #expect(events.count == 2)
    for event in events {
      _ = try seed.desk.tag(
        event: event.id, items: ["P1.1"], strength: .declaratory, stance: .supports,
        note: "<script>alert(1)</script>", by: "O'Brien & <i>co</i>")
    }
    var report = try seed.report()
    report.mandate.title = "Mandate <img src=x onerror=alert(1)>"
    report.priorities[0].title = "Priority \"one\" & <u>two</u>"
    report.priorities[0].items[0].id = "P1.1\"><script>"
    let html = try Self.render(report)

    #expect(!html.contains("<script"))
    #expect(!html.contains("<img"))
    #expect(!html.contains("<i>"))
    #expect(!html.contains("<u>"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(html.contains("<h1>Mandate &lt;img src=x onerror=alert(1)&gt;</h1>"))
    #expect(html.contains("Priority &quot;one&quot; &amp; &lt;u&gt;two&lt;/u&gt;"))
    #expect(html.contains("by O&#39;Brien &amp; &lt;i&gt;co&lt;/i&gt;"))
    #expect(html.contains("Quotes &#39;and&#39; &quot;more&quot;"))
    // The `javascript:` URL stays text; the web URL is a link, escaped inside its attribute.
    #expect(!html.lowercased().contains("href=\"javascript"))
    #expect(html.contains("Source: <span class=\"source\">javascript:alert(1)</span>"))
    #expect(html.contains("<a href=\"https://example.org/n?id=1&amp;q=&quot;&gt;&lt;b&gt;\" rel=\"noopener\">"))
    // An id lands in attributes (anchors) too: it is reduced to safe characters there.
    #expect(html.contains("<tr id=\"item-P1.1---script-\">"))
  }

  @Test func pageLoadsNothingAndRunsNothing() throws {
    let seed = try SeedReport()
    try seed.recordDecisions()
    let html = try Self.render(try seed.report())
    let lower = html.lowercased()
    #expect(lower.hasPrefix("<!doctype html>\n<html lang=\"en\">"))
    #expect(lower.contains("<meta charset=\"utf-8\">"))
    #expect(!lower.contains("<script"))
    #expect(!lower.contains("<link"))
    #expect(!lower.contains("<img"))
    #expect(!lower.contains("<iframe"))
    #expect(!lower.contains("src="))
    #expect(!lower.contains("@import"))
    #expect(!lower.contains("url("))
    #expect(lower.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) == nil)
    #expect(lower.components(separatedBy: "<style>").count == 2)
    #expect(lower.contains("@media print"))
    // The seed's sources are files: their evidence has no link, only the path as text.
    #expect(!lower.contains("href=\"http"))
  }

  @Test func sharesAreRoundedAsPeopleRound() {
    #expect(HTMLReportView.percent(0.3125) == "31%")
    #expect(HTMLReportView.percent(0.125) == "13%")
    #expect(HTMLReportView.percent(0.1875) == "19%")
    #expect(HTMLReportView.percent(1) == "100%")
    #expect(HTMLReportView.percent(0) == "0%")
    #expect(HTMLReportView.percent(-0.00001) == "0%")
    #expect(HTMLReportView.percent(.nan) == "0%")
    #expect(HTMLReportView.width(1.7) == "100")
    #expect(HTMLReportView.number(0.2) == "0.2")
    #expect(HTMLReportView.number(-0.001) == "0")
  }

  @Test func onlyHTTPAndHTTPSURLsAreLinks() {
    #expect(HTMLReportView.webURL("https://example.org/a") == "https://example.org/a")
    #expect(HTMLReportView.webURL("HTTP://example.org/") == "HTTP://example.org/")
    #expect(HTMLReportView.webURL("javascript:alert(1)") == nil)
    #expect(HTMLReportView.webURL(" https://example.org/") == nil)
    #expect(HTMLReportView.webURL("https://exa\tmple.org/") == nil)
    #expect(HTMLReportView.webURL("data:text/html,<b>") == nil)
    #expect(HTMLReportView.webURL("Samples/csto-pages/001.txt:3") == nil)
  }
}
