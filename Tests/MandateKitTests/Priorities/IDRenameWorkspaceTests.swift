import Foundation
import Testing

@testable import MandateKit

@Suite struct IDRenameWorkspaceTests {
  static let at = Timestamp.parse("2024-04-12T10:00:00Z")!
  static let event = "fc81e8021f9d3c4e"

  static let decisions: [Decision] = [
    Decision(
      kind: .tag, event: event, item: "P1.1", strength: .material, stance: .supports, note: "joint statement",
      fingerprint: "3a1f9b0c2d4e", by: "Analyst One", at: at),
    Decision(kind: .reject, event: event, item: "P10.1", note: "not the tenth", by: "analyst", at: at + 60),
    Decision(
      kind: .status, item: "P1.2", note: "summit set", status: .inProgress, asOf: Day(iso: "2025-12-31"),
      by: "Analyst Two", at: at + 120),
    Decision(
      kind: .tag, event: event, item: "P1.3", strength: .declaratory, stance: .contradicts, by: "x", at: at + 180),
    Decision(kind: .untag, event: event, item: "P1.1", by: "analyst", at: at + 240),
  ]

  /// A workspace holding the rename fixture and, when `decisions` is not nil, a ledger.
  static func workspace(_ folder: TemporaryDirectory, decisions: [Decision]? = Self.decisions) throws -> Workspace {
    let text = try String(contentsOf: TestPaths.fixture("priorities/rename.yaml"), encoding: .utf8)
    _ = try folder.file("Priorities/rename.yaml", text)
    let workspace = Workspace(root: folder.url)
    if let decisions { try LedgerFile(workspace: workspace, mandateID: "rename").append(decisions) }
    return workspace
  }

  static func ledger(_ workspace: Workspace) -> LedgerFile { LedgerFile(workspace: workspace, mandateID: "rename") }

  /// Every file of the ledger, one after the other.
  static func ledgerText(_ workspace: Workspace) throws -> String {
    try ledger(workspace).files.map {
      try String(contentsOf: workspace.root.appendingPathComponent($0), encoding: .utf8)
    }.joined()
  }

