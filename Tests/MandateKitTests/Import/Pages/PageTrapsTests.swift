import Foundation
import Testing

@testable import MandateKit

/// Pages that are not articles are reported with the reason, and headlines lose the site's name.
@Suite struct PageTrapsTests {
  @Test(arguments: [
    ("index-page.html", "not an article: a section index listing 5 articles (<article> elements)"),
    (
      "empty-shell.html",
      "not an article: the page shows 0 characters of text (an empty shell: its content is filled in by scripts it runs)"
    ),
    ("search-results.html", "not an article: search results for \"CSTO\" with 3 links"),
  ])
  func notArticles(_ file: String, _ reason: String) throws {
    guard case .notArticle(let message, let line) = try HTMLPageTests.read(file) else {
      Issue.record("\(file) was read as an article")
      return
    }
    #expect(message == reason)
    #expect(line >= 1)
  }

  @Test func aListOfLinkedHeadlinesIsAnIndex() {
    var html = "<html><body><div class=\"news\">"
    for number in 1...6 {
      html +=
        "<h3><a href=\"/n/\(number)\">The Council of Foreign Ministers met for the \(number)th time in Almaty</a></h3>"
      html += "<p>The ministers discussed the borders and the exercises, and agreed on a statement.</p>"
    }
    html += "</div></body></html>"
    guard case .notArticle(let reason, _) = HTMLPage.read(Array(html.utf8)) else {
      Issue.record("a list of linked headlines was read as an article")
      return
    }
    #expect(reason == "not an article: a section index of 6 linked headlines with short summaries")
  }

  @Test func aPageWithoutArticleText() {
    let slogan =
      "Steppe Herald: the news of Kazakhstan and Central Asia, of the CSTO and its member states, "
      + "of their ministers and their exercises, every day since 1991, in three languages"
    let html =
      "<html><body><h1>\(slogan)</h1><div><p>The page is being updated. Come back soon.</p></div></body></html>"
    guard case .notArticle(let reason, _) = HTMLPage.read(Array(html.utf8)) else {
      Issue.record("a page of links was read as an article")
      return
    }
    #expect(reason == "not an article: no article text found (42 characters of text)")
  }

  @Test(arguments: [
    ("Tokayev met the Secretary General | Kazinform", ["Kazinform"], "Tokayev met the Secretary General"),
    ("Kazinform — Tokayev met the Secretary General", ["Kazinform"], "Tokayev met the Secretary General"),
    ("Tokayev met the Secretary General - The Astana Times", ["The Astana Times"], "Tokayev met the Secretary General"),
    ("Tokayev met the Secretary General | astanatimes.com", ["astanatimes.com"], "Tokayev met the Secretary General"),
    ("Afghanistan: the view from Astana | Kazinform", ["Kazinform"], "Afghanistan: the view from Astana"),
    ("Peace - and security - in Central Asia", ["Kazinform"], "Peace - and security - in Central Asia"),
  ])
  func siteNamesComeOff(_ title: String, _ sites: [String], _ headline: String) {
    #expect(PageHeadline.withoutSiteName(title, siteNames: sites, heading: nil) == headline)
  }

  @Test func aShortLastSegmentOfTitleIsTheSiteWhenNothingNamesIt() {
    #expect(
      PageHeadline.withoutShortLastSegment("Lorem ipsum dolor sit amet – My website") == "Lorem ipsum dolor sit amet")
    #expect(
      PageHeadline.withoutShortLastSegment("Peace - and security in Central Asia today")
        == "Peace - and security in Central Asia today")
  }

  @Test func aJSONLDHeadlineCutShortIsCompletedFromTheTitle() {
    let html = """
      <html><head><title>The Council of Foreign Ministers of the CSTO adopted statements on Afghanistan and on borders | Herald</title>
      <script type="application/ld+json">{"@type": "NewsArticle", "headline": "The Council of Foreign Ministers of the CSTO adopted statements on…"}</script>
      <meta property="og:site_name" content="Herald"></head><body><p>\(String(repeating: "The ministers met in Almaty and talked. ", count: 10))</p></body></html>
      """
    guard case .article(let article) = HTMLPage.read(Array(html.utf8)) else {
      Issue.record("not an article")
      return
    }
    #expect(
      article.headline
        == "The Council of Foreign Ministers of the CSTO adopted statements on Afghanistan and on borders")
  }

  @Test(
    arguments: [
      ("en_us", "en-US"), ("EN", "en"), ("ru-RU", "ru-RU"), ("kk-Cyrl-KZ", "kk-Cyrl-KZ"), ("en, fr", "en"), ("x", nil),
      ("english", nil), ("", nil),
    ] as [(String, String?)])
  func languageTags(_ value: String, _ tag: String?) {
    #expect(PageMetadata.normalizedLanguage(value) == tag)
  }

  @Test func languageComesFromTheHTTPHeaderWhenThePageSaysNothing() {
    let html = Array(
      "<html><body><p>\(String(repeating: "Министры встретились в Алматы. ", count: 10))</p></body></html>".utf8)
    let origin = InputOrigin(
      url: "https://x.example/a", contentLanguage: "ru", fetchedAt: Date(timeIntervalSince1970: 0))
    guard case .article(let article) = HTMLPage.read(html, origin: origin) else {
      Issue.record("not an article")
      return
    }
    #expect(article.language == "ru")
    #expect(article.url == "https://x.example/a")
  }
}
