import Foundation
import Testing

@Suite struct RenameCommandTests {
  static let pages = CLI.repositoryRoot.appendingPathComponent("Samples/csto-pages").path

  /// The shipped mandate, the seed events and a small ledger: two tags and a status for P2.3, a
  /// tag for P2.1.
  static func workspace() throws -> ScratchWorkspace {
    let workspace = try ScratchWorkspace()
    let steps = [
      ["import", pages],
      ["tag", "6306b49e", "P2.3", "P2.1", "--strength", "material", "--by", "Analyst"],
      ["tag", "1a9fbebc", "P2.3", "--note", "an exercise", "--by", "Analyst"],
      ["status", "P2.3", "in-progress", "--note", "exercises held", "--as-of", "2024-07-31", "--by", "Analyst"],
    ]
    for step in steps {
      let result = try CLI.run(step, in: workspace.url, environment: ["MANDATE_NOW": "2024-08-01"])
      try #require(result.status == 0, "\(step): \(result.stderr)")
    }
    return workspace
  }

  func read(_ workspace: ScratchWorkspace, _ path: String) throws -> String {
    try String(contentsOf: workspace.url.appendingPathComponent(path), encoding: .utf8)
  }

  @Test func renamingAnItemEditsTheMandateAndMigratesTheLedger() throws {
    let workspace = try Self.workspace()
    let mandateBefore = try read(workspace, "Priorities/kz-csto-2024.yaml")
    let ledgerBefore = try workspace.ledger(of: "Analyst")

    let result = try workspace.run(
      "rename", "P2.3", "P2.9", "--by", "Analyst", environment: ["MANDATE_NOW": "2026-11-24T08:00:00Z"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr == "")
    #expect(
      result.stdout
        == "renamed P2.3 to P2.9 in Priorities/kz-csto-2024.yaml; 3 ledger entries now count for the new id (the rename is recorded in Tags/kz-csto-2024/analyst.yaml)\n"
    )
    #expect(
      try read(workspace, "Priorities/kz-csto-2024.yaml")
        == mandateBefore.replacingOccurrences(of: "      - id: P2.3\n", with: "      - id: P2.9\n"))
    // The entries stay as they were; the rename is one more entry, in the analyst's name.
    let ledgerAfter = try workspace.ledger(of: "Analyst")
    #expect(ledgerAfter.hasPrefix(ledgerBefore))
    #expect(
      ledgerAfter.dropFirst(ledgerBefore.count)
        == "- {at: 2026-11-24T08:00:00Z, by: \"Analyst\", kind: rename, item: P2.3, to: P2.9}\n")
    #expect(ledgerBefore.components(separatedBy: "item: P2.3, ").count == 4)
    let report = try workspace.run("report", "--quarter", "2024Q1", "--format", "csv")
    #expect(report.status == 0)
    #expect(report.stdout.contains("P2.9"))

    let check = try workspace.run("check")
    #expect(check.status == 0, "\(check.stderr)")
    let status = try workspace.run("status", "P2.3", "stalled", "--note", "x", "--by", "Analyst")
    #expect(status.status == 1)
    #expect(status.stderr.contains("no item `P2.3` in this mandate"))
  }

  @Test func aDryRunWritesNothing() throws {
    let workspace = try Self.workspace()
    let before = try read(workspace, "Priorities/kz-csto-2024.yaml") + workspace.ledger()
    let result = try workspace.run("rename", "--dry-run", "P2", "P9", "--by", "Dana")
    #expect(result.status == 0)
    #expect(
      result.stdout
        == "would rename P2 to P9 and its items (P2.1 to P9.1, P2.2 to P9.2, P2.3 to P9.3) in Priorities/kz-csto-2024.yaml; 4 ledger entries would count for the new id (the rename is recorded in Tags/kz-csto-2024/dana.yaml)\n"
    )
    #expect(try read(workspace, "Priorities/kz-csto-2024.yaml") + workspace.ledger() == before)
  }

  @Test func refusalsExitWith1AndASentence() throws {
    let workspace = try ScratchWorkspace()
    let unknown = try workspace.run("rename", "P2.7", "P2.8")
    #expect(unknown.status == 1)
    #expect(
      unknown.stderr == "error: no item or priority `P2.7` in kz-csto-2024; did you mean `P2.1`, `P2.2`, `P2.3`?\n")
    let exists = try workspace.run("rename", "P2.3", "P2.1")
    #expect(exists.status == 1)
    #expect(
      exists.stderr == "error: `P2.1` already exists (Priorities/kz-csto-2024.yaml:226:13); choose an unused id\n")
    try workspace.write("Priorities/kz-csto-2024.yaml", "schema: 1\n")
    let broken = try workspace.run("rename", "P2.3", "P2.9")
    #expect(broken.status == 1)
    #expect(broken.stderr == "error: Priorities/kz-csto-2024.yaml has errors; run `mandate check` for details\n")
  }
}
