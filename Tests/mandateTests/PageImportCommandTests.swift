import Foundation
import Testing

/// `mandate import` of saved web pages, end to end on the built binary.
@Suite struct PageImportCommandTests {
  static let pages = "Tests/MandateKitTests/Fixtures/pages"

  @Test func anArticlePageBecomesOneEventAndShowSaysWhichDayAndWhy() throws {
    let workspace = try ScratchWorkspace(copying: ["Priorities", "\(Self.pages)/event-day-in-text.html"])
    let imported = try workspace.run("import", "\(Self.pages)/event-day-in-text.html")
    #expect(imported.status == 0)
    #expect(imported.stderr == "")
    #expect(
      imported.stdout
        == """
        read \(Self.pages)/event-day-in-text.html (html): 1 item
        1 item from 1 file: 1 new event, 0 merged into existing, 0 already recorded, 0 rejected
        wrote Events/2024-05.jsonl

        """)
    let events = try workspace.run("events", "--format", "json")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(events.stdout.utf8)) as? [[String: Any]])
    let event = try #require(json.first)
    #expect(event["title"] as? String == "Council of Foreign Ministers adopted statements")
    #expect(event["date"] as? String == "2024-05-23")
    let source = try #require((event["sources"] as? [[String: Any]])?.first)
    #expect(source["published"] as? String == "2024-05-24")
    #expect(source["url"] as? String == "https://steppe-herald.example/csto/ministers-adopted-statements")
    let shown = try workspace.run("show", try #require(event["id"] as? String))
    #expect(shown.status == 0)
    #expect(shown.stdout.contains("date: 2024-05-23 (day precision, stated in the text: \"On 23 May 2024\")\n"))
    #expect(shown.stdout.contains("language: en\n"))
    #expect(
      shown.stdout.contains(
        "  main   \(Self.pages)/event-day-in-text.html https://steppe-herald.example/csto/ministers-adopted-statements, published 2024-05-24, first seen "
      ))
  }

  @Test func aPageThatIsNotAnArticleIsReportedWithFileLineAndReason() throws {
    let workspace = try ScratchWorkspace(copying: ["Priorities", "\(Self.pages)/index-page.html"])
    let imported = try workspace.run("import", "\(Self.pages)/index-page.html")
    #expect(imported.status == 1)
    #expect(
      imported.stderr
        == "\(Self.pages)/index-page.html:10: rejected: not an article: a section index listing 5 articles (<article> elements)\n"
        + "error: 1 record rejected\n")
    #expect(imported.stdout.contains("read \(Self.pages)/index-page.html (html): 0 items, 1 rejected\n"))
    #expect(!FileManager.default.fileExists(atPath: workspace.url.appendingPathComponent("Events").path))
  }

  @Test func aCSTOPageSavedAsHTMLGivesItsTeasersAndArticle() throws {
    let workspace = try ScratchWorkspace(copying: ["Priorities", "\(Self.pages)/csto/news-page.html"])
    let imported = try workspace.run("import", "\(Self.pages)/csto/news-page.html")
    #expect(imported.status == 0)
    #expect(imported.stdout.hasPrefix("read \(Self.pages)/csto/news-page.html (html): 5 items\n"))
    #expect(imported.stdout.contains("5 items from 1 file: 5 new events"))
  }
}
