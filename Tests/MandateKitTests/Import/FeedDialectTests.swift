import Foundation
import Testing

@testable import MandateKit

private func dialectFixture(_ name: String) throws -> ParsedFeed {
  try FeedParser.parse(Data(contentsOf: TestPaths.fixture("feeds/dialects/\(name)")))
}

private func day(_ text: String) -> Day { Day(iso: text)! }

@Suite("Feeds: every dialect")
struct FeedDialectTests {
  @Test func rss090() throws {
    let feed = try dialectFixture("rss-090.xml")
    #expect(feed.dialect == .rss090 && feed.kind == .rss)
    #expect(
      feed.entries.map { "\($0.title ?? "")|\($0.url ?? "")" } == [
        "Ministers of defence met in Minsk|https://csto.example.org/news/defence-ministers/",
        // Relative to the channel's link; the image's title and link are no entry.
        "Border guards held consultations|https://csto.example.org/news/border-guards/",
      ])
  }

  /// Netscape's DTD declares the Latin-1 entities, and 0.91 feeds use them bare; the file is ISO-8859-1.
  @Test func rss091() throws {
    let feed = try dialectFixture("rss-091.xml")
    #expect(feed.dialect == .rss091)
    #expect(
      feed.entries.map(\.title) == [
        "R\u{E9}union des ministres \u{E0} Minsk", "Exercice conjoint \u{AB}Interaction\u{BB}",
      ])
    #expect(
      feed.entries.first?.body
        == "Les ministres se sont r\u{E9}unis le 10 avril 2024. Le \u{E9} reste \u{E9}crit.")
    #expect(feed.entries.last?.body == "Un caf\u{E9} pour les observateurs \u{A9} CSTO.")
    #expect(feed.entries.allSatisfy { $0.language == "fr" })
    #expect(feed.entries.first?.url == "https://csto.example.org/news/reunion/")
  }

  @Test func rss092() throws {
    let feed = try dialectFixture("rss-092.xml")
    #expect(feed.dialect == .rss092)
    #expect(feed.entries.count == 2)
    #expect(feed.entries.first?.title == nil)
    #expect(
      feed.entries.first?.body
        == "An item of 0.92 may have only a description: the Collective Security Council met on 10 April 2024.")
    #expect(feed.entries.last?.url == "https://csto.example.org/news/peacekeepers/")
  }

  @Test func rss20WithDublinCoreAndContentEncoded() throws {
    let feed = try dialectFixture("rss-20-dublin-core.xml")
    #expect(feed.dialect == .rss20)
    let entries = feed.entries
    #expect(entries.count == 3)
    #expect(entries[0].title == "Council of Foreign Ministers met in Almaty")
    #expect(entries[0].body == "The ministers discussed the situation on the external borders.")
    #expect(entries[0].published == day("2024-05-14"))
    #expect(entries[0].author == "Press service of the CSTO Secretariat")
    #expect(
      entries[1].body
        == "The Secretary General received the Ambassador of the Republic of Kazakhstan.\n\nThey discussed the "
        + "chairmanship events planned for June.")
    #expect(entries[1].published == day("2024-05-20"))
    #expect(entries[1].author == "press@csto.example.org (Press service)")
    #expect(entries[1].url == "https://csto.example.org/news/ambassador/")
    #expect(entries[2].title == "A title of its own wins over dc:title")
    #expect(entries[2].published == day("2024-05-21"))
  }

  @Test func rss10() throws {
    let feed = try dialectFixture("rss-10.xml")
    #expect(feed.dialect == .rss10)
    let entry = try #require(feed.entries.first)
    #expect(entry.url == "https://csto.example.org/news/joint-staff/")
    #expect(entry.body == "The Joint Staff completed the planning stage of the joint exercise.")
    #expect(entry.published == day("2024-05-01"))
    #expect(entry.publishedPrecision == .month)
    #expect(entry.author == "Joint Staff")
  }

  @Test func atom03() throws {
    let feed = try dialectFixture("atom-03.xml")
    #expect(feed.dialect == .atom03 && feed.kind == .atom)
    let entries = feed.entries
    #expect(entries.count == 4)
    #expect(
      entries[0].body
        == "The Committee of Secretaries of Security Councils met in Astana.\n\nIt discussed information security.")
    #expect(entries[0].published == day("2024-05-27"))
    #expect(entries[0].author == "Press service")
    #expect(entries[0].language == "en")
    #expect(entries[0].guid == "tag:csto.example.org,2024:committee")
    // Escaped HTML in the title; base64 content; a relative link resolved against the feed's link.
    #expect(entries[1].title == "The Council approved the plan")
    #expect(entries[1].body == "The Council approved the plan of joint exercises.\n\nThe next session is in November.")
    #expect(entries[1].url == "https://csto.example.org/news/council-plan/")
    #expect(entries[1].published == day("2024-05-25"))
    // Inline XHTML content wins over the summary.
    #expect(entries[2].body == "The ministers met in Minsk.\n\nThey signed a protocol.")
    #expect(entries[2].published == day("2024-05-20"))
    // An image in base64 is no text: only the title remains, dated by `modified`.
    #expect(entries[3].body == "" && entries[3].title == "A photo only")
    #expect(entries[3].published == day("2024-05-19"))
  }

  @Test func atom03WithoutItsNamespace() throws {
    let feed = try dialectFixture("atom-03-no-namespace.xml")
    #expect(feed.dialect == .atom03)
    #expect(feed.entries.map(\.title) == ["Exercise held near Aktau"])
    #expect(feed.entries.first?.body == "From 20 to 24 May 2024 the forces trained near Aktau.")
    #expect(feed.entries.first?.published == day("2024-05-24"))
    #expect(
      try FeedParser.kind(of: Data(contentsOf: TestPaths.fixture("feeds/dialects/atom-03-no-namespace.xml"))) == .atom)
  }

  @Test func atom10TextTypesAndXMLBase() throws {
    let feed = try dialectFixture("atom-10-text-types.xml")
    #expect(feed.dialect == .atom10)
    let entries = feed.entries
    #expect(entries.count == 3)
    #expect(entries[0].title == "Secretaries met & agreed")
    #expect(entries[0].body == "The secretaries met & agreed.\n\nNext: autumn.")
    #expect(entries[0].url == "https://csto.example.org/news/committee/")
    #expect(entries[0].author == "Press service")
    #expect(entries[1].title == "Plain <title> kept as text")
    #expect(entries[1].url == "https://csto.example.org/archive/2024/item.html")
    #expect(entries[1].body == "Line one.\n\nLine two.")
    #expect(entries[1].published == day("2024-05-27"))
    // Out-of-line content is never fetched; `updated` of month precision dates it.
    #expect(entries[2].body == "")
    #expect(entries[2].published == day("2024-05-01") && entries[2].publishedPrecision == .month)
  }

  @Test func guidPermalinksAndXMLBase() throws {
    let feed = try dialectFixture("guid-and-base.xml")
    #expect(
      feed.entries.map(\.url) == [
        "https://csto.example.org/news/permalink/", nil, nil, nil,
        "https://csto.example.org/news/relative-link/",
      ])
  }

  @Test func itemsWithNeitherTitleNorTextAreSkippedWithTheirLines() throws {
    let feed = try dialectFixture("empty-items.xml")
    #expect(feed.entries.map(\.title) == ["Kept"])
    #expect(feed.skipped == [8, 12])
  }

  @Test func datesAsFeedsWriteThem() throws {
    let feed = try dialectFixture("dates.xml")
    let dates = Dictionary(uniqueKeysWithValues: feed.entries.map { ($0.title!, $0) })
    for (name, entry) in dates where !["W3C-DTF month", "W3C-DTF year", "impossible day", "words"].contains(name) {
      #expect(entry.published == day("2024-04-10"), "\(name)")
      #expect(entry.publishedPrecision == .day, "\(name)")
    }
    #expect(dates["W3C-DTF month"]?.published == day("2024-04-01"))
    #expect(dates["W3C-DTF month"]?.publishedPrecision == .month)
    #expect(dates["W3C-DTF year"]?.published == day("2024-01-01"))
    #expect(dates["W3C-DTF year"]?.publishedPrecision == .year)
    #expect(dates["impossible day"]?.published == nil)
    #expect(dates["words"]?.published == nil)
    #expect(dates.count == 19)
  }
}

