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
    let decided = state.decidedEvents
    var statistics = Statistics(features: features.features.count)
    var scanned: [Scanned] = []
    try scanAll(range: nil) { event in
      statistics.documents += 1
      statistics.totalLength += event.matches.length
      for match in event.matches.counts { statistics.frequencies[Int(match.feature)] += 1 }
      var kept = event
      kept.matches.spans = []
      scanned.append(kept)
    }
    let final = statistics
    let events = Parallel.map(scanned) { event -> Scored in
      let isDecided = decided.contains(event.summary.id)
      return Scored(
        event: event.summary.id, matches: event.matches, decided: isDecided,
        candidates: isDecided ? [] : self.candidates(event.matches, statistics: final, top: top, minScore: minScore))
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
