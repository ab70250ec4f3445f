import Foundation
import Testing

@testable import MandateKit

@Suite struct LedgerMergeTests {
  static let at = Timestamp.parse("2024-04-12T10:00:00Z")!
  static let header = "schema: 2\nmandate: m\ndecisions:\n"

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
    let theirs = Self.header + Self.line("ann", "P1.1") + Self.line("ann", "P2.1", minutes: 1)
    guard case .merged(let text, _, _) = LedgerMerge.merge(base: old, ours: old, theirs: theirs, mandateID: "m") else {
      Issue.record("the merge should succeed")
      return
    }
    #expect(text.contains("schema: 2\n"))
    #expect(text.hasSuffix(Self.line("ann", "P1.1") + Self.line("ann", "P2.1", minutes: 1)))
  }
}