  /// Every file of the workspace's record with its bytes, temporary files included.
  static func snapshot(_ workspace: Workspace) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let folders = [workspace.prioritiesDirectory, workspace.tagsDirectory, ledger(workspace).folder]
    for folder in folders {
      for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
        let url = folder.appendingPathComponent(name)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue
        else { continue }
        result[url.path] = try Data(contentsOf: url)
      }
    }
    return result
  }

  @Test func renamesAreRecordedAndEntriesOfRenamedIdsCountForTheNewIds() throws {
    let folder = try TemporaryDirectory()
    let workspace = try Self.workspace(folder)
    let before = try Self.ledgerText(workspace)
    let now = Self.at + 3600
    let outcome = try IDRename.run(
      in: workspace, mandate: nil, old: "P1", new: "P7", dryRun: false, by: "Analyst One", now: now)
    #expect(
      outcome.summary
        == "renamed P1 to P7 and its items (P1.1 to P7.1, P1.2 to P7.2, P1.3 to P7.3) in Priorities/rename.yaml; 4 ledger entries now count for the new id (the rename is recorded in Tags/rename/analyst-one.yaml)"
    )
    #expect(outcome.notes.isEmpty)
    let contents = Self.ledger(workspace).read()
    #expect(contents.diagnostics.isEmpty, "\(contents.diagnostics.map(\.summary))")
    // The entries stay as they were written; the renames are new entries.
    let text = try Self.ledgerText(workspace)
    for line in before.split(separator: "\n") { #expect(text.contains(line)) }
    let renames = contents.decisions.filter { $0.kind == .rename }.map { "\($0.item)>\($0.to ?? "")" }
    #expect(renames == ["P1.1>P7.1", "P1.2>P7.2", "P1.3>P7.3"])
    let mandate = try #require(MandateCatalog.load(workspace).mandates.first)
    #expect(mandate.items.map(\.id) == ["P7.1", "P7.2", "P7.3", "P10.1"])
    var expected = Self.decisions
    for index in expected.indices where expected[index].item != "P10.1" {
      expected[index].item = "P7" + expected[index].item.dropFirst(2)
    }
    let replayed = LedgerHistory.ordered(contents.decisions, items: Set(mandate.items.map(\.id)))
    #expect(replayed.filter { $0.kind != .rename }.map(\.content) == expected)
  }

  @Test func anItemRenameMigratesOnlyThatItemsEntries() throws {
    let folder = try TemporaryDirectory()
    let workspace = try Self.workspace(folder)
    let outcome = try IDRename.run(in: workspace, mandate: "rename", old: "P1.1", new: "P1.4", dryRun: false)
    #expect(
      outcome.summary
        == "renamed P1.1 to P1.4 in Priorities/rename.yaml; 2 ledger entries now count for the new id (the rename is recorded in Tags/rename/mandate.yaml)"
    )
    let items = LedgerHistory.ordered(Self.ledger(workspace).read().decisions).filter { $0.kind != .rename }.map(\.item)
    #expect(items == ["P1.4", "P10.1", "P1.2", "P1.3", "P1.4"])
  }

  @Test func aDryRunSaysWhatWouldChangeAndWritesNothing() throws {
    let folder = try TemporaryDirectory()
    let workspace = try Self.workspace(folder)
    let before = try Self.snapshot(workspace)
    let outcome = try IDRename.run(in: workspace, mandate: nil, old: "P1.3", new: "P1.5", dryRun: true)
    #expect(
      outcome.summary
        == "would rename P1.3 to P1.5 in Priorities/rename.yaml; 1 ledger entry would count for the new id (the rename is recorded in Tags/rename/mandate.yaml)"
    )
    #expect(try Self.snapshot(workspace) == before)
  }

  @Test func withoutALedgerOnlyTheMandateChanges() throws {
    let folder = try TemporaryDirectory()
    let workspace = try Self.workspace(folder, decisions: nil)
    let outcome = try IDRename.run(in: workspace, mandate: nil, old: "P10", new: "P2", dryRun: false)
    #expect(
      outcome.summary
        == "renamed P10 to P2 and its item (P10.1 to P2.1) in Priorities/rename.yaml; no ledger entries name it")
    #expect(!Self.ledger(workspace).exists)
  }

  @Test(arguments: [
    ("P1.7", "P1.8", "no item or priority `P1.7` in rename; did you mean `P1.1`, `P1.2`, `P1.3`?"),
    ("P1.1", "P1.2", "`P1.2` already exists (Priorities/rename.yaml:19:13); choose an unused id"),
    (
      "P1.1", "P10.2",
      "`P10.2` would move item P1.1 out of priority P1: moving an item between priorities is not a rename; its new id must start with `P1.`"
    ),
    ("P1", "NULL", "renaming would leave Priorities/rename.yaml with errors: 11:9: `id` in a priority is empty"),
    (
      "P1.1", "P1.x y",
      "`P1.x y` is not a valid item id: an item of P1 is named `P1.` and a number or name (e.g. `P1.4`)"
    ),
  ])
  func refusalsWriteNothing(old: String, new: String, message: String) throws {
    let folder = try TemporaryDirectory()
    let workspace = try Self.workspace(folder)
    let before = try Self.snapshot(workspace)
    do {
      _ = try IDRename.run(in: workspace, mandate: nil, old: old, new: new, dryRun: false)
      Issue.record("renaming \(old) to \(new) should have been refused")
    } catch {
      #expect((error as? LocalizedError)?.errorDescription == message)
    }
    #expect(try Self.snapshot(workspace) == before)
  }

  /// A line of a schema 2 ledger that cannot be read stays in the layout file when the ledger
  /// moves to a file per analyst (the rename's write migrates it), for `check` to go on naming.
  @Test func anEntryThatCannotBeReadIsKeptAsItWas() throws {
    let folder = try TemporaryDirectory()
    let workspace = try Self.workspace(folder, decisions: nil)
    let bad = "- {at: 2024-04-12T10:00:00Z, by: a, kind: tagg, item: P1.1}\n"
    _ = try folder.file("Tags/rename.yaml", "schema: 2\nmandate: rename\ndecisions:\n" + bad)
    _ = try IDRename.run(
      in: workspace, mandate: nil, old: "P1.1", new: "P1.4", dryRun: false, by: "a", now: Self.at + 60)
    #expect(
      try String(contentsOf: Self.ledger(workspace).url, encoding: .utf8)
        == LedgerPart.layoutText(mandateID: "rename") + "decisions:\n" + bad)
    #expect(
      try String(contentsOf: Self.ledger(workspace).folder.appendingPathComponent("a.yaml"), encoding: .utf8)
        == LedgerPart.analystHeader(mandateID: "rename")
        + "- {at: 2024-04-12T10:01:00Z, by: \"a\", kind: rename, item: P1.1, to: P1.4}\n")
    let contents = Self.ledger(workspace).read()
    #expect(contents.diagnostics.map(\.summary).first?.hasPrefix("7:43 error invalid-value: `kind`") == true)
  }

  @Test func aLedgerThatCannotBeReadStopsTheRename() throws {
    let folder = try TemporaryDirectory()
    let workspace = try Self.workspace(folder, decisions: nil)
    _ = try folder.file("Tags/rename.yaml", "schema: 2\nmandate: rename\ndecisions:\n<<<<<<< HEAD\n")
    let before = try Self.snapshot(workspace)
    #expect(throws: LedgerError.self) {
      try IDRename.run(in: workspace, mandate: nil, old: "P1.1", new: "P1.4", dryRun: false)
    }
    #expect(try Self.snapshot(workspace) == before)
  }

  @Test func aMandateWithErrorsIsNotRenamedIn() throws {
    let folder = try TemporaryDirectory()
    let workspace = try Self.workspace(folder)
    _ = try folder.file("Priorities/rename.yaml", "schema: 1\nid: rename\n")
    let before = try Self.snapshot(workspace)
    do {
      _ = try IDRename.run(in: workspace, mandate: nil, old: "P1.1", new: "P1.4", dryRun: false)
      Issue.record("a broken mandate should have been refused")
    } catch {
      #expect(
        (error as? LocalizedError)?.errorDescription
          == "Priorities/rename.yaml has errors; run `mandate check` for details")
    }
    #expect(try Self.snapshot(workspace) == before)
  }

  @Test func aByteOrderMarkIsKept() throws {
    let folder = try TemporaryDirectory()
    let workspace = try Self.workspace(folder, decisions: nil)
    let url = workspace.prioritiesDirectory.appendingPathComponent("rename.yaml")
    let text = try String(contentsOf: url, encoding: .utf8)
    try (Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)).write(to: url)
    _ = try IDRename.run(in: workspace, mandate: nil, old: "P1.3", new: "P1.5", dryRun: false)
    let expected = text.replacingOccurrences(of: "id: P1.3,", with: "id: P1.5,")
    #expect(try Data(contentsOf: url) == Data([0xEF, 0xBB, 0xBF]) + Data(expected.utf8))
  }

  /// Killed between the ledger and the mandate, a rename leaves its entry in the ledger and the
  /// old id in the mandate; running it again finishes the job.
  @Test func runningAnInterruptedRenameAgainFinishesIt() throws {
    let folder = try TemporaryDirectory()
    let decisions = Self.decisions + [Decision(kind: .rename, item: "P1.3", to: "P1.5", by: "x", at: Self.at + 300)]
    let workspace = try Self.workspace(folder, decisions: decisions)
    let outcome = try IDRename.run(in: workspace, mandate: nil, old: "P1.3", new: "P1.5", dryRun: false)
    #expect(outcome.summary == "renamed P1.3 to P1.5 in Priorities/rename.yaml; no ledger entries name it")
    #expect(
      outcome.notes == [
        "1 entry of Tags/rename/ already named P1.5, which the mandate did not have (left by an interrupted rename?); they now refer to the renamed item"
      ])
    let mandate = try #require(MandateCatalog.load(workspace).mandates.first)
    #expect(mandate.item(id: "P1.5") != nil)
  }
}
