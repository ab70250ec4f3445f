import Foundation
import MandateKit
import Testing

/// Reads a fixture as text; invalid UTF-8 becomes U+FFFD, as it would when an importer reads a file.
/// A page: the five real seeds are the shipped samples in `Samples/csto-pages/`; the synthetic
/// and bad pages are test fixtures.
private func fixture(_ name: String) throws -> String {
  let isSeed = !name.contains("/")
  let url =
    isSeed
    ? TestPaths.repositoryRoot.appendingPathComponent("Samples/csto-pages").appendingPathComponent(name)
    : TestPaths.fixture("csto-pages").appendingPathComponent(name)
  return String(decoding: try Data(contentsOf: url), as: UTF8.self)
}

private func page(_ name: String) throws -> CSTOPage {
  try CSTOPageParser.parse(try fixture(name))
}

/// The error `parse` throws, or nil when it succeeds.
private func parseError(_ text: String) -> PageParseError? {
  do {
    _ = try CSTOPageParser.parse(text)
    return nil
  } catch {
    return error
  }
}

private func paragraphs(_ body: String?) -> [Substring] {
  (body ?? "").split(separator: "\n\n", omittingEmptySubsequences: false)
}

private let footer = "Go back\n\nBack to the section\n\nBack to the all news\n"

private let milexTitle =
  "The Chief of the CSTO Joint Staff participated in the events of the \u{0425}I International Exhibition of "
  + "Armament and Military Equipment \"MILEX-2023\u{201D}"

@Suite("CSTO pages: the five saved seeds")
struct CSTOSeedPageTests {
  /// The teaser column shared by seeds 000, 002 and 003.
  private func expectTeasersA(_ page: CSTOPage) {
    let teasers = page.teasers
    #expect(teasers.count == 4)
    guard teasers.count == 4 else { return }
    #expect(teasers.map(\.line) == [1, 4, 9, 12])
    #expect(teasers.map(\.position) == [0, 1, 2, 3])
    #expect(teasers.allSatisfy { $0.role == .teaser && $0.title == nil && $0.pageDate == nil })
    #expect(teasers.allSatisfy { !$0.truncated && $0.photoCredit == nil })
    #expect(teasers[0].body.hasPrefix("The 23rd meeting of the Military Committee on military cooperation"))
    #expect(teasers[0].body.hasSuffix("took place today via videoconferencing."))
    #expect(paragraphs(teasers[0].body).count == 1)
    let seminar = paragraphs(teasers[1].body)
    #expect(seminar.count == 2)
    #expect(seminar.first?.hasPrefix("From April 8 to 11, 2024, the XXI International Seminar-Meeting") == true)
    #expect(seminar.last?.hasPrefix("The event was addressed by Gennady Troislit") == true)
    #expect(teasers[2].body.hasPrefix("On 10 April 2024, the 39th meeting of the Working Group on Afghanistan"))
    #expect(teasers[3].body.hasPrefix("On 8 April 2024, at the CSTO Secretariat, Imangali Tasmagambetov"))
    #expect(teasers[3].body.hasSuffix("(UNAMA)."))
  }

