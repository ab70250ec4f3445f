import Foundation
import Testing

@testable import MandateKit

@Suite struct DecisionDeskTests {
  /// A workspace with the seed events, and the shipped mandate.
  static func seeded() throws -> (ScratchWorkspace, Mandate) {
    let scratch = try ScratchWorkspace()
    try scratch.importFiles(Samples.pageFiles)
    return (scratch, try MandateCatalog.load(scratch.workspace).select(nil, workspace: scratch.workspace))
  }

  static let event = "fc81e80203498dde"

  @Test func undoWorksWithAClockThatHasFractionsOfASecond() throws {
    let (scratch, mandate) = try Self.seeded()
    // The ledger keeps seconds; an undo must still recognise the entry it just wrote.
    let desk = DecisionDesk(
      workspace: scratch.workspace, mandate: mandate, now: { Date(timeIntervalSince1970: 1_720_000_000.75) })
    let outcome = try desk.tag(
      event: Self.event, items: ["P1.1"], strength: .material, stance: .supports, note: nil, by: "a")
    #expect(outcome.recorded.first?.at == Date(timeIntervalSince1970: 1_720_000_000))
    #expect(try desk.undo(try #require(outcome.recorded.first)))
    #expect(LedgerFile(workspace: scratch.workspace, mandateID: mandate.id).read().decisions.isEmpty)
    #expect(try scratch.index().ledgerState(mandate: mandate.id).tags.isEmpty)
  }

  @Test func undoOfSeveralEntriesIsAllOrNothing() throws {
    let (scratch, mandate) = try Self.seeded()
    let desk = DecisionDesk(workspace: scratch.workspace, mandate: mandate, now: { Date(timeIntervalSince1970: 0) })
    let rejected = try desk.reject(event: Self.event, items: ["P1.1", "P1.2"], note: nil, by: "a").recorded
    #expect(rejected.count == 2)
    let later = try desk.tag(
      event: Self.event, items: ["P3.1"], strength: .declaratory, stance: .supports, note: nil, by: "a"
    ).recorded
    let ledger = LedgerFile(workspace: scratch.workspace, mandateID: mandate.id)
    // The analyst decided again after the rejections: they can no longer be taken back.
    #expect(try !desk.undo(rejected))
    #expect(ledger.read().decisions.count == 3)
    #expect(try desk.undo(later))
    #expect(try desk.undo(rejected))
    #expect(ledger.read().decisions.isEmpty)
  }
}
