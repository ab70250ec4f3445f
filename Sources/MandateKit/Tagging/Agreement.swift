import Foundation

/// How far analysts agree on the event/item pairs they all decided (`mandate agreement`).
///
/// The units are the event/item pairs of events every analyst compared has a standing decision
/// on (a tag or a rejection of some item) where at least one of them has a decision on the pair.
/// Each analyst puts a unit in one category: material, declaratory or contradicting evidence, or
/// not evidence (a rejection, or no tag of the pair on an event they decided). Resolutions are
/// left out: agreement measures the analysts' own judgements.
public struct AgreementReport: Sendable, Equatable, Codable {
  public static let categories = ["material", "declaratory", "contradicts", "not-evidence"]

  public var analysts: [String]
  /// `cohen` for two analysts, `fleiss` for three or more.
  public var method: String
  public var categories: [String]
  /// The quarter the events were restricted to, when one was given.
  public var quarter: String?
  /// Events every analyst decided.
  public var events: Int
  public var overall: Kappa.Score
  public var priorities: [Scoped]
  public var items: [Scoped]
  /// For every pair of analysts, the counts of units by the first's category (rows) and the
  /// second's (columns), in `categories` order, with their Cohen's kappa.
  public var confusion: [Confusion]
  public var disagreements: [Disagreement]

  public struct Scoped: Sendable, Equatable, Codable {
    public var id: String
    public var score: Kappa.Score
  }

  public struct Confusion: Sendable, Equatable, Codable {
    public var first: String
    public var second: String
    public var counts: [[Int]]
    public var score: Kappa.Score
  }

  public struct Disagreement: Sendable, Equatable, Codable {
    public var event: String
    public var item: String
    /// Each analyst's category, in `analysts` order.
    public var categories: [String]
  }
}

/// Failures of `mandate agreement`.
public enum AgreementError: MandateError, Equatable {
  case tooFewAnalysts([String])
  case unknownAnalyst(String, known: [String])

  public var errorDescription: String? {
    switch self {
    case .tooFewAnalysts(let names):
      let who =
        names.isEmpty ? "no analyst has" : "only \(names.joined(separator: ", ")) \(names.count == 1 ? "has" : "have")"
      return "agreement needs two analysts with decisions; \(who) tagged or rejected events"
    case .unknownAnalyst(let name, let known):
      let hint = Spelling.closest(to: name, in: known).map { "; did you mean `\($0)`?" } ?? ""
      return "no decisions by `\(name)` (analysts: \(known.joined(separator: ", ")))\(hint)"
    }
  }
}

extension AgreementReport {
  /// The agreement of `analysts` (every analyst with decisions when empty) over the events in
  /// `events` (all when nil), from the ledger's `decisions`.
  public static func compute(
    decisions: [Decision], mandate: Mandate, analysts requested: [String], events: Set<String>?, quarter: String?
  ) throws(AgreementError) -> AgreementReport {
    // Each analyst's own standing decision per pair: their latest tag or rejection, unless they
    // withdrew their tag since.
    var standing: [String: [LedgerState.Pair: String]] = [:]
    for decision in LedgerHistory.ordered(decisions, items: Set(mandate.items.map(\.id))) {
      guard let event = decision.event, events?.contains(event) ?? true else { continue }
      let pair = LedgerState.Pair(event: event, item: decision.item)
      switch decision.kind {
      case .tag:
        let category =
          decision.stance == .contradicts ? "contradicts" : (decision.strength ?? .declaratory).rawValue
        standing[decision.by, default: [:]][pair] = category
      case .reject:
        standing[decision.by, default: [:]][pair] = "not-evidence"
      case .untag:
        if standing[decision.by]?[pair] != "not-evidence" { standing[decision.by]?[pair] = nil }
      case .status, .rename, .resolve:
        continue
      }
    }
    let known = standing.filter { !$0.value.isEmpty }.keys.sorted()
    for name in requested where !known.contains(name) { throw .unknownAnalyst(name, known: known) }
    let analysts = requested.isEmpty ? known : requested
    guard Set(analysts).count >= 2 else { throw .tooFewAnalysts(analysts) }
    let decided = analysts.map { Set((standing[$0] ?? [:]).keys.map(\.event)) }
    let shared = decided.dropFirst().reduce(decided[0]) { $0.intersection($1) }
    var units: [(pair: LedgerState.Pair, categories: [Int])] = []
    var pairs = Set<LedgerState.Pair>()
    for name in analysts {
      for pair in (standing[name] ?? [:]).keys where shared.contains(pair.event) { pairs.insert(pair) }
    }
    for pair in pairs.sorted() {
      let coded: [Int] = analysts.map { name in
        let category: String = standing[name]?[pair] ?? "not-evidence"
        return Self.categories.firstIndex(of: category) ?? 3
      }
      units.append((pair, coded))
    }
    func score(_ selected: [(pair: LedgerState.Pair, categories: [Int])]) -> Kappa.Score {
      if analysts.count == 2 { return Kappa.cohen(matrix(selected.map(\.categories), 0, 1)) }
      return Kappa.fleiss(
        selected.map { unit in categories.indices.map { category in unit.categories.count { $0 == category } } })
    }
    var confusion: [Confusion] = []
    for first in analysts.indices {
      for second in analysts.indices where second > first {
        let counts = matrix(units.map(\.categories), first, second)
        confusion.append(
          Confusion(first: analysts[first], second: analysts[second], counts: counts, score: Kappa.cohen(counts)))
      }
    }
    return AgreementReport(
      analysts: analysts, method: analysts.count == 2 ? "cohen" : "fleiss", categories: categories, quarter: quarter,
      events: shared.count, overall: score(units),
      priorities: mandate.priorities.map { priority in
        let ids = Set(priority.items.map(\.id))
        return Scoped(id: priority.id, score: score(units.filter { ids.contains($0.pair.item) }))
      },
      items: mandate.items.map { item in Scoped(id: item.id, score: score(units.filter { $0.pair.item == item.id })) },
      confusion: confusion,
      disagreements: units.filter { Set($0.categories).count > 1 }.map { unit in
        Disagreement(event: unit.pair.event, item: unit.pair.item, categories: unit.categories.map { categories[$0] })
      })
  }

  private static func matrix(_ units: [[Int]], _ first: Int, _ second: Int) -> [[Int]] {
    var counts = Array(repeating: Array(repeating: 0, count: categories.count), count: categories.count)
    for unit in units { counts[unit[first]][unit[second]] += 1 }
    return counts
  }
}