  /// The teaser column shared by seeds 001 and 004.
  private func expectTeasersB(_ page: CSTOPage) {
    let teasers = page.teasers
    #expect(teasers.count == 4)
    guard teasers.count == 4 else { return }
    #expect(teasers.map(\.line) == [2, 5, 10, 13])
    #expect(teasers.allSatisfy { $0.role == .teaser && $0.title == nil && !$0.truncated })
    #expect(teasers[0].body.hasPrefix("On 25 July 2024, staff of the CSTO Secretariat met"))
    // The saved line ends with a space, which must not survive.
    #expect(teasers[0].body.hasSuffix("Russian Ministry of Foreign Affairs."))
    let speech = paragraphs(teasers[1].body)
    #expect(speech.count == 2)
    #expect(speech.first?.hasPrefix("Allow me to thank") == true)
    #expect(speech.last?.hasPrefix("I highly appreciate") == true)
    #expect(teasers[2].body.hasPrefix("The CSTO Secretary General Imangali Tasmagambetov took part in the debate"))
    #expect(teasers[2].body.hasSuffix("held on 19 July 2024 at the UN Security Council."))
    #expect(
      teasers[3].body.hasPrefix(
        "Imangali Tasmagambetov, the Collective Security Treaty Organization Secretary General, told BELTA"))
  }

  @Test func seed000MilexArticle() throws {
    let page = try page("000_e14baf5977325893.txt")
    expectTeasersA(page)
    let main = try #require(page.main)
    #expect(main.role == .main)
    #expect(main.title == milexTitle)
    #expect(main.pageDate == Day(year: 2023, month: 5, day: 18))
    #expect(main.line == 14)
    #expect(main.position == 4)
    #expect(main.truncated == false)
    #expect(main.photoCredit == "Ministry of Defense of the Republic of Belarus")
    #expect(paragraphs(main.body).count == 4)
    #expect(main.body.hasPrefix("On May 17, in Minsk,"))
    #expect(main.body.hasSuffix("for the high level of their implementation."))
    #expect(!main.body.contains("Photo:") && !main.body.contains("Go back"))
  }

  @Test func seed001SameArticleOtherTeasers() throws {
    let first = try page("000_e14baf5977325893.txt")
    let page = try page("001_671d4815b8192679.txt")
    expectTeasersB(page)
    #expect(page.main?.line == 15)
    var moved = try #require(page.main)
    moved.line = try #require(first.main).line
    #expect(moved == first.main)
  }

  @Test func seed002TrainingArticle() throws {
    let page = try page("002_7dc5948d4aa5d35a.txt")
    expectTeasersA(page)
    #expect(page.main?.title == "The CSTO is holding a strategic command and staff training")
    #expect(page.main?.pageDate == Day(year: 2024, month: 3, day: 12))
    #expect(page.main?.line == 14)
    #expect(page.main?.photoCredit == nil)
    let body = paragraphs(page.main?.body)
    #expect(body.count == 8)
    #expect(body.first?.hasPrefix("In the period from 12 to 13 March 2024, ") == true)
    #expect(body.last?.hasSuffix(" the provision of military and technical assistance.") == true)
  }

  @Test func seed003UndatedTitleAndListBody() throws {
    let page = try page("003_d6cbff984afcdd90.txt")
    expectTeasersA(page)
    #expect(
      page.main?.title
        == "Priorities of the Republic of Kazakhstan Chairmanship in the Collective Security Treaty Organization "
        + "in 2024")
    #expect(page.main?.pageDate == nil)
    #expect(page.main?.line == 14)
    let body = paragraphs(page.main?.body)
    #expect(body.count == 14)
    #expect(body.first == "The first.")
    #expect(body.last?.hasSuffix("information technology crimes \"PROXY\".") == true)
    #expect(body.count > 1 && body[1].split(separator: "\n").count == 3)
    #expect(body.count > 1 && body[1].split(separator: "\n").dropFirst().allSatisfy { $0.hasPrefix("- ") })
    #expect(page.main?.body.contains("Countering\u{00A0}Illicit Drug Trafficking") == true)
  }

  @Test func seed004SingleNewlineBody() throws {
    let page = try page("004_0eeb045d78135ec7.txt")
    expectTeasersB(page)
    #expect(
      page.main?.title
        == "The Military Committee meeting on the development of military cooperation of the CSTO member States "
        + "has been held via videoconferencing on December 8")
    #expect(page.main?.pageDate == Day(year: 2021, month: 12, day: 8))
    #expect(page.main?.line == 15)
    let body = paragraphs(page.main?.body)
    #expect(body.count == 12)
    #expect(page.main?.body.contains("\n\n\n") == false)
    #expect(body.first?.hasPrefix("The meeting of the Military Committee ") == true)
    #expect(body.last?.hasSuffix("maintaining regional stability\u{201D}.") == true)
  }

  @Test func allSeedsGiveTwentyFiveOccurrencesOfTwelveEvents() throws {
    let names = [
      "000_e14baf5977325893.txt", "001_671d4815b8192679.txt", "002_7dc5948d4aa5d35a.txt",
      "003_d6cbff984afcdd90.txt", "004_0eeb045d78135ec7.txt",
    ]
    let pages = try names.map { try page($0) }
    let items = pages.flatMap(\.items)
    #expect(items.count == 25)
    #expect(pages.allSatisfy { $0.items.map(\.position) == [0, 1, 2, 3, 4] && $0.items.last == $0.main })
    let distinct = Set(items.map { "\($0.title ?? "")|\($0.body)" })
    #expect(distinct.count == 12)
    for name in names {
      #expect(CSTOPageParser.looksLikePage(try fixture(name)))
    }
  }
}

