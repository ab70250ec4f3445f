import Foundation
import GRDB

extension Suggester {
  /// Adjusts the features to what the ledger says, deterministically: a feature's weight for an
  /// item is multiplied by `(1 + a) / (1 + a + r)`, where `a` counts the item's tagged events the
  /// feature matched and `r` its rejected ones. Only items with rejections change, so only their
  /// events are read; `known` gives events' matches when they are stored already (the
  /// suggestion cache's), else the events' texts are matched again.
  ///
  /// (Words most of an item's tagged events share were once added as learned features here, after
  /// the scanning table was last compiled, so they never matched and never changed a score; they
  /// are no longer computed. Making them count would change every suggestion: a decision of its own.)
  func learn(known: (([String]) throws -> [String: FeatureMatches])? = nil) throws {
    let rejected = state.rejections.keys.sorted { ($0.item, $0.event) < ($1.item, $1.event) }
    guard !rejected.isEmpty else { return }
    let refusing = Set(rejected.map(\.item))
    let tagged = state.tags.values.filter { refusing.contains($0.item) }.sorted {
      ($0.item, $0.event) < ($1.item, $1.event)
    }
    let ids = Set(tagged.map(\.event) + rejected.map(\.event)).sorted()
    var matches: [String: FeatureMatches] = try known?(ids) ?? [:]
    let missing = ids.filter { matches[$0] == nil }
    if !missing.isEmpty {
      var texts: [String: (title: String?, text: String)] = [:]
      try index.read { db in
        for id in missing {
          if let event = try EventIndex.event(db, id: id) { texts[id] = (event.title, event.text) }
        }
      }
      for (id, text) in texts { matches[id] = FeatureMatches(title: text.title, text: text.text, features: features) }
    }

    var accepted: [String: [Int: Int]] = [:]
    var refused: [String: [Int: Int]] = [:]
    for tag in tagged {
      for feature in matches[tag.event]?.features ?? [] { accepted[tag.item, default: [:]][feature, default: 0] += 1 }
    }
    for pair in rejected {
      for feature in matches[pair.event]?.features ?? [] { refused[pair.item, default: [:]][feature, default: 0] += 1 }
    }
    // Each scale recompiles the tables; there are few of them.
    for (item, counts) in refused.sorted(by: { $0.key < $1.key }) {
      for (feature, rejections) in counts.sorted(by: { $0.key < $1.key }) {
        let acceptances = Double(accepted[item]?[feature] ?? 0)
        features.scale(item: item, feature: feature, by: (1 + acceptances) / (1 + acceptances + Double(rejections)))
      }
    }
  }
}
