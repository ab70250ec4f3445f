extension EventMerger {
  /// The event one occurrence makes on its own (what `merge([draft], into: nil)` returns, without
  /// the bookkeeping, since almost every imported item is one).
  static func single(_ draft: EventDraft) -> Event {
    Event(
      id: draft.id, date: draft.date, dateEnd: draft.dateEnd, datePrecision: draft.precision, dateBasis: draft.basis,
      dateEvidence: draft.evidence, title: draft.title, text: draft.text, language: draft.language,
      sources: [draft.source], aliases: [])
  }

  /// Occurrences just read, merged with the recorded event they match (if any).
  static func merge(_ drafts: [EventDraft], into existing: Event?) -> Event {
    precondition(!drafts.isEmpty || existing != nil)
    let best = drafts.max { $0.rank < $1.rank }
    var event: Event
    if let existing, best == nil || existingRank(existing) >= best!.rank {
      event = existing
    } else {
      let best = best!
      event = single(best)
      event.sources = []
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
    event.sources = mergedSources(event.sources + drafts.map(\.source))
    let aliases = Set(event.aliases + drafts.map(\.id)).subtracting([event.id])
    event.aliases = aliases.sorted()
    return event
  }
}
