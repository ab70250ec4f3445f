import Foundation

/// The order in which a ledger's decisions are replayed, whatever file they are in and whatever
/// order a merge left their lines in: by `at`, then by analyst, then by the decision's line text
/// (`LedgerLine`), with identical decisions counted once (wherever they stand); and item ids as
/// they are now, through the ledger's `rename` entries.
public enum LedgerHistory {
  /// `decisions` in replay order, duplicates dropped, items renamed. `items`, when given, are the
  /// mandate's current ids: an entry recorded after a rename but naming the old id (made on a
  /// branch that had not seen the rename) then counts for the new id too.
  public static func ordered(_ decisions: [Decision], items: Set<String>? = nil) -> [Decision] {
    var sorted = sortedUnique(decisions)
    applyRenames(&sorted, items: items)
    return sorted
  }

  /// Sorted by (`at`, `by`, line text), identical decisions (ignoring their place in the file)
  /// once. Line texts are made only for decisions sharing a second.
  static func sortedUnique(_ decisions: [Decision]) -> [Decision] {
    let byTime = decisions.enumerated().sorted {
      $0.element.at == $1.element.at ? $0.offset < $1.offset : $0.element.at < $1.element.at
    }.map(\.element)
    var result: [Decision] = []
    result.reserveCapacity(byTime.count)
    var start = 0
    while start < byTime.count {
      var end = start + 1
      while end < byTime.count, byTime[end].at == byTime[start].at { end += 1 }
      if end - start == 1 {
        result.append(byTime[start])
      } else {
        // The same decision in two files (or twice in one) is kept once, from the first place.
        let keyed = byTime[start..<end].map { (key: ($0.by, LedgerLine.encode($0)), decision: $0) }
          .sorted {
            $0.key != $1.key
              ? $0.key < $1.key
              : ($0.decision.file ?? "", $0.decision.line ?? 0) < ($1.decision.file ?? "", $1.decision.line ?? 0)
          }
        var previous: String?
        for entry in keyed where entry.key.1 != previous {
          result.append(entry.decision)
          previous = entry.key.1
        }
      }
      start = end
    }
    return result
  }

  /// Maps every entry's item to its id after the renames recorded later (walking back from the
  /// newest), then maps ids the mandate no longer has through every rename.
  static func applyRenames(_ decisions: inout [Decision], items: Set<String>?) {
    let renames = decisions.filter { $0.kind == .rename && $0.to != nil }
    guard !renames.isEmpty else { return }
    var later: [String: String] = [:]
    for index in decisions.indices.reversed() {
      let decision = decisions[index]
      if decision.kind == .rename, let to = decision.to {
        later[decision.item] = later[to] ?? to
        continue
      }
      if let renamed = later[decision.item] { decisions[index].item = renamed }
    }
    guard let items else { return }
    for index in decisions.indices where decisions[index].kind != .rename && !items.contains(decisions[index].item) {
      var id = decisions[index].item
      for rename in renames where rename.item == id { id = rename.to! }
      if items.contains(id) { decisions[index].item = id }
    }
  }
}
