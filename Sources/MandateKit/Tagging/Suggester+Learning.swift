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
      var counts: [Substring: Int] = [:]
      for tag in tags {
        guard let text = texts[tag.event] else { continue }
        let words = FeatureSet.telling(Tokens.words((text.title ?? "") + " " + text.text), common: common)
        for word in Set(words) { counts[word, default: 0] += 1 }
      }
      let needed = max(2, (tags.count + 1) / 2)
      for (word, count) in counts.sorted(by: { $0.key < $1.key }) where count >= needed && word.count > 3 {
        features.learn(
          String(word), item: item.id, weight: FeatureSet.learnedWeight * Double(count) / Double(tags.count))
      }
    }
  }
}

/// A passage of a text around its matches, with the matches marked.
enum Snippet {
  /// About `width` characters of `text` around the first whole-word occurrence of the first of
  /// `terms` found (case-insensitive), with every occurrence of any term in it marked; the
  /// opening of the text when none is found.
  static func make(text: String, terms: [String], width: Int = 200) -> String {
    let flat = text.split(whereSeparator: { $0.isNewline }).joined(separator: " ")
    var anchor: Range<String.Index>?
    for term in terms {
      if let found = wholeWord(term, in: flat, from: flat.startIndex) {
        anchor = found
        break
      }
    }
    guard let anchor else { return Event.firstWords(of: flat, limit: width) }
    let before = flat.distance(from: flat.startIndex, to: anchor.lowerBound)
    let start = flat.index(flat.startIndex, offsetBy: max(0, before - width / 3))
    let end = flat.index(start, offsetBy: width, limitedBy: flat.endIndex) ?? flat.endIndex
    var window = String(flat[start..<end])
    // Whole words only at the cut ends.
    if start != flat.startIndex, let space = window.firstIndex(of: " ") {
      window = String(window[window.index(after: space)...])
    }
    if end != flat.endIndex, let space = window.lastIndex(of: " ") { window = String(window[..<space]) }
    var marked = window
    for term in terms.sorted(by: { $0.count > $1.count }) {
      var searchFrom = marked.startIndex
      while let found = wholeWord(term, in: marked, from: searchFrom) {
        let inside =
          marked[marked.startIndex..<found.lowerBound].filter { $0 == Character(Highlight.start) }.count
          > marked[marked.startIndex..<found.lowerBound].filter { $0 == Character(Highlight.end) }.count
        if inside {
          searchFrom = found.upperBound
          continue
        }
        let replacement = Highlight.start + marked[found] + Highlight.end
        let offset = marked.distance(from: marked.startIndex, to: found.lowerBound) + replacement.count
        marked.replaceSubrange(found, with: replacement)
        searchFrom = marked.index(marked.startIndex, offsetBy: offset)
      }
    }
    return (start == flat.startIndex ? "" : "…") + marked + (end == flat.endIndex ? "" : "…")
  }

  /// The first occurrence of `term` in `text` at or after `from` that is a whole word (or words).
  static func wholeWord(_ term: String, in text: String, from: String.Index) -> Range<String.Index>? {
    var start = from
    while start < text.endIndex,
      let found = text.range(
        of: term, options: [.caseInsensitive, .diacriticInsensitive], range: start..<text.endIndex)
    {
      let beforeOK = found.lowerBound == text.startIndex || !isWordCharacter(text[text.index(before: found.lowerBound)])
      let afterOK = found.upperBound == text.endIndex || !isWordCharacter(text[found.upperBound])
      if beforeOK && afterOK { return found }
      start = text.index(after: found.lowerBound)
    }
    return nil
  }

  private static func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber }
}

extension Suggester {
  /// The snippet for an event: around the spellings that matched for the best candidate.
  func snippet(_ event: Event, for candidates: [Candidate]) -> String {
    let spellings = (candidates.first?.reasons ?? []).flatMap { reason -> [String] in
      guard let feature = features.features.first(where: { $0.term == reason.term && $0.kind == reason.kind }) else {
        return [reason.term]
      }
      return feature.spellings.map(\.text)
    }
    var terms: [String] = []
    for spelling in spellings where !terms.contains(spelling) { terms.append(spelling) }
    return Snippet.make(text: event.text, terms: terms)
  }
}
