import Foundation
import GRDB
import Testing

@testable import MandateKit

@Suite struct EventIndexTests {
  func seeded() throws -> ScratchWorkspace {
    let scratch = try ScratchWorkspace()
    try scratch.importFiles(Samples.pageFiles)
    return scratch
  }

  @Test func deletingTheIndexLosesNothing() throws {
    let scratch = try seeded()
    let before = try scratch.index().events(EventQuery())
    try FileManager.default.removeItem(at: scratch.workspace.stateDirectory)
    let lock = try WorkspaceLock(stateDirectory: scratch.workspace.stateDirectory, mode: .shared)
    let (index, preparation) = try EventIndex.open(scratch.workspace, lock: lock)
    #expect(preparation == .rebuilt(reason: "missing"))
    #expect(try index.events(EventQuery()) == before)
  }

  /// A fresh index is read under the shared lock: a reader must not wait for another reader. (A
  /// flattened `try?` once made every command take the lock exclusively, so readers queued.)
  @Test func aFreshIndexIsOpenedWithoutTheExclusiveLock() throws {
    let scratch = try seeded()
    _ = try scratch.index()
    // Another process reading: a shared flock on the lock file through an open file of its own.
    let other = open(scratch.workspace.stateDirectory.appendingPathComponent("lock").path, O_RDWR)
    #expect(other >= 0 && flock(other, LOCK_SH) == 0)
    defer { close(other) }
    final class Outcome: @unchecked Sendable {
      var preparation: EventIndex.Preparation?
      let done = DispatchSemaphore(value: 0)
    }
    let outcome = Outcome()
    let workspace = scratch.workspace
    Thread.detachNewThread {
      if let lock = try? WorkspaceLock(stateDirectory: workspace.stateDirectory, mode: .shared) {
        outcome.preparation = try? EventIndex.open(workspace, lock: lock).preparation
      }
      outcome.done.signal()
    }
    let finished = outcome.done.wait(timeout: .now() + 30) == .success
    flock(other, LOCK_UN)  // lets an open that waits for the exclusive lock finish
    if !finished { outcome.done.wait() }
    #expect(finished, "opening a fresh index waited for the exclusive lock")
    #expect(outcome.preparation == .fresh)
  }

  @Test func anInterruptedBuildIsRebuilt() throws {
    let scratch = try seeded()
    #expect(FileManager.default.createFile(atPath: EventIndex.dirtyMarker(in: scratch.workspace).path, contents: nil))
    let lock = try WorkspaceLock(stateDirectory: scratch.workspace.stateDirectory, mode: .shared)
    let (index, preparation) = try EventIndex.open(scratch.workspace, lock: lock)
    #expect(preparation == .rebuilt(reason: "interrupted"))
    #expect(try index.counts().total == 12)
  }

