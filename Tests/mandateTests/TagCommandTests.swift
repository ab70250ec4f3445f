import Foundation
import Testing

@Suite struct TagCommandTests {
  static let pages = CLI.repositoryRoot.appendingPathComponent("Samples/csto-pages").path

  func seeded() throws -> ScratchWorkspace {
    let workspace = try ScratchWorkspace()
    _ = try workspace.run("import", Self.pages, environment: ["MANDATE_NOW": "2026-11-23"])
    return workspace
  }

  func ledger(_ workspace: ScratchWorkspace) throws -> String { try workspace.ledger() }

  @Test func tagRecordsWhoWhenStrengthAndFingerprint() throws {
    let workspace = try seeded()
    let result = try workspace.run(
      "tag", "fc81e802", "P1.1", "P1.2", "--strength", "material", "--note", "UNRCCA attended", "--by", "Aigerim",
      environment: ["MANDATE_NOW": "2024-04-12T10:00:00Z"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("tagged fc81e802 (On 10 April 2024, the 39th meeting"))
    #expect(result.stdout.hasSuffix("as material evidence for P1.1, P1.2\n"))
    let text = try ledger(workspace)
    #expect(
      text.contains(
        "- {at: 2024-04-12T10:00:00Z, by: \"Aigerim\", kind: tag, event: fc81e80203498dde, item: P1.1, strength: material, stance: supports, fingerprint: a50d037c62c1, note: \"UNRCCA attended\"}\n"
      ))
  }

  @Test func theAnalystComesFromTheEnvironmentWithoutBy() throws {
    let workspace = try seeded()
    _ = try workspace.run("tag", "fc81e802", "P1.1", environment: ["MANDATE_USER": "Dana"])
    #expect(try ledger(workspace).contains(", by: \"Dana\", kind: tag, "))
  }

  @Test func contradictingEvidenceAndWarningsOutsideTheTerm() throws {
    let workspace = try seeded()
    let result = try workspace.run("tag", "b8add072", "P2.1", "--contradicts")
    #expect(result.status == 0)
    #expect(
      result.stderr.contains("warning: event b8add072 is dated 2023-05-17, outside the term 2024-01-01 to 2024-12-31"))
    #expect(try ledger(workspace).contains(", stance: contradicts, "))
  }

  @Test func unknownEventsAndItemsGetTheClosestMatches() throws {
    let workspace = try seeded()
    let item = try workspace.run("tag", "fc81e802", "P1.3")
    #expect(item.status == 1)
    #expect(item.stderr.hasPrefix("error: no item `P1.3` in this mandate; did you mean `P1.1`, `P1.2`"))
    let priority = try workspace.run("tag", "fc81e802", "P3")
    #expect(priority.stderr == "error: `P3` is a priority; decisions name one of its items: P3.1, P3.2\n")
    let event = try workspace.run("tag", "fc81e899", "P1.1")
    #expect(event.status == 1)
    #expect(event.stderr.hasPrefix("error: no event `fc81e899`; closest: fc81e80203"))
    #expect(!FileManager.default.fileExists(atPath: workspace.url.appendingPathComponent("Tags").path))
  }

  @Test func untagKeepsTheHistoryAndRefusesWhatIsNotTagged() throws {
    let workspace = try seeded()
    _ = try workspace.run("tag", "fc81e802", "P1.1")
    let untag = try workspace.run("untag", "fc81e802", "P1.1")
    #expect(untag.status == 0)
    let text = try ledger(workspace)
    #expect(text.contains(", kind: tag, event: fc81e80203498dde, item: P1.1, "))
    #expect(text.contains(", kind: untag, event: fc81e80203498dde, item: P1.1}\n"))
    let again = try workspace.run("untag", "fc81e802", "P1.1")
    #expect(again.status == 1)
    #expect(again.stderr == "error: event fc81e802 is not tagged for P1.1: nothing to withdraw\n")
  }

  @Test func rejectedPairsAreNotSuggestedAgain() throws {
    let workspace = try seeded()
    let before = try workspace.run("suggest", "--format", "json")
    #expect(before.stdout.contains("\"event\":\"c43d728d8a1cf891\""))
    _ = try workspace.run("reject", "c43d728d", "P3.1", "--note", "the declaration itself")
    let after = try workspace.run("suggest", "--format", "json")
    #expect(!after.stdout.contains("\"event\":\"c43d728d8a1cf891\""))
  }

  @Test func statusNeedsAJustificationAndAValidStatus() throws {
    let workspace = try seeded()
    let ok = try workspace.run(
      "status", "P2.3", "in-progress", "--note", "Exercise announced", "--as-of", "2024-06-30", "--by", "Dana")
    #expect(ok.stdout == "P2.3 is in progress as of 2024-06-30 (by Dana)\n")
    let defaulted = try workspace.run("status", "P2.3", "stalled", "--note", "No news since", "--by", "Dana")
    // The term has ended: the assessment speaks for its last day.
    #expect(defaulted.stdout == "P2.3 is stalled as of 2024-12-31 (by Dana)\n")
    let missing = try workspace.run("status", "P2.3", "achieved")
    #expect(missing.status == 2)
    let bad = try workspace.run("status", "P2.3", "done", "--note", "x")
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("not-yet-rated"))
    let blank = try workspace.run("status", "P2.3", "achieved", "--note", "  ")
    #expect(blank.status == 1)
    #expect(blank.stderr == "error: a status needs a justification: --note TEXT\n")
  }

  /// Eight processes tag at once: the lock serializes them and no decision is lost.
  @Test func concurrentWritersLoseNothing() throws {
    let workspace = try seeded()
    let items = ["P1.1", "P1.2", "P2.1", "P2.2", "P2.3", "P3.1", "P3.2", "P4.1"]
    let processes = try items.map { item -> Process in
      let process = Process()
      process.executableURL = CLI.executable
      process.arguments = ["tag", "fc81e802", item, "--by", "writer-\(item)"]
      process.currentDirectoryURL = workspace.url
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      return process
    }
    for process in processes { process.waitUntilExit() }
    #expect(processes.allSatisfy { $0.terminationStatus == 0 })
    // Each writer has a file of its own.
    for item in items {
      let text = try workspace.ledger(of: "writer-\(item)")
      #expect(text.contains("item: \(item), strength: declaratory, "), "lost \(item)")
    }
    #expect(try ledger(workspace).components(separatedBy: ", kind: tag, ").count == 9)
    let check = try workspace.run("check")
    #expect(check.status == 0)
  }
}