@Suite("CSTO pages: generator-made pages")
struct CSTOSyntheticPageTests {
  @Test func syntheticOne() throws {
    let page = try page("synthetic/synthetic_1.txt")
    #expect(page.teasers.map(\.line) == [1, 6, 9])
    #expect(page.teasers.map(\.truncated) == [true, false, false])
    #expect(page.teasers.first.map { paragraphs($0.body).count } == 2)
    #expect(page.teasers.last?.body.hasSuffix("\u{201C}Interaction-2024\u{201D}") == true)
    #expect(page.main?.title == "Forces collective forces stressed the representatives conference defence #1")
    #expect(page.main?.pageDate == Day(year: 2024, month: 3, day: 6))
    #expect(page.main?.line == 11)
    #expect(page.main?.position == 3)
    #expect(page.main?.body.hasPrefix("On 6 March 2024, with on parties on Moscow for as interview. ") == true)
    #expect(paragraphs(page.main?.body).count == 1)
    #expect((page.main?.body.count ?? 0) > 1_000)
  }

  @Test func syntheticTwo() throws {
    let page = try page("synthetic/synthetic_2.txt")
    #expect(page.teasers.map(\.line) == [1, 4, 7])
    #expect(page.teasers.map(\.truncated) == [false, false, true])
    #expect(page.teasers.last?.body.hasSuffix("conference") == true)
    #expect(page.main?.title == "Security council ministers agreed on joint training #2")
    #expect(page.main?.pageDate == Day(year: 2024, month: 4, day: 12))
    #expect(page.main?.line == 9)
    #expect(paragraphs(page.main?.body).count == 2)
  }

  @Test func syntheticThree() throws {
    let page = try page("synthetic/synthetic_3.txt")
    #expect(page.teasers.map(\.line) == [1, 4, 7])
    #expect(page.teasers.map(\.truncated) == [false, true, true])
    #expect(page.main?.title == "Secretariat delegation met the regional representatives #3")
    #expect(page.main?.pageDate == Day(year: 2024, month: 5, day: 3))
    #expect(page.main?.line == 9)
  }

  /// A teaser is the first 300 characters of another page's main body, so it must be a prefix of it.
  @Test func teasersArePrefixesOfTheArticlesTheyAnnounce() throws {
    let pages = try (1...3).map { try page("synthetic/synthetic_\($0).txt") }
    // Page 1 announces the articles of pages 2 and 3 first.
    let announced = [(pages[0].teasers[0], pages[1].main), (pages[0].teasers[1], pages[2].main)]
    for (teaser, article) in announced {
      #expect(article?.body.hasPrefix(teaser.body) == true)
      #expect(teaser.body.count == 300)
    }
  }
}

