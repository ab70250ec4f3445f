import Foundation
import Testing

@testable import MandateKit

@Suite struct LedgerCheckTests {
  func run(_ scratch: ScratchWorkspace) throws -> [Diagnostic] {
    try WorkspaceCheck.run(paths: [], workspace: scratch.workspace, currentDirectory: scratch.workspace.root)
      .diagnostics
  }

  @Test func unknownItemsAndEventsAreErrorsAtTheirEntry() throws {
    let scratch = try ScratchWorkspace()
    try scratch.importFiles(Samples.pageFiles)
    let text = """
      schema: 1
      mandate: kz-csto-2024
      decisions:
      - kind: tag
        event: fc81e80203498dde
        item: P9.1
        by: a
        at: 2024-04-12T10:00:00Z
      - kind: reject
        event: 0123456789abcdef
        item: P1.1
        by: a
        at: 2024-04-12T10:00:00Z

      """
    _ = try scratch.folder.file("Tags/kz-csto-2024.yaml", text)
    #expect(
      try run(scratch).map(\.summary) == [
        "1:9 warning ledger-schema: this ledger is in schema 1 (one decision over several lines, every analyst in one file), which git merges can garble; `mandate init` moves its decisions to their analysts' files in Tags/kz-csto-2024/ (schema 3, a file per analyst, one decision per line), as does the next decision recorded",
        "4:3 error unknown-item: `tag` entry names item `P9.1`, which kz-csto-2024 does not have; did you mean `P1.1`?",
        "9:3 error unknown-event: `reject` entry names event `0123456789abcdef`, which is not in Events/",
      ])
  }

  @Test func aTagMadeOnOtherWordingIsSuspect() throws {
    let scratch = try ScratchWorkspace()
    try scratch.importFiles(Samples.pageFiles)
    let mandate = try #require(MandateCatalog.load(scratch.workspace).mandates.first)
    _ = try DecisionDesk(workspace: scratch.workspace, mandate: mandate).tag(
      event: "fc81e802", items: ["P1.1"], strength: .declaratory, stance: .supports, note: nil, by: "a")
    #expect(try run(scratch).isEmpty)
    let file = scratch.workspace.prioritiesDirectory.appendingPathComponent("kz-csto-2024.yaml")
    let yaml = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(
      of: "maintaining the established interaction with the UN", with: "maintaining the interaction with the UN")
    try yaml.write(to: file, atomically: true, encoding: .utf8)
    let diagnostics = try run(scratch)
    #expect(diagnostics.map(\.code) == ["suspect-tag"])
    #expect(diagnostics.first?.severity == .warning)
    #expect(diagnostics.first?.location?.line == 7)
  }

  @Test func aBrokenEventsLineIsAnErrorWithItsLine() throws {
    let scratch = try ScratchWorkspace()
    try scratch.importFiles(Samples.pageFiles)
    let file = scratch.workspace.eventsDirectory.appendingPathComponent("2024-07.jsonl")
    try (try String(contentsOf: file, encoding: .utf8) + "not json\n").write(
      to: file, atomically: true, encoding: .utf8)
    #expect(try run(scratch).map(\.summary) == ["3:1 error invalid-event: not a valid event: not JSON"])
  }

  /// Reports and the index read ids as 16 hex digits; a record line with any other id (a path,
  /// an edit gone wrong) is an error at its line, not an event.
  @Test func anEventIdThatIsNotSixteenHexDigitsIsAnError() throws {
    let scratch = try ScratchWorkspace()
    try scratch.importFiles(Samples.pageFiles)
    let file = scratch.workspace.eventsDirectory.appendingPathComponent("2024-07.jsonl")
    let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
    let id = try #require(lines.first?.firstMatch(of: /"id":"([0-9a-f]{16})"/)?.1)
    let edited =
      [lines[0].replacingOccurrences(of: "\"id\":\"\(id)\"", with: "\"id\":\"../../etc\"")] + lines.dropFirst()
    try (edited.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
    #expect(
      try run(scratch).map(\.summary) == [
        "1:1 error invalid-event: not a valid event: bad value at `id`: an event id is 16 lowercase hex digits, "
          + "found \"../../etc\""
      ])
  }
}

/// The shipped ledger: written by the tool, consistent with the mandate and the record.
@Suite struct ShippedLedgerTests {
  @Test func itIsExactlyWhatTheToolWrites() throws {
    let workspace = Workspace(root: TestPaths.repositoryRoot)
    let ledger = LedgerFile(workspace: workspace, mandateID: "kz-csto-2024")
    let contents = ledger.read()
    #expect(contents.diagnostics.isEmpty)
    #expect(contents.schema == 3)
    #expect(ledger.files == ["Tags/kz-csto-2024.yaml", "Tags/kz-csto-2024/sample-analyst.yaml"])
    let folder = try TemporaryDirectory()
    let copy = LedgerFile(workspace: Workspace(root: folder.url), mandateID: "kz-csto-2024")
    try copy.append(contents.decisions.map(\.content))
    #expect(copy.files == ledger.files)
    for file in ledger.files {
      #expect(
        try Data(contentsOf: folder.url.appendingPathComponent(file))
          == Data(contentsOf: TestPaths.repositoryRoot.appendingPathComponent(file)), "\(file)")
    }
  }

  @Test func everyItemHasOneAssessmentAndEvidenceIsInTheTerm() throws {
    let workspace = Workspace(root: TestPaths.repositoryRoot)
    let mandate = try #require(
      MandateLoader().load(
        url: workspace.prioritiesDirectory.appendingPathComponent("kz-csto-2024.yaml"), displayPath: "m"
      ).mandate)
    let state = LedgerState(LedgerFile(workspace: workspace, mandateID: "kz-csto-2024").read().decisions)
    #expect(Set(state.assessments.map(\.item)) == Set(mandate.items.map(\.id)))
    #expect(state.assessments.count == mandate.items.count)
    #expect(state.assessments.allSatisfy { !$0.note.isEmpty })
    #expect(state.tags.count == 10)
    #expect(state.tags.values.contains { $0.strength == .material })
    #expect(state.tags.values.allSatisfy { $0.note != nil })
    #expect(SuspectTags.find(in: state, mandate: mandate).isEmpty)
  }
}
