import Foundation
import Testing

@testable import MandateKit

/// The first pass of `suggest` keeps each event's matches packed; what it keeps must give what
/// matching the events one by one gives.
@Suite struct SuggestionCorpusTests {
  @Test func statisticsAndMatchesAreThoseOfEachEventMatchedAlone() throws {
    let (scratch, mandate) = try DecisionDeskTests.seeded()
    let index = try scratch.index()
    let features = FeatureSet(mandate: mandate)
    let corpus = try SuggestionCorpus(
      index: index, features: features, range: nil, decided: [], wanted: nil, detailBudget: 1 << 20)
    let events = try index.events(EventQuery())
    #expect(!events.isEmpty)
    #expect(corpus.statistics.documents == events.count)
    var frequencies = Array(repeating: 0, count: features.features.count)
    var total = 0
    for event in events {
      let matches = FeatureMatches(title: event.title, text: event.text, features: features)
      total += matches.length
      for match in matches.counts { frequencies[Int(match.feature)] += 1 }
    }
    #expect(corpus.statistics.totalLength == total)
    #expect(corpus.statistics.frequencies == frequencies)
    // In date order, as `events` lists them, each with the matches it has alone.
    let order = corpus.order { _ in true }
    #expect(order.map(corpus.id) == events.map(\.id))
    for (place, event) in zip(order, events) {
      let alone = FeatureMatches(title: event.title, text: event.text, features: features)
      let (kept, complete) = corpus.matches(place)
      #expect(complete)
      #expect(kept.length == alone.length)
      #expect(
        kept.counts.map { [$0.feature, $0.title, $0.text] } == alone.counts.map { [$0.feature, $0.title, $0.text] })
      #expect(
        kept.spans.map { [$0.feature, $0.range.lowerBound, $0.range.upperBound] }
          == alone.spans.map { [$0.feature, $0.range.lowerBound, $0.range.upperBound] })
      #expect(kept.forms.map { "\($0.feature) \($0.form)" } == alone.forms.map { "\($0.feature) \($0.form)" })
    }
  }

  /// Beyond the budget for details, events are matched again when listed: the same suggestions,
  /// whether none, some or all of the details were kept.
  @Test func eventsMatchedAgainBeyondTheBudgetGiveTheSameSuggestions() throws {
    let (scratch, mandate) = try DecisionDeskTests.seeded()
    let index = try scratch.index()
    let suggester = try Suggester(mandate: mandate, index: index, state: LedgerState([]))
    let queries = [
      SuggestionQuery(), SuggestionQuery(minScore: 0.05, keepUnmatched: true),
      SuggestionQuery(range: Quarter.parseCalendar("2024Q3")!.range, top: 5, limit: 3),
    ]
    for query in queries {
      let kept = try suggester.suggest(query)
      #expect(!kept.isEmpty)
      for budget in [0, 600] {
        suggester.detailBudget = budget
        #expect(try suggester.suggest(query) == kept)
      }
      suggester.detailBudget = SuggestionCorpus.detailBudget
    }
  }

  /// Events asked for by id are listed whether decided or not, and only they.
  @Test func eventsAskedForAreListedWhateverTheirDecision() throws {
    let (scratch, mandate) = try DecisionDeskTests.seeded()
    let index = try scratch.index()
    let all = try index.events(EventQuery()).map(\.id)
    let wanted = [all[all.count - 1], all[0]]
    let decided = LedgerState([
      Decision(
        kind: .tag, event: all[0], item: "P1.1", strength: .material, by: "a", at: Date(timeIntervalSince1970: 0))
    ])
    let suggester = try Suggester(mandate: mandate, index: index, state: decided)
    #expect(try suggester.suggest(SuggestionQuery(events: wanted)).map(\.event.id) == [all[0], all[all.count - 1]])
    #expect(try !suggester.suggest(SuggestionQuery()).map(\.event.id).contains(all[0]))
  }
}