@Suite("CSTO pages: bad and hostile input")
struct CSTOBadPageTests {
  @Test func emptyFile() throws {
    let error = parseError(try fixture("bad/empty.txt"))
    #expect(error?.message.hasPrefix("empty text") == true)
    #expect(error?.line == 1)
    #expect(parseError(" \n\t\n\n")?.message.hasPrefix("empty text") == true)
    #expect(!CSTOPageParser.looksLikePage(""))
  }

  /// The whole page but its footer: every teaser and the article are kept, with a warning.
  @Test func noFooter() throws {
    let text = try fixture("bad/no-footer.txt")
    let page = try CSTOPageParser.parse(text)
    #expect(page.teasers.map(\.line) == [1, 4, 9, 12])
    #expect(page.main?.title == "The CSTO is holding a strategic command and staff training")
    #expect(page.main?.truncated == false)
    #expect(
      page.warnings == [
        PageWarning(
          message: "the text ends before the page's footer 'Go back / Back to the section / Back to the all news': "
            + "the article \"The CSTO is holding a strategic command and staff training\" may be cut short", line: 32)
      ])
    // The title repeated with its date marks it as a page.
    #expect(CSTOPageParser.looksLikePage(text))
  }

  @Test func footerOnly() throws {
    let text = try fixture("bad/footer-only.txt")
    let error = parseError(text)
    #expect(error?.message.hasPrefix("no main article") == true)
    #expect(error?.line == 1)
    #expect(CSTOPageParser.looksLikePage(text))
  }

  @Test func oneParagraphOnly() throws {
    let page = try page("bad/one-paragraph.txt")
    #expect(page.teasers.map(\.body) == ["The CSTO Secretary General held a working meeting."])
    #expect(page.main == nil)
    #expect(page.warnings.map(\.message) == [Self.noMainArticle + "kept 1 teaser"])
    #expect(page.warnings.map(\.line) == [1])
  }

  static let noMainArticle =
    "no main article (no title repeated with a dd.mm.yyyy date, and no title-like paragraph after the last "
    + "teaser): "

  @Test func titleWithoutBody() throws {
    let page = try page("bad/title-no-body.txt")
    #expect(page.teasers.map(\.line) == [1])
    #expect(page.main == nil)
    #expect(
      page.warnings == [
        PageWarning(
          message: "the main article \"The CSTO Secretariat hosted a meeting of experts\" has no text: kept 1 teaser",
          line: 3)
      ])
    // A photo credit alone is no body either, and without teasers nothing is left to import.
    let photoOnly = "Title\n\nTitle 01.02.2024\n\nPhoto: CSTO press service\n\n" + footer
    #expect(parseError(photoOnly) == PageParseError(message: "the main article \"Title\" has an empty body", line: 1))
    // Without a date, a title as the last paragraph has no body.
    let lonely = try CSTOPageParser.parse("A teaser.\n\nA lonely title\n\n" + footer)
    #expect(lonely.teasers.map(\.body) == ["A teaser."])
    #expect(lonely.warnings.map(\.line) == [3])
  }

  @Test func teasersOnly() throws {
    let page = try page("bad/teasers-only.txt")
    #expect(page.teasers.map(\.line) == [1, 4, 9])
    #expect(page.main == nil)
    #expect(page.warnings == [PageWarning(message: Self.noMainArticle + "kept 3 teasers", line: 11)])
  }

  @Test func binaryJunk() throws {
    let text = try fixture("bad/binary-junk.bin")
    let error = parseError(text)
    #expect(error?.message.hasPrefix("not a CSTO page") == true)
    #expect((error?.line ?? 0) >= 1)
    #expect(!CSTOPageParser.looksLikePage(text))
  }

  @Test func crlfLineEndingsParseLikeLF() throws {
    let crlf = try fixture("bad/crlf.txt")
    #expect(crlf.utf8.contains(13))
    let reference = try page("002_7dc5948d4aa5d35a.txt")
    #expect(try CSTOPageParser.parse(crlf) == reference)
    #expect(CSTOPageParser.looksLikePage(crlf))
    // Old Mac line ends (lone CR) count as line breaks too.
    let lf = try fixture("002_7dc5948d4aa5d35a.txt")
    let cr = String(lf.map { $0 == "\n" ? "\r" : $0 })
    #expect(try CSTOPageParser.parse(cr) == reference)
  }

  @Test func scriptTagsStayText() throws {
    let page = try page("bad/script-title.txt")
    #expect(page.main?.title == "Hacked <script>alert(1)</script> headline & \"quotes\"")
    #expect(page.main?.body == "<b>Body</b> paragraph with <script>alert(2)</script> inside.")
    #expect(page.main?.pageDate == Day(year: 2024, month: 2, day: 1))
    #expect(page.teasers.count == 1)
  }

  @Test func bidirectionalAndZeroWidthCharactersStayVerbatim() throws {
    let page = try page("bad/bidi-title.txt")
    let title =
      "Meeting in \u{202E}\u{0646}\u{064A}\u{062A}\u{0633}\u{0627}\u{202C} with \u{200F}RLM, zero\u{200B}width "
      + "and joiner\u{200D} marks"
    #expect(page.main?.title.map { Array($0.unicodeScalars) } == Array(title.unicodeScalars))
    #expect(page.main?.pageDate == Day(year: 2024, month: 3, day: 2))
    #expect(page.main?.body.unicodeScalars.contains("\u{200B}") == true)
  }

  /// NUL is kept as an ordinary character: the parser never hands text to C, so it cannot cut a string short.
  @Test func nulBytesStayVerbatim() throws {
    let page = try page("bad/nul-bytes.txt")
    #expect(page.main?.title == "Title with a NUL\u{0} inside")
    #expect(page.main?.body == "Body\u{0}with\u{0}NULs.")
    #expect(page.main?.pageDate == Day(year: 2024, month: 4, day: 3))
  }

  /// About 10 MB of teasers: a quadratic parser would not finish in a test run.
  @Test func tenMegabytePageOfTeasers() throws {
    let teaser = String(repeating: "Forces of the member states met in Moscow for joint training. ", count: 5)
    var text = ""
    text.reserveCapacity(10_500_000)
    for index in 0..<33_000 {
      text += "Teaser \(index). " + teaser + "\n\n\n"
    }
    text.removeLast()
    text += "Huge page title\n\nHuge page title 05.06.2024\n\n" + teaser + "\n\n" + footer
    #expect(text.utf8.count > 10_000_000)
    let page = try CSTOPageParser.parse(text)
    #expect(page.teasers.count == 33_000)
    #expect(page.teasers.last?.body.hasPrefix("Teaser 32999. ") == true)
    #expect(page.main?.title == "Huge page title")
    #expect(page.main?.line == 33_000 * 3)
    #expect(CSTOPageParser.looksLikePage(text))
  }

  /// About 10 MB of dated paragraphs that never repeat their predecessor, plus a 10 MB single line.
  @Test func tenMegabytePathologicalPages() throws {
    var text = ""
    text.reserveCapacity(10_500_000)
    for index in 0..<500_000 {
      text += "- Item \(index) 01.01.2024\n\n"
    }
    text += footer
    #expect(text.utf8.count > 10_000_000)
    // Every paragraph looks dated, none repeats the one before, and list items are never titles:
    // one teaser of half a million paragraphs, and no main article.
    let page = try CSTOPageParser.parse(text)
    #expect(page.teasers.count == 1)
    #expect(page.main == nil)
    #expect(page.warnings == [PageWarning(message: Self.noMainArticle + "kept 1 teaser", line: 999_999)])

    let line = String(repeating: "x", count: 10_000_000)
    #expect(parseError(line)?.line == 1)
    #expect(!CSTOPageParser.looksLikePage(line))
  }
}

