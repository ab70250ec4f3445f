import Foundation
import Testing

@testable import MandateKit

/// `review --suspect`: tags made when their item read differently.
@Suite struct SuspectReviewTests {
  typealias Fixture = ReviewSessionTests.Fixture
  static let now = ReviewSessionTests.now

  /// A fixture whose ledger holds a tag of the first 2024Q2 event for P1.1, made against other
  /// wording (its fingerprint is not the item's).
  static func fixtureWithSuspectTag() throws -> Fixture {
    let fixture = try Fixture()
    let desk = DecisionDesk(workspace: fixture.scratch.workspace, mandate: fixture.mandate)
    try desk.record([
      Decision(
        kind: .tag, event: ReviewSessionTests.first, item: "P1.1", strength: .material, stance: .supports,
        note: "envoy met", fingerprint: "000000000000", by: "carol", at: Timestamp.parse("2024-05-01T09:00:00Z")!)
    ])
    return fixture
  }

  static func session(_ fixture: Fixture) throws -> ReviewSession {
    try ReviewSession.suspects(
      workspace: fixture.scratch.workspace, mandate: fixture.mandate, by: "alice", now: { Self.now })
  }

  static func suspects(_ fixture: Fixture) throws -> [LedgerState.Tag] {
    SuspectTags.find(
      in: try fixture.scratch.index().ledgerState(mandate: fixture.mandate.id), mandate: fixture.mandate)
  }

  @Test func theScreenShowsTheTagAndTheItemsCurrentWording() throws {
    let fixture = try Self.fixtureWithSuspectTag()
    let session = try Self.session(fixture)
    #expect(session.count == 1)
    let output = session.start().output
    #expect(output.hasPrefix("\nsuspect tag 1 of 1  2024-04-08  6239c86d\nOn 8 April 2024, at the CSTO Secretariat"))
    #expect(
      output.contains("\ntagged for P1.1 as material, supports evidence by carol on 2024-05-01, note “envoy met”\n"))
    let text = try #require(fixture.mandate.item(id: "P1.1")?.text)
    #expect(output.contains("\nP1.1 now reads: " + text.prefix(20)))
    #expect(output.hasSuffix("\nk keep · x withdraw · s skip · u undo · q quit\n"))
    #expect(ReviewSessionTests.feed(session, "r").output.hasPrefix("k  keep the tag"))
  }

  @Test func keepRecordsTheTagAgainWithTheCurrentFingerprint() throws {
    let fixture = try Self.fixtureWithSuspectTag()
    let session = try Self.session(fixture)
    let step = ReviewSessionTests.feed(session, "k")
    let kept = Decision(
      kind: .tag, event: ReviewSessionTests.first, item: "P1.1", strength: .material, stance: .supports,
      note: "envoy met", fingerprint: fixture.mandate.item(id: "P1.1")!.fingerprint, by: "alice", at: Self.now)
    #expect(step.recorded == [kept])
    #expect(fixture.ledger.contains(kept))
    #expect(try Self.suspects(fixture).isEmpty)
    #expect(ReviewSessionTests.feed(session, "q").output == "1 kept, 0 withdrawn, 0 skipped\n")
    #expect(try Self.session(fixture).start().output == "no suspect tags\n")
  }

  @Test func withdrawUntagsAndUndoPutsTheTagBack() throws {
    let fixture = try Self.fixtureWithSuspectTag()
    let session = try Self.session(fixture)
    let step = ReviewSessionTests.feed(session, "x")
    #expect(step.recorded.map(\.kind) == [.untag])
    #expect(step.output.hasPrefix("withdrew the tag of 6239c86d for P1.1\n"))
    #expect(try fixture.scratch.index().ledgerState(mandate: fixture.mandate.id).tags.isEmpty)
    #expect(ReviewSessionTests.feed(session, "u").undone == step.recorded)
    #expect(try Self.suspects(fixture).map(\.item) == ["P1.1"])
    #expect(ReviewSessionTests.feed(session, "s", "q").output == "0 kept, 0 withdrawn, 1 skipped\n")
  }
}
