import Foundation
import Testing

/// Analysts' ledgers merged by real git in a temporary repository: every case of issue 14 ends
/// with no conflict, `mandate check` clean, every decision present and one report whatever the
/// order of the merge. Analysts on their own branches change their own files; one analyst on two
/// branches, or the shipped sample analyst on both, is merged by the driver (or the union rule).
/// The octopus merges are in `GitOctopusTests`.
@Suite("ledgers merged by git")
struct GitMergeTests {
  static let second = "2026-12-01T10:00:00Z"

  /// Merges `other` into `into` and `into` into `other` (on two new branches) and returns the two
  /// merged ledgers; both merges must succeed, with `check` clean, and give the same report.
  @discardableResult
  static func mergeBothWays(_ repo: GitWorkspace, _ into: String, _ other: String) throws -> [String] {
    var ledgers: [String] = []
    var reports: [String] = []
    for (base, merged) in [(into, other), (other, into)] {
      try repo.git("checkout", "-q", "-b", "merge-\(merged)-into-\(base)", base)
      let merge = try repo.git("merge", "--no-edit", merged, allowFailure: true)
      #expect(merge.status == 0, "\(merge.stdout)")
      #expect(!merge.stdout.contains("CONFLICT"))
      try expectClean(repo)
      ledgers.append(try repo.scratch.ledger())
      reports.append(try repo.mandate("report", "--term", "--format", "json").stdout)
    }
    #expect(reports[0] == reports[1])
    #expect(!reports[0].isEmpty)
    return ledgers
  }

  /// `mandate check` finds nothing, and the ledger needs no migration.
  static func expectClean(_ repo: GitWorkspace, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let check = try repo.mandate("check")
    #expect(check.status == 0, "\(check.stderr)", sourceLocation: sourceLocation)
    #expect(check.stderr.hasSuffix(" files checked: no problems\n"), "\(check.stderr)", sourceLocation: sourceLocation)
  }

  /// The report's JSON as an object, for looking at one item.
  static func item(_ id: String, in repo: GitWorkspace) throws -> [String: Any] {
    let json = try repo.mandate("report", "--term", "--format", "json").stdout
    let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let priorities = try #require(report["priorities"] as? [[String: Any]])
    let items = priorities.flatMap { ($0["items"] as? [[String: Any]]) ?? [] }
    return try #require(items.first { $0["id"] as? String == id })
  }

