import Foundation
import Testing

@testable import MandateKit

#if canImport(Glibc)
  import Glibc
#endif

/// The feed fixtures; the folder is excluded from the test target's sources, so it is read from disk.
private let fixtureFolder = TestPaths.fixture("feeds")

private func fixture(_ name: String) throws -> Data {
  try Data(contentsOf: fixtureFolder.appendingPathComponent(name))
}

/// The error `parse` throws, or nil when it succeeds (which every caller treats as a failure).
private func parseError(_ data: Data) -> FeedParseError? {
  do {
    _ = try FeedParser.parse(data)
    return nil
  } catch {
    return error
  }
}

private func day(_ text: String) -> Day { Day(iso: text)! }

/// Lines (1-based) where an `<item` or `<entry` start tag begins, found independently of the parser.
private func startTagLines(_ data: Data, tag: String) -> [Int] {
  let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
  return lines.enumerated().compactMap { index, line in
    let text = line.trimmingCharacters(in: .whitespaces)
    guard text.hasPrefix("<\(tag)") else { return nil }
    let rest = text.dropFirst(tag.count + 1)
    return rest.isEmpty || rest.first == " " || rest.first == ">" ? index + 1 : nil
  }
}

@Suite("FeedParser")
struct FeedParserTests {
  // MARK: Valid feeds

  @Test func rssFeedGivesEveryField() throws {
    let result = try FeedParser.parse(fixture("csto-rss.xml"))
    #expect(result.kind == .rss)
    let expected = [
      FeedEntry(
        title: "The CSTO is holding a strategic command and staff training",
        body: "On 10 April 2024 the CSTO Joint Staff began a strategic command and staff training with the "
          + "participation of the operational groups of the member states.\n\nThe training is devoted to the use of "
          + "the Collective Rapid Reaction Forces \u{2014} in particular in the Central Asian region.",
        url: "https://en.odkb-csto.org/news/news_odkb/the-csto-is-holding-a-strategic-command-and-staff-training/",
        published: day("2024-04-10"), language: "en", guid: "odkb-news-31201", line: 13),
      FeedEntry(
        title: "CSTO Secretary General met with the Ambassador of the Republic of Armenia",
        body: "Imangali Tasmagambetov met with the Ambassador in Moscow.\n\nThe parties discussed the CSTO\u{2019}s "
          + "crisis response mechanisms.\n\nThey agreed to continue consultations.",
        url: "https://en.odkb-csto.org/news/news_odkb/csto-secretary-general-met-with-the-ambassador/",
        published: day("2024-04-09"), language: "en",
        guid: "https://en.odkb-csto.org/news/news_odkb/csto-secretary-general-met-with-the-ambassador/", line: 24),
      FeedEntry(
        title: "Meeting of the CSTO Committee of Secretaries of Security Councils",
        body: "The Committee will meet in Minsk & discuss information security.",
        url: "https://en.odkb-csto.org/news/news_odkb/meeting-of-the-committee-of-secretaries/",
        published: nil, language: "en",
        guid: "https://en.odkb-csto.org/news/news_odkb/meeting-of-the-committee-of-secretaries/", line: 32),
      FeedEntry(
        title: "CSTO Parliamentary Assembly expert council convenes in Saint Petersburg", body: "",
        url: "https://en.odkb-csto.org/news/news_odkb/pa-expert-council/", published: day("2024-04-08"),
        language: "en", guid: nil, line: 38),
    ]
    #expect(result.entries == expected)
  }

  @Test func atomFeedGivesEveryField() throws {
    let result = try FeedParser.parse(fixture("csto-atom.xml"))
    #expect(result.kind == .atom)
    let expected = [
      FeedEntry(
        title: "Joint Staff completes the planning stage of \"Interaction-2024\"",
        body: "The Joint Staff of the CSTO has completed the planning stage of the joint exercise "
          + "\u{AB}Interaction-2024\u{BB}.\n\nThe active phase will take place in the autumn.",
        url: "https://en.odkb-csto.org/news/joint-staff/interaction-2024-planning/",
        published: day("2024-04-10"), language: "en", guid: "tag:odkb-csto.org,2024:news-31250", line: 8),
      FeedEntry(
        title: "Заседание Совета министров обороны ОДКБ",
        body: "Министры обороны обсудили вопросы военного сотрудничества.\n\nСледующее заседание пройдёт осенью.",
        url: "https://en.odkb-csto.org/news/ru/council-of-defence-ministers/",
        published: day("2024-04-08"), language: "ru", guid: "tag:odkb-csto.org,2024:news-31251", line: 19),
      FeedEntry(
        title: "Peacekeeping forces certified for 2024",
        body: "The CSTO collective peacekeeping forces passed certification & review.\n\nArmenia\n\nKazakhstan",
        url: "https://en.odkb-csto.org/news/joint-staff/peacekeeping-certified/",
        published: day("2024-04-09"), language: "en", guid: "tag:odkb-csto.org,2024:news-31252", line: 30),
    ]
    #expect(result.entries == expected)
  }

