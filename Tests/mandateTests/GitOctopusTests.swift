import Foundation
import Testing

@testable import MandateKit

/// Git's octopus merge (`git merge a b c`) runs no merge driver: it merges each file with plain
/// `git merge-file`. Analysts who each work on their own branch change only their own files, so
/// the octopus merges them whatever they did; one analyst's decisions on two branches meet in one
/// file, which the octopus cannot merge (docs/ledger-format.md says what happens).
@Suite("octopus merges of analysts' branches")
struct GitOctopusTests {
  static let second = GitMergeTests.second

  /// One branch per analyst from main (named after the analyst's file), each with one decision
  /// made in the same second; returns the branches.
  @discardableResult
  static func branches(_ repo: GitWorkspace, _ decisions: [(analyst: String, event: String)]) throws -> [String] {
    var branches: [String] = []
    for (analyst, event) in decisions {
      let branch = AnalystSlug.of(analyst)
      try repo.git("checkout", "-q", "-b", branch, "main")
      #expect(try repo.mandate("tag", event, "P2.1", as: analyst, at: second).status == 0)
      try repo.commit("\(analyst) tags")
      branches.append(branch)
    }
    try repo.git("checkout", "-q", "main")
    return branches
  }

  /// Merges `branches` into main by one octopus merge, and on another branch one at a time in
  /// the reverse order: no conflict either way, `check` clean, and the same report.
  static func octopus(_ repo: GitWorkspace, _ branches: [String]) throws {
    try repo.git("checkout", "-q", "-b", "one-by-one", "main")
    for branch in branches.reversed() {
      let merge = try repo.git("merge", "--no-edit", branch, allowFailure: true)
      #expect(merge.status == 0, "\(merge.stdout)")
    }
    try GitMergeTests.expectClean(repo)
    let sequential = try repo.mandate("report", "--term", "--format", "json").stdout
    try repo.git("checkout", "-q", "main")
    let merge = try repo.git(["merge", "--no-edit"] + branches, allowFailure: true)
    #expect(merge.status == 0, "\(merge.stdout)")
    #expect(merge.stdout.contains("Merge made by the 'octopus' strategy."), "\(merge.stdout)")
    #expect(!merge.stdout.contains("CONFLICT"))
    #expect(try repo.git("status", "--porcelain").stdout == "")
    try GitMergeTests.expectClean(repo)
    #expect(try repo.mandate("report", "--term", "--format", "json").stdout == sequential)
  }

