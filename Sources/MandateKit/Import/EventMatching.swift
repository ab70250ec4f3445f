/// The rules that decide whether two occurrences are the same news.
///
/// Two occurrences are one event when they have the same id (identical title and text); when one's
/// text opens the other's word for word (a teaser and its article: the same first 16 words, then a
/// prefix) and their titles do not disagree; or when they share a URL and a title or opening.
enum EventMatching {
  /// Whether one text opens the other word for word and the titles do not disagree.
  static func sameOpening(_ a: EventDraft, _ b: Event) -> Bool {
    sameOpening(
      titleA: a.title, textA: a.text, truncatedA: a.truncated, titleB: b.title, textB: b.text,
      truncatedB: looksTruncated(b))
  }

  static func sameOpening(
    titleA: String?, textA: String, truncatedA: Bool, titleB: String?, textB: String, truncatedB: Bool
  ) -> Bool {
    if let titleA, let titleB, TextNormalizer.normalize(titleA) != TextNormalizer.normalize(titleB) { return false }
    var wordsA = TextNormalizer.normalize(textA).split(separator: " ")
    var wordsB = TextNormalizer.normalize(textB).split(separator: " ")
    // A cut-off text may end in half a word.
    if truncatedA, wordsA.count > EventIdentity.leadWords { wordsA.removeLast() }
    if truncatedB, wordsB.count > EventIdentity.leadWords { wordsB.removeLast() }
    let (short, long) = wordsA.count <= wordsB.count ? (wordsA, wordsB) : (wordsB, wordsA)
    guard short.count >= EventIdentity.leadWords else { return false }
    return long.starts(with: short)
  }

  /// Whether a recorded event may be a cut-off teaser: seen only as teasers, and not ending like a
  /// sentence (the same test the page parser applies when it reads the teaser).
  static func looksTruncated(_ event: Event) -> Bool {
    guard !event.sources.isEmpty, event.sources.allSatisfy({ $0.role == .teaser }),
      let last = event.text.unicodeScalars.last
    else { return false }
    return !".!?…\"”'»)]".unicodeScalars.contains(last)
  }

  /// Whether a URL match is the same news: the same title or the same opening as well, so that a
  /// feed that gives every item its section's URL does not merge them all.
  static func sameURLNews(_ draft: EventDraft, _ event: Event) -> Bool {
    if let title = draft.title, let other = event.title,
      TextNormalizer.normalize(title) == TextNormalizer.normalize(other)
    {
      return true
    }
    return draft.identity.leadKey != nil && EventKeys(event).leadKey == draft.identity.leadKey
  }
}

/// The keys of every recorded event, held in memory so that an import asks the index only about
/// drafts that may match.
struct KnownKeys {
  var ids = Set<UInt64>()
  var leads = Set<UInt64>()
  var urls = Set<UInt64>()

  static func load(_ index: EventIndex) throws -> KnownKeys {
    try index.read { db in
      var known = KnownKeys()
      for sql in ["SELECT id FROM event", "SELECT alias FROM event_alias"] {
        try RawRows.scan(db, sql: sql) { row in
          if let key = row.eventKey(0) { known.ids.insert(key) }
        }
      }
      for (column, path) in [("lead_key", \KnownKeys.leads), ("url_key", \KnownKeys.urls)] {
        let cursor = try Int64.fetchCursor(db, sql: "SELECT \(column) FROM event WHERE \(column) IS NOT NULL")
        while let value = try cursor.next() { known[keyPath: path].insert(UInt64(bitPattern: value)) }
      }
      return known
    }
  }
}

extension EventMerger {
  /// One event from several recorded events that turned out to be the same news.
  static func combine(_ events: [Event]) -> Event {
    guard var best = events.max(by: { existingRank($0) < existingRank($1) }) else {
      preconditionFailure("combine needs at least one event")
    }
    guard events.count > 1 else { return best }
    var sources: [String: EventSource] = [:]
    var aliases = Set<String>()
    for event in events {
      for source in event.sources {
        if let known = sources[source.key], known.firstSeen <= source.firstSeen { continue }
        sources[source.key] = source
      }
      aliases.formUnion(event.aliases)
      aliases.insert(event.id)
      if best.datePrecision == .none, event.datePrecision != .none {
        (best.date, best.dateEnd, best.datePrecision, best.dateBasis, best.dateEvidence) = (
          event.date, event.dateEnd, event.datePrecision, event.dateBasis, event.dateEvidence
        )
      }
    }
    best.sources = sources.values.sorted(by: sourceOrder)
    best.aliases = aliases.subtracting([best.id]).sorted()
    return best
  }
}
