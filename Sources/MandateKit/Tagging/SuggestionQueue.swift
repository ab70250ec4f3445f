import Foundation

/// The events of a period that have no decision, in date order, with what scoring any one of
/// them needs: the corpus statistics and the features the ledger taught, from one pass over the
/// index.
///
/// `mandate review` scores every event of its period when it starts and then walks them; a
/// long-running process (the web triage) keeps this instead and scores one event when it is
/// shown, so that it holds no passages or reasons for events nobody looks at. An event's
/// suggestion is the one `mandate suggest` gives for the same files.
public final class SuggestionQueue: @unchecked Sendable {
  /// The period, or nil for every event.
  public let range: DayRange?
  /// The events without a decision when the queue was built, in date order (undated last).
  public let events: [EventSummary]
  private let suggester: Suggester
  private let statistics: Suggester.Statistics
  private let positions: [String: Int]

  /// Scans the index once.
  public init(mandate: Mandate, index: EventIndex, state: LedgerState, range: DayRange?) throws {
    let suggester = try Suggester(mandate: mandate, index: index, state: state)
    let corpus = try SuggestionCorpus(
      index: index, features: suggester.features, range: range, decided: state.decidedEvents, wanted: nil,
      detailBudget: 0)
    let order = corpus.order { $0.placed && !$0.decided }
    var events: [EventSummary] = []
    events.reserveCapacity(order.count)
    var start = 0
    while start < order.count {
      let rowids = order[start..<min(start + 4096, order.count)].map { corpus.entry($0).rowid }
      start += rowids.count
      let texts = try suggester.texts(rowids)
      events += rowids.compactMap { texts[$0]?.summary }
    }
    let statistics = corpus.statistics
    self.range = range
    self.events = events
    self.suggester = suggester
    self.statistics = statistics
    positions = Dictionary(events.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
  }

  /// Where the event stands in the queue; nil when it is not in it.
  public func position(of id: String) -> Int? { positions[id] }

  /// The event's candidates, best first, with their reasons and a passage (as `suggest` and
  /// `review` show them); an event without a candidate gets an empty list. Nil when the event is
  /// no longer in the index.
  public func suggestion(
    for id: String, index: EventIndex, top: Int = 3, minScore: Double = SuggestionQuery.defaultMinScore
  ) throws -> Suggestion? {
    guard let event = try index.event(id: id) else { return nil }
    let matches = FeatureMatches(title: event.title, text: event.text, features: suggester.features)
    let (candidates, highlighted) = suggester.rank(matches, statistics: statistics, top: top, minScore: minScore)
    return Suggestion(
      event: EventSummary(event), candidates: candidates,
      snippet: matches.snippet(of: event.text, features: highlighted))
  }
}
