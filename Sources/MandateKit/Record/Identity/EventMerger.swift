/// Merges occurrences of one news item into a single event, the same way whatever their order.
///
/// The occurrence that best represents the event (an article over a feed item over a teaser, then
/// the longer text, then the id) gives the title, text, date and id; every other id
/// becomes an alias, and every source is kept. The record's rule, not an importer's: the index
/// applies it when a record file holds the same event twice, imports when news arrives
/// (`EventMerger+Drafts` in `Import/`).
enum EventMerger {
  /// One event from several recorded events that turned out to be the same news.
  static func combine(_ events: [Event]) -> Event {
    guard var best = events.max(by: { existingRank($0) < existingRank($1) }) else {
      preconditionFailure("combine needs at least one event")
    }
    guard events.count > 1 else { return best }
    var aliases = Set<String>()
    for event in events {
      aliases.formUnion(event.aliases)
      aliases.insert(event.id)
      if best.datePrecision == .none, event.datePrecision != .none { copyDate(from: event, to: &best) }
    }
    best.sources = mergedSources(events.flatMap(\.sources))
    best.aliases = aliases.subtracting([best.id]).sorted()
    return best
  }

  /// The rank an already recorded event has as a representative.
  static func existingRank(_ event: Event) -> (Int, Int, String) {
    (event.sources.map(\.role.rank).max() ?? 0, event.text.utf8.count, event.id)
  }

  static func basisRank(_ basis: DateBasis) -> Int {
    switch basis {
    case .text: 3
    case .title: 2
    case .published: 1
    case .none: 0
    }
  }

  static func copyDate(from source: Event, to event: inout Event) {
    event.date = source.date
    event.dateEnd = source.dateEnd
    event.datePrecision = source.datePrecision
    event.dateBasis = source.dateBasis
    event.dateEvidence = source.dateEvidence
  }

  /// Sources by place: file or URL, then position, then role.
  static func sourceOrder(_ a: EventSource, _ b: EventSource) -> Bool {
    let keyA = (a.file ?? a.url ?? "", a.position ?? -1, a.role.rawValue, a.url ?? "")
    let keyB = (b.file ?? b.url ?? "", b.position ?? -1, b.role.rawValue, b.url ?? "")
    return keyA < keyB
  }

  /// One source per place (the one seen first; the earlier in the list on a tie), in place order.
  static func mergedSources(_ sources: [EventSource]) -> [EventSource] {
    var byKey: [String: EventSource] = [:]
    for source in sources {
      if let known = byKey[source.key], known.firstSeen <= source.firstSeen { continue }
      byKey[source.key] = source
    }
    return byKey.values.sorted(by: sourceOrder)
  }
}
