/// Merges occurrences of one news item into a single event, the same way whatever their order.
///
/// The occurrence that best represents the event (an article over a feed item over a teaser, then
/// the longer text, then the id) gives the title, text, date and id; every other id
/// becomes an alias, and every source is kept.
enum EventMerger {
  /// The event one occurrence makes on its own (what `merge([draft], into: nil)` returns, without
  /// the bookkeeping, since almost every imported item is one).
  static func single(_ draft: EventDraft) -> Event {
    Event(
      id: draft.id, date: draft.date, dateEnd: draft.dateEnd, datePrecision: draft.precision, dateBasis: draft.basis,
      dateEvidence: draft.evidence, title: draft.title, text: draft.text, language: draft.language,
      sources: [draft.source], aliases: [])
  }

  static func merge(_ drafts: [EventDraft], into existing: Event?) -> Event {
    precondition(!drafts.isEmpty || existing != nil)
    let best = drafts.max { $0.rank < $1.rank }
    var event: Event
    if let existing, best == nil || existingRank(existing) >= best!.rank {
      event = existing
    } else {
      let best = best!
      event = Event(
        id: best.id, date: best.date, dateEnd: best.dateEnd, datePrecision: best.precision, dateBasis: best.basis,
        dateEvidence: best.evidence, title: best.title, text: best.text, language: best.language, sources: [],
        aliases: [])
      if let existing {
        event.sources = existing.sources
        event.aliases = existing.aliases + [existing.id]
        if event.datePrecision == .none, existing.datePrecision != .none { copyDate(from: existing, to: &event) }
        if event.language == nil { event.language = existing.language }
      }
    }
    // An undated representative takes the best date another occurrence states.
    if event.datePrecision == .none,
      let dated = drafts.filter({ $0.precision != .none }).max(by: { basisRank($0.basis) < basisRank($1.basis) })
    {
      event.date = dated.date
      event.dateEnd = dated.dateEnd
      event.datePrecision = dated.precision
      event.dateBasis = dated.basis
      event.dateEvidence = dated.evidence
    }
    if event.language == nil { event.language = drafts.compactMap(\.language).first }
    var sources: [String: EventSource] = [:]
    for source in event.sources + drafts.map(\.source) {
      if let known = sources[source.key], known.firstSeen <= source.firstSeen { continue }
      sources[source.key] = source
    }
    event.sources = sources.values.sorted(by: sourceOrder)
    let aliases = Set(event.aliases + drafts.map(\.id)).subtracting([event.id])
    event.aliases = aliases.sorted()
    return event
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

  private static func copyDate(from source: Event, to event: inout Event) {
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
}
