import Foundation
import Testing

@testable import MandateKit

@Suite struct LedgerMergeTests {
  static let at = Timestamp.parse("2024-04-12T10:00:00Z")!
  static let header = "schema: 3\nmandate: m\ndecisions:\n"
  static let legacy = "schema: 2\nmandate: m\ndecisions:\n"

  static func line(_ by: String, _ item: String, minutes: Double = 0) -> String {
    LedgerLine.encode(
      Decision(kind: .reject, event: "fc81e8021f9d3c4e", item: item, by: by, at: at + minutes * 60)) + "\n"
  }

  @Test func addedOnEitherSideIsKeptOnceAndRemovedOnOneSideStaysRemoved() {
    let base = Self.header + Self.line("ann", "P1.1") + Self.line("ann", "P1.2") + Self.line("ben", "P2.1")
    // Ours undid P1.2 and added P3.1; theirs added P4.1 for ann and the same P3.1.
    let ours = Self.header + Self.line("ann", "P1.1") + Self.line("ann", "P3.1", minutes: 1) + Self.line("ben", "P2.1")
    let theirs =
      base.replacingOccurrences(of: Self.line("ben", "P2.1"), with: "") + Self.line("ann", "P3.1", minutes: 1)
      + Self.line("ann", "P4.1", minutes: 2) + "# a comment of theirs\n" + Self.line("ben", "P2.1")
    guard
      case .merged(let text, let added, let removed) = LedgerMerge.merge(
        base: base, ours: ours, theirs: theirs, mandateID: "m")
    else {
      Issue.record("the merge should succeed")
      return
    }
    #expect(added == 1)
    #expect(removed == 0)
    #expect(
      text
        == Self.header + Self.line("ann", "P1.1") + Self.line("ann", "P3.1", minutes: 1)
        + Self.line("ann", "P4.1", minutes: 2) + Self.line("ben", "P2.1"))
    // Theirs removed nothing ours has, and ours removed P1.2: merged the other way, it stays out.
    guard
      case .merged(let other, _, let removedOther) = LedgerMerge.merge(
        base: base, ours: theirs, theirs: ours, mandateID: "m")
    else { return }
    #expect(removedOther == 1)
    #expect(!other.contains("item: P1.2"))
    #expect(other.contains("item: P4.1"))
  }

  @Test func aSideThatCannotBeReadLeavesBothSidesBetweenMarkers() {
    let base = Self.header + Self.line("ann", "P1.1")
    let theirs = Self.header + "- {at: [\n"
    guard
      case .conflict(let text, let reason) = LedgerMerge.merge(
        base: base, ours: base, theirs: theirs, mandateID: "m")
    else {
      Issue.record("the merge should fail")
      return
    }
    #expect(text == "<<<<<<< ours\n\(base)=======\n\(theirs)>>>>>>> theirs\n")
    #expect(reason.hasPrefix("theirs cannot be read (line "))
    #expect(LedgerConflict.find(in: text, file: "Tags/m.yaml")?.code == "unresolved-merge")
  }

  @Test func aSchemaOneSideIsReadAsDecisionsAndOursIsMigrated() {
    let old = """
      schema: 1
      mandate: m
      decisions:
      - kind: reject
        event: fc81e8021f9d3c4e
        item: P1.1
        by: ann
        at: 2024-04-12T10:00:00Z

      """
    let theirs = Self.legacy + Self.line("ann", "P1.1") + Self.line("ann", "P2.1", minutes: 1)
    guard
      case .merged(let text, _, _) = LedgerMerge.merge(
        base: old, ours: old, theirs: theirs, mandateID: "m", layout: true)
    else {
      Issue.record("the merge should succeed")
      return
    }
    #expect(
      text
        == LedgerPart.layoutText(mandateID: "m") + "decisions:\n" + Self.line("ann", "P1.1")
        + Self.line("ann", "P2.1", minutes: 1))
  }

  /// A branch from before the analysts had files meets one after: what the old branch added
  /// stays in the layout file (for the next write to move), whichever side it is on; what the
  /// base held is in the analysts' files already.
  @Test(arguments: [false, true])
  func aBranchFromBeforeTheLayoutKeepsWhatItAdded(oldBranchIsOurs: Bool) {
    let base = Self.legacy + Self.line("ann", "P1.1") + Self.line("ben", "P2.1")
    let old = Self.legacy + Self.line("ann", "P1.1") + Self.line("ann", "P3.1", minutes: 1) + Self.line("ben", "P2.1")
    let layout = LedgerPart.layoutText(mandateID: "m")
    let (ours, theirs) = oldBranchIsOurs ? (old, layout) : (layout, old)
    guard
      case .merged(let text, _, _) = LedgerMerge.merge(
        base: base, ours: ours, theirs: theirs, mandateID: "m", layout: true)
    else {
      Issue.record("the merge should succeed")
      return
    }
    #expect(text == layout + "decisions:\n" + Self.line("ann", "P3.1", minutes: 1))
    let same = LedgerMerge.merge(base: base, ours: layout, theirs: layout, mandateID: "m", layout: true)
    #expect(same == .merged(text: layout, added: 0, removed: 0))
  }

  /// One analyst's first decisions on two branches: git merges two added files from an empty base.
  @Test func twoBranchesThatEachAddedTheFileKeepBothSidesDecisions() {
    let ours = Self.header + Self.line("ann", "P1.1")
    let theirs = Self.header + Self.line("ann", "P2.1", minutes: 1)
    #expect(
      LedgerMerge.merge(base: "", ours: ours, theirs: theirs, mandateID: "m")
        == .merged(text: ours + Self.line("ann", "P2.1", minutes: 1), added: 1, removed: 0))
  }

  @Test func gitsPathSaysWhichFileItIs() {
    #expect(LedgerMerge.target(path: "Tags/kz-csto-2024.yaml")! == ("kz-csto-2024", true))
    #expect(LedgerMerge.target(path: "Tags/kz-csto-2024/alice.yaml")! == ("kz-csto-2024", false))
    #expect(LedgerMerge.target(path: "team/Tags/m/алия-сейткали.yaml")! == ("m", false))
    #expect(LedgerMerge.target(path: "Tags/m/deeper/x.yaml") == nil)
    #expect(LedgerMerge.target(path: "notes.yaml") == nil)
  }
}
