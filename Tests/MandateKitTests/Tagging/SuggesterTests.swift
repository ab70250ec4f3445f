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

/// The passage a suggestion shows highlights the terms of the reasons listed under it, and is
/// the one where the strongest of them are.
@Suite struct SuggestionHighlightTests {
  @Test func highlightedWordsAreTheListedReasonsTerms() throws {
    let (scratch, mandate) = try DecisionDeskTests.seeded()
    let index = try scratch.index()
    let suggester = try Suggester(mandate: mandate, index: index, state: LedgerState([]))
    let suggestions = try suggester.suggest(SuggestionQuery())
    #expect(!suggestions.isEmpty)
    for suggestion in suggestions {
      let listed = suggestion.candidates.flatMap { $0.reasons.prefix(Candidate.listedReasons) }
      // Compared as the matcher compares them: word by word, normalised ("operations" is "operation").
      func normal(_ text: String) -> String { Tokens.words(text).joined(separator: " ") }
      let spellings = Set(listed.flatMap { mandate.spellings(of: $0.term) + [$0.term] }.map(normal))
      let marked = Highlight.render(suggestion.snippet, open: "[", close: "]")
      let regex = try NSRegularExpression(pattern: #"\[([^\]]*)\]"#)
      let words = regex.matches(in: marked, range: NSRange(marked.startIndex..., in: marked)).map {
        normal(String(marked[Range($0.range(at: 1), in: marked)!]))
      }
      for word in words {
        #expect(spellings.contains(word), "\(suggestion.event.id): `\(word)` is not a listed reason")
      }
      // The strongest reason of the best candidate that the text has is in the passage.
      if let strongest = listed.first(where: { $0.field == "text" }) {
        let names = Set((mandate.spellings(of: strongest.term) + [strongest.term]).map(normal))
        // (Where a longer listed term contains it, the longer one is marked: "peacekeeping operations".)
        #expect(
          words.contains { word in names.contains { word.contains($0) } },
          "\(suggestion.event.id): \(strongest.term) not shown")
      }
    }
  }
}
