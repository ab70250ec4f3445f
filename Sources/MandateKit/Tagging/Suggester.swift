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

  /// An event as the scan keeps it: enough to list it and its matches; its text is read again
  /// for the passage once the reasons to highlight are known.
  struct Scanned: Sendable {
    var summary: EventSummary
    var rowid: Int64
    var placed: Bool
    var matches: FeatureMatches
  }

  /// A scanned event with its candidates and the features its listed reasons name, strongest
  /// first, with what each added.
  struct Ranked: Sendable {
    var scanned: Scanned
    var candidates: [Candidate]
    var highlighted: [(feature: Int, weight: Double)]
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
  public func suggestBatches(_ query: SuggestionQuery, _ body: ([Suggestion]) throws -> Void) throws {
    let decided = state.decidedEvents
    let wanted = query.events.map(Set.init)
    let timer = PhaseTimer("suggest")
    var statistics = Statistics(features: features.features.count)
    var candidates: [Scanned] = []
    try scanAll(range: query.range) { scanned in
      statistics.documents += 1
      statistics.totalLength += scanned.matches.length
      for match in scanned.matches.counts { statistics.frequencies[Int(match.feature)] += 1 }
      if let wanted {
        if wanted.contains(scanned.summary.id) { candidates.append(scanned) }
      } else if scanned.placed && !decided.contains(scanned.summary.id) {
        candidates.append(scanned)
      }
    }
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
    while start < candidates.count {
      let started = clock.now
      let batch = Array(candidates[start..<min(start + 4096, candidates.count)])
      start += batch.count
      var ranked = Parallel.map(batch) { scanned -> Ranked? in
        let (candidates, highlighted) = self.rank(
          scanned.matches, statistics: statistics, top: query.top, minScore: query.minScore)
        guard !candidates.isEmpty || wanted != nil || query.keepUnmatched else { return nil }
        return Ranked(scanned: scanned, candidates: candidates, highlighted: highlighted)
      }.compactMap { $0 }
      if let limit = query.limit, count + ranked.count > limit {
        ranked = Array(ranked.prefix(limit - count))
      }
      let rankedAt = clock.now
      ranking += rankedAt - started
      let bodies = try self.bodies(ranked.map(\.scanned.rowid))
      let readAt = clock.now
      reading += readAt - rankedAt
      let suggestions = Parallel.map(ranked) { entry in
        Suggestion(
          event: entry.scanned.summary, candidates: entry.candidates,
          snippet: entry.scanned.matches.snippet(
            of: bodies[entry.scanned.rowid] ?? "", features: entry.highlighted))
      }
      count += suggestions.count
      let madeAt = clock.now
      passages += madeAt - readAt
      if !suggestions.isEmpty { try body(suggestions) }
      output += clock.now - madeAt
      if let limit = query.limit, count >= limit { break }
    }
  }

  /// Reads every event and matches it, on all cores at once: each core reads its own share of
  /// rows through its own connection (the pool's readers), so reading overlaps matching. `body`
  /// then sees the events in date order.
  func scanAll(range: DayRange?, _ body: (Scanned) throws -> Void) throws {
    let placedSQL = range == nil ? "1" : EventIndex.placedCondition("")
    let arguments: StatementArguments =
      range.map { [$0.start.description, $0.end.description, $0.start.description, $0.end.description] } ?? []
    let features = self.features
    let maxRowid = try index.read { db in try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM event") ?? 0 }
    let shares = Parallel.width
    let results = SharedSlots<Scanned>(count: shares)
    let index = self.index
    DispatchQueue.concurrentPerform(iterations: shares) { share in
      let low = maxRowid * Int64(share) / Int64(shares)
      let high = maxRowid * Int64(share + 1) / Int64(shares)
      do {
        let scanned = try index.read { db -> [Scanned] in
          let cursor = try GRDB.Row.fetchCursor(
            db,
            sql: """
              SELECT rowid, id, date, date_end, precision, title, body, \(placedSQL) AS placed FROM event
              WHERE rowid > ? AND rowid <= ?
              """,
            arguments: arguments + [low, high])
          var rows: [Scanned] = []
          while let row = try cursor.next() {
            let text: String = row["body"]
            let title: String? = row["title"]
            let date: String? = row["date"]
            let end: String? = row["date_end"]
            let summary = EventSummary(
              id: row["id"], date: date.flatMap { Day(iso: $0) }, dateEnd: end.flatMap { Day(iso: $0) },
              datePrecision: DatePrecision(rawValue: row["precision"]) ?? .none, title: title,
              headline: title.flatMap { $0.isEmpty ? nil : $0 } ?? Event.firstWords(of: text, limit: 100))
            let matches = FeatureMatches(title: title, text: text, features: features)
            rows.append(Scanned(summary: summary, rowid: row["rowid"], placed: row["placed"], matches: matches))
          }
          return rows
        }
        results.store(scanned, at: share)
      } catch {
        results.fail(error)
      }
    }
    // Date order (undated last), then id: sorted as integer keys, computed once per event rather
    // than per comparison, and the events themselves are not moved.
    let all = try results.collect()
    let keys = all.map { scanned in
      let summary = scanned.summary
      return (
        summary.date == nil ? 1 : 0, summary.date?.ordinal ?? 0, summary.dateEnd?.ordinal ?? 0,
        EventKey.of(summary.id) ?? .max
      )
    }
    let order = all.indices.sorted { a, b in
      keys[a] != keys[b] ? keys[a] < keys[b] : all[a].summary.id < all[b].summary.id
    }
    for position in order { try body(all[position]) }
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
