import Foundation
import Testing

@testable import MandateKit

@Suite struct ImportFormatsTests {
  @Test(arguments: [
    ("good.jsonl", ImportFormat.jsonl), ("broken-line.jsonl", .jsonl), ("good.csv", .csv), ("unbalanced.csv", .csv),
  ])
  func detectsFormatsFromContentAndName(_ name: String, _ format: ImportFormat) throws {
    #expect(try NewsReaders.detect(Samples.importFixture(name)) == format)
  }

  @Test func detectsPagesAndFeeds() throws {
    #expect(try NewsReaders.detect(Samples.pageFiles[0]) == .cstoPage)
    #expect(try NewsReaders.detect(TestPaths.fixture("feeds/csto-rss.xml")) == .rss)
    #expect(try NewsReaders.detect(TestPaths.fixture("feeds/csto-atom.xml")) == .atom)
  }

  @Test func aBinaryFileHasNoFormat() {
    let url = Samples.importFixture("binary.bin")
    #expect(throws: ImportError.undetectable(path: url.path)) { try NewsReaders.detect(url) }
  }

  @Test func jsonlItemsKeepTheirFieldsAndPrecision() throws {
    let scratch = try ScratchWorkspace()
    let report = try scratch.importFiles([Samples.importFixture("good.jsonl")])
    #expect(report.newEvents == 3)
    #expect(report.newUndated == 1)
    let events = try scratch.index().events(EventQuery())
    #expect(events.map(\.date?.description) == ["2024-04-10", "2024-05-01", nil])
    #expect(events.map(\.datePrecision) == [.day, .month, .none])
    #expect(events[0].dateBasis == .text)
    #expect(events[1].dateBasis == .published)
    #expect(events[0].sources.first?.url == "https://example.org/news/1")
    #expect(events[0].sources.first?.position == 1)
    #expect(events[0].sources.first?.role == .item)
  }