  @Test("two branches appending in the same second keep both decisions")
  func sameSecond() throws {
    let repo = try GitWorkspace()
    try repo.git("checkout", "-q", "-b", "analyst-b")
    #expect(try repo.mandate("tag", "fc81e802", "P2.1", as: "bob", at: Self.second).status == 0)
    try repo.commit("bob tags")
    try repo.git("checkout", "-q", "main")
    #expect(try repo.mandate("tag", "6239c86d", "P2.1", as: "alice", at: Self.second).status == 0)
    try repo.commit("alice tags")
    for ledger in try Self.mergeBothWays(repo, "main", "analyst-b") {
      #expect(ledger.contains(#"by: "bob", kind: tag, event: fc81e80203498dde, item: P2.1,"#))
      #expect(ledger.contains(#"by: "alice", kind: tag, event: 6239c86d2bebdc3a, item: P2.1,"#))
    }
    #expect(
      try Self.item("P2.1", in: repo)["evidence_to_date"] as? [String: Int] == [
        "declaratory": 3, "material": 0, "contradicting": 0,
      ])
  }

  @Test("without mandate's merge driver, the union driver of .gitattributes merges one-line decisions")
  func unionDriverAlone() throws {
    let repo = try GitWorkspace()
    try repo.git("config", "--local", "--unset-all", "merge.mandate-ledger.driver")
    try "".write(to: repo.url.appendingPathComponent(".git/info/attributes"), atomically: true, encoding: .utf8)
    let attribute = try repo.git("check-attr", "merge", "Tags/kz-csto-2024/sample-analyst.yaml").stdout
    #expect(attribute == "Tags/kz-csto-2024/sample-analyst.yaml: merge: union\n")
    try repo.git("checkout", "-q", "-b", "analyst-b")
    try repo.mandate("tag", "fc81e802", "P2.1", as: "bob", at: Self.second)
    try repo.mandate("reject", "cf54bebc", "P3.1", as: "sample analyst", at: Self.second)
    try repo.commit("bob tags")
    try repo.git("checkout", "-q", "main")
    try repo.mandate("tag", "6239c86d", "P2.1", as: "alice", at: Self.second)
    try repo.mandate("reject", "cf54bebc", "P4.1", as: "sample analyst", at: Self.second)
    try repo.commit("alice tags")
    for ledger in try Self.mergeBothWays(repo, "main", "analyst-b") {
      #expect(ledger.components(separatedBy: "\n- {").count == 33 + 4 + 1)
    }
  }

  @Test("the same decision made on both branches is kept once")
  func sameDecisionOnBothBranches() throws {
    let repo = try GitWorkspace()
    try repo.git("checkout", "-q", "-b", "other")
    try repo.mandate("tag", "fc81e802", "P2.1", "--note", "seen", as: "alice", at: Self.second)
    try repo.mandate("tag", "cf54bebc", "P3.1", as: "alice", at: "2026-12-01T10:05:00Z")
    try repo.commit("on other")
    try repo.git("checkout", "-q", "main")
    try repo.mandate("tag", "fc81e802", "P2.1", "--note", "seen", as: "alice", at: Self.second)
    try repo.commit("on main")
    for ledger in try Self.mergeBothWays(repo, "main", "other") {
      #expect(ledger.components(separatedBy: "event: fc81e80203498dde, item: P2.1,").count == 2)
      #expect(ledger.contains("event: cf54bebcea107f80, item: P3.1,"))
    }
  }

  @Test("a tag on one branch and its untag on the other: the later decision stands")
  func tagAndUntag() throws {
    let repo = try GitWorkspace()
    try repo.git("checkout", "-q", "-b", "retag")
    try repo.mandate("tag", "fc81e802", "P1.1", "--strength", "material", as: "sample analyst", at: Self.second)
    try repo.commit("material after all")
    try repo.git("checkout", "-q", "main")
    try repo.mandate("untag", "fc81e802", "P1.1", as: "sample analyst", at: "2026-12-01T10:00:30Z")
    try repo.commit("not evidence")
    try Self.mergeBothWays(repo, "main", "retag")
    // Three tags of P1.1 count in the shipped workspace; the untag leaves two.
    let evidence = try Self.item("P1.1", in: repo)["evidence_to_date"] as? [String: Int]
    #expect(evidence == ["declaratory": 2, "material": 0, "contradicting": 0])
  }

  @Test("a status of the same item on both branches: the later assessment stands, both are kept")
  func statusOnBothBranches() throws {
    let repo = try GitWorkspace()
    try repo.git("checkout", "-q", "-b", "bob")
    try repo.mandate(
      "status", "P2.3", "stalled", "--note", "No exercise since March", "--as-of", "2024-07-31", as: "bob",
      at: "2026-12-01T10:00:05Z")
    try repo.commit("bob assesses")
    try repo.git("checkout", "-q", "main")
    try repo.mandate(
      "status", "P2.3", "achieved", "--note", "Held", "--as-of", "2024-07-31", as: "alice", at: Self.second)
    try repo.commit("alice assesses")
    for ledger in try Self.mergeBothWays(repo, "main", "bob") {
      #expect(ledger.contains(#"by: "bob", kind: status, item: P2.3, status: stalled"#))
      #expect(ledger.contains(#"by: "alice", kind: status, item: P2.3, status: achieved"#))
    }
    let status = try Self.item("P2.3", in: repo)["status"] as? [String: Any]
    #expect(status?["status"] as? String == "stalled")
  }

  @Test("an item renamed on one branch while the other tags it: the tag counts for the new id")
  func renameWhileTagging() throws {
    let repo = try GitWorkspace()
    try repo.git("checkout", "-q", "-b", "rename")
    #expect(try repo.mandate("rename", "P2.3", "P2.9", as: "alice", at: Self.second).status == 0)
    try repo.commit("rename")
    try repo.git("checkout", "-q", "main")
    try repo.mandate("tag", "fc81e802", "P2.3", as: "bob", at: "2026-12-01T10:00:07Z")
    try repo.commit("tag the old id")
    try Self.mergeBothWays(repo, "main", "rename")
    let evidence = try Self.item("P2.9", in: repo)["evidence_to_date"] as? [String: Int]
    #expect(evidence == ["declaratory": 1, "material": 1, "contradicting": 0])
  }

  @Test("rebase and cherry-pick instead of merge")
  func rebaseAndCherryPick() throws {
    let repo = try GitWorkspace()
    try repo.git("checkout", "-q", "-b", "topic")
    try repo.mandate("tag", "fc81e802", "P2.1", as: "bob", at: Self.second)
    try repo.commit("bob")
    try repo.mandate("reject", "fc81e802", "P3.1", as: "bob", at: "2026-12-01T10:01:00Z")
    try repo.commit("bob rejects")
    try repo.git("checkout", "-q", "main")
    try repo.mandate("tag", "6239c86d", "P2.1", as: "alice", at: Self.second)
    // bob decided on main too: his file was added on both sides, which the driver merges.
    try repo.mandate("reject", "cf54bebc", "P7.1", as: "bob", at: Self.second)
    try repo.commit("alice, and bob on main")
    try repo.git("checkout", "-q", "-b", "picked", "main")
    let pick = try repo.git("cherry-pick", "topic~1", allowFailure: true)
    #expect(pick.status == 0, "\(pick.stdout)")
    try Self.expectClean(repo)
    try repo.git("checkout", "-q", "topic")
    let rebase = try repo.git("rebase", "main", allowFailure: true)
    #expect(rebase.status == 0, "\(rebase.stdout)")
    try Self.expectClean(repo)
    let ledger = try repo.scratch.ledger()
    #expect(ledger.contains(#"by: "alice", kind: tag, event: 6239c86d2bebdc3a, item: P2.1"#))
    #expect(ledger.contains(#"by: "bob", kind: tag, event: fc81e80203498dde, item: P2.1"#))
    #expect(ledger.contains(#"by: "bob", kind: reject, event: fc81e80203498dde, item: P3.1"#))
    #expect(ledger.contains(#"by: "bob", kind: reject, event: cf54bebcea107f80, item: P7.1"#))
  }
}
