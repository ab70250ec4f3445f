import Foundation
import Testing

@testable import MandateKit

/// A file per analyst (schema 3): where decisions go, how a ledger of one file (schema 2) moves
/// there, and how the files read as one ledger.
@Suite struct LedgerLayoutTests {
  static let at = Timestamp.parse("2024-04-12T10:00:00Z")!

  static func reject(_ by: String, _ item: String, minutes: Double = 0) -> Decision {
    Decision(kind: .reject, event: "fc81e8021f9d3c4e", item: item, by: by, at: at + minutes * 60)
  }

  static func schemaTwo(_ decisions: [Decision]) -> String {
    "schema: 2\nmandate: m\ndecisions:\n" + decisions.map { LedgerLine.encode($0) + "\n" }.joined()
  }

  static let team = [
    reject("Alice", "P1.1"), reject("bob", "P1.2", minutes: 1), reject("alice", "P2.1", minutes: 2),
    reject("Алия Сейткали", "P3.1", minutes: 3), reject("bob", "P4.1", minutes: 4),
  ]

  func text(_ folder: TemporaryDirectory, _ path: String) throws -> String {
    try String(contentsOf: folder.url.appendingPathComponent(path), encoding: .utf8)
  }

  @Test func aLedgerOfOneFileMovesToAFilePerAnalystOnce() throws {
    let folder = try TemporaryDirectory()
    _ = try folder.file("Tags/m.yaml", Self.schemaTwo(Self.team))
    let ledger = LedgerFile(workspace: Workspace(root: folder.url), mandateID: "m")
    let before = ledger.read()
    #expect(before.schema == 2)
    #expect(before.needsMigration)
    let migration = try #require(try ledger.migrate())
    #expect(migration.fromSchema == 2)
    #expect(migration.moved == 5)
    #expect(migration.files == ["Tags/m/alice.yaml", "Tags/m/bob.yaml", "Tags/m/алия-сейткали.yaml"])
    // Alice and alice share a file, each with their own lines.
    #expect(
      try text(folder, "Tags/m/alice.yaml")
        == LedgerPart.analystHeader(mandateID: "m") + LedgerLine.encode(Self.team[0]) + "\n"
        + LedgerLine.encode(Self.team[2]) + "\n")
    #expect(try text(folder, "Tags/m.yaml") == LedgerPart.layoutText(mandateID: "m"))
    let after = ledger.read()
    #expect(after.schema == 3)
    #expect(!after.needsMigration)
    #expect(after.diagnostics.isEmpty)
    #expect(
      LedgerHistory.ordered(after.decisions).map(\.content) == LedgerHistory.ordered(before.decisions).map(\.content))
    #expect(try ledger.migrate() == nil)
  }

  /// Killed between the analysts' files and the layout file, a migration leaves every decision in
  /// two places: replay counts each once, and the next migration finishes without copying twice.
  @Test func anInterruptedMigrationCountsOnceAndFinishes() throws {
    let folder = try TemporaryDirectory()
    _ = try folder.file("Tags/m.yaml", Self.schemaTwo(Self.team))
    let ledger = LedgerFile(workspace: Workspace(root: folder.url), mandateID: "m")
    let once = LedgerState(ledger.read().decisions)
    _ = try folder.file(
      "Tags/m/bob.yaml", LedgerPart.analystHeader(mandateID: "m") + LedgerLine.encode(Self.team[1]) + "\n")
    let twice = ledger.read()
    #expect(twice.decisions.count == 6)
    #expect(LedgerHistory.ordered(twice.decisions).count == 5)
    #expect(LedgerState(twice.decisions).rejections == once.rejections)
    try ledger.migrate()
    #expect(
      try text(folder, "Tags/m/bob.yaml")
        == LedgerPart.analystHeader(mandateID: "m") + LedgerLine.encode(Self.team[1]) + "\n"
        + LedgerLine.encode(Self.team[4]) + "\n")
    #expect(ledger.read().decisions.count == 5)
  }

  @Test func decisionsAMergeLeftInTheLayoutFileCountAndMoveWithTheNextWrite() throws {
    let folder = try TemporaryDirectory()
    let ledger = LedgerFile(workspace: Workspace(root: folder.url), mandateID: "m")
    try ledger.append([Self.team[1]])
    let stray = LedgerLine.encode(Self.team[4]) + "\n"
    _ = try folder.file("Tags/m.yaml", LedgerPart.layoutText(mandateID: "m") + "decisions:\n" + stray)
    let contents = ledger.read()
    #expect(contents.schema == 3)
    #expect(contents.unmoved == 1)
    #expect(contents.needsMigration)
    #expect(contents.schemaLocation == FileLocation(file: "Tags/m.yaml", line: 4, column: 9))
    #expect(contents.decisions.map(\.file) == ["Tags/m.yaml", "Tags/m/bob.yaml"])
    let note = try ledger.append([Self.reject("carol", "P5.1", minutes: 5)])
    #expect(note == LedgerFile.WriteNote(migratedFrom: nil, moved: 1, files: ["Tags/m/carol.yaml"]))
    #expect(try text(folder, "Tags/m.yaml") == LedgerPart.layoutText(mandateID: "m"))
    #expect(try text(folder, "Tags/m/bob.yaml").hasSuffix(LedgerLine.encode(Self.team[1]) + "\n" + stray))
  }

  /// Any file that cannot be read makes the whole ledger unreadable, whoever's it is.
  @Test func oneUnreadableFileMakesTheLedgerUnreadable() throws {
    let folder = try TemporaryDirectory()
    let ledger = LedgerFile(workspace: Workspace(root: folder.url), mandateID: "m")
    try ledger.append([Self.team[0], Self.team[1]])
    #expect(ledger.read().unreadable == nil)
    _ = try folder.file("Tags/m/bob.yaml", "schema: 3\nmandate: m\ndecisions:\n- {at: [\n")
    let contents = ledger.read()
    #expect(contents.unreadable?.location?.file == "Tags/m/bob.yaml")
    #expect(contents.decisions.map(\.by) == ["Alice"])
    let problem = try #require(contents.unreadable)
    let place = try #require(problem.location)
    let error = #expect(throws: RecordError.self) { try ledger.append([Self.reject("bob", "P9.1", minutes: 9)]) }
    #expect(
      error?.errorDescription
        == "cannot write Tags/m/bob.yaml: the file cannot be read (\(place): \(problem.message)); fix it first; the record was left as it was"
    )
  }

  /// Decisions of several analysts in one write: every file is prepared before any is replaced,
  /// so a full disk leaves every file as it was.
  @Test func aWriteToSeveralFilesChangesAllOrNone() throws {
    let folder = try TemporaryDirectory()
    let ledger = LedgerFile(workspace: Workspace(root: folder.url), mandateID: "m")
    try ledger.append([Self.team[0], Self.team[1]])
    let before = try ledger.files.map { try text(folder, $0) }
    #expect(throws: RecordError.self) {
      try SimulatedWriteFailure.with(ENOSPC, under: folder.url.appendingPathComponent("Tags/m/bob.yaml")) {
        try ledger.append([Self.team[2], Self.team[4]])
      }
    }
    #expect(try ledger.files.map { try text(folder, $0) } == before)
    try ledger.append([Self.team[2], Self.team[4]])
    #expect(ledger.read().decisions.count == 4)
  }

  /// Replay does not depend on which file a decision is in, nor on the order files are read in.
  @Test func replayIsTheSameWhateverTheFiles() {
    var decisions = Self.team
    for index in decisions.indices { decisions[index].at = Self.at }
    let inFiles = decisions.enumerated().map { offset, decision in
      var copy = decision
      copy.file = "Tags/m/\(AnalystSlug.of(decision.by)).yaml"
      copy.line = 7 + offset
      return copy
    }
    let orders = [inFiles, inFiles.reversed(), inFiles.shuffled(), decisions + [inFiles[0]]]
    let replays = orders.map { LedgerHistory.ordered($0).map(\.content) }
    for replay in replays { #expect(replay == replays[0]) }
    #expect(replays[0].map(\.by) == ["Alice", "alice", "bob", "bob", "Алия Сейткали"])
  }
}