  @Test func aBrokenJSONLLineIsRejectedWithItsLineAndTheRestImported() throws {
    let scratch = try ScratchWorkspace()
    let report = try scratch.importFiles([Samples.importFixture("broken-line.jsonl")])
    #expect(report.newEvents == 2)
    #expect(
      report.rejected.map { "\($0.line): \($0.reason)" } == [
        "2: not a JSON object",
        "4: not a JSON object",
        "5: `date` is not a date: \"April 2024\" (expected YYYY-MM-DD, YYYY-MM or YYYY)",
        "6: `title` must be text",
        "7: neither `title` nor `body` has text",
      ])
    #expect(report.rejected.allSatisfy { $0.file.hasSuffix("broken-line.jsonl") })
  }

  @Test func invalidUTF8IsRejectedLineByLine() throws {
    let scratch = try ScratchWorkspace()
    let report = try scratch.importFiles([Samples.importFixture("invalid-utf8.jsonl")])
    #expect(report.newEvents == 1)
    #expect(report.rejected.map { "\($0.line): \($0.reason)" } == ["1: not valid UTF-8 (byte 37 of the line)"])
  }

  @Test func anEmptyFileImportsNothing() throws {
    let scratch = try ScratchWorkspace()
    let report = try scratch.importFiles([Samples.importFixture("empty.jsonl")], format: .jsonl)
    #expect(report.items == 0)
    #expect(report.changedFiles.isEmpty)
  }

  @Test func csvKeepsQuotedNewlinesAndCommas() throws {
    let scratch = try ScratchWorkspace()
    let report = try scratch.importFiles([Samples.importFixture("good.csv")])
    #expect(report.newEvents == 2)
    let events = try scratch.index().events(EventQuery())
    #expect(events[1].title == "A title, with a comma")
    #expect(events[1].text == "A body that spans\ntwo lines, with \"quotes\" inside.")
    #expect(events[1].sources.first?.position == 3)
  }

  @Test func csvAndJSONLOfTheSameNewsMakeTheSameEvent() throws {
    let scratch = try ScratchWorkspace()
    try scratch.importFiles([Samples.importFixture("good.jsonl"), Samples.importFixture("good.csv")])
    let events = try scratch.index().events(EventQuery())
    let afghanistan = try #require(events.first { $0.title == "Working Group on Afghanistan meets" })
    #expect(afghanistan.sources.count == 2)
    #expect(
      Set(afghanistan.sources.compactMap(\.file).map { ($0 as NSString).lastPathComponent }) == [
        "good.jsonl", "good.csv",
      ])
  }

  @Test func anUnbalancedQuoteIsReportedWhereItOpens() throws {
    let scratch = try ScratchWorkspace()
    let report = try scratch.importFiles([Samples.importFixture("unbalanced.csv")])
    #expect(report.newEvents == 1)
    #expect(
      report.rejected.map { "\($0.line): \($0.reason)" } == [
        "3: a quoted field opened here is never closed; the rest of the file was not read"
      ])
  }

  @Test func aRowWithTheWrongNumberOfFieldsIsRejected() throws {
    let scratch = try ScratchWorkspace()
    let report = try scratch.importFiles([Samples.importFixture("wrong-fields.csv")])
    #expect(report.newEvents == 2)
    #expect(report.rejected.map { "\($0.line): \($0.reason)" } == ["3: 2 fields, but the header has 3"])
  }

  @Test func aCSVWithoutKnownColumnsIsAnError() throws {
    let scratch = try ScratchWorkspace()
    #expect(throws: ImportError.self) { try scratch.importFiles([Samples.importFixture("no-columns.csv")]) }
    #expect(try scratch.recordFiles().isEmpty)
  }

  @Test func feedsImportEveryEntry() throws {
    let scratch = try ScratchWorkspace()
    let report = try scratch.importFiles([
      TestPaths.fixture("feeds/csto-rss.xml"), TestPaths.fixture("feeds/csto-atom.xml"),
    ])
    #expect(report.rejected.isEmpty)
    #expect(report.items == 7)
    let events = try scratch.index().events(EventQuery())
    #expect(events.allSatisfy { $0.sources.allSatisfy { $0.role == .item } })
    #expect(events.contains { $0.title == "The CSTO is holding a strategic command and staff training" })
  }

  @Test(arguments: ["billion-laughs.xml", "xxe-file.xml", "truncated.xml", "undeclared-entity.xml"])
  func hostileOrBrokenFeedsAreRejectedWhole(_ name: String) throws {
    let scratch = try ScratchWorkspace()
    let report = try scratch.importFiles([TestPaths.fixture("feeds/\(name)")], format: .rss)
    #expect(report.items == 0)
    #expect(report.rejected.count == 1)
    #expect(report.rejected.first?.line ?? 0 >= 1)
    #expect(try scratch.recordFiles().isEmpty)
  }

  @Test(arguments: [
    ("footer-only.txt", "no main article: the page has nothing before the footer"), ("empty.txt", "empty text"),
  ])
  func brokenPagesAreRejectedWithTheirLine(_ name: String, _ message: String) throws {
    let scratch = try ScratchWorkspace()
    let report = try scratch.importFiles([TestPaths.fixture("csto-pages/bad/\(name)")], format: .cstoPage)
    #expect(report.items == 0)
    #expect(report.rejected.count == 1)
    #expect(report.rejected.first?.reason.hasPrefix(message) == true, "\(report.rejected)")
  }

  @Test func aBinaryFileForcedAsPageIsRejected() throws {
    let scratch = try ScratchWorkspace()
    let report = try scratch.importFiles([Samples.importFixture("binary.bin")], format: .cstoPage)
    #expect(report.items == 0)
    #expect(report.rejected.count == 1)
  }

  @Test func strictWritesNothingWhenARecordIsRejected() throws {
    let scratch = try ScratchWorkspace()
    #expect(throws: ImportError.strictRejections(count: 5)) {
      try scratch.importFiles(
        [Samples.importFixture("good.jsonl"), Samples.importFixture("broken-line.jsonl")], strict: true)
    }
    #expect(try scratch.recordFiles().isEmpty)
    #expect(try scratch.index().counts().total == 0)
  }

  @Test func dryRunCountsButWritesNothing() throws {
    let scratch = try ScratchWorkspace()
    let report = try scratch.importFiles(Samples.pageFiles, dryRun: true)
    #expect(report.newEvents == 12)
    #expect(report.changedFiles.count == 7)
    #expect(try scratch.recordFiles().isEmpty)
    #expect(try scratch.index().counts().total == 0)
  }
}