  @Test func aDamagedIndexFileIsRebuilt() throws {
    let scratch = try seeded()
    let url = EventIndex.url(in: scratch.workspace)
    for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: url.path + suffix) }
    try Data(repeating: 0x42, count: 8192).write(to: url)
    let lock = try WorkspaceLock(stateDirectory: scratch.workspace.stateDirectory, mode: .shared)
    let (index, preparation) = try EventIndex.open(scratch.workspace, lock: lock)
    #expect(preparation == .rebuilt(reason: "outdated or damaged"))
    #expect(try index.counts().total == 12)
  }

  @Test func aHandEditedRecordFileIsPickedUp() throws {
    let scratch = try seeded()
    let file = scratch.workspace.eventsDirectory.appendingPathComponent("2024-04.jsonl")
    var lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
    lines.removeFirst()
    try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
    let lock = try WorkspaceLock(stateDirectory: scratch.workspace.stateDirectory, mode: .shared)
    let (index, preparation) = try EventIndex.open(scratch.workspace, lock: lock)
    #expect(preparation == .refreshed(partitions: 1))
    #expect(try index.counts().total == 11)
    try assertFullTextInStep(index)
  }

  @Test func aMalformedRecordLineNamesItsFileAndLine() throws {
    let scratch = try seeded()
    let file = scratch.workspace.eventsDirectory.appendingPathComponent("2024-07.jsonl")
    let text = try String(contentsOf: file, encoding: .utf8) + "{\"id\": \"broken\"\n"
    try text.write(to: file, atomically: true, encoding: .utf8)
    try FileManager.default.removeItem(at: scratch.workspace.stateDirectory)
    #expect(
      throws: RecordError.malformedLine(path: "Events/2024-07.jsonl", line: 3, reason: "not a valid event: not JSON")
    ) {
      _ = try scratch.index()
    }
  }

  @Test func idsResolveByUniquePrefixLikeGit() throws {
    let index = try seeded().index()
    let event = try #require(try index.events(EventQuery()).first)
    #expect(try index.resolve(event.id).id == event.id)
    #expect(try index.resolve(String(event.id.prefix(6))).id == event.id)
    #expect(try index.resolve(event.id.uppercased()).id == event.id)
    #expect(throws: IndexError.invalidEventID("xyz")) { try index.resolve("xyz") }
    #expect(throws: IndexError.self) { try index.resolve("0000000000") }
  }

  @Test func anAmbiguousPrefixListsTheCandidates() throws {
    let scratch = try seeded()
    let index = try scratch.index()
    let ids = try index.events(EventQuery()).map(\.id)
    // Among 12 ids two share a first digit; a one-digit prefix is refused anyway (needs 4).
    let first = ids.first!
    #expect(throws: IndexError.invalidEventID(String(first.prefix(2)))) { try index.resolve(String(first.prefix(2))) }
    let abbreviations = try index.abbreviations(for: ids)
    #expect(abbreviations.values.allSatisfy { $0.count >= 8 })
    #expect(Set(abbreviations.values).count == ids.count)
  }

  @Test func eventsArePlacedInRangesByPrecision() throws {
    let index = try seeded().index()
    let april = DayRange(start: Day(iso: "2024-04-01")!, end: Day(iso: "2024-06-30")!)
    #expect(try index.events(EventQuery(range: april)).count == 3)
    // The year-precision event is in the year, not in any quarter of it.
    let year = DayRange(start: Day(iso: "2024-01-01")!, end: Day(iso: "2024-12-31")!)
    #expect(try index.events(EventQuery(range: year)).contains { $0.datePrecision == .year })
    #expect(try index.events(EventQuery(undatedOnly: true)).count == 3)
    #expect(try index.events(EventQuery(limit: 2)).count == 2)
  }

  @Test func searchRanksAndHighlights() throws {
    let index = try seeded().index()
    let hits = try index.search(EventQuery(search: "Afghanistan"))
    #expect(hits.count == 2)
    #expect(hits.allSatisfy { $0.snippet.contains(Highlight.start + "Afghanistan" + Highlight.end) })
    let phrase = try index.search(EventQuery(search: "\"Working Group on Afghanistan\""))
    #expect(phrase.count == 1)
    #expect(try index.search(EventQuery(search: "Afghanistan Otunbayeva")).count == 1)
    // FTS syntax in the input is taken literally, not as an operator or an error.
    #expect(try index.search(EventQuery(search: "AND OR NOT ( * : ^")).isEmpty)
    #expect(try index.search(EventQuery(search: "")).isEmpty)
  }

  @Test func fullTextStaysInStepThroughMergesAndUpdates() throws {
    let scratch = try seeded()
    try scratch.importFiles((1...3).map { TestPaths.fixture("csto-pages/synthetic/synthetic_\($0).txt") }.reversed())
    try assertFullTextInStep(try scratch.index())
  }

  /// Every event has full-text entries, and removing each one with its stored values succeeds
  /// (FTS5 reports a damaged index otherwise).
  func assertFullTextInStep(_ index: EventIndex, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    try index.write { db in
      try db.execute(sql: "CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, 'event_fts', 'instance')")
      let indexed = try Int.fetchOne(db, sql: "SELECT count(DISTINCT doc) FROM temp.vocab") ?? 0
      let rows = try Int.fetchOne(db, sql: "SELECT count(*) FROM event") ?? 0
      #expect(indexed == rows, sourceLocation: sourceLocation)
      try db.execute(
        sql: "INSERT INTO event_fts(event_fts, rowid, title, body) SELECT 'delete', rowid, title, body FROM event")
      try db.execute(sql: "DROP TABLE temp.vocab")
      throw CancellationError()
    }
  }
}

extension EventIndexTests {
  func assertFullTextInStep(_ index: EventIndex) throws {
    do {
      try assertFullTextInStep(index, sourceLocation: #_sourceLocation)
    } catch is CancellationError {
      // The deletions were only a check: the transaction is rolled back on purpose.
    }
  }
}

@Suite struct RecordDuplicatesTests {
  /// After a crash between two renames, or a union merge in git, one id can stand in two files:
  /// the rebuild merges the two lines instead of failing.
  @Test func anEventInTwoFilesIsMergedOnRebuild() throws {
    let scratch = try ScratchWorkspace()
    try scratch.importFiles(Samples.pageFiles)
    let events = scratch.workspace.eventsDirectory
    let april = try String(contentsOf: events.appendingPathComponent("2024-04.jsonl"), encoding: .utf8)
    let first = try #require(april.split(separator: "\n").first)
    var copy = try Event.decode(line: Array(first.utf8))
    copy.sources = [
      EventSource(
        file: "elsewhere.txt", position: 1, url: nil, role: .teaser, name: nil, firstSeen: ScratchWorkspace.today)
    ]
    let undated = events.appendingPathComponent("undated.jsonl")
    let text =
      try String(contentsOf: undated, encoding: .utf8) + String(decoding: copy.recordLine(), as: UTF8.self) + "\n"
    try text.write(to: undated, atomically: true, encoding: .utf8)
    try FileManager.default.removeItem(at: scratch.workspace.stateDirectory)
    let index = try scratch.index()
    #expect(try index.counts().total == 12)
    let merged = try #require(try index.event(id: copy.id))
    #expect(merged.sources.contains { $0.file == "elsewhere.txt" })
    #expect(merged.sources.count == 4)
  }
}