@Suite("Feeds: every dialect imported")
struct FeedDialectImportTests {
  @Test(arguments: [
    ("rss-090.xml", ImportFormat.rss, 2), ("rss-091.xml", .rss, 2), ("rss-092.xml", .rss, 2),
    ("rss-20-dublin-core.xml", .rss, 3), ("rss-10.xml", .rss, 1), ("atom-03.xml", .atom, 4),
    ("atom-03-no-namespace.xml", .atom, 1), ("atom-10-text-types.xml", .atom, 3),
  ])
  func everyDialectIsDetectedAndImported(_ name: String, _ format: ImportFormat, _ events: Int) throws {
    let url = TestPaths.fixture("feeds/dialects/\(name)")
    #expect(try NewsReaders.detect(url) == format)
    let scratch = try ScratchWorkspace()
    let report = try scratch.importFiles([url])
    #expect(report.rejected.isEmpty)
    #expect(report.newEvents == events)
  }

  @Test func anItemWithNothingInItIsSkippedWithAWarning() throws {
    let scratch = try ScratchWorkspace()
    let report = try scratch.importFiles([TestPaths.fixture("feeds/dialects/empty-items.xml")])
    #expect(report.newEvents == 1)
    #expect(report.rejected.isEmpty)
    #expect(
      report.warnings.map { "\($0.line): \($0.message)" } == [
        "8: item skipped: it has neither a title nor text", "12: item skipped: it has neither a title nor text",
      ])
  }

  /// The month a W3C-DTF date gives is the event's month, until the text names the day.
  @Test func aMonthDatedEntryIsAMonthEvent() throws {
    let scratch = try ScratchWorkspace()
    try scratch.importFiles([TestPaths.fixture("feeds/dialects/rss-10.xml")])
    let event = try #require(try scratch.index().events(EventQuery()).first)
    #expect(event.date == day("2024-05-01"))
    #expect(event.datePrecision == .month)
    #expect(event.sources.first?.url == "https://csto.example.org/news/joint-staff/")
  }
}
