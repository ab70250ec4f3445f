import Foundation
import Testing

@testable import MandateKit

/// Web pages through `mandate import`: one event per article, its publication day on the source, its
/// own day from the text when the text says when it happened, and rejections with file and line.
@Suite struct HTMLPageReaderTests {
  static func page(_ name: String) -> URL { TestPaths.fixture("pages/\(name)") }

  @Test func theTextGivesTheEventsDayAndThePageItsPublicationDay() throws {
    let scratch = try ScratchWorkspace()
    let report = try scratch.importFiles([Self.page("event-day-in-text.html")])
    #expect(report.files.map(\.format) == [.html])
    let event = try #require(try scratch.index().events(EventQuery()).first)
    #expect(event.title == "Council of Foreign Ministers adopted statements")
    #expect(event.date == Day(iso: "2024-05-23"))
    #expect(event.dateBasis == .text)
    #expect(event.dateEvidence == "On 23 May 2024")
    #expect(event.language == "en")
    let source = try #require(event.sources.first)
    #expect(source.role == .main)
    #expect(source.position == nil)
    #expect(source.url == "https://steppe-herald.example/csto/ministers-adopted-statements")
    #expect(source.published == Day(iso: "2024-05-24"))
    let shown = try EventRenderer.detail(event, format: .text, width: 100, style: .plain)
    #expect(shown.contains("date: 2024-05-23 (day precision, stated in the text: \"On 23 May 2024\")\n"))
    #expect(shown.contains(" https://steppe-herald.example/csto/ministers-adopted-statements, published 2024-05-24, "))
  }

  @Test func withoutADayInTheTextTheEventTakesThePublicationDay() throws {
    let scratch = try ScratchWorkspace()
    try scratch.importFiles([Self.page("cookie-banner.html")])
    let event = try #require(try scratch.index().events(EventQuery()).first)
    #expect(event.date == Day(iso: "2024-06-21"))
    #expect(event.dateBasis == .published)
    #expect(event.text == HTMLPageTests.almaty.joined(separator: "\n\n"))
    let shown = try EventRenderer.detail(event, format: .text, width: 100, style: .plain)
    #expect(
      shown.contains(
        "date: 2024-06-21 (day precision, the day its source published it: the text names no day of its own)\n"))
  }

  @Test func pagesThatAreNotArticlesAreRejectedWithTheReason() throws {
    let scratch = try ScratchWorkspace()
    let report = try scratch.importFiles([Self.page("index-page.html"), Self.page("empty-shell.html")])
    #expect(report.newEvents == 0)
    #expect(
      report.rejected.map(\.reason) == [
        "not an article: a section index listing 5 articles (<article> elements)",
        "not an article: the page shows 0 characters of text (an empty shell: its content is filled in by scripts it runs)",
      ])
    #expect(report.rejected.map(\.file) == [Self.page("index-page.html").path, Self.page("empty-shell.html").path])
    #expect(report.rejected.allSatisfy { $0.line >= 1 })
    #expect(try scratch.recordFiles().isEmpty)
  }

  @Test func anEmptyPageIsRejected() throws {
    let scratch = try ScratchWorkspace()
    let file = try scratch.folder.file("blank.html", "  \n\n ")
    let report = try scratch.importFiles([file], format: .html)
    #expect(report.rejected == [RejectedRecord(file: "blank.html", line: 1, reason: "file is empty")])
  }

  @Test func binaryBytesNamedHTMLAreRejectedNotImported() throws {
    let scratch = try ScratchWorkspace()
    let file = scratch.folder.url.appendingPathComponent("noise.html")
    try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }).write(to: file)
    let report = try scratch.importFiles([file])
    #expect(report.files.map(\.format) == [.html])
    #expect(report.newEvents == 0)
    #expect(report.rejected.count == 1)
    // The bytes are guessed to be Cyrillic (most are high), and still a tenth of them decode to no text.
    #expect(
      report.rejected.first?.reason
        == "not a web page: 10% of its characters are control codes or bytes invalid in WINDOWS-1251")
  }

  @Test func importingAPageTwiceAddsNothing() throws {
    let scratch = try ScratchWorkspace()
    try scratch.importFiles([Self.page("comments.html"), Self.page("share-bar.html")])
    let before = try scratch.recordFiles()
    let again = try scratch.importFiles([Self.page("comments.html"), Self.page("share-bar.html")])
    #expect(again.newEvents == 0)
    #expect(again.alreadyRecorded == 2)
    #expect(try scratch.recordFiles() == before)
  }

  @Test func aFetchedPageTakesTheAddressAndHeadersItCameWith() throws {
    let scratch = try ScratchWorkspace()
    let origin = InputOrigin(
      url: "https://steppe-herald.example/ru/sovet", contentType: "text/html; charset=koi8-r",
      contentLanguage: "ru", fetchedAt: Date(timeIntervalSince1970: 1_716_500_000))
    try Importer(workspace: scratch.workspace).run(
      inputs: [ImportInput(file: Self.page("charset-http-header-koi8-r.html"), origin: origin)],
      options: ImportOptions(today: ScratchWorkspace.today))
    let event = try #require(try scratch.index().events(EventQuery()).first)
    #expect(event.title == "Совет министров иностранных дел ОДКБ собрался в Алматы")
    #expect(event.sources.first?.url == "https://steppe-herald.example/ru/sovet")
    #expect(event.language == "ru")
  }

  @Test(arguments: [
    "cookie-banner.html", "charset-utf-16le-bom.html", "charset-utf-8-bom.html", "charset-windows-1251.html",
    "broken-markup.html", "empty-shell.html", "csto/news-page.html",
  ])
  func pagesAreDetectedByContent(_ name: String) throws {
    #expect(try NewsReaders.detect(Self.page(name)) == .html)
  }

  @Test func detectionLooksAtContentBeforeTheName() throws {
    let folder = try TemporaryDirectory()
    let xhtml = try folder.file(
      "page.xml",
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"x\">\n"
        + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>T</title></head><body><p>x</p></body></html>")
    #expect(try NewsReaders.detect(xhtml) == .html)
    let text = try folder.file("notes.htm", "Minutes of the meeting, typed without markup.\n")
    #expect(try NewsReaders.detect(text) == .html)
    let copy = try folder.file("copy.html", try String(contentsOf: Samples.pageFiles[0], encoding: .utf8))
    #expect(try NewsReaders.detect(copy) == .cstoPage)
    let sixteen = folder.url.appendingPathComponent("feed.xml")
    try (Data([0xFF, 0xFE]) + "<rss version=\"2.0\"></rss>".data(using: .utf16LittleEndian)!).write(to: sixteen)
    #expect(throws: ImportError.self) { try NewsReaders.detect(sixteen) }
  }
}
