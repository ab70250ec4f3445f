import Foundation
import Testing

@testable import MandateKit

@Suite struct SuggesterTests {
  @Test func keepUnmatchedListsEveryUndecidedEventInOrder() throws {
    let (scratch, mandate) = try DecisionDeskTests.seeded()
    let index = try scratch.index()
    let suggester = try Suggester(mandate: mandate, index: index, state: LedgerState([]))
    let range = Quarter.parseCalendar("2024Q3")!.range
    let matched = try suggester.suggest(SuggestionQuery(range: range, minScore: 0.05))
    let all = try suggester.suggest(SuggestionQuery(range: range, minScore: 0.05, keepUnmatched: true))
    #expect(all.map(\.event.id) == (try index.events(EventQuery(range: range))).map(\.id))
    // The 25 July event matches nothing well enough: only `review` lists it, without candidates.
    #expect(matched.count == all.count - 1)
    #expect(all.filter(\.candidates.isEmpty).map { $0.event.date?.description } == ["2024-07-25"])
  }
}
