import Foundation
import Testing

/// Several analysts on one workspace: what changed on a second tag, disagreements (check, review
/// --conflicts, reports), agreement, log and show, and a ledger that cannot be read.
@Suite struct TeamCommandTests {
  static let now = ["MANDATE_NOW": "2026-12-01T10:00:00Z"]

  static func workspace() throws -> ScratchWorkspace {
    try ScratchWorkspace(copying: ["Priorities", "Events", "Tags"])
  }

  @Test func taggingAPairAgainSaysWhatChanged() throws {
    let workspace = try Self.workspace()
    let result = try workspace.run(
      "tag", "fc81e802", "P1.1", "--strength", "material", "--note", "Joint statement adopted", "--by",
      "sample analyst", environment: Self.now)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.hasSuffix(
        """
        as material evidence for P1.1
          changed: P1.1: strength declaratory → material
          changed: P1.1: note “UN CTO and UNRCCA took part in the 39th meeting of the Working Group on Afghanistan.” → “Joint statement adopted”

        """))
    // The ledger keeps the history: both tags are there.
    let log = try workspace.run("log", "--event", "fc81e802", "--item", "P1.1")
    #expect(log.stdout.split(separator: "\n").count == 2)
    #expect(
      log.stdout.hasPrefix(
        "2026-12-01 10:00:00  sample analyst  tag fc81e802 P1.1 (material, supports) “Joint statement adopted”\n"))
    let same = try workspace.run(
      "tag", "fc81e802", "P1.1", "--strength", "material", "--note", "Joint statement adopted", "--by",
      "sample analyst")
    #expect(same.stderr == "unchanged: P1.1: already tagged so\n")
  }

  @Test func aDisagreementIsWarnedReportedAndResolved() throws {
    let workspace = try Self.workspace()
    let reject = try workspace.run(
      "reject", "fc81e802", "P1.1", "--note", "A meeting, not progress", "--by", "bob", environment: Self.now)
    #expect(reject.status == 0)
    #expect(
      reject.stderr
        == "warning: P1.1 of event fc81e802: sample analyst holds declaratory evidence for; the pair is disputed until resolved (`mandate review --conflicts`)\n"
    )
    let check = try workspace.run("check")
    #expect(check.status == 0)
    #expect(
      check.stderr.contains(
        "Tags/kz-csto-2024/bob.yaml:7:3: warning: event fc81e802 and P1.1 are disputed (bob holds not evidence; sample analyst holds declaratory evidence for); reports count the pair as disputed, not as evidence, until it is resolved with `mandate review --conflicts`\n"
      ))
    #expect(
      check.stderr.contains(
        "Tags/kz-csto-2024/sample-analyst.yaml:11:3: note: sample analyst, 2026-11-23T09:04:00Z: declaratory evidence for\n"
      ))

    for format in ["text", "markdown", "html", "json", "csv"] {
      let report = try workspace.run("report", "--quarter", "2024Q2", "--format", format)
      #expect(report.status == 0)
      switch format {
      case "json":
        #expect(report.stdout.contains("\"disputed\" : 1"))
      case "csv":
        #expect(report.stdout.hasPrefix("mandate,period,"))
        #expect(report.stdout.split(separator: "\n")[1].hasSuffix(",1"))
      default:
        let flat = report.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(
          flat.contains(
            "1 event/item pair is disputed between analysts: counted as disputed, not as evidence, until resolved"))
      }
    }

    let review = try workspace.run(
      "review", "--conflicts", "--by", "carol", environment: ["MANDATE_NOW": "2026-12-02T09:00:00Z"],
      input: "?\nn Talks only\n1\n")
    #expect(review.status == 0, "\(review.stderr)")
    #expect(review.stdout.hasPrefix("\ndisputed 1 of 1  2024-04-10  fc81e802\n"))
    #expect(review.stdout.contains("\n  1. bob, 2026-12-01T10:00:00Z: not evidence “A meeting, not progress”\n"))
    #expect(review.stdout.contains("\n> 1\nresolved fc81e802 for P1.1: not evidence\n"))
    #expect(
      review.stdout.contains(
        "\n> ?\n1-2 adopt that decision · r not evidence · t tag (m material, c contradicts) · n note · s skip · u undo · q quit\n"
      ))
    #expect(review.stdout.hasSuffix("1 resolved, 0 skipped\n"))
    let log = try workspace.run("log", "--by", "carol", "--format", "json")
    #expect(log.stdout.contains("\"kind\" : \"resolve\""))
    #expect(log.stdout.contains("\"outcome\" : \"reject\""))
    #expect(log.stdout.contains("\"note\" : \"Talks only\""))
    #expect(
      log.stdout.contains(
        "\"file\" : \"Tags/kz-csto-2024/carol.yaml\",\n    \"item\" : \"P1.1\",\n    \"kind\" : \"resolve\",\n    \"line\" : 7,"
      ))
    let after = try workspace.run("check")
    #expect(!after.stderr.contains("disputed"))
    #expect(try workspace.run("review", "--conflicts").stdout == "no disputed pairs\n")
    let show = try workspace.run("show", "fc81e802")
    #expect(
      show.stdout.hasSuffix(
        "  2026-12-01 10:00:00  bob  reject fc81e802 P1.1 “A meeting, not progress”\n  2026-12-02 09:00:00  carol  resolve fc81e802 P1.1 (not evidence) “Talks only”\n"
      ))
    #expect(show.stdout.contains("\ndecisions:\n  2026-11-23 09:04:00  sample analyst  tag fc81e802 P1.1 (declaratory"))
  }

  @Test func agreementOfTwoAnalystsAsTextAndJSON() throws {
    let workspace = try Self.workspace()
    // bob looks at two events the sample analyst decided: agrees on one pair, not on another.
    _ = try workspace.run("tag", "fc81e802", "P1.1", "--by", "bob", environment: Self.now)
    _ = try workspace.run("reject", "fc81e802", "P1.2", "--by", "bob", environment: Self.now)
    let text = try workspace.run("agreement", "--by", "sample analyst", "--by", "bob")
    #expect(text.status == 0, "\(text.stderr)")
    #expect(
      text.stdout.hasPrefix(
        "Agreement of sample analyst, bob (Cohen's kappa) over 2 event/item pairs of 1 event all decided\n"))
    #expect(text.stdout.contains("\noverall   2      0.50       0.00\n"))
    #expect(
      text.stdout.hasSuffix("disagreements (1):\n  fc81e802 P1.2  sample analyst: declaratory, bob: not-evidence\n"))
    let json = try workspace.run("agreement", "--format", "json")
    #expect(json.stdout.contains("\"method\" : \"cohen\""))
    #expect(json.stdout.contains("\"analysts\" : [\n    \"bob\",\n    \"sample analyst\"\n  ]"))
    let one = try workspace.run("agreement", "--by", "bob", "--by", "nobody")
    #expect(one.status == 1)
    #expect(one.stderr == "error: no decisions by `nobody` (analysts: bob, sample analyst)\n")
  }

  /// Git's markers in any analyst's file, the one of the analyst at work or another's, make the
  /// whole ledger unreadable.
  @Test(arguments: ["sample analyst", "bob"])
  func aLedgerLeftWithConflictMarkersIsNeverTakenForAnEmptyOne(analyst: String) throws {
    let workspace = try Self.workspace()
    if analyst == "bob" {
      #expect(try workspace.run("reject", "cf54bebc", "P7.1", "--by", "bob", environment: Self.now).status == 0)
    }
    let path = ScratchWorkspace.ledgerPath(of: analyst)
    let url = workspace.url.appendingPathComponent(path)
    var lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
    lines.insert("<<<<<<< HEAD", at: 6)
    lines.insert("=======", at: 8)
    lines.insert(
      "- {at: 2026-12-01T10:00:00Z, by: \"\(analyst)\", kind: reject, event: fc81e80203498dde, item: P3.1}", at: 9)
    lines.insert(">>>>>>> analyst-b", at: 10)
    try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
    let check = try workspace.run("check")
    #expect(check.status == 1)
    let message =
      "\(path):7:1: error: unresolved git merge: conflict markers from line 7 (`<<<<<<< HEAD`) to line 11 (`>>>>>>> analyst-b`); no decision is read until it is resolved: keep the decisions of both sides and delete the marker lines, or `git merge --abort` and merge again, one branch at a time, after `mandate init`\n"
    #expect(check.stderr.hasPrefix(message))
    #expect(check.stderr.contains("\(path):8:1: note: ours (HEAD): line 8\n"))
    #expect(check.stderr.contains("\(path):10:1: note: theirs (analyst-b): line 10\n"))
    let commands: [[String]] = [
      ["report", "--quarter", "2024Q2"], ["suggest"], ["review"], ["agreement"], ["log"], ["show", "fc81e802"],
      ["tag", "fc81e802", "P2.1", "--by", "sample analyst"], ["tag", "fc81e802", "P2.1", "--by", "carol"],
    ]
    for arguments in commands {
      let result = try CLI.run(arguments, in: workspace.url)
      #expect(result.status == 1, "\(arguments)")
      #expect(
        result.stderr.hasPrefix(
          "error: \(path):7:1: unresolved git merge: conflict markers from line 7 (`<<<<<<< HEAD`) to line 11 (`>>>>>>> analyst-b`);"
        ), "\(arguments): \(result.stderr)")
      #expect(result.stderr.contains("\n  \(path):10:1: theirs (analyst-b): line 10"), "\(arguments)")
      #expect(result.stdout.isEmpty, "\(arguments)")
    }
    #expect(
      !FileManager.default.fileExists(
        atPath: workspace.url.appendingPathComponent(ScratchWorkspace.ledgerPath(of: "carol")).path))
  }
}