@Suite("CSTO pages: layout rules")
struct CSTOLayoutRuleTests {
  @Test func pageWithOnlyAMainArticle() throws {
    let page = try CSTOPageParser.parse("\nBare title\n\nBare title 29.02.2024\n\nBody.\n\n" + footer)
    #expect(page.teasers.isEmpty)
    #expect(page.main?.title == "Bare title")
    #expect(page.main?.line == 2)
    #expect(page.main?.position == 0)
    #expect(page.main?.pageDate == Day(year: 2024, month: 2, day: 29))
    // Without the dated repeat, a first paragraph that looks like a title is taken as the title.
    let bare = try CSTOPageParser.parse("Bare title\n\nBody one.\nBody two.\n\n" + footer)
    #expect(bare.teasers.isEmpty && bare.main?.title == "Bare title" && bare.main?.body == "Body one.\n\nBody two.")
  }

  @Test func repeatedTitleMatchesDespiteWhitespaceAndImpossibleDates() throws {
    let text = "A teaser.\n\nTitle  with   gaps\n\nTitle with\tgaps  31.02.2024\n\nBody.\n\n" + footer
    let page = try CSTOPageParser.parse(text)
    #expect(page.main?.title == "Title  with   gaps")
    #expect(page.main?.pageDate == nil)
    #expect(page.main?.body == "Body.")
    // A different title before the date is no repeat: the fallback finds the title instead.
    let other = try CSTOPageParser.parse("A teaser.\n\nTitle\n\nOther 01.02.2024\n\nBody.\n\n" + footer)
    #expect(other.main?.title == "Title" && other.main?.pageDate == nil)
    #expect(other.main?.body == "Other 01.02.2024\n\nBody.")
  }

