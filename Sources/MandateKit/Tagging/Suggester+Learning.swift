import Foundation
import GRDB

extension Suggester {
  /// Adjusts the features to what the ledger says, deterministically:
  ///
  /// - a feature's weight for an item is multiplied by `(1 + a) / (1 + a + r)`, where `a` counts
  ///   the item's tagged events the feature matched and `r` its rejected ones;
  /// - a telling word found in at least half of an item's tagged events (and in at least two)
  ///   becomes a learned feature of the item, weighted by that share.
  func learn() throws {
    let tagged = state.tags.values.sorted { ($0.item, $0.event) < ($1.item, $1.event) }
    let rejected = state.rejections.keys.sorted { ($0.item, $0.event) < ($1.item, $1.event) }
    let ids = Set(tagged.map(\.event) + rejected.map(\.event))
    guard !ids.isEmpty else { return }
    var texts: [String: (title: String?, text: String)] = [:]
    try index.read { db in
      for id in ids.sorted() {
        if let event = try EventIndex.event(db, id: id) { texts[id] = (event.title, event.text) }
      }
    }
    var matches: [String: FeatureMatches] = [:]
    for (id, text) in texts { matches[id] = FeatureMatches(title: text.title, text: text.text, features: features) }

    var accepted: [String: [Int: Int]] = [:]
    var refused: [String: [Int: Int]] = [:]
    for tag in tagged {
      for feature in matches[tag.event]?.features ?? [] { accepted[tag.item, default: [:]][feature, default: 0] += 1 }
    }
    for pair in rejected {
      for feature in matches[pair.event]?.features ?? [] { refused[pair.item, default: [:]][feature, default: 0] += 1 }
    }
    // Each scale or learn recompiles the tables; there are few of them.
    for (item, counts) in refused.sorted(by: { $0.key < $1.key }) {
      for (feature, rejections) in counts.sorted(by: { $0.key < $1.key }) {
        let acceptances = Double(accepted[item]?[feature] ?? 0)
        features.scale(item: item, feature: feature, by: (1 + acceptances) / (1 + acceptances + Double(rejections)))
      }
    }

    let common = FeatureSet.commonWords(mandate)
    let byItem = Dictionary(grouping: tagged, by: \.item)
    for item in mandate.items {
      guard let tags = byItem[item.id], tags.count >= 2 else { continue }
      var counts: [String: Int] = [:]
      // Each stem with the first form it is written in (tags in event order), for the reason to show.
      var forms: [String: String] = [:]
      for tag in tags {
        guard let text = texts[tag.event] else { continue }
        let words = FeatureSet.telling(Tokens.tokens((text.title ?? "") + " " + text.text), common: common)
        for word in words {
          counts[word.stem, default: 0] += 1
          if forms[word.stem] == nil { forms[word.stem] = word.form }
        }
      }
      let needed = max(2, (tags.count + 1) / 2)
      for (stem, count) in counts.sorted(by: { $0.key < $1.key }) where count >= needed && stem.count > 3 {
        features.learn(
          forms[stem] ?? stem, item: item.id, weight: FeatureSet.learnedWeight * Double(count) / Double(tags.count))
      }
    }
  }
}