  @Test func rdfFeedIsReadAsRSS() throws {
    let result = try FeedParser.parse(fixture("rdf-rss1.xml"))
    #expect(result.kind == .rss)
    #expect(
      result.entries == [
        FeedEntry(
          title: "CSTO Crisis Response Council session",
          body: "The Council reviewed the situation on the Tajik-Afghan border.",
          url: "https://en.odkb-csto.org/news/crisis-response-council/", published: day("2024-04-05"),
          language: "en", guid: nil, line: 18),
        FeedEntry(
          title: "Consultations on border security", body: "",
          url: "https://en.odkb-csto.org/news/border-consultations/", published: day("2024-04-06"),
          language: "en", guid: nil, line: 24),
      ])
  }

  @Test func edgeCaseItems() throws {
    let result = try FeedParser.parse(fixture("rss-edge-cases.xml"))
    // The item with only a guid and date, and the one with blank title and description, carry nothing to import.
    #expect(
      result.entries == [
        FeedEntry(title: "Only a title", body: "", url: nil, published: nil, language: "ru", guid: nil, line: 6),
        // A javascript: link would be dangerous to render as a link, so it is dropped.
        FeedEntry(
          title: "Hostile link", body: "", url: nil, published: nil, language: "ru", guid: "hostile-1", line: 13),
        // No channel link to resolve against: the relative link is kept as written; xml:lang beats <language>.
        FeedEntry(
          title: "Relative link without a channel link", body: "", url: "/relative/path?id=7", published: nil,
          language: "kk", guid: nil, line: 18),
        FeedEntry(
          title: nil, body: "A description without a title.", url: nil, published: day("2024-04-10"),
          language: "ru", guid: nil, line: 22),
        FeedEntry(
          title: "Empty link falls back to the guid", body: "", url: "http://example.org/guid-link",
          published: day("2024-04-11"), language: "ru", guid: "http://example.org/guid-link", line: 26),
      ])
  }

  @Test(arguments: [
    ("csto-rss.xml", "item"), ("csto-atom.xml", "entry"), ("rdf-rss1.xml", "item"), ("bom.xml", "item"),
    ("script-injection.xml", "item"),
  ])
  func entryLinesPointAtStartTags(name: String, tag: String) throws {
    let data = try fixture(name)
    let lines = try FeedParser.parse(data).entries.map(\.line)
    #expect(!lines.isEmpty)
    #expect(lines == startTagLines(data, tag: tag))
  }

  @Test func startTagSpanningLinesReportsItsFirstLine() throws {
    let feed = "<rss><channel>\n<item\n\n   xml:lang=\"ru\"\n   x=\"é>\">\n<title>t</title></item></channel></rss>"
    let entries = try FeedParser.parse(Data(feed.utf8)).entries
    #expect(entries.map(\.line) == [2])
    #expect(entries.first?.language == "ru")
  }

  @Test func byteOrderMarkIsAccepted() throws {
    let data = try fixture("bom.xml")
    #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
    let result = try FeedParser.parse(data)
    #expect(result.kind == .rss)
    #expect(
      result.entries.map(\.title) == ["Collective Rapid Reaction Forces \u{2014} exercise \u{201C}Rubezh-2024\u{201D}"])
    #expect(result.entries.map(\.body) == ["Started with a byte-order mark."])
  }

  @Test func cdataDescriptionWithHTMLBecomesParagraphs() throws {
    let entries = try FeedParser.parse(fixture("cdata-html.xml")).entries
    #expect(
      entries.map(\.body) == [
        "Statement\n\nThe Council of Foreign Ministers adopted a statement\u{2026}\n\nSee the site for the full text."
          + "\n\nSecurity & stability\n\n\u{AB}Peace\u{BB} \u{A9} 2024"
      ])
  }

  @Test func scriptIsRemovedFromBodiesButLiteralInTitles() throws {
    let entries = try FeedParser.parse(fixture("script-injection.xml")).entries
    // The title is XML text: the escaped tag is a literal string, escaped again whenever it is rendered.
    #expect(entries.map(\.title) == ["Breaking <script>alert(1)</script> news", "Script in CDATA"])
    #expect(entries.map(\.body) == ["Before\n\nAfter", "Safe text\n\nMore text"])
    for entry in entries {
      #expect(!entry.body.contains("alert"))
      #expect(!entry.body.contains("cookie"))
      #expect(!entry.body.lowercased().contains("script"))
    }
  }

  @Test func rightToLeftMarksAndZeroWidthSpacesAreKept() throws {
    let entries = try FeedParser.parse(fixture("rtl-zero-width.xml")).entries
    #expect(
      entries.map(\.title) == [
        "\u{200F}منظمة معاهدة الأمن الجماعي\u{200F} تعقد تدريبا", "CSTO\u{200B}\u{200B}summit in\u{200B}Astana",
      ])
    #expect(entries.first?.title?.unicodeScalars.first == "\u{200F}")
    #expect(entries.last?.body == "Zero\u{200B}width spaces.")
  }

  @Test func utf16FeedIsRead() throws {
    let feed =
      "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<rss><channel><item><title>ОДКБ</title></item></channel></rss>"
    var data = Data([0xFF, 0xFE])
    data.append(feed.data(using: .utf16LittleEndian)!)
    let result = try FeedParser.parse(data)
    #expect(result.entries.map(\.title) == ["ОДКБ"])
    #expect(FeedParser.kind(of: data) == .rss)
  }

  @Test func windows1251FeedIsRead() throws {
    let feed =
      "<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n<rss><channel><item>"
      + "<title>Учения ОДКБ «Взаимодействие»</title></item></channel></rss>"
    let data = try #require(feed.data(using: .windowsCP1251))
    #expect(try FeedParser.parse(data).entries.map(\.title) == ["Учения ОДКБ «Взаимодействие»"])
  }

  // MARK: Dates

  @Test(arguments: [
    ("Wed, 10 Apr 2024 09:30:00 +0300", "2024-04-10"),
    ("Tue, 9 Apr 2024 23:59:59 GMT", "2024-04-09"),
    ("2024-04-10T21:00:00-05:00", "2024-04-10"),
    ("2024-04-09T23:30:00+14:00", "2024-04-09"),
    ("10 Apr 2024 09:30 +0300", "2024-04-10"),
    ("Thu, 11 Apr 24 10:00 +0300", "2024-04-11"),
    ("wednesday, 10 april 2024 09:30:00 MSK", "2024-04-10"),
    ("Wed,10 Apr 2024 09:30:00 +0300", "2024-04-10"),
    ("Thu, 29 Feb 2024 12:00:00 Z", "2024-02-29"),
    ("2024-04-10", "2024-04-10"),
    ("  2024-04-10T00:00:00Z\n", "2024-04-10"),
    // Without the time, or with one out of range: the day is still plain.
    ("Wed, 10 Apr 2024", "2024-04-10"),
    ("Wed, 10 Apr 2024 25:00:00 +0300", "2024-04-10"),
  ])
  func datesGiveTheDayInTheirOwnOffset(text: String, expected: String) {
    #expect(FeedDate.day(text) == day(expected))
  }

  @Test(arguments: [
    "sometime in April", "", "Wed, 31 Apr 2024 09:30:00 +0300", "Wed, 10 Foo 2024 09:30:00 +0300",
    "2024-13-01T00:00:00Z", "2024-04-10abc",
    "10/04/2024", "Thu, 29 Feb 2023 12:00:00 Z",
  ])
  func malformedDatesAreNil(text: String) {
    #expect(FeedDate.day(text) == nil)
  }

  @Test func malformedPubDateIsNotAnError() throws {
    let feed = "<rss><channel><item><title>t</title><pubDate>Wed, 32 Apr 2024</pubDate></item></channel></rss>"
    let entries = try FeedParser.parse(Data(feed.utf8)).entries
    #expect(entries.count == 1)
    #expect(entries.first?.published == nil)
  }

  // MARK: Links

  @Test(arguments: [
    ("https://en.odkb-csto.org/news/1", "https://en.odkb-csto.org/news/1"),
    ("HTTP://EXAMPLE.ORG/", "HTTP://EXAMPLE.ORG/"),
    ("/news/1", "/news/1"),
    ("  https://example.org/a\n", "https://example.org/a"),
  ])
  func safeLinksAreKept(raw: String, expected: String) {
    #expect(FeedXMLDelegate.sanitizedURL(raw) == expected)
  }

  @Test(arguments: [
    "javascript:alert(1)", "JavaScript:alert(1)", "java\tscript:alert(1)", " \u{1}javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=", "file:///etc/passwd", "vbscript:msgbox", "", "https://a.org/\u{0}x",
  ])
  func unsafeLinksAreDropped(raw: String) {
    #expect(FeedXMLDelegate.sanitizedURL(raw) == nil)
  }

  @Test func atomLinksPreferAlternateThenFirstWithoutRel() throws {
    let feed = """
      <feed xmlns="http://www.w3.org/2005/Atom">
      <entry><title>a</title><link rel="self" href="https://x.org/self"/><link href="https://x.org/plain1"/>
      <link href="https://x.org/plain2"/></entry>
      <entry><title>b</title><link href="https://x.org/plain"/><link rel="alternate" href="https://x.org/alt"/></entry>
      <entry><title>c</title><link rel="enclosure" href="https://x.org/a.mp3"/></entry>
      </feed>
      """
    let entries = try FeedParser.parse(Data(feed.utf8)).entries
    #expect(entries.map(\.url) == ["https://x.org/plain1", "https://x.org/alt", nil])
  }

  // MARK: Hostile and broken input

  @Test func emptyFileIsAnError() throws {
    #expect(parseError(try fixture("empty.xml")) == FeedParseError(message: "empty file", line: 0, column: 0))
    #expect(parseError(Data(" \n\t\r\n".utf8)) == FeedParseError(message: "empty file", line: 0, column: 0))
    #expect(parseError(Data([0xEF, 0xBB, 0xBF])) == FeedParseError(message: "empty file", line: 0, column: 0))
  }

  @Test func jsonIsNotXML() throws {
    #expect(
      parseError(try fixture("not-xml.json"))
        == FeedParseError(message: "not XML: no start tag found", line: 1, column: 1))
  }

  @Test func truncatedFileNamesTheMissingTags() throws {
    let error = try #require(parseError(try fixture("truncated.xml")))
    #expect(error.message == "truncated XML: missing </channel>, </rss>")
    #expect(error.line == 11)
  }

  @Test func everyCutOfAValidFeedIsAnError() throws {
    let data = try fixture("csto-rss.xml")
    // No cut may yield a partial feed; once the root's start tag is complete, the error must say "truncated".
    let rootOpened = try #require(String(decoding: data, as: UTF8.self).firstRange(of: "<channel>")).lowerBound
      .utf16Offset(in: String(decoding: data, as: UTF8.self))
    for cut in stride(from: 1, to: data.count - 1, by: 7) {
      let error = parseError(data.prefix(cut))
      #expect(error != nil, "cut at \(cut) parsed")
      if cut > rootOpened, let error {
        #expect(error.message.hasPrefix("truncated XML: missing "), "cut at \(cut): \(error.message)")
      }
    }
  }

  @Test(arguments: [
    ("<rss><channel><item><tit", "truncated XML: missing </tit>, </item>, </channel>, </rss>"),
    ("<rss><channel><item a=\"x", "truncated XML: missing </item>, </channel>, </rss>"),
    ("<rss><channel><item><![CDATA[abc", "truncated XML: missing </item>, </channel>, </rss>"),
    ("<rss><channel><item><!-- abc", "truncated XML: missing </item>, </channel>, </rss>"),
    // libxml2 takes the cut "</ite" as closing <item>.
    ("<rss><channel><item></ite", "truncated XML: missing </channel>, </rss>"),
    ("<rss><channel><item><title>a</title>\n", "truncated XML: missing </item>, </channel>, </rss>"),
    ("<rss><channel><a><b><c><item>", "truncated XML: missing </item>, </c>, </b>, </a>, …"),
  ])
  func truncationAnywhereIsReported(feed: String, message: String) {
    #expect(parseError(Data(feed.utf8))?.message == message)
  }

  @Test func cutInsideACharacterIsTruncation() {
    let data = Data("<rss><channel><item><title>CSTO \u{2014}".utf8).dropLast(1)
    #expect(parseError(data)?.message == "truncated XML: missing </title>, </item>, </channel>, </rss>")
  }

  @Test func otherRootElementIsNotAFeed() throws {
    #expect(
      parseError(try fixture("not-a-feed.xml"))
        == FeedParseError(message: "not an RSS or Atom feed: root element <foo>", line: 2, column: 5))
    let atomWithoutNamespace = Data("<feed><entry><title>t</title></entry></feed>".utf8)
    #expect(
      parseError(atomWithoutNamespace)?.message
        == "not an RSS or Atom feed: root element <feed> (not in the Atom 1.0 namespace http://www.w3.org/2005/Atom "
        + "or the Atom 0.3 namespace http://purl.org/atom/ns#)")
    let html = Data("<!DOCTYPE html>\n<html><body><p>Not a feed<br></p></body></html>".utf8)
    #expect(parseError(html)?.message == "not an RSS or Atom feed: root element <html>")
  }

  @Test func invalidUTF8IsAnError() throws {
    #expect(
      parseError(try fixture("invalid-utf8.xml"))
        == FeedParseError(
          message:
            "XML error at line 5: invalid character (the file is not valid UTF-8, or contains a control character)",
          line: 5, column: 21))
  }

  /// XMLParser on Linux crashed on a name that is not UTF-8 (found by fuzzing); now it is an error at the byte.
  @Test func nonUTF8NameIsAnErrorNotACrash() throws {
    let tag = Data([0x3C, 0xFF, 0xFF])
    #expect(
      parseError(tag)
        == FeedParseError(
          message:
            "XML error at line 1: invalid character (the file is not valid UTF-8, or contains a control character)",
          line: 1, column: 2))
    #expect(FeedParser.kind(of: tag) == nil)
    var attribute = Data("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<rss a".utf8)
    attribute.append(contentsOf: [0xFF] + Array("=\"1\"></rss>".utf8))
    #expect(parseError(attribute)?.line == 2)
    // An encoding libxml2 cannot open leaves the file read as UTF-8, so it is checked too.
    var unknown = Data("<?xml version=\"1.0\" encoding=\"no-such-encoding\"?>\n<rss a".utf8)
    unknown.append(contentsOf: [0xFF] + Array("=\"1\"></rss>".utf8))
    #expect(parseError(unknown)?.line == 2)
    _ = FeedParser.kind(of: attribute)  // sniffs only the bytes before the bad one, without crashing
    // Declared single-byte encodings are converted by libxml2 and still read.
    var latin1 = Data("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss><channel><item><title>Caf".utf8)
    latin1.append(contentsOf: [0xE9] + Array("</title></item></channel></rss>".utf8))
    #expect(try FeedParser.parse(latin1).entries.map(\.title) == ["Café"])
    // "<?xml" followed by anything but white space is no declaration, whatever encoding it names after: the file
    // is read as UTF-8, and the instruction's target must be checked (found by fuzzing).
    var notADeclaration = Data("<?xml".utf8)
    notADeclaration.append(contentsOf: [0xFF, 0xFF] + Array(" version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss/>".utf8))
    #expect(
      parseError(notADeclaration)
        == FeedParseError(
          message:
            "XML error at line 1: invalid character (the file is not valid UTF-8, or contains a control character)",
          line: 1, column: 6))
    // Nor is a declaration that is not well-formed: libxml2 does not switch to the encoding it names.
    var malformed = Data("<?xml version=on=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss a".utf8)
    malformed.append(contentsOf: [0xFF] + Array("=\"1\"></rss>".utf8))
    #expect(parseError(malformed)?.line == 2)
    #expect(
      XMLDeclaration(Array("<?xml version='1.0' encoding='KOI8-R' standalone='yes' ?>".utf8), at: 0)?.encoding
        == "KOI8-R")
    #expect(XMLDeclaration(Array("<?xml version=\"1.1\"?>".utf8), at: 0)?.encoding == nil)
    #expect(XMLDeclaration(Array("<?xml version=\"1.1\"?>".utf8), at: 0) != nil)
    for broken in ["<?xml encoding=\"KOI8-R\"?>", "<?xml version=\"2.0\"?>", "<?xml version=\"1.0\"encoding=\"x\"?>"] {
      #expect(XMLDeclaration(Array(broken.utf8), at: 0) == nil, "\(broken)")
    }
  }

  /// libxml2 gives line 0 when it stops at once; a non-empty file's error is on its first line.
  @Test func errorBeforeTheFirstLineIsOnLineOne() {
    #expect(parseError(Data([0]))?.line == 1)
  }

  /// libxml2 hands `<?name?>` to XMLParser with NULL data, and XMLParser called strlen on it: a segmentation fault
  /// (found by fuzzing). Such instructions are padded to `<?name ?>`, which is the same instruction.
  @Test func processingInstructionWithoutDataIsRead() throws {
    let feed = "<?xml version=\"1.0\"?>\n<?x?><rss><?y?><channel><item><title>A<?z?></title></item></channel></rss>"
    #expect(try FeedParser.parse(Data(feed.utf8)).entries.map(\.title) == ["A"])
    #expect(FeedParser.kind(of: Data(feed.utf8)) == .rss)
    var utf16 = Data([0xFE, 0xFF])
    utf16.append(
      feed.replacingOccurrences(of: "1.0\"", with: "1.0\" encoding=\"UTF-16\"").data(using: .utf16BigEndian)!)
    #expect(try FeedParser.parse(utf16).entries.map(\.title) == ["A"])
    #expect(FeedParser.kind(of: utf16) == .rss)
    // An error after a padded instruction keeps the column of the original text.
    let padded = try #require(parseError(Data("<rss><?x?>&bad;</rss>".utf8)))
    let unpadded = try #require(parseError(Data("<rss><?x ?>&bad;</rss>".utf8)))
    #expect(padded.line == 1 && padded.column == unpadded.column - 1)
    // Text that only looks like one is left alone.
    #expect(
      FeedProcessingInstructions(padding: Data("<a>x?>y</a> <? ?> <?>".utf8)).data == Data("<a>x?>y</a> <? ?> <?>".utf8)
    )
  }

  @Test func undeclaredEntityIsAnError() throws {
    #expect(
      parseError(try fixture("undeclared-entity.xml"))
        == FeedParseError(
          message: "XML error at line 9: undeclared entity &nbsp; (XML only knows &amp; &lt; &gt; &quot; &apos;; "
            + "HTML entities need CDATA)", line: 9, column: 25))
  }

  @Test func otherMalformedXMLIsAnError() {
    #expect(
      parseError(Data("<rss><channel>\n<item>abc</channel></rss>".utf8))
        == FeedParseError(
          message: "XML error at line 2: mismatched closing tag (expected </item>)", line: 2, column: 20))
    #expect(
      parseError(Data("<rss><channel/></rss>\n<rss/>".utf8))
        == FeedParseError(message: "XML error at line 2: content after the end of the root element", line: 2, column: 1)
    )
    #expect(parseError(Data("<rss><channel><title>A & B</title></channel></rss>".utf8))?.line == 1)
    #expect(parseError(Data("<?xml version=\"1.0\"?>\n<!-- only a comment -->\n".utf8))?.message == "no root element")
  }

  @Test func billionLaughsIsRefusedCheaply() throws {
    let data = try fixture("billion-laughs.xml")
    let peakBefore = peakResidentKilobytes()
    let error = parseError(data)
    let direct = Result { () throws(FeedParseError) in try FeedParser.parseDocument(data) }
    #expect(
      error
        == FeedParseError(
          message: "entity declaration <!ENTITY lol> refused (possible entity bomb or external entity)", line: 3,
          column: 2))
    // Even without the declaration check, libxml2 refuses the expansion instead of building gigabytes of "lol".
    #expect(throws: FeedParseError(message: "entity expansion refused (possible entity bomb)", line: 17, column: 20)) {
      try direct.get()
    }
    if let before = peakBefore, let after = peakResidentKilobytes() {
      #expect(after - before < 64 * 1024, "peak memory grew by \(after - before) KB")
    }
  }

  @Test func externalEntityIsNeverRead() throws {
    let data = try fixture("xxe-file.xml")
    // The check is only meaningful if the file it would leak exists and has the tell-tale text.
    if let passwd = try? String(contentsOfFile: "/etc/passwd", encoding: .utf8) { #expect(passwd.contains("root:")) }
    #expect(
      parseError(data)
        == FeedParseError(
          message: "entity declaration <!ENTITY xxe> refused (possible entity bomb or external entity)", line: 3,
          column: 3))
    // Without the declaration check, libxml2 expands the external entity to nothing.
    let entries = try FeedParser.parseDocument(data).entries
    #expect(entries.map(\.title) == ["Leak:"])
    #expect(entries.map(\.body) == ["Body:"])
    for entry in entries {
      #expect(!(entry.title ?? "").contains("root:"))
      #expect(!entry.body.contains("root:"))
    }
  }

  @Test func externalDTDIsNotFetched() throws {
    // NONET: libxml2 never opens the DTD's URL (with no network here, trying would fail or wait).
    let result = try FeedParser.parse(fixture("external-dtd.xml"))
    #expect(result.entries.map(\.title) == ["CSTO anti-drug operation \"Channel\" completed"])
    #expect(result.entries.first?.language == "en-us")
    // An entity that only the unread DTD would declare is undeclared, and that is an error rather than lost text.
    #expect(
      parseError(try fixture("external-dtd-other-entity.xml"))
        == FeedParseError(
          message: "XML error at line 8: undeclared entity &nbsp; (external DTDs are not read)", line: 8, column: 37))
    // Except the Latin-1 entities of Netscape's RSS 0.91 DTD, which such feeds use bare (see FeedEntities).
    #expect(
      try FeedParser.parse(fixture("external-dtd-entity.xml")).entries.map(\.title) == [
        "Relies on the DTD\u{A0}for entities"
      ])
    #expect(
      parseError(try fixture("external-parameter-entity.xml"))
        == FeedParseError(
          message: "entity declaration <!ENTITY remote> refused (possible entity bomb or external entity)", line: 3,
          column: 3))
  }

  @Test func localDTDFileIsNotRead() throws {
    let dtd = fixtureFolder.appendingPathComponent("evil.dtd")
    #expect(try String(contentsOf: dtd, encoding: .utf8).contains("LEAKED-FROM-EXTERNAL-DTD"))
    let feed = """
      <?xml version="1.0"?>
      <!DOCTYPE rss SYSTEM "\(dtd.absoluteString)">
      <rss><channel><item><title>x&leak;y</title></item></channel></rss>
      """
    #expect(
      parseError(Data(feed.utf8))
        == FeedParseError(
          message: "XML error at line 3: undeclared entity &leak; (external DTDs are not read)", line: 3, column: 35))
    let withoutEntity = feed.replacingOccurrences(of: "&leak;", with: "")
    #expect(try FeedParser.parse(Data(withoutEntity.utf8)).entries.map(\.title) == ["xy"])
  }

  #if os(Linux)
    @Test func noConnectionIsMadeForDTDsOrEntities() throws {
      // Control: the witness does notice a real connection, so silence below means nothing connected.
      let control = try #require(ConnectionWitness())
      #expect(control.connectSelf())
      #expect(control.connectionAttempted(withinMilliseconds: 1000))

      let witness = try #require(ConnectionWitness())
      let url = "http://127.0.0.1:\(witness.port)/feed.dtd"
      let plainDoctype = "<!DOCTYPE rss SYSTEM \"\(url)\">\n<rss><channel><item><title>t</title></item></channel></rss>"
      #expect(try FeedParser.parse(Data(plainDoctype.utf8)).entries.count == 1)
      let parameterEntity = "<!DOCTYPE rss [<!ENTITY % remote SYSTEM \"\(url)\"> %remote;]>\n<rss/>"
      #expect(throws: FeedParseError.self) { try FeedParser.parseDocument(Data(parameterEntity.utf8)) }
      let generalEntity =
        "<!DOCTYPE rss [<!ENTITY e SYSTEM \"\(url)\">]>\n<rss><channel><item><title>&e;</title>"
        + "</item></channel></rss>"
      #expect(try FeedParser.parseDocument(Data(generalEntity.utf8)).entries.isEmpty)
      #expect(!witness.connectionAttempted(withinMilliseconds: 300))
    }
  #endif

  @Test func entityDeclarationsAreFoundInUTF16Too() {
    let feed = "<!DOCTYPE rss [<!ENTITY a \"b\">]><rss/>"
    var data = Data([0xFE, 0xFF])
    data.append(feed.data(using: .utf16BigEndian)!)
    #expect(
      parseError(data)?.message == "entity declaration <!ENTITY a> refused (possible entity bomb or external entity)")
  }

  @Test func entityDeclarationScanSkipsCommentsAndQuotes() {
    let harmless = """
      <?xml version="1.0"?>
      <!-- <!ENTITY not-a-declaration "x"> -->
      <!DOCTYPE rss [
        <!-- <!ENTITY commented "x"> -->
        <!ATTLIST item note CDATA "<!ENTITY quoted>">
      ]>
      <rss><channel><item><title>t</title></item></channel></rss>
      """
    #expect(PrologScan.entityDeclaration(in: Data(harmless.utf8)) == nil)
    #expect(
      PrologScan.entityDeclaration(in: Data("<rss><![CDATA[<!DOCTYPE x [<!ENTITY y \"\">]>]]></rss>".utf8)) == nil)
    let declared = harmless.replacingOccurrences(of: "<!ATTLIST", with: "<!ENTITY % pe \"\">\n  <!ATTLIST")
    #expect(
      PrologScan.entityDeclaration(in: Data(declared.utf8)).map { "\($0.name)@\($0.line):\($0.column)" } == "pe@5:3")
  }

  @Test func hugePrologIsScannedQuickly() throws {
    // A 4.5 MB comment before the root, with many near-misses for the "-->" and "<!ENTITY" searches.
    let comment = "<!--" + String(repeating: "<!ENT x - ", count: 450_000) + "-->\n"
    let feed = Data((comment + "<rss><channel><item><title>t</title></item></channel></rss>").utf8)
    // Its speed is `mandate-bench linear`'s figure (a quadratic scan would take hours); here, the result.
    #expect(PrologScan.entityDeclaration(in: feed) == nil)
    #expect(try FeedParser.parse(feed).entries.map(\.title) == ["t"])
  }

  // MARK: Sniffing

  @Test(arguments: [
    ("csto-rss.xml", FeedKind.rss), ("csto-atom.xml", .atom), ("rdf-rss1.xml", .rss), ("rss-edge-cases.xml", .rss),
    ("bom.xml", .rss), ("cdata-html.xml", .rss), ("script-injection.xml", .rss), ("rtl-zero-width.xml", .rss),
    ("truncated.xml", .rss), ("invalid-utf8.xml", .rss), ("undeclared-entity.xml", .rss),
    ("billion-laughs.xml", .rss), ("xxe-file.xml", .rss), ("external-dtd.xml", .rss),
    ("external-dtd-entity.xml", .rss), ("external-parameter-entity.xml", .rss),
  ])
  func kindOfFeedFixtures(name: String, kind: FeedKind) throws {
    #expect(FeedParser.kind(of: try fixture(name)) == kind)
  }

  @Test(arguments: ["empty.xml", "not-xml.json", "not-a-feed.xml", "evil.dtd"])
  func kindOfNonFeedFixtures(name: String) throws {
    #expect(FeedParser.kind(of: try fixture(name)) == nil)
  }

  @Test func kindReadsOnlyTheStartOfTheFile() {
    let junkAfterRoot = Data(("<rss version=\"2.0\"><channel>" + String(repeating: "<<&&", count: 50_000)).utf8)
    #expect(FeedParser.kind(of: junkAfterRoot) == .rss)
    let padding = "<!--" + String(repeating: "x", count: 20_000) + "-->\n"
    let lateRoot = Data((padding + "<rss><channel><item><title>t</title></item></channel></rss>").utf8)
    #expect(FeedParser.kind(of: lateRoot) == nil)
    #expect((try? FeedParser.parse(lateRoot))?.entries.count == 1)
  }
}

