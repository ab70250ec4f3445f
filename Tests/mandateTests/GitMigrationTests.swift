import Foundation
import Testing

@testable import MandateKit

/// A repository whose ledger is one file for every analyst (schema 2) moves to a file per analyst
/// on main, while a branch made before goes on adding to the one file: their merge keeps every
/// decision, and the next `mandate init` or decision puts the branch's decisions in their place.
@Suite("ledgers of schema 2 migrated while a branch goes on")
struct GitMigrationTests {
  /// The shipped decisions as a ledger of schema 2, one line each, every analyst in one file.
  static func schemaTwo() throws -> String {
    let shipped = LedgerFile(workspace: Workspace(root: CLI.repositoryRoot), mandateID: "kz-csto-2024").read()
    let lines = LedgerHistory.ordered(shipped.decisions).map { LedgerLine.encode($0) + "\n" }
    return "schema: 2\nmandate: kz-csto-2024\ndecisions:\n" + lines.joined()
  }

  /// With the driver, the old branch's new decisions wait in the layout file; with the union rule
  /// alone, its whole list does, and every decision the analysts' files hold counts once.
  @Test(
    "a branch from before the migration merges into the migrated main",
    arguments: [(mergeMainIntoTheBranch: false, driver: true), (true, true), (false, false)])
  func aBranchFromBeforeTheMigration(mergeMainIntoTheBranch: Bool, driver: Bool) throws {
    let repo = try GitWorkspace(copying: ["Priorities", "Events"], initialize: false)
    let old = try Self.schemaTwo()
    try repo.scratch.write("Tags/kz-csto-2024.yaml", old)
    // The repository as the version of schema 2 set it up.
    try repo.scratch.write(".gitattributes", "Tags/*.yaml merge=union\n")
    try repo.commit("base, in schema 2")
    try repo.git("checkout", "-q", "-b", "old")
    // An analyst still on the version of schema 2 adds a decision to the one file.
    let dana = "- {at: 2026-12-01T10:00:00Z, by: \"dana\", kind: reject, event: cf54bebcea107f80, item: P7.1}\n"
    try repo.scratch.write("Tags/kz-csto-2024.yaml", old + dana)
    try repo.commit("dana rejects")
    try repo.git("checkout", "-q", "main")
    let initialized = try repo.mandate("init")
    #expect(initialized.status == 0, "\(initialized.stderr)")
    #expect(
      initialized.stdout.contains(
        "+ `Tags/kz-csto-2024.yaml`: migrated from ledger schema 2 to 3: 33 decisions moved to 1 analyst's file in `Tags/kz-csto-2024/`"
      ))
    try repo.commit("a file per analyst")
    if !driver {
      try repo.git("config", "--local", "--unset-all", "merge.mandate-ledger.driver")
      try "".write(to: repo.url.appendingPathComponent(".git/info/attributes"), atomically: true, encoding: .utf8)
    }

    if mergeMainIntoTheBranch { try repo.git("checkout", "-q", "old") }
    let merge = try repo.git("merge", "--no-edit", mergeMainIntoTheBranch ? "main" : "old", allowFailure: true)
    #expect(merge.status == 0, "\(merge.stdout)")
    #expect(!merge.stdout.contains("CONFLICT"))
    // dana's decision waits in the layout file, counted, and `check` says how to move it.
    let layout = LedgerPart.layoutText(mandateID: "kz-csto-2024")
    let header = "schema: 2\nmandate: kz-csto-2024\ndecisions:\n"
    let waiting = driver ? dana : String(old.dropFirst(header.count)) + dana
    #expect(try repo.read("Tags/kz-csto-2024.yaml") == layout + "decisions:\n" + waiting)
    let count = driver ? "1 decision is" : "34 decisions are"
    let check = try repo.mandate("check")
    #expect(check.status == 0)
    #expect(
      check.stderr.contains(
        "Tags/kz-csto-2024.yaml:4:9: warning: \(count) still in this file, left by a merge with a branch from before the analysts had files of their own; they count, and `mandate init` moves them to their analysts' files in Tags/kz-csto-2024/ (schema 3, a file per analyst, one decision per line), as does the next decision recorded\n"
      ), "\(check.stderr)")
    let log = try repo.mandate("log", "--by", "dana")
    #expect(log.stdout == "2026-12-01 10:00:00  dana  reject cf54bebc P7.1\n")
    #expect(try repo.mandate("log").stdout.split(separator: "\n").count == 34)

    let moved = try repo.mandate("init")
    let decisions = driver ? "1 decision" : "34 decisions"
    let files = driver ? "1 analyst's file" : "2 analysts' files"
    #expect(
      moved.stdout.contains(
        "+ `Tags/kz-csto-2024.yaml`: moved \(decisions) a merge left there to \(files) in `Tags/kz-csto-2024/`\n"),
      "\(moved.stdout)")
    #expect(try repo.scratch.ledger(of: "sample analyst").components(separatedBy: "\n- {").count == 34)
    #expect(try repo.scratch.ledger(of: "dana").hasSuffix("decisions:\n" + dana))
    #expect(try repo.read("Tags/kz-csto-2024.yaml") == LedgerPart.layoutText(mandateID: "kz-csto-2024"))
    try GitMergeTests.expectClean(repo)
    #expect(try repo.read(".gitattributes") == "Tags/**/*.yaml merge=union\n")
  }
}
