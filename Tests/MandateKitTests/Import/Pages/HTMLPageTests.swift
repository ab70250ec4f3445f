import Foundation
import Testing

@testable import MandateKit

/// One fixture page and everything the reader must find in it.
struct PageExpectation: Sendable, CustomTestStringConvertible {
  var file: String
  var headline: String
  var url: String?
  var published: String?
  var evidence: String?
  var language: String?
  var paragraphs: [String]

  var testDescription: String { file }
}

/// The page reader on fixtures written for it: one per kind of boilerplate (cookie banner, related
/// stories, comments, newsletter box, byline and photo credit, share bar, menus and footers), per
/// date convention and per trap. Texts are asserted whole, so that a menu, notice or credit that
/// slips in fails the test.
@Suite struct HTMLPageTests {
  static let almaty = [
    "The Council of Foreign Ministers of the Collective Security Treaty Organization met in Almaty on Thursday, chaired by the Minister of Foreign Affairs of Kazakhstan, Murat Nurtleu.",
    "The ministers discussed the situation in Afghanistan, the security of the Organization's external borders and the preparation of the autumn session of the Collective Security Council, which Kazakhstan will host as chair.",
    "They adopted a statement on strengthening cooperation with the United Nations and agreed on a plan of consultations for the second half of the year.",
  ]

  static let cases: [PageExpectation] = [
    PageExpectation(
      file: "cookie-banner.html", headline: "Foreign ministers of the CSTO met in Almaty",
      url: "https://steppe-herald.example/world/ministers-met-in-almaty", published: "2024-06-21",
      evidence: "<meta> article:published_time", language: "en", paragraphs: almaty),
    PageExpectation(
      file: "related-stories.html", headline: "CSTO exercise Interaction-2024 opened in Kazakhstan", language: "en",
      paragraphs: [
        "The joint exercise of the Collective Rapid Reaction Forces of the CSTO, Interaction-2024, opened at a training ground in the Karaganda region, with units from all member states taking part.",
        "More than two thousand servicemen and four hundred units of equipment are involved. The scenario covers the localization of an armed conflict in the collective security region and a humanitarian operation.",
        "The active phase will be observed by the Secretary General of the CSTO and the ministers of defence of the member states.",
      ]),
    PageExpectation(
      file: "comments.html", headline: "Secretary General met the UN Special Representative", published: "2024-04-09",
      evidence: "JSON-LD datePublished", language: "en",
      paragraphs: [
        "On 8 April 2024, at the CSTO Secretariat, Imangali Tasmagambetov, the Secretary General of the Collective Security Treaty Organization, held a working meeting with Roza Otunbayeva, the Special Representative of the UN Secretary General for Afghanistan.",
        "The sides discussed the situation in Afghanistan, the threats that come from its territory to the states of Central Asia, and the prospects of cooperation between the CSTO and the UN mission, including the exchange of assessments.",
      ]),
    PageExpectation(
      file: "newsletter-box.html", headline: "Kazakhstan proposed a CSTO programme on information security",
      published: "2024-05-16", evidence: "<meta> pubdate", language: "en",
      paragraphs: [
        "Kazakhstan proposed that the member states of the CSTO adopt a joint programme on countering threats in the information space, the press service of the Ministry of Digital Development said.",
        "The programme would cover the protection of critical infrastructure, the exchange of information about incidents and joint training of specialists, with a working group of experts preparing a draft by the autumn.",
      ]),
    PageExpectation(
      file: "byline-photo-credit.html", headline: "Border guards of the CSTO states held a joint operation",
      published: "2024-10-02", evidence: "<time> in the article", language: "en-GB",
      paragraphs: [
        "The border services of the CSTO member states completed the joint operation Border-2024 on the external borders of the Organization, the Coordination Service of the Council of Commanders of Border Troops reported.",
        "During the operation, the border guards detained more than forty violators and seized weapons, ammunition and drugs, and the results will be reported to the Collective Security Council.",
      ]),
    PageExpectation(
      file: "share-bar.html", headline: "Parliamentary Assembly of the CSTO met in Astana", published: "2024-11-27",
      evidence: "<meta> dc.date.issued", language: "en",
      paragraphs: [
        "The Council of the Parliamentary Assembly of the Collective Security Treaty Organization held its meeting in Astana, chaired by the Speaker of the Mazhilis, with delegations of all member states.",
        "The Council approved the programme of harmonization of national legislation in the field of security for the next five years, and adopted model laws on peacekeeping and on countering terrorism.",
      ]),
    // <title> is "Kazinform | …" and the first <h1> is the logo.
    PageExpectation(
      file: "site-name-in-title.html", headline: "Tokayev received the Secretary General of the CSTO", language: "kk",
      paragraphs: [
        "President Kassym-Jomart Tokayev received the Secretary General of the Collective Security Treaty Organization, Imangali Tasmagambetov, in the Akorda, and heard a report on the Organization's work during Kazakhstan's chairmanship.",
        "The Head of State noted the importance of preparing the session of the Collective Security Council well, and of the documents to be adopted there on peacekeeping and on the crisis response system.",
      ]),
  ]