  @Test("three new analysts' first decisions, each on a branch: the octopus merge has no conflict")
  func threeNewAnalysts() throws {
    let repo = try GitWorkspace()
    let branches = try Self.branches(repo, [("alice", "fc81e802"), ("bob", "6239c86d"), ("Алия Сейткали", "40ac25fa")])
    try Self.octopus(repo, branches)
    for analyst in ["alice", "bob", "Алия Сейткали"] {
      let file = try repo.scratch.ledger(of: analyst)
      #expect(file.contains("by: \"\(analyst)\", kind: tag, "), "\(analyst)'s tag is missing")
    }
    #expect(
      try repo.git("ls-files", "Tags").stdout == """
        Tags/kz-csto-2024.yaml
        Tags/kz-csto-2024/alice.yaml
        Tags/kz-csto-2024/bob.yaml
        Tags/kz-csto-2024/sample-analyst.yaml
        "Tags/kz-csto-2024/\\320\\260\\320\\273\\320\\270\\321\\217-\\321\\201\\320\\265\\320\\271\\321\\202\\320\\272\\320\\260\\320\\273\\320\\270.yaml"

        """)
    // One tag of P2.1 in the shipped workspace, and the two of events dated in the term (40ac25fa
    // has no date).
    let evidence = try GitMergeTests.item("P2.1", in: repo)["evidence_to_date"] as? [String: Int]
    #expect(evidence == ["declaratory": 3, "material": 0, "contradicting": 0])
  }

  @Test("three analysts' first decisions in a workspace without any: each branch adds the layout file too")
  func threeAnalystsInANewWorkspace() throws {
    let repo = try GitWorkspace(copying: ["Priorities", "Events"])
    try Self.branches(repo, [("alice", "fc81e802"), ("bob", "6239c86d"), ("carol", "cf54bebc")])
    try Self.octopus(repo, ["alice", "bob", "carol"])
    let files = LedgerFile(workspace: Workspace(root: repo.url), mandateID: "kz-csto-2024").files
    #expect(
      files == [
        "Tags/kz-csto-2024.yaml", "Tags/kz-csto-2024/alice.yaml", "Tags/kz-csto-2024/bob.yaml",
        "Tags/kz-csto-2024/carol.yaml",
      ])
    #expect(try repo.read("Tags/kz-csto-2024.yaml") == LedgerPart.layoutText(mandateID: "kz-csto-2024"))
  }

  @Test("three analysts who have decisions already, each adding more on a branch")
  func threeExistingAnalysts() throws {
    let repo = try GitWorkspace()
    for (analyst, event) in [("alice", "cf54bebc"), ("bob", "6306b49e"), ("carol", "1a9fbebc")] {
      try repo.mandate("reject", event, "P7.1", as: analyst, at: "2026-12-01T09:00:00Z")
    }
    try repo.commit("the team's first decisions")
    try Self.branches(repo, [("alice", "fc81e802"), ("bob", "6239c86d"), ("carol", "40ac25fa")])
    try Self.octopus(repo, ["alice", "bob", "carol"])
    for analyst in ["alice", "bob", "carol"] {
      let file = try repo.scratch.ledger(of: analyst)
      #expect(file.components(separatedBy: "\n- {").count == 3, "\(analyst): \(file)")
    }
  }

  /// One analyst's decisions on two branches both go at the end of their file, which plain
  /// `git merge-file` cannot merge: git refuses the octopus. Where the two meet before the last
  /// branch, it refuses before changing anything. Where they meet at the last, it stops with the
  /// merge unresolved: a file both branches changed is left between conflict markers, which every
  /// command refuses; a file both branches added (the analyst's first decisions) can be left with
  /// one side's lines and no markers, which `mandate check` finds in git's index. Merged one at a
  /// time, which runs the driver, the branches merge cleanly.
  @Test(
    "one analyst on two branches: git refuses the octopus, one at a time merges",
    arguments: [(meetAtTheLast: false, fileOnMain: false), (true, false), (true, true)])
  func oneAnalystOnTwoBranches(meetAtTheLast: Bool, fileOnMain: Bool) throws {
    let repo = try GitWorkspace()
    if fileOnMain {
      try repo.mandate("reject", "1a9fbebc", "P7.1", as: "alice", at: "2026-12-01T09:00:00Z")
      try repo.commit("alice's first decision")
    }
    for (branch, event) in [("alice-1", "fc81e802"), ("alice-2", "6239c86d")] {
      try repo.git("checkout", "-q", "-b", branch, "main")
      try repo.mandate("tag", event, "P2.1", as: "alice", at: Self.second)
      try repo.commit(branch)
    }
    try repo.git("checkout", "-q", "-b", "bob", "main")
    try repo.mandate("tag", "cf54bebc", "P1.1", as: "bob", at: Self.second)
    try repo.commit("bob")
    try repo.git("checkout", "-q", "main")
    let head = try repo.git("rev-parse", "HEAD").stdout
    let order = meetAtTheLast ? ["bob", "alice-1", "alice-2"] : ["alice-1", "alice-2", "bob"]
    let octopus = try repo.git(["merge", "--no-edit"] + order, allowFailure: true)
    let alice = ScratchWorkspace.ledgerPath(of: "alice")
    if meetAtTheLast {
      #expect(octopus.status == 1)
      #expect(octopus.stdout.contains("ERROR: content conflict in \(alice)"), "\(octopus.stdout)")
      let check = try repo.mandate("check")
      #expect(check.status == 1)
      if fileOnMain {
        #expect(check.stderr.contains("\(alice):8:1: error: unresolved git merge: conflict markers from line 8"))
        let report = try repo.mandate("report", "--term")
        #expect(report.status == 1)
        #expect(report.stderr.hasPrefix("error: \(alice):8:1: unresolved git merge"))
      } else {
        #expect(
          check.stderr.contains(
            "\(alice):1:1: error: unresolved git merge: git holds this file unmerged (added on both sides), and it may hold one side's decisions only; `git merge --abort` and merge the branches one at a time, after `mandate init`\n"
          ), "\(check.stderr)")
      }
      try repo.git("merge", "--abort")
    } else {
      #expect(octopus.status == 2)
      #expect(octopus.stdout.contains("Should not be doing an octopus."), "\(octopus.stdout)")
      #expect(octopus.stdout.contains("Merge with strategy octopus failed."), "\(octopus.stdout)")
    }
    #expect(try repo.git("rev-parse", "HEAD").stdout == head)
    #expect(try repo.git("status", "--porcelain").stdout == "")
    try GitMergeTests.expectClean(repo)

    for branch in order {
      let merge = try repo.git("merge", "--no-edit", branch, allowFailure: true)
      #expect(merge.status == 0, "\(merge.stdout)")
      #expect(!merge.stdout.contains("CONFLICT"))
    }
    try GitMergeTests.expectClean(repo)
    let file = try repo.scratch.ledger(of: "alice")
    #expect(file.contains("event: fc81e80203498dde, item: P2.1,"))
    #expect(file.contains("event: 6239c86d2bebdc3a, item: P2.1,"))
    #expect(try repo.scratch.ledger(of: "bob").contains("event: cf54bebcea107f80, item: P1.1,"))
  }
}
