import Foundation
import Testing

@testable import MandateKit

@Suite struct LiveWorkspaceTests {
  /// A workspace with the shipped mandate and events, no decisions.
  func makeWorkspace() throws -> (TemporaryDirectory, Workspace) {
    // No index opened here: the tests open it through the live workspace.
    let directory = try TemporaryDirectory.shipped(["Priorities", "Events"])
    return (directory, Workspace(root: directory.url))
  }

  @Test func readsSeeChangesMadeByOtherProcessesAndKeepResultsOtherwise() throws {
    let (directory, workspace) = try makeWorkspace()
    defer { withExtendedLifetime(directory) {} }
    let live = LiveWorkspace(workspace: workspace)
    var computed = 0
    let first = try live.cached("count") { view -> Int in
      computed += 1
      return try view.ledgerState().tags.count
    }
    let again = try live.cached("count") { view -> Int in
      computed += 1
      return try view.ledgerState().tags.count
    }
    #expect(first == 0 && again == 0 && computed == 1)
    let id = try live.read { view in try view.index.events(EventQuery()).first!.id }
    // A decision written outside this LiveWorkspace, as the CLI would.
    let mandate = try MandateCatalog.load(workspace).select(nil, workspace: workspace)
    _ = try DecisionDesk(workspace: workspace, mandate: mandate).tag(
      event: id, items: ["P1.1"], strength: .declaratory, stance: .supports, note: nil, by: "cli")
    let after = try live.cached("count") { view -> Int in
      computed += 1
      return try view.ledgerState().tags.count
    }
    #expect(after == 1 && computed == 2)
    // An import: a new partition of the record.
    let line = #"{"id":"00000000000000aa","date":"2024-05-02","title":"New","text":"New event","sources":[]}"#
    try (line + "\n").write(
      to: workspace.eventsDirectory.appendingPathComponent("2024-05.jsonl"), atomically: true, encoding: .utf8)
    let found = try live.read { view in try view.index.event(id: "00000000000000aa")?.title }
    #expect(found == "New")
  }

  @Test func readsAndWritesAtOnceInOneProcessNeverClash() async throws {
    let (directory, workspace) = try makeWorkspace()
    defer { withExtendedLifetime(directory) {} }
    let live = LiveWorkspace(workspace: workspace)
    let ids = try live.read { view in try view.index.events(EventQuery()).map(\.id) }
    try await withThrowingTaskGroup(of: Void.self) { group in
      for (number, id) in ids.prefix(6).enumerated() {
        group.addTask {
          _ = try live.write { desk in
            try desk.tag(
              event: id, items: ["P1.1"], strength: .declaratory, stance: .supports, note: nil, by: "w\(number)")
          }
        }
        group.addTask { _ = try live.read { view in try view.ledgerState().tags.count } }
        group.addTask { _ = try live.cached("events") { view in try view.index.counts().total } }
      }
      try await group.waitForAll()
    }
    #expect(try live.read { view in try view.ledgerState().tags.count } == 6)
  }

  @Test func aMandateWithErrorsIsOneErrorWithItsDiagnostics() throws {
    let (directory, workspace) = try makeWorkspace()
    defer { withExtendedLifetime(directory) {} }
    try "schema: 1\nid: broken\n".write(
      to: workspace.prioritiesDirectory.appendingPathComponent("kz-csto-2024.yaml"), atomically: true, encoding: .utf8)
    #expect(throws: LiveWorkspaceError.self) { try LiveWorkspace(workspace: workspace).read { _ in 1 } }
  }

  @Test func theStampChangesWithEveryFileItCovers() throws {
    let (directory, workspace) = try makeWorkspace()
    defer { withExtendedLifetime(directory) {} }
    let before = WorkspaceStamp.current(workspace)
    #expect(WorkspaceStamp.current(workspace) == before)
    try FileManager.default.createDirectory(at: workspace.tagsDirectory, withIntermediateDirectories: true)
    try "schema: 1\nmandate: kz-csto-2024\ndecisions:\n".write(
      to: workspace.tagsDirectory.appendingPathComponent("kz-csto-2024.yaml"), atomically: true, encoding: .utf8)
    let ledger = WorkspaceStamp.current(workspace)
    #expect(ledger != before)
    #expect(ledger.events == before.events && ledger.mandates == before.mandates)
    #expect(ledger.decisions != before.decisions)
  }
}

@Suite struct SuggestionQueueTests {
  @Test func oneEventScoredAloneIsWhatSuggestGivesForIt() throws {
    let copy = try ShippedCopy(["Priorities", "Events"])
    let (index, mandate) = (copy.index, copy.mandate)
    let state = try index.ledgerState(mandate: mandate.id)
    let range = TermQuarters(term: mandate.term).quarter(named: "2024Q2")!.range
    let queue = try SuggestionQueue(mandate: mandate, index: index, state: state, range: range)
    let all = try Suggester(mandate: mandate, index: index, state: state).suggest(
      SuggestionQuery(range: range, top: 3, minScore: 0.05, keepUnmatched: true))
    #expect(queue.events.map(\.id) == all.map(\.event.id))
    #expect(!all.isEmpty)
    for suggestion in all {
      let alone = try queue.suggestion(for: suggestion.event.id, index: index, top: 3, minScore: 0.05)
      #expect(alone == suggestion)
    }
    #expect(queue.position(of: all[0].event.id) == 0)
    #expect(try queue.suggestion(for: "ffffffffffffffff", index: index) == nil)
  }
}
