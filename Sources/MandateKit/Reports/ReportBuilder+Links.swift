// One event reported in two languages counts once per item.

extension ReportBuilder {
  /// The tags with those of linked reports merged: when the English and the Russian report of one
  /// event (`CrossLanguageLinker`) are both tagged for an item with the same stance, the item counts
  /// the event once. The tag kept is the material one, else the one on the smaller event id; the
  /// other report's id is returned for it (keyed `"item event"`), so that the evidence names both.
  func mergingLinkedReports(_ placed: [Placed]) throws -> (placed: [Placed], alsoReported: [String: String]) {
    // Only tags of one item and stance on events of one day can be merged: most reports have none.
    var groups: [String: [Int]] = [:]
    for (offset, entry) in placed.enumerated() where entry.event.precision == .day {
      guard let date = entry.event.date, let last = entry.event.lastDay else { continue }
      groups["\(entry.tag.item) \(entry.tag.stance.rawValue) \(date) \(last)", default: []].append(offset)
    }
    var candidates = groups.keys.sorted().compactMap { groups[$0]!.count > 1 ? groups[$0] : nil }
    guard !candidates.isEmpty else { return (placed, [:]) }
    // Only groups in two languages or more can hold a link: one scan of the languages keeps the
    // texts of monolingual records unread.
    let languages = try primaryLanguages(of: Set(candidates.flatMap { $0.map { placed[$0].event.id } }))
    candidates = candidates.filter { group in Set(group.compactMap { languages[placed[$0].event.id] }).count > 1 }
    guard !candidates.isEmpty else { return (placed, [:]) }
    let ids = Set(candidates.flatMap { $0.map { placed[$0].event.id } })
    let events = try ids.sorted().compactMap { try index.event(id: $0) }
    let links = CrossLanguageLinker(mandate: mandate).links(events)
    guard !links.isEmpty else { return (placed, [:]) }
    var dropped = Set<Int>()
    var alsoReported: [String: String] = [:]
    for group in candidates {
      for left in group where !dropped.contains(left) {
        guard let other = links[placed[left].event.id],
          let right = group.first(where: { placed[$0].event.id == other && !dropped.contains($0) })
        else { continue }
        let (a, b) = (placed[left], placed[right])
        let keepLeft = a.tag.strength == b.tag.strength ? a.event.id < b.event.id : a.tag.strength == .material
        let (keep, drop) = keepLeft ? (a, b) : (b, a)
        dropped.insert(keepLeft ? right : left)
        alsoReported["\(keep.tag.item) \(keep.event.id)"] = drop.event.id
      }
    }
    return (placed.indices.filter { !dropped.contains($0) }.map { placed[$0] }, alsoReported)
  }

  /// The language (primary subtag) of each of the day-dated events `ids` that has one.
  func primaryLanguages(of ids: Set<String>) throws -> [String: String] {
    var languages: [String: String] = [:]
    try index.read { db in
      try RawRows.scan(db, sql: "SELECT id, language FROM event WHERE language IS NOT NULL AND precision = 'day'") {
        row in
        guard let id = row.string(0), ids.contains(id), let language = LanguageTag.primary(row.string(1)) else {
          return
        }
        languages[id] = language
      }
    }
    return languages
  }
}
