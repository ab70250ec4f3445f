import Foundation
import GRDB

/// Suggests, for events without a decision, the items they are most likely evidence for, and
/// says why.
///
/// Every event of the index is read once and its words matched against the mandate's features
/// (`FeatureSet`); document frequencies and lengths over the whole corpus then give each match a
/// BM25 weight (title matches count twice), times the feature's weight. The ledger teaches: a
/// feature's weight for an item falls with the rejections it caused. The raw score `s` of an item becomes
/// `1 - exp(-s / 8)` (0…1). Same files, same output.
///
/// Why not one FTS5 `MATCH` query per item, ranked by `bm25()`? With a keyword list and item words
/// per item it took longer than this single pass, and could not say which words matched.
public final class Suggester {
  public let mandate: Mandate
  let index: EventIndex
  let state: LedgerState
  var features: FeatureSet
  /// Bytes of match details `suggest` keeps from its scan (`SuggestionCorpus.detailBudget`).
  var detailBudget = SuggestionCorpus.detailBudget

  /// BM25 parameters.
  static let k1 = 1.2
  static let b = 0.75
  static let titleBoost = 2.0
  /// The raw score that maps to 1 - 1/e (0.63).
  static let scale = 8.0
  /// An item or priority word found in more than this share of all events is too common to
  /// tell items apart ("military", "staff", "council" in CSTO news), however the mandate uses it.
  static let commonShare = 0.25

  public convenience init(mandate: Mandate, index: EventIndex, state: LedgerState) throws {
    try self.init(mandate: mandate, index: index, state: state, known: nil)
  }

  /// `features`: the mandate's, when built already; `known` gives the matches of events already
  /// matched (see `learn`).
  init(
    mandate: Mandate, index: EventIndex, state: LedgerState, features: FeatureSet? = nil,
    known: (([String]) throws -> [String: FeatureMatches])?
  ) throws {
    self.mandate = mandate
    self.index = index
    self.state = state
    self.features = features ?? FeatureSet(mandate: mandate)
    try learn(known: known)
  }

  /// Corpus statistics: documents, average length, document frequency per feature.
  struct Statistics {
    var documents = 0
    var totalLength = 0
    var frequencies: [Int]

    init(features: Int) { frequencies = Array(repeating: 0, count: features) }

    var averageLength: Double { documents == 0 ? 1 : max(Double(totalLength) / Double(documents), 1) }

    func idf(_ feature: Int) -> Double {
      let df = Double(frequencies[feature])
      return log(1 + (Double(documents) - df + 0.5) / (df + 0.5))
    }
  }

  /// A listed event's matches, candidates, and the features its listed reasons name, strongest
  /// first, with what each added.
  /// (A class: batches of them are handed between threads, and each copy of a struct would count
  /// references to every array it holds.)
  final class Ranked: Sendable {
    let rowid: Int64
    let matches: FeatureMatches
    /// Whether `matches` has the spans and forms, or the text must be matched again for them.
    let complete: Bool
    let candidates: [Candidate]
    let highlighted: [(feature: Int, weight: Double)]

    init(
      rowid: Int64, matches: FeatureMatches, complete: Bool, candidates: [Candidate],
      highlighted: [(feature: Int, weight: Double)]
    ) {
      self.rowid = rowid
      self.matches = matches
      self.complete = complete
      self.candidates = candidates
      self.highlighted = highlighted
    }
  }

  /// Suggestions for the events `query` selects, in date order.
  public func suggest(_ query: SuggestionQuery) throws -> [Suggestion] {
    var results: [Suggestion] = []
    try suggest(query) { results.append($0) }
    return results
  }

  /// Hands the suggestions to `body` one by one, in date order, so that a caller printing them
  /// for 100,000 events never holds them all.
  public func suggest(_ query: SuggestionQuery, _ body: (Suggestion) throws -> Void) throws {
    try suggestBatches(query) { batch in for suggestion in batch { try body(suggestion) } }
  }

