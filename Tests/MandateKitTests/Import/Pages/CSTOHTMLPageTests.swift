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
    #expect(page.main.title == copy.main.title)
    #expect(page.main.body == copy.main.body)
    #expect(page.main.pageDate == copy.main.pageDate)
    #expect(page.main.photoCredit == "Ministry of Defense of the Republic of Belarus")
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

  /// The page's text ends before the footer: until CSTOPageParser keeps the teasers of such a page, the
  /// reader falls back to reading it as an article page, which merges the column into the article.
  @Test func aPageCutShortKeepsItsTeasersAndArticle() throws {
    let html = try Data(contentsOf: TestPaths.fixture("pages/csto/cut-short.html"))
    withKnownIssue("CSTOPageParser rejects a page without its footer") {
      guard case .cstoPage(let page, _, _) = HTMLPage.read([UInt8](html)) else {
        Issue.record("the cut-short CSTO page was not read as one")
        return
      }
      #expect(page.teasers.count == 4)
    }
  }

  @Test func pagesOfOtherSitesAreNotCSTOPages() throws {
    guard case .article = try HTMLPageTests.read("cookie-banner.html") else {
      Issue.record("an outlet's page was not read as an article")
      return
    }
  }
}