  @Test func fallbackSkipsTheOpeningParagraphOfTheLastTeaserBlock() throws {
    // The last teaser is cut mid-word, so it looks like a title; the real title follows it.
    let text = "First teaser.\n\n\nSecond teaser cut mid\n\nReal title\n\nBody text.\n\n" + footer
    let page = try CSTOPageParser.parse(text)
    #expect(page.teasers.map(\.body) == ["First teaser.", "Second teaser cut mid"])
    #expect(page.teasers.map(\.truncated) == [false, true])
    #expect(page.main?.title == "Real title")
    #expect(page.main?.line == 6)
  }

  @Test func footerToleratesCaseWhitespaceAndTrailingBlankLines() throws {
    let body = "A teaser.\n\nTitle\n\nTitle 01.02.2024\n\nBody.\n"
    let loose = body + "  GO   back \r\nback to THE section\n\n\tBack to the all news\u{00A0}\n\n\n"
    #expect(CSTOPageParser.looksLikePage(loose))
    #expect(try CSTOPageParser.parse(loose).main?.body == "Body.")
    // Out of order, the lines are no footer: the page ends early, its body running on into them.
    let reordered = body + "Back to the section\n\nGo back\n\nBack to the all news\n"
    let cut = try CSTOPageParser.parse(reordered)
    #expect(cut.main?.body == "Body.\n\nBack to the section\n\nGo back\n\nBack to the all news")
    #expect(
      cut.warnings.map(\.message) == [
        "the text ends before the page's footer 'Go back / Back to the section / Back to the all news': the article "
          + "\"Title\" may be cut short"
      ])
    // Text after the footer is not part of the page.
    let notAtEnd = body + footer + "\nMore text afterwards.\n"
    #expect(CSTOPageParser.looksLikePage(notAtEnd))
    let trailing = try CSTOPageParser.parse(notAtEnd)
    #expect(trailing.main?.body == "Body.")
    #expect(
      trailing.warnings == [
        PageWarning(message: "the text goes on after the page's footer; what follows it is ignored", line: 14)
      ])
  }

  @Test func photoCreditOnlyAtTheEnd() throws {
    let text = "Title\n\nTitle 01.02.2024\n\nPhoto: in the middle.\n\nLast words.\n\nphoto:  Press service \n\n"
    let page = try CSTOPageParser.parse(text + footer)
    #expect(page.main?.photoCredit == "Press service")
    #expect(page.main?.body == "Photo: in the middle.\n\nLast words.")
  }

  @Test func teaserEndings() throws {
    let teasers = [
      "Ends with a period.", "Ends with a quote \u{201C}Forum\u{201D}", "Ends (in brackets)", "Ends mid wo",
    ]
    let text = teasers.joined(separator: "\n\n\n") + "\n\nTitle\n\nTitle 01.02.2024\n\nBody.\n\n" + footer
    let page = try CSTOPageParser.parse(text)
    #expect(page.teasers.map(\.body) == teasers)
    #expect(page.teasers.map(\.truncated) == [false, false, false, true])
  }
}

