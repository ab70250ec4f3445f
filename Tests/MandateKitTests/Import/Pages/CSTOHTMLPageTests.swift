import Foundation
import Testing

@testable import MandateKit

/// A CSTO news page saved as HTML gives what its text copy gives: every teaser and the main article.
@Suite struct CSTOHTMLPageTests {
  @Test func theHTMLPageGivesTheItemsOfItsTextCopy() throws {
    let html = try Data(contentsOf: TestPaths.fixture("pages/csto/news-page.html"))
    guard case .cstoPage(let page, let url, let language) = HTMLPage.read([UInt8](html)) else {
      Issue.record("the CSTO page was not read as one")
      return
    }
    let text = try String(contentsOf: Samples.pageFiles[0], encoding: .utf8)
    let copy = try CSTOPageParser.parse(text)
    #expect(page.teasers.map(\.body) == copy.teasers.map(\.body))
    #expect(page.teasers.map(\.truncated) == copy.teasers.map(\.truncated))
    #expect(page.main?.title == copy.main?.title)
    #expect(page.main?.body == copy.main?.body)
    #expect(page.main?.pageDate == copy.main?.pageDate)
    #expect(page.main?.photoCredit == "Ministry of Defense of the Republic of Belarus")
    #expect(page.warnings == [])
    #expect(url == "https://en.odkb-csto.org/news/news_odkb/sample-news-page/")
    #expect(language == "en")
  }

  @Test func importingTheHTMLPageAndItsTextCopyGivesTheSameEvents() throws {
    let html = try ScratchWorkspace()
    try html.importFiles([TestPaths.fixture("pages/csto/news-page.html")])
    let text = try ScratchWorkspace()
    try text.importFiles([Samples.pageFiles[0]])
    let fromHTML = try html.index().events(EventQuery())
    let fromText = try text.index().events(EventQuery())
    #expect(fromHTML.map(\.id) == fromText.map(\.id))
    #expect(fromHTML.map(\.date) == fromText.map(\.date))
    let main = try #require(fromHTML.first { $0.sources.contains { $0.role == .main } })
    #expect(main.sources.first { $0.role == .main }?.url == "https://en.odkb-csto.org/news/news_odkb/sample-news-page/")
    #expect(main.sources.first { $0.role == .main }?.published == Day(iso: "2023-05-18"))
    #expect(fromHTML.allSatisfy { $0.language == "en" })
  }

  /// The page was saved before it finished loading: its article ends half-way and the footer is missing.
  @Test func aPageCutShortKeepsItsTeasersAndWhatThereIsOfItsArticle() throws {
    let html = try Data(contentsOf: TestPaths.fixture("pages/csto/cut-short.html"))
    guard case .cstoPage(let page, let url, _) = HTMLPage.read([UInt8](html)) else {
      Issue.record("the cut-short CSTO page was not read as one")
      return
    }
    let copy = try CSTOPageParser.parse(try String(contentsOf: Samples.pageFiles[0], encoding: .utf8))
    #expect(page.teasers.map(\.body) == copy.teasers.map(\.body))
    let main = try #require(page.main)
    #expect(main.title == copy.main?.title)
    #expect(copy.main?.body.hasPrefix(main.body) == true)
    #expect(main.body.count < (copy.main?.body.count ?? 0))
    #expect(url == "https://en.odkb-csto.org/news/news_odkb/sample-news-page/")
    #expect(page.warnings.count == 1)
    #expect(page.warnings.first?.message.hasPrefix("the text ends before the page's footer") == true)
  }

  @Test func aPageCutShortWarnsThroughTheImport() throws {
    let scratch = try ScratchWorkspace()
    let page = TestPaths.fixture("pages/csto/cut-short.html")
    let report = try scratch.importFiles([page])
    #expect(report.items == 5)
    #expect(report.rejected.isEmpty)
    #expect(report.warnings.map(\.file) == [page.path])
    #expect(report.warnings.allSatisfy { $0.line >= 1 })
  }

  @Test func pagesOfOtherSitesAreNotCSTOPages() throws {
    guard case .article = try HTMLPageTests.read("cookie-banner.html") else {
      Issue.record("an outlet's page was not read as an article")
      return
    }
  }
}
