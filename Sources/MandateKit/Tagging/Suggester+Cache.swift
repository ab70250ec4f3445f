import Foundation

extension Suggester {
  /// One event as the suggestion cache keeps it: its matches, whether it is decided, and its
  /// best candidates (none when decided), as `suggest` ranks them.
  struct Scored: Sendable {
    var event: String
    var matches: FeatureMatches
    var decided: Bool
    var candidates: [(item: String, score: Double)]
  }

  /// Scores every event for the cache in one pass: the corpus statistics, and each event's
  /// matches and candidates. The same candidates as `suggestBatches` with the same `top` and
  /// `minScore` over all events, without the passages and texts the cache does not keep.
  func scoreAll(top: Int, minScore: Double) throws -> (statistics: Statistics, events: [Scored]) {
    let corpus = try SuggestionCorpus(
      index: index, features: features, range: nil, decided: state.decidedEvents, wanted: nil, detailBudget: 0)
    let statistics = corpus.statistics
    let events = Parallel.map(corpus.order { _ in true }) { place -> Scored in
      let entry = corpus.entry(place)
      let matches = corpus.matches(place).matches
      return Scored(
        event: corpus.id(place), matches: matches, decided: entry.decided,
        candidates: entry.decided ? [] : self.candidates(matches, statistics: statistics, top: top, minScore: minScore))
    }
    return (statistics, events)
  }

  /// The best items for matches, as `rank` gives them, without their reasons.
  func candidates(_ matches: FeatureMatches, statistics: Statistics, top: Int, minScore: Double)
    -> [(item: String, score: Double)]
  {
    rank(matches, statistics: statistics, top: top, minScore: minScore).0.map { ($0.item, $0.score) }
  }
}
