import Foundation
import Testing

@testable import MandateKit

/// The suggestion cache that reports count pending suggestions from: after a decision it scores
/// again only the events the decision touched, and holds what scoring every event would give.
@Suite struct SuggestionCacheTests {
  typealias Rows = [String: [String]]

  /// A workspace of imported CSTO pages; each look takes the lock shared, as a command does.
  struct Copy {
    let scratch: ScratchWorkspace
    let workspace: Workspace
    let mandate: Mandate

    init() throws {
      (scratch, mandate) = try DecisionDeskTests.seeded()
      workspace = scratch.workspace
    }

    var lock: WorkspaceLock {
      get throws { try WorkspaceLock(stateDirectory: workspace.stateDirectory, mode: .shared) }
    }
  }

  /// The cache's candidates for the term, refreshed first when the files changed.
  static func cached(_ copy: Copy) throws -> Rows {
    let lock = try copy.lock
    let (index, _) = try EventIndex.open(copy.workspace, lock: lock)
    let state = try index.ledgerState(for: copy.mandate)
    return try SuggestionCache.candidates(
      mandate: copy.mandate, index: index, lock: lock, state: state, range: copy.mandate.term
    ).mapValues { $0.map { "\($0.item) \($0.score)" } }
  }

  /// What `suggest` gives for the undecided events of the term: every event scored now.
  static func scored(_ copy: Copy) throws -> Rows {
    let lock = try copy.lock
    let (index, _) = try EventIndex.open(copy.workspace, lock: lock)
    let suggester = try Suggester(mandate: copy.mandate, index: index, state: try index.ledgerState(for: copy.mandate))
    var rows: Rows = [:]
    for suggestion in try suggester.suggest(SuggestionQuery(range: copy.mandate.term)) {
      rows[suggestion.event.id] = suggestion.candidates.map { "\($0.item) \($0.score)" }
    }
    return rows
  }

  /// How many events the next refresh scores again (nil: every event).
  static func refreshCount(_ copy: Copy) throws -> Int? {
    let lock = try copy.lock
    let (index, _) = try EventIndex.open(copy.workspace, lock: lock)
    try lock.change(to: .exclusive)
    let base = try SuggestionCache.baseFingerprint(
      mandate: copy.mandate, index: index, minScore: SuggestionQuery.defaultMinScore)
    return try SuggestionCache.refresh(
      mandate: copy.mandate, index: index, state: try index.ledgerState(for: copy.mandate), base: base,
      fingerprint: try SuggestionCache.fingerprint(base: base, mandate: copy.mandate, index: index),
      minScore: SuggestionQuery.defaultMinScore)
  }

  @Test func eachDecisionLeavesTheCacheAsScoringEveryEventWould() throws {
    let copy = try Copy()
    let before = try Self.scored(copy)
    #expect(try Self.cached(copy) == before)
    let pending = before.keys.sorted()
    try #require(pending.count >= 3, "the shipped workspace needs pending suggestions")
    let desk = DecisionDesk(workspace: copy.workspace, mandate: copy.mandate)
    let first = (event: pending[0], item: String(before[pending[0]]![0].split(separator: " ")[0]))
    let second = (event: pending[1], item: String(before[pending[1]]![0].split(separator: " ")[0]))
    let steps: [(String, () throws -> Void)] = [
      (
        "tag",
        {
          _ = try desk.tag(
            event: first.event, items: [first.item], strength: .material, stance: .supports, note: nil, by: "ana")
        }
      ),
      ("reject", { _ = try desk.reject(event: second.event, items: [second.item], note: nil, by: "ana") }),
      ("untag", { _ = try desk.untag(event: first.event, items: [first.item], by: "ana") }),
      (
        "reject by another analyst",
        { _ = try desk.reject(event: pending[2], items: [first.item], note: nil, by: "bo") }
      ),
    ]
    for (name, step) in steps {
      try step()
      let cached = try Self.cached(copy)
      #expect(cached == (try Self.scored(copy)), "after \(name)")
    }
    #expect(try Self.cached(copy)[first.event] != nil, "the untagged event is pending again")
    #expect(try Self.cached(copy)[second.event] == nil, "the rejected event is decided")
  }

  @Test func aDecisionScoresOnlyTheEventsItTouches() throws {
    let copy = try Copy()
    let pending = try Self.scored(copy)
    _ = try Self.cached(copy)
    let event = try #require(pending.keys.sorted().first)
    _ = try DecisionDesk(workspace: copy.workspace, mandate: copy.mandate).tag(
      event: event, items: [String(pending[event]![0].split(separator: " ")[0])], strength: .declaratory,
      stance: .supports, note: nil, by: "ana")
    let count = try #require(try Self.refreshCount(copy))
    let events = try copy.scratch.index().counts().total
    #expect(count >= 1 && count < events, "scored \(count) of \(events) events again")
    // Nothing changed since: the cache is fresh, and a refresh all the same scores nothing again.
    #expect(try Self.refreshCount(copy) == 0)
  }

  @Test func aChangedRecordScoresEveryEventAgain() throws {
    let copy = try Copy()
    _ = try Self.cached(copy)
    let file = try #require(
      FileManager.default.contentsOfDirectory(at: copy.workspace.eventsDirectory, includingPropertiesForKeys: nil)
        .filter { $0.pathExtension == "jsonl" }.sorted { $0.path < $1.path }.first)
    let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
    try (lines.dropLast().joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
    #expect(try Self.refreshCount(copy) == nil)
    #expect(try Self.cached(copy) == (try Self.scored(copy)))
  }
}
