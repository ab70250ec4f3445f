// One event reported in two languages counts once per item.

extension ReportBuilder {
  /// The tags with those of linked reports merged: when the English and the Russian report of one
  /// event (`CrossLanguageLinker`) are both tagged for an item with the same stance, the item counts
  /// the event once. The tag kept is the material one, else the one on the smaller event id; the
  /// other report's id is returned for it (keyed `"item event"`), so that the evidence names both.
  func mergingLinkedReports(_ placed: [Placed]) throws -> (placed: [Placed], alsoReported: [String: String]) {
    // Only tags of one item and stance on events of one day, in two languages or more, can be
    // merged: most reports have none. The languages come with the tags' facts (the date index),
    // so the texts of monolingual records stay unread.
    var languagesSeen = Set<String>()
    for entry in placed where entry.event.precision == .day {
      if let language = entry.event.language { languagesSeen.insert(language) }
    }
    guard languagesSeen.count > 1 else { return (placed, [:]) }
    var groups: [GroupKey: [Int]] = [:]
    for (offset, entry) in placed.enumerated() where entry.event.precision == .day {
      guard let date = entry.event.date, let last = entry.event.lastDay else { continue }
      groups[GroupKey(item: entry.tag.item, stance: entry.tag.stance, date: date, last: last), default: []].append(
        offset)
    }
    // Groups are disjoint, so the order they are looked at in changes nothing.
    let candidates = groups.values.filter { group in
      group.count > 1 && Set(group.compactMap { placed[$0].event.language }).count > 1
    }
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

  /// Tags that may be one event reported twice: one item, one stance, one day.
  private struct GroupKey: Hashable {
    var item: String
    var stance: Stance
    var date: Day
    var last: Day
  }
}