/// The process's peak resident memory in KB, from Linux's /proc; nil elsewhere.
private func peakResidentKilobytes() -> Int? {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
  for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
    let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
    return fields.count >= 2 ? Int(fields[1]) : nil
  }
  return nil
}

#if os(Linux)
  /// A TCP listener on 127.0.0.1 that only records whether anything tried to connect to it.
  private final class ConnectionWitness {
    let descriptor: Int32
    let port: UInt16

    init?() {
      let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
      guard listener >= 0 else { return nil }
      var address = sockaddr_in()
      address.sin_family = sa_family_t(AF_INET)
      address.sin_port = 0
      address.sin_addr.s_addr = inet_addr("127.0.0.1")
      var length = socklen_t(MemoryLayout<sockaddr_in>.size)
      let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) }
      }
      let named = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
      }
      guard bound == 0, named == 0, listen(listener, 16) == 0 else {
        close(listener)
        return nil
      }
      descriptor = listener
      port = UInt16(bigEndian: address.sin_port)
    }

    deinit { close(descriptor) }

    /// Connects to the listener from this process, to prove that `connectionAttempted` can see a connection.
    func connectSelf() -> Bool {
      let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
      defer { close(client) }
      var address = sockaddr_in()
      address.sin_family = sa_family_t(AF_INET)
      address.sin_port = port.bigEndian
      address.sin_addr.s_addr = inet_addr("127.0.0.1")
      let result = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
      }
      return result == 0
    }

    func connectionAttempted(withinMilliseconds timeout: Int32) -> Bool {
      var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      return poll(&request, 1, timeout) > 0
    }
  }
#endif