  static func read(_ file: String, origin: InputOrigin? = nil) throws -> PageOutcome {
    HTMLPage.read([UInt8](try Data(contentsOf: TestPaths.fixture("pages/\(file)"))), origin: origin)
  }

  static func check(_ expected: PageExpectation, origin: InputOrigin? = nil) throws {
    guard case .article(let article) = try read(expected.file, origin: origin) else {
      Issue.record("\(expected.file) is not read as an article: \(try read(expected.file, origin: origin))")
      return
    }
    #expect(article.headline == expected.headline)
    #expect(article.url == expected.url)
    #expect(article.published?.day.description == expected.published)
    #expect(article.published?.evidence == expected.evidence)
    #expect(article.language == expected.language)
    #expect(article.paragraphs == expected.paragraphs)
  }

  @Test(arguments: cases)
  func boilerplateStaysOut(_ expected: PageExpectation) throws {
    try Self.check(expected)
  }

  @Test func brokenMarkupIsReadAsABrowserWouldShowIt() throws {
    guard case .article(let article) = try Self.read("broken-markup.html") else {
      Issue.record("broken-markup.html is not an article")
      return
    }
    #expect(article.headline == "The Council met in Almaty")
    #expect(article.language == nil)
    #expect(
      article.paragraphs == [
        "The Council of Foreign Ministers of the CSTO met in Almaty on Thursday & adopted three statements on international security, on Afghanistan and on the fight against terrorism",
        "The second paragraph has no closing tag either, an unknown entity &foo; stays as written, — is a dash and ABC are letters, while the minister Murat Nurtleu said \"the documents are ready.",
        // libxml2 closes the paragraph at the stray end tag of the span left open above.
        "Bare attributes and unquoted values are fine, and a stray closing tag",
        "changes nothing.",
        "The last paragraph ends the file without closing anything, after a comment and an unfinished",
      ])
  }

  @Test func aHugePageIsReadWhole() throws {
    let paragraph =
      "<p>The Council of Foreign Ministers of the CSTO met in Almaty, and the ministers discussed the borders, "
      + "the exercises and the session of the Collective Security Council, which Kazakhstan hosts.</p>\n"
    let teaser = "<li><a href=\"/news/n\">A related story with a headline long enough to count as text</a></li>\n"
    var html = "<html lang=\"en\"><head><title>A long report | Steppe Herald</title></head><body>"
    html += "<ul class=\"related\">" + String(repeating: teaser, count: 10_000) + "</ul>"
    html += "<div class=\"article\"><h1>A long report</h1>" + String(repeating: paragraph, count: 20_000) + "</div>"
    html += "</body></html>"
    #expect(html.utf8.count > 4_500_000)
    guard case .article(let article) = HTMLPage.read(Array(html.utf8)) else {
      Issue.record("the huge page is not an article")
      return
    }
    #expect(article.headline == "A long report")
    #expect(article.paragraphs.count == 20_000)
    #expect(!article.text.contains("related story"))
  }
}
