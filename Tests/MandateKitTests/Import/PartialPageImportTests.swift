import Foundation
import Testing

@testable import MandateKit

/// CSTO pages cut short keep their events, with a warning naming the page and what was missing.
@Suite struct PartialPageImportTests {
  static func partial(_ name: String) -> URL { TestPaths.fixture("csto-pages/partial/\(name)") }

  @Test func aPageCutInsideItsArticleImportsEveryItemWithAWarning() throws {
    let scratch = try ScratchWorkspace()
    let file = Self.partial("cut-in-article.txt")
    #expect(try NewsReaders.detect(file) == .cstoPage)
    let report = try scratch.importFiles([file])
    #expect(report.rejected.isEmpty)
    #expect(report.items == 4)
    #expect(report.newEvents == 4)
    #expect(report.warnings.count == 1)
    let warning = try #require(report.warnings.first)
    #expect(warning.file.hasSuffix("csto-pages/partial/cut-in-article.txt"))
    #expect(warning.line == 16)
    #expect(warning.message.hasSuffix("may be cut short"))
    let main = try #require(try scratch.index().events(EventQuery()).first { $0.title != nil })
    #expect(main.date == Day(iso: "2024-05-27"))
    #expect(main.sources.map(\.role) == [.main])
  }

  @Test func theCompletePageLaterMergesWithWhatTheCutOneGave() throws {
    let scratch = try ScratchWorkspace()
    try scratch.importFiles([Self.partial("cut-in-article.txt")])
    let report = try scratch.importFiles([Self.partial("complete.txt")])
    #expect(report.warnings.isEmpty)
    #expect(report.newEvents == 0)
    let events = try scratch.index().events(EventQuery())
    #expect(events.count == 4)
    let main = try #require(events.first { $0.title != nil })
    #expect(main.text.hasSuffix("The next meeting of the Committee will take place in the autumn."))
    #expect(main.sources.count == 2)
  }

  @Test(arguments: [
    ("cut-in-dated-title.txt", 3, 1), ("cut-in-teasers.txt", 2, 2), ("teaser-column-only.txt", 3, 1),
    ("title-without-text.txt", 2, 1), ("article-only-cut.txt", 1, 1), ("text-after-footer.txt", 3, 1),
  ])
  func partialPagesKeepTheirItems(_ name: String, _ items: Int, _ warnings: Int) throws {
    let scratch = try ScratchWorkspace()
    let report = try scratch.importFiles([Self.partial(name)], format: .cstoPage)
    #expect(report.rejected.isEmpty)
    #expect(report.items == items)
    #expect(report.newEvents == items)
    #expect(report.warnings.count == warnings)
    #expect(report.warnings.allSatisfy { $0.file.hasSuffix(name) && $0.line >= 1 })
  }
}
