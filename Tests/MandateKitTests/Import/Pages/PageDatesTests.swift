import Foundation
import Testing

@testable import MandateKit

/// Publication days: one fixture per convention, each with a modification date that must not be taken.
@Suite struct PageDatesTests {
  static let cases: [PageExpectation] = [
    // JSON-LD @graph with a WebPage and a NewsArticle; dateModified (and article:modified_time) are newer.
    PageExpectation(
      file: "date-jsonld-modified-newer.html", headline: "Defence ministers agreed on the joint air defence system",
      url: "https://steppe-herald.example/defence/air-defence", published: "2024-05-23",
      evidence: "JSON-LD datePublished",
      language: "en",
      paragraphs: [
        "The Council of Defence Ministers of the CSTO agreed on the next steps in building the joint regional air defence systems of the member states, and instructed the Joint Staff to prepare the documents.",
        "The ministers also approved the plan of joint training of the staffs and forces for the next year, and heard a report on the state of the collective forces.",
      ]),
    // article:modified_time comes first in the page; the day is the one written, in its own zone.
    PageExpectation(
      file: "date-meta-published.html", headline: "The Permanent Council discussed the chairmanship's plan",
      url: "https://steppe-herald.example/csto/permanent-council", published: "2024-03-15",
      evidence: "<meta> article:published_time", language: "en",
      paragraphs: [
        "The Permanent Council of the CSTO discussed the plan of events of Kazakhstan's chairmanship, including the sessions of the statutory bodies and the main exercises, at its regular meeting in Moscow.",
        "The permanent representatives agreed to submit the draft documents for the autumn session to the Committee of Secretaries of Security Councils in good time.",
      ]),
    // An "Edited" <time> before the "Posted" one, and a related story's <time> after the article.
    PageExpectation(
      file: "date-time-element.html", headline: "Secretaries of Security Councils met in Cholpon-Ata",
      published: "2024-06-27",
      evidence: "<time> in the article", language: "en",
      paragraphs: [
        "The Committee of Secretaries of Security Councils of the CSTO met in Cholpon-Ata and discussed the fight against international terrorism, illegal migration and drug trafficking in the region of collective security.",
        "The secretaries approved a joint plan of measures against the recruitment of citizens of the member states by terrorist organizations through the internet.",
      ]),
    // "Updated: …" comes before "Published: …"; neither line stays in the text.
    PageExpectation(
      file: "date-dateline.html", headline: "CSTO observers arrived for the elections", published: "2024-09-04",
      evidence: "the dateline \"Published: 04.09.2024, 14:05\"", language: "en",
      paragraphs: [
        "A mission of observers of the CSTO arrived to monitor the parliamentary elections, the Secretariat of the Organization said. The mission includes representatives of the member states and of the Parliamentary Assembly.",
        "The observers will visit polling stations in the capital and in the regions and present their conclusions after the vote.",
      ]),
    PageExpectation(
      file: "date-text-dateline.html", headline: "The Committee approved the crisis response plan",
      published: "2024-09-12",
      evidence: "the dateline \"12 September 2024\"", language: "en",
      paragraphs: [
        "ASTANA, 12 September 2024 – The Committee of Secretaries of Security Councils of the CSTO approved the plan for improving the crisis response system of the Organization, the press service of the Security Council of Kazakhstan said.",
        "The plan provides for regular exercises of the crisis response centres and a common system of early warning, to be built over the next three years.",
      ]),
    // The canonical address is relative; <base> makes it absolute.
    PageExpectation(
      file: "date-url-path.html", headline: "Preparations for the CSTO summit in Astana",
      url: "https://steppe-herald.example/news/2024/07/04/summit-preparations/", published: "2024-07-04",
      evidence: "the URL's date path", language: "en",
      paragraphs: [
        "The preparations for the session of the Collective Security Council of the CSTO in Astana are in their final stage, the Ministry of Foreign Affairs said, and the agenda has been agreed with all the member states.",
        "The heads of state are expected to adopt a declaration and a package of documents on strengthening the Organization's peacekeeping potential.",
      ]),
    // Microdata: itemprop dateModified first, then datePublished.
    PageExpectation(
      file: "date-itemprop.html", headline: "Joint Staff held a command post training", published: "2024-02-14",
      evidence: "itemprop datePublished", language: "en",
      paragraphs: [
        "The Joint Staff of the CSTO held a command post training with the operational groups of the member states, practising the planning of the use of the collective forces in a crisis.",
        "The training was the first of the year and prepared the staffs for the exercises of the autumn.",
      ]),
  ]

  @Test(arguments: cases)
  func publicationDays(_ expected: PageExpectation) throws {
    try HTMLPageTests.check(expected)
  }

  @Test(arguments: [
    ("2024-05-23T18:20:00+05:00", "2024-05-23"), ("2024-05-23", "2024-05-23"),
    ("2024-05-23 03:01:00.000000", "2024-05-23"),
    ("2024/05/23", "2024-05-23"), ("20240523", "2024-05-23"), ("Thu, 23 May 2024 10:00:00 +0300", "2024-05-23"),
    ("23 May 2024", "2024-05-23"), ("May 23, 2024", "2024-05-23"), ("23.05.2024", "2024-05-23"),
    ("23 мая 2024 года", "2024-05-23"), ("1716458400", "2024-05-23"), ("1716458400000", "2024-05-23"),
  ])
  func datesAsPagesWriteThem(_ text: String, _ day: String) {
    #expect(DateText.day(text)?.description == day)
  }

  @Test(arguments: [
    "", "yesterday", "0000-00-00", "1970-01-01T00:00:00Z", "2024-13-01", "not a date at all 12", "May 2024",
  ])
  func notDays(_ text: String) {
    #expect(DateText.day(text) == nil)
  }

  @Test(arguments: [
    ("https://x.example/news/2024/05/23/slug", "2024-05-23"), ("https://x.example/2024-05-23-slug.html", "2024-05-23"),
    ("https://x.example/a/20240523/b", "2024-05-23"), ("https://x.example/2024_05_23", "2024-05-23"),
  ])
  func daysInAddresses(_ url: String, _ day: String) {
    #expect(DateText.urlDay(url)?.description == day)
  }

  @Test(arguments: [
    "https://x.example/news/2024/05/slug", "https://x.example/id/123456789", "https://x.example/2024-13-45",
    "https://x.example/news/99999999",
  ])
  func addressesWithoutADay(_ url: String) {
    #expect(DateText.urlDay(url) == nil)
  }
}
