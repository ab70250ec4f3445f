import Foundation
import Testing

@testable import MandateKit

/// Pages of the CSTO's Russian site, saved as text and as HTML, read like the English site's: the same
/// layout (teasers, the title printed again with its dd.mm.yyyy date, the article), with the Russian
/// footer «Вернуться назад / Вернуться в раздел / Вернуться ко всем новостям» and «Фото:» credits.
@Suite struct RussianCSTOPageTests {
  static func page(_ name: String) -> URL { TestPaths.fixture("csto-pages/russian/\(name)") }
  static let title = "Комитет секретарей советов безопасности ОДКБ провел заседание в Астане"
  static let footer = "'Вернуться назад / Вернуться в раздел / Вернуться ко всем новостям'"

  /// The saved HTML page (`pages/csto/ru-news-page.html`), or a variant of it: without its address
  /// (known by its footer alone), or cut inside the article's second paragraph as a page saved
  /// before it finished loading.
  static func html(_ variant: String = "full") throws -> [UInt8] {
    let page = try String(contentsOf: TestPaths.fixture("pages/csto/ru-news-page.html"), encoding: .utf8)
    switch variant {
    case "no-address":
      let link = try #require(page.range(of: "<link rel=\"canonical\"[^>]*>\n", options: .regularExpression))
      return Array(page.replacingCharacters(in: link, with: "").utf8)
    case "cut-short":
      let cut = try #require(page.range(of: " и утвердили план"))
      return Array((page[..<cut.lowerBound] + "\n    </div>\n</body>\n</html>\n").utf8)
    default:
      return Array(page.utf8)
    }
  }

  @Test func theTextCopyGivesEveryTeaserAndTheArticle() throws {
    let file = Self.page("complete.txt")
    #expect(try NewsReaders.detect(file) == .cstoPage)
    let page = try CSTOPageParser.parse(try String(contentsOf: file, encoding: .utf8))
    #expect(page.warnings == [])
    #expect(page.language == "ru")
    #expect(page.teasers.count == 3)
    #expect(
      page.teasers[1].body.hasSuffix("В тренировке участвовали более четырехсот военнослужащих государств – членов."))
    let main = try #require(page.main)
    #expect(main.title == Self.title)
    #expect(main.pageDate == Day(iso: "2024-05-28"))
    #expect(main.photoCredit == "пресс-служба Совета безопасности Республики Казахстан")
    #expect(main.body.hasSuffix("Следующее заседание Комитета пройдет осенью."))
  }

  @Test func itsEventsAreRussianAndDatedByTheirWords() throws {
    let scratch = try ScratchWorkspace()
    let report = try scratch.importFiles([Self.page("complete.txt")])
    #expect(report.items == 4)
    #expect(report.warnings.isEmpty)
    let events = try scratch.index().events(EventQuery())
    #expect(events.allSatisfy { $0.language == "ru" })
    let main = try #require(events.first { $0.title == Self.title })
    #expect(main.date == Day(iso: "2024-05-27"))
    #expect(main.sources.first?.published == Day(iso: "2024-05-28"))
    let training = try #require(events.first { $0.text.hasPrefix("С 20 по 24 мая") })
    #expect(training.date == Day(iso: "2024-05-20"))
    #expect(training.dateEnd == Day(iso: "2024-05-24"))
  }

  /// Pages cut short name the Russian footer in their warnings, and keep what they have.
  @Test func aPageCutInsideItsArticle() throws {
    let scratch = try ScratchWorkspace()
    let file = Self.page("cut-in-article.txt")
    #expect(try NewsReaders.detect(file) == .cstoPage)
    let report = try scratch.importFiles([file])
    #expect(report.items == 4)
    #expect(
      report.warnings.map(\.message) == [
        "the text ends before the page's footer \(Self.footer): the article \"\(Self.title)\" may be cut short"
      ])
    let later = try scratch.importFiles([Self.page("complete.txt")])
    #expect(later.newEvents == 0)
    let main = try #require(try scratch.index().events(EventQuery()).first { $0.title == Self.title })
    #expect(main.sources.count == 2)
    #expect(main.text.hasSuffix("Следующее заседание Комитета пройдет осенью."))
  }

  @Test func aPageCutInsideItsTeasers() throws {
    let scratch = try ScratchWorkspace()
    let report = try scratch.importFiles([Self.page("cut-in-teasers.txt")], format: .cstoPage)
    #expect(report.items == 2)
    #expect(
      report.warnings.map(\.message) == [
        "the last teaser is cut off by the end of the text; it is not imported",
        "the text ends before the page's footer \(Self.footer) and before its main article: kept 2 teasers",
      ])
  }

  @Test func aPageCutInsideItsDatedTitle() throws {
    let scratch = try ScratchWorkspace()
    let report = try scratch.importFiles([Self.page("cut-in-dated-title.txt")], format: .cstoPage)
    #expect(report.items == 3)
    #expect(
      report.warnings.map(\.message) == [
        "the text ends before the page's footer \(Self.footer) and before the text of the article \"\(Self.title)\": "
          + "kept 3 teasers"
      ])
  }

  @Test(arguments: ["full", "no-address"])
  func theHTMLPageGivesTheItemsOfItsTextCopy(_ variant: String) throws {
    guard case .cstoPage(let page, let url, let language) = HTMLPage.read(try Self.html(variant)) else {
      Issue.record("the Russian CSTO page was not read as one")
      return
    }
    let copy = try CSTOPageParser.parse(try String(contentsOf: Self.page("complete.txt"), encoding: .utf8))
    #expect(page.teasers.map(\.body) == copy.teasers.map(\.body))
    #expect(
      page.main
        == copy.main.map { main in
          var main = main
          main.line = page.main?.line ?? 0
          main.position = page.main?.position ?? 0
          return main
        })
    #expect(page.warnings == [])
    #expect(language == "ru")
    #expect(url == (variant == "full" ? "https://odkb-csto.org/news/news_odkb/primer-novosti/" : nil))
  }

  @Test func importingTheHTMLPageAndItsTextCopyGivesTheSameEvents() throws {
    let html = try ScratchWorkspace()
    try html.importFiles([TestPaths.fixture("pages/csto/ru-news-page.html")])
    let text = try ScratchWorkspace()
    try text.importFiles([Self.page("complete.txt")])
    let fromHTML = try html.index().events(EventQuery())
    #expect(fromHTML.map(\.id) == (try text.index().events(EventQuery())).map(\.id))
    #expect(fromHTML.allSatisfy { $0.language == "ru" })
  }

  @Test func anHTMLPageCutShort() throws {
    guard case .cstoPage(let page, _, _) = HTMLPage.read(try Self.html("cut-short")) else {
      Issue.record("the cut-short Russian CSTO page was not read as one")
      return
    }
    #expect(page.teasers.count == 3)
    #expect(page.main?.title == Self.title)
    #expect(page.main?.body.hasSuffix("незаконному обороту наркотиков") == true)
    #expect(
      page.warnings.map(\.message) == [
        "the text ends before the page's footer \(Self.footer): the article \"\(Self.title)\" may be cut short"
      ])
  }
}