@Suite struct TeaserMergingTests {
  /// Synthetic pages: each main article reappears as truncated teasers on other pages.
  static var syntheticPages: [URL] {
    (1...3).map { TestPaths.fixture("csto-pages/synthetic/synthetic_\($0).txt") }
  }

  @Test func aTruncatedTeaserMergesIntoItsArticleWhateverTheOrder() throws {
    let forward = try ScratchWorkspace()
    try forward.importFiles(Self.syntheticPages)
    let backward = try ScratchWorkspace()
    for page in Self.syntheticPages.reversed() { try backward.importFiles([page]) }
    #expect(try forward.recordFiles() == backward.recordFiles())
    let events = try forward.index().events(EventQuery())
    let merged = events.filter {
      $0.sources.contains { $0.role == .main } && $0.sources.contains { $0.role == .teaser }
    }
    #expect(!merged.isEmpty)
    for event in merged {
      #expect(event.title != nil)
      #expect(!event.aliases.isEmpty)
    }
  }

  @Test func theTeasersIdStillFindsTheMergedEvent() throws {
    let scratch = try ScratchWorkspace()
    try scratch.importFiles(Self.syntheticPages)
    let index = try scratch.index()
    let merged = try #require(try index.events(EventQuery()).first { !$0.aliases.isEmpty })
    let alias = try #require(merged.aliases.first)
    #expect(try index.event(id: alias)?.id == merged.id)
    #expect(try index.resolve(String(alias.prefix(8))).id == merged.id)
  }

  @Test func sameOpeningNeedsAWordForWordPrefix() {
    let article =
      "On 6 March 2024, the CSTO Secretary General met the ministers of defence of the member states in Almaty and discussed the preparation of the exercise."
    let teaser = String(article.prefix(120))
    #expect(
      EventMatching.sameOpening(
        titleA: nil, textA: teaser, truncatedA: true, titleB: "A title", textB: article, truncatedB: false))
    #expect(
      !EventMatching.sameOpening(
        titleA: nil, textA: teaser + " different words", truncatedA: false, titleB: "A title", textB: article,
        truncatedB: false))
    // Titles that disagree keep two articles with the same opening apart.
    #expect(
      !EventMatching.sameOpening(
        titleA: "One", textA: article, truncatedA: false, titleB: "Other", textB: article, truncatedB: false))
    // Too short to be sure.
    #expect(
      !EventMatching.sameOpening(
        titleA: nil, textA: "On 6 March 2024, the CSTO", truncatedA: false, titleB: nil, textB: article,
        truncatedB: false))
  }
}

@Suite struct CSVQuotingTests {
  @Test func aStrayQuoteRejectsItsRecordOnly() throws {
    let scratch = try ScratchWorkspace()
    let report = try scratch.importFiles([Samples.importFixture("stray-quote.csv")])
    #expect(report.newEvents == 2)
    #expect(
      report.rejected.map { "\($0.line): \($0.reason)" } == [
        "3: a quote inside a quoted field must be doubled (\"\"); the record starting on line 3 was skipped"
      ])
  }

  @Test func recordLinesFollowQuotedNewlines() throws {
    let scan = try CSVScan.scan(Samples.importFixture("good.csv"))
    #expect(scan.recordLines == [1, 2, 3])
    #expect(scan.unclosedQuoteLine == nil)
    #expect(scan.strayQuotes.isEmpty)
  }
}