  /// Hands the suggestions to `body` in batches, in date order; ranking runs on all cores, and a
  /// caller can render a batch on all cores too.
  ///
  /// In two passes: the scan keeps only each event's matches (`SuggestionCorpus`) until the
  /// corpus statistics are known; then the events are ranked batch by batch, and only those
  /// listed are read again for their passages.
  public func suggestBatches(_ query: SuggestionQuery, _ body: ([Suggestion]) throws -> Void) throws {
    let wanted = query.events.map(Set.init)
    let timer = PhaseTimer("suggest")
    let corpus = try SuggestionCorpus(
      index: index, features: features, range: query.range, decided: state.decidedEvents, wanted: wanted,
      detailBudget: detailBudget)
    let order = corpus.order { wanted == nil ? $0.placed && !$0.decided : $0.wanted }
    let statistics = corpus.statistics
    timer.mark("scan")
    // Where the rest goes, summed over the batches (`MANDATE_TIMING=1`).
    let clock = ContinuousClock()
    var (ranking, reading, passages, output) = (Duration.zero, Duration.zero, Duration.zero, Duration.zero)
    defer {
      timer.note("ranking", ranking)
      timer.note("texts read again", reading)
      timer.note("passages", passages)
      timer.note("output", output)
    }
    var count = 0
    var start = 0
    while start < order.count {
      let started = clock.now
      let batch = Array(order[start..<min(start + 4096, order.count)])
      start += batch.count
      var ranked = Parallel.map(batch) { place -> Ranked? in
        let (matches, complete) = corpus.matches(place)
        let (candidates, highlighted) = self.rank(
          matches, statistics: statistics, top: query.top, minScore: query.minScore)
        guard !candidates.isEmpty || wanted != nil || query.keepUnmatched else { return nil }
        return Ranked(
          rowid: corpus.entry(place).rowid, matches: matches, complete: complete, candidates: candidates,
          highlighted: highlighted)
      }.compactMap { $0 }
      if let limit = query.limit, count + ranked.count > limit {
        ranked = Array(ranked.prefix(limit - count))
      }
      let rankedAt = clock.now
      ranking += rankedAt - started
      let texts = try self.texts(ranked.map(\.rowid))
      let readAt = clock.now
      reading += readAt - rankedAt
      let features = self.features
      let listed = ranked.compactMap { entry in texts[entry.rowid].map { (entry, $0.summary, $0.text) } }
      let suggestions = Parallel.map(listed) { entry, summary, text -> Suggestion in
        guard entry.complete else {
          // Scanned beyond the budget for details: matched again, the same counts with their
          // places and forms.
          let matches = FeatureMatches(title: summary.title, text: text, features: features)
          let (candidates, highlighted) = self.rank(
            matches, statistics: statistics, top: query.top, minScore: query.minScore)
          return Suggestion(
            event: summary, candidates: candidates, snippet: matches.snippet(of: text, features: highlighted))
        }
        return Suggestion(
          event: summary, candidates: entry.candidates,
          snippet: entry.matches.snippet(of: text, features: entry.highlighted))
      }
      count += suggestions.count
      let madeAt = clock.now
      passages += madeAt - readAt
      if !suggestions.isEmpty { try body(suggestions) }
      output += clock.now - madeAt
      if let limit = query.limit, count >= limit { break }
    }
  }

  /// The best items for one event's matches: scores accumulate from the matched features to
  /// the items that use them, and reasons are written only for the items kept. Also returns the
  /// features that the listed reasons name (`Candidate.listedReasons` per candidate), in the order
  /// they are listed, for the passage to show and highlight.
  func rank(_ matches: FeatureMatches, statistics: Statistics, top: Int, minScore: Double)
    -> ([Candidate], [(feature: Int, weight: Double)])
  {
    guard !matches.counts.isEmpty else { return ([], []) }
    let lengthNorm = 1 - Self.b + Self.b * Double(matches.length) / statistics.averageLength
    let commonLimit = Self.commonShare * Double(statistics.documents)
    var raw = Array(repeating: 0.0, count: features.weights.count)
    var contributions: [(item: Int, feature: Int, weight: Double, contribution: Double, title: Int32, text: Int32)] = []
    for match in matches.counts {
      let feature = Int(match.feature)
      let definition = features.features[feature]
      if definition.kind == .itemWord || definition.kind == .priorityWord,
        Double(statistics.frequencies[feature]) > commonLimit
      {
        continue
      }
      let tf = Self.titleBoost * Double(match.title) + Double(match.text)
      let saturation = tf * (Self.k1 + 1) / (tf + Self.k1 * lengthNorm)
      let base = statistics.idf(feature) * saturation
      for (item, weight) in features.users[feature] where weight > 0 {
        let contribution = weight * base
        raw[item] += contribution
        contributions.append((item, feature, weight, contribution, match.title, match.text))
      }
    }
    var kept: [(item: Int, score: Double)] = []
    for (item, value) in raw.enumerated() where value > 0 {
      let score = ((1 - exp(-value / Self.scale)) * 1000).rounded() / 1000
      if score >= minScore { kept.append((item, score)) }
    }
    kept.sort { ($0.score, -$0.item) > ($1.score, -$1.item) }
    // The listed reasons' features in the order they are listed (best candidate first, strongest
    // reason first), each once.
    var highlighted: [(feature: Int, weight: Double)] = []
    let candidates = kept.prefix(top).map { item, score in
      var reasons = contributions.filter { $0.item == item }.map { entry in
        let definition = features.features[entry.feature]
        let reason = Reason(
          kind: definition.kind, term: definition.term, matched: matches.form(of: entry.feature),
          field: entry.title > 0 ? "title" : "text",
          count: Int(entry.title + entry.text), weight: (entry.weight * 1000).rounded() / 1000,
          contribution: (entry.contribution * 1000).rounded() / 1000)
        return (reason: reason, feature: entry.feature, contribution: entry.contribution)
      }
      reasons.sort { ($0.reason.contribution, $1.reason.term) > ($1.reason.contribution, $0.reason.term) }
      for entry in reasons.prefix(Candidate.listedReasons)
      where !highlighted.contains(where: { $0.feature == entry.feature }) {
        highlighted.append((entry.feature, entry.contribution))
      }
      return Candidate(item: features.weights[item].item, score: score, reasons: reasons.map(\.reason))
    }
    return (candidates, highlighted)
  }
}