@Suite("CSTO pages: cut short or partial")
struct CSTOPartialPageTests {
  static let title = "The Committee of Secretaries of Security Councils held a meeting in Astana"
  static let footerText = "'Go back / Back to the section / Back to the all news'"

  @Test func aCompletePageHasNoWarnings() throws {
    let page = try page("partial/complete.txt")
    #expect(page.teasers.map(\.line) == [1, 4, 9])
    #expect(page.main?.title == Self.title)
    #expect(page.main?.line == 11)
    #expect(page.main?.pageDate == Day(year: 2024, month: 5, day: 28))
    #expect(paragraphs(page.main?.body).count == 3)
    #expect(page.warnings.isEmpty)
  }

  @Test func cutInsideTheArticleKeepsWhatIsThere() throws {
    let page = try page("partial/cut-in-article.txt")
    #expect(page.teasers.map(\.line) == [1, 4, 9])
    let main = try #require(page.main)
    #expect(main.title == Self.title)
    #expect(main.pageDate == Day(year: 2024, month: 5, day: 28))
    #expect(main.body.hasSuffix("against international terrorism and the illicit traff"))
    #expect(main.truncated)
    #expect(
      page.warnings == [
        PageWarning(
          message: "the text ends before the page's footer \(Self.footerText): the article \"\(Self.title)\" may be "
            + "cut short", line: 16)
      ])
  }

  @Test func cutInsideTheDatedTitleKeepsTheTeasers() throws {
    let text = try fixture("partial/cut-in-dated-title.txt")
    let page = try CSTOPageParser.parse(text)
    #expect(page.teasers.map(\.line) == [1, 4, 9])
    #expect(page.teasers.allSatisfy { !$0.truncated })
    #expect(page.main == nil)
    #expect(
      page.warnings == [
        PageWarning(
          message: "the text ends before the page's footer \(Self.footerText) and before the text of the article "
            + "\"\(Self.title)\": kept 3 teasers", line: 13)
      ])
  }

  @Test func cutInsideTheTeaserColumnKeepsTheCompleteTeasers() throws {
    let page = try page("partial/cut-in-teasers.txt")
    #expect(page.teasers.map(\.line) == [1, 4])
    #expect(page.teasers.map(\.position) == [0, 1])
    #expect(page.main == nil)
    #expect(
      page.warnings == [
        PageWarning(message: "the last teaser is cut off by the end of the text; it is not imported", line: 9),
        PageWarning(
          message: "the text ends before the page's footer \(Self.footerText) and before its main article: kept 2 "
            + "teasers", line: 9),
      ])
  }

  @Test func aPageWithOnlyTheTeaserColumn() throws {
    let page = try page("partial/teaser-column-only.txt")
    #expect(page.teasers.map(\.line) == [1, 4, 9])
    #expect(page.main == nil)
    #expect(page.warnings == [PageWarning(message: CSTOBadPageTests.noMainArticle + "kept 3 teasers", line: 9)])
  }

  @Test func aPageWithOnlyTheArticle() throws {
    let whole = try page("partial/article-only.txt")
    #expect(whole.teasers.isEmpty)
    #expect(whole.main?.title == Self.title && whole.main?.position == 0)
    #expect(whole.warnings.isEmpty)
    let cut = try page("partial/article-only-cut.txt")
    #expect(cut.teasers.isEmpty)
    #expect(paragraphs(cut.main?.body).count == 2)
    #expect(cut.main?.truncated == false)
    #expect(cut.warnings.map(\.line) == [6])
  }

  @Test func theArticleWithoutItsTextKeepsTheTeasers() throws {
    let page = try page("partial/title-without-text.txt")
    #expect(page.teasers.map(\.line) == [1, 4])
    #expect(page.main == nil)
    #expect(
      page.warnings == [
        PageWarning(message: "the main article \"\(Self.title)\" has no text: kept 2 teasers", line: 6)
      ])
  }

  @Test func textAfterTheFooterIsIgnored() throws {
    let page = try page("partial/text-after-footer.txt")
    #expect(page.teasers.map(\.line) == [1, 4])
    #expect(page.main?.body.hasSuffix("chairmanship of the Republic of Kazakhstan.") == true)
    #expect(
      page.warnings == [
        PageWarning(message: "the text goes on after the page's footer; what follows it is ignored", line: 18)
      ])
  }

  @Test func textWithoutFooterDatedTitleOrTeaserColumnIsNoPage() throws {
    let text = "Just some notes.\nAbout a meeting.\n\nAnd more notes.\n"
    #expect(
      parseError(text)
        == PageParseError(
          message: "not a CSTO page: the footer \(Self.footerText) is missing and no title is repeated with its "
            + "dd.mm.yyyy date", line: 4))
    #expect(!CSTOPageParser.looksLikePage(text))
  }

  /// The layout rules read blocks, whatever the page was saved as: blocks made from the text give the same
  /// page, and blocks as an HTML reader would make them (one per element, footer links included) too.
  @Test func blocksFromTextOrHTMLGiveTheSamePage() throws {
    let text = try fixture("partial/complete.txt")
    let fromText = try CSTOPageParser.parse(text)
    let blocks = CSTOPageParser.blocks(in: text)
    #expect(blocks.count == 10)
    #expect(
      blocks.map(\.gap) == [.paragraph, .item, .paragraph, .item, .paragraph, .paragraph, .paragraph] + [
        .paragraph, .paragraph, .paragraph,
      ])
    #expect(try CSTOPageParser.parse(blocks: blocks, lastLine: 23) == fromText)
    // An HTML page: one block per element, each on its own source line.
    let article = fromText.main!.body.components(separatedBy: "\n\n")
    var html: [CSTOPageBlock] = []
    for (number, teaser) in fromText.teasers.enumerated() {
      for (index, paragraph) in teaser.body.components(separatedBy: "\n\n").enumerated() {
        html.append(
          CSTOPageBlock(
            lines: [Substring(paragraph)], line: 100 + html.count, gap: index == 0 && number > 0 ? .item : .paragraph))
      }
    }
    let titleLine = 100 + html.count
    html.append(CSTOPageBlock(lines: [Substring(Self.title)], line: titleLine, gap: .paragraph))
    html.append(CSTOPageBlock(lines: [Substring(Self.title + " 28.05.2024")], line: titleLine + 1, gap: .paragraph))
    for paragraph in article + ["Go back", "Back to the section", "Back to the all news"] {
      html.append(CSTOPageBlock(lines: [Substring(paragraph)], line: 100 + html.count, gap: .paragraph))
    }
    let fromHTML = try CSTOPageParser.parse(blocks: html, lastLine: 200)
    #expect(fromHTML.teasers.map(\.body) == fromText.teasers.map(\.body))
    #expect(fromHTML.main?.title == Self.title && fromHTML.main?.line == titleLine)
    #expect(fromHTML.main?.body == fromText.main?.body)
    #expect(fromHTML.warnings.isEmpty)
  }
}
