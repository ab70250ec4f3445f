import Foundation

/// Suggestions measured against an analyst's labels: which items each event is evidence for.
public struct SuggestionEvaluation: Sendable, Equatable {
  /// Labelled events with at least one item whose first suggestion is one of them, over all
  /// labelled events with at least one item.
  public var precisionAtOne: Double
  /// Labelled event/item pairs found among an event's first three suggestions, over all pairs.
  public var recallAtThree: Double
  public var labelledEvents: Int
  public var labelledPairs: Int
  /// Events labelled "no item" that still got a suggestion at or above the threshold.
  public var falseAlarms: [String]
  /// Labelled events whose first suggestion is wrong or missing.
  public var misses: [String]

  /// Labels: event id → items. `suggestions` must hold the events' candidates (three or more).
  public init(labels: [String: [String]], suggestions: [String: [Candidate]]) {
    var hits = 0
    var evidenceEvents = 0
    var found = 0
    var pairs = 0
    var alarms: [String] = []
    var misses: [String] = []
    for (event, items) in labels.sorted(by: { $0.key < $1.key }) {
      let candidates = suggestions[event] ?? []
      if items.isEmpty {
        if !candidates.isEmpty { alarms.append(event) }
        continue
      }
      evidenceEvents += 1
      if let first = candidates.first, items.contains(first.item) { hits += 1 } else { misses.append(event) }
      let topThree = Set(candidates.prefix(3).map(\.item))
      pairs += items.count
      found += items.filter(topThree.contains).count
    }
    precisionAtOne = evidenceEvents == 0 ? 0 : Double(hits) / Double(evidenceEvents)
    recallAtThree = pairs == 0 ? 0 : Double(found) / Double(pairs)
    labelledEvents = evidenceEvents
    labelledPairs = pairs
    falseAlarms = alarms
    self.misses = misses
  }

  /// Suggestions for the labelled events of `index` (their first three candidates, from an empty
  /// ledger), measured against `labels`.
  public static func measure(mandate: Mandate, index: EventIndex, labels: [String: [String]]) throws
    -> SuggestionEvaluation
  {
    let suggester = try Suggester(mandate: mandate, index: index, state: LedgerState([]))
    var byEvent: [String: [Candidate]] = [:]
    try suggester.suggest(SuggestionQuery(top: 3, events: Array(labels.keys))) { byEvent[$0.event.id] = $0.candidates }
    return SuggestionEvaluation(labels: labels, suggestions: byEvent)
  }

  /// Reads a labels file: `events:` mapping event ids to lists of item ids.
  public static func labels(from url: URL) throws -> [String: [String]] {
    let text = try String(contentsOf: url, encoding: .utf8)
    guard let root = try YAMLReader.read(text), let events = root["events"]?.mapping else { return [:] }
    var labels: [String: [String]] = [:]
    for pair in events {
      guard let id = pair.key.scalar else { continue }
      labels[id] = pair.value.sequence?.compactMap(\.scalar) ?? []
    }
    return labels
  }

  public var summary: String {
    String(
      format: "precision@1 %.2f (%d labelled events), recall@3 %.2f (%d pairs), false alarms %d",
      precisionAtOne, labelledEvents, recallAtThree, labelledPairs, falseAlarms.count)
  }
}
