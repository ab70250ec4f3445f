import Foundation
import Testing

@testable import MandateKit

/// The English and the Russian report of one event are linked; two events that only share a day, or
/// a day and one person, never are.
@Suite struct CrossLanguageLinkerTests {
  /// `russian/linked.jsonl`: an English report, its Russian twin, a Russian near miss (the same day,
  /// the same Secretary General, another meeting) and a Russian follow-up the next day.
  static func workspace() throws -> (ScratchWorkspace, Mandate, [String: Event]) {
    let scratch = try ScratchWorkspace()
    try scratch.importFiles([TestPaths.fixture("russian/linked.jsonl")])
    let mandate = try #require(MandateCatalog.load(scratch.workspace).mandates.first)
    let events = try scratch.index().events(EventQuery())
    let byTitle = Dictionary(uniqueKeysWithValues: events.map { ($0.title ?? "", $0) })
    return (scratch, mandate, byTitle)
  }

  static let english = "CSTO Secretary General meets the head of UNAMA"
  static let twin = "Генеральный секретарь ОДКБ встретился с главой МООНСА"
  static let nearMiss = "Генеральный секретарь ОДКБ принял Посла Беларуси"
  static let nextDay = "Генеральный секретарь ОДКБ и глава МООНСА продолжили консультации"

  @Test func theTwoReportsOfOneEventAreLinked() throws {
    let (_, mandate, events) = try Self.workspace()
    let links = CrossLanguageLinker(mandate: mandate).links(Array(events.values))
    let english = try #require(events[Self.english])
    let twin = try #require(events[Self.twin])
    #expect(links == [english.id: twin.id, twin.id: english.id])
  }

  /// Same day, same Secretary General, another meeting: one shared person is one anchor, not two.
  @Test func theSameDayAndOnePersonAreNotEnough() throws {
    let (_, mandate, events) = try Self.workspace()
    let pair = [try #require(events[Self.english]), try #require(events[Self.nearMiss])]
    #expect(CrossLanguageLinker(mandate: mandate).links(pair).isEmpty)
    #expect(CrossLanguageLinker(mandate: nil).links(pair).isEmpty)
  }

  /// The next day's follow-up shares the people and the meeting, but not the day.
  @Test func anotherDayIsNeverLinked() throws {
    let (_, mandate, events) = try Self.workspace()
    let pair = [try #require(events[Self.english]), try #require(events[Self.nextDay])]
    #expect(CrossLanguageLinker(mandate: mandate).links(pair).isEmpty)
  }

  @Test func reportsInOneLanguageAreNeverLinked() throws {
    let (_, mandate, events) = try Self.workspace()
    var copy = try #require(events[Self.english])
    copy.id = "0000000000000000"
    copy.language = "en-GB"
    #expect(CrossLanguageLinker(mandate: mandate).links([try #require(events[Self.english]), copy]).isEmpty)
  }

  @Test func namesMeetAcrossScriptsAndCases() {
    var names: [Set<String>] = []
    AnchorScanner.scan("Встреча с Розой Отунбаевой и Имангали Тасмагамбетовым, 39-е заседание.") {
      if case .names(let run) = $0 { names.append(run) }
    }
    var english: [Set<String>] = []
    AnchorScanner.scan("A meeting with Roza Otunbayeva and Imangali Tasmagambetov, the 39th meeting.") {
      if case .names(let run) = $0 { english.append(run) }
    }
    #expect(names == [["tnbv"], ["mngl", "tsmg"]])
    #expect(english == names)
  }

  /// The 48 events of the labelled sets, each told once in English and once in Russian in its own words:
  /// the link is cautious (texts without names or numbers in common stay apart) and never wrong.
  @Test func theLabelledSetsLinkOnlyTheirPairs() throws {
    let scratch = try ScratchWorkspace()
    try scratch.importFiles([TestPaths.fixture("quality/en-news.jsonl"), TestPaths.fixture("quality/ru-news.jsonl")])
    let mandate = try #require(MandateCatalog.load(scratch.workspace).mandates.first)
    let events = try scratch.index().events(EventQuery())
    let pairs = Dictionary(uniqueKeysWithValues: zip(try Self.titles("en"), try Self.titles("ru")))
    let links = CrossLanguageLinker(mandate: mandate).links(events)
    let title = Dictionary(uniqueKeysWithValues: events.map { ($0.id, $0.title ?? "") })
    var right = 0
    var wrong: [String] = []
    for (left, other) in links where pairs[title[left]!] != nil {
      if pairs[title[left]!] == title[other]! {
        right += 1
      } else {
        wrong.append("\(title[left]!) -> \(title[other]!)")
      }
    }
    print("cross-language links on the labelled sets: \(right) of \(pairs.count) pairs linked, \(wrong.count) wrong")
    #expect(wrong == [])
    #expect(right >= 24)
  }

  static func titles(_ language: String) throws -> [String] {
    try String(contentsOf: TestPaths.fixture("quality/\(language)-news.jsonl"), encoding: .utf8)
      .split(separator: "\n").map { line in
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        return object?["title"] as? String ?? ""
      }
  }
}
