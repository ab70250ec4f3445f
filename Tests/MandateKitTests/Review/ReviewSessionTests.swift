import Foundation
import Testing

@testable import MandateKit

/// The review state machine on the seed events of 2024Q2, in date order:
/// 1. 6239c86d (8 April, the UN Secretary General's envoy), suggested P1.1;
/// 2. 6306b49e (8 to 11 April, martial arts seminar), suggested P2.2;
/// 3. fc81e802 (10 April, Working Group on Afghanistan), suggested P1.2, P1.1, P3.1.
@Suite struct ReviewSessionTests {
  static let now = Timestamp.parse("2024-07-01T10:00:00Z")!
  static let first = "6239c86d2bebdc3a"
  static let second = "6306b49e721ecd87"
  static let third = "fc81e80203498dde"

  /// A seeded workspace, and the ledger as it stands on disk.
  struct Fixture {
    let scratch: ScratchWorkspace
    let mandate: Mandate

    init() throws { (scratch, mandate) = try DecisionDeskTests.seeded() }

    func session(_ quarter: String = "2024Q2", by: String = "alice") throws -> ReviewSession {
      try ReviewSession.triage(
        workspace: scratch.workspace, mandate: mandate, range: Quarter.parseCalendar(quarter)!.range, by: by,
        now: { ReviewSessionTests.now })
    }

    var ledger: [Decision] {
      LedgerFile(workspace: scratch.workspace, mandateID: mandate.id).read().decisions.map(\.content)
    }

    func tag(
      _ event: String, _ item: String, _ strength: EvidenceStrength = .declaratory, _ stance: Stance = .supports,
      note: String? = nil
    )
      -> Decision
    {
      Decision(
        kind: .tag, event: event, item: item, strength: strength, stance: stance, note: note,
        fingerprint: mandate.item(id: item)!.fingerprint, by: "alice", at: ReviewSessionTests.now)
    }

    func reject(_ event: String, _ item: String, note: String? = nil) -> Decision {
      Decision(kind: .reject, event: event, item: item, note: note, by: "alice", at: ReviewSessionTests.now)
    }
  }

  /// Feeds lines; returns the last step.
  @discardableResult
  static func feed(_ session: ReviewSession, _ lines: String...) -> ReviewSession.Step {
    var step = ReviewSession.Step(output: "")
    for line in lines { step = session.handle(line: line) }
    return step
  }

  @Test func theFirstScreenShowsTheEventItsPassageAndNumberedSuggestions() throws {
    let fixture = try Fixture()
    let session = try fixture.session()
    #expect(session.count == 3)
    let step = session.start()
    #expect(!step.finished)
    #expect(
      step.output == """

        event 1 of 3  2024-04-08  6239c86d
        On 8 April 2024, at the CSTO Secretariat, Imangali Tasmagambetov, the Secretary
        General of the…
            …Security Treaty Organization, held a working meeting with Roza
            **Otunbayeva**, the Special Representative of the **UN Secretary General**
            for Afghanistan and Head of the **UN Assistance Mission in Afghanistan**
            (**UNAMA**).
          1. P1.1 UN cooperation  0.99
             keyword “UNAMA” ×2 in text (+11.41), keyword “Otunbayeva” ×1 in text
             (+9.51), keyword “UN Secretary General” ×1 in text (+9.51), keyword “UN” ×2
             in text (+3.66)
        mode: declaratory, supports
        1 accept · r reject · t tag item · m material · c contradicts · n note · s skip
        u undo · q quit

        """)
    // Every line fits the 80 columns, and only the listed reasons' terms are highlighted.
    #expect(step.output.split(separator: "\n").allSatisfy { $0.count <= 80 })
    #expect(!step.output.contains("**Special**"))
  }

  @Test func aNumberTagsThatItemAtOnceAndMovesOn() throws {
    let fixture = try Fixture()
    let session = try fixture.session()
    _ = session.start()
    let step = Self.feed(session, "1")
    #expect(step.recorded == [fixture.tag(Self.first, "P1.1")])
    #expect(fixture.ledger == step.recorded)
    #expect(step.output.hasPrefix("tagged 6239c86d for P1.1 (declaratory, supports)\n\nevent 2 of 3  2024-04-08…11"))
    #expect(session.position == 1)
    // A number with no suggestion behind it records nothing.
    #expect(
      Self.feed(session, "2").output == "error: no suggestion 2 (there is 1); t ITEM tags any item\n")
    #expect(fixture.ledger.count == 1)
  }

  @Test func materialContradictsAndNoteShapeTheTagsOfTheEvent() throws {
    let fixture = try Fixture()
    let session = try fixture.session()
    #expect(Self.feed(session, "m").output == "mode: material, supports\n")
    #expect(Self.feed(session, "c").output == "mode: material, contradicts\n")
    #expect(
      Self.feed(session, "n  met the envoy, nothing signed ").output
        == "mode: material, contradicts, note “met the envoy, nothing signed”\n")
    let step = Self.feed(session, "1")
    #expect(
      step.recorded == [fixture.tag(Self.first, "P1.1", .material, .contradicts, note: "met the envoy, nothing signed")]
    )
    #expect(fixture.ledger == step.recorded)
    // The next event starts over, and the toggles toggle back.
    #expect(step.output.contains("\nmode: declaratory, supports\n"))
    #expect(Self.feed(session, "m", "m", "c", "c", "n x", "n").output == "mode: declaratory, supports\n")
    #expect(Self.feed(session, "1").recorded == [fixture.tag(Self.second, "P2.2")])
  }

  @Test func rejectWritesOneEntryPerSuggestionShown() throws {
    let fixture = try Fixture()
    let session = try fixture.session()
    let step = Self.feed(session, "s", "s", "n off topic", "r")
    #expect(
      step.recorded == ["P1.2", "P1.1", "P3.1"].map { fixture.reject(Self.third, $0, note: "off topic") })
    #expect(fixture.ledger == step.recorded)
    #expect(step.output.hasPrefix("rejected P1.2, P1.1, P3.1 for fc81e802\n"))
  }

  @Test func tagTakesAnyItemsByIdAndRefusesUnknownOnes() throws {
    let fixture = try Fixture()
    let session = try fixture.session()
    #expect(
      Self.feed(session, "t P9.9").output
        == "error: no item `P9.9` in this mandate; did you mean `P1.1`, `P1.2`, `P2.1`?\n")
    #expect(
      Self.feed(session, "t P2").output
        == "error: `P2` is a priority; decisions name one of its items: P2.1, P2.2, P2.3\n")
    #expect(Self.feed(session, "t").output == "error: t needs an item id, e.g. `t P2.3`\n")
    // One bad id among good ones: nothing is written.
    #expect(Self.feed(session, "t P4.1 P9.9").recorded.isEmpty)
    #expect(fixture.ledger.isEmpty)
    #expect(session.position == 0)
    let step = Self.feed(session, "t P4.1, P2.3")
    #expect(step.recorded == [fixture.tag(Self.first, "P4.1"), fixture.tag(Self.first, "P2.3")])
    #expect(session.position == 1)
  }

  @Test func undoTakesBackTheLastKeystrokeAndReturnsToItsEvent() throws {
    let fixture = try Fixture()
    let session = try fixture.session()
    Self.feed(session, "m", "1", "s", "r")
    #expect(fixture.ledger.count == 4)
    var step = Self.feed(session, "u")
    #expect(step.undone == ["P1.2", "P1.1", "P3.1"].map { fixture.reject(Self.third, $0) })
    #expect(step.output.hasPrefix("undone: rejected P1.2, P1.1, P3.1 for fc81e802\n\nevent 3 of 3"))
    #expect(fixture.ledger == [fixture.tag(Self.first, "P1.1", .material)])
    // A skip is not a decision: the next undo goes back to the first event, with its mode.
    step = Self.feed(session, "u")
    #expect(step.undone == [fixture.tag(Self.first, "P1.1", .material)])
    #expect(step.output.contains("event 1 of 3"))
    #expect(step.output.contains("mode: material, supports"))
    #expect(session.position == 0)
    #expect(fixture.ledger.isEmpty)
    #expect(Self.feed(session, "u").output == "nothing to undo in this session\n")
    // The mode survives only until a decision: quitting says it was not recorded.
    #expect(
      Self.feed(session, "q").output
        == "warning: not recorded: material for 6239c86d, since no decision was made on it\n0 tagged, 0 rejected, 0 skipped, 3 left\n"
    )
  }

  @Test func undoDoesNothingWhenTheLedgerChangedSince() throws {
    let fixture = try Fixture()
    let session = try fixture.session()
    Self.feed(session, "1")
    let other = DecisionDesk(workspace: fixture.scratch.workspace, mandate: fixture.mandate, now: { Self.now })
    // The same analyst, in another process.
    _ = try other.reject(event: Self.third, items: ["P3.1"], note: nil, by: "alice")
    let step = Self.feed(session, "u")
    #expect(step.output == "error: the ledger changed since (another process wrote to it); nothing undone\n")
    #expect(step.undone.isEmpty)
    #expect(fixture.ledger.count == 2)
    #expect(session.position == 1)
  }

  @Test func quitSummarisesAndEndsTheSession() throws {
    let fixture = try Fixture()
    let session = try fixture.session()
    #expect(
      Self.feed(session, "1", "r", "s").output.hasSuffix(
        "end of the list (3 events): u undoes the last decision, q quits\n"))
    #expect(Self.feed(session, "s").output == "\nend of the list (3 events): u undoes the last decision, q quits\n")
    let step = Self.feed(session, "q")
    #expect(step.output == "1 tagged, 1 rejected, 1 skipped\n")
    #expect(step.finished && session.finished)
    #expect(Self.feed(session, "1").recorded.isEmpty)
    #expect(fixture.ledger.count == 2)
  }

  @Test func unknownKeysPrintTheHelp() throws {
    let session = try Fixture().session()
    let step = Self.feed(session, "z")
    #expect(step.output.hasPrefix("unknown key `z`\n1    accept that suggestion and go to the next event\nr    reject"))
    #expect(step.recorded.isEmpty)
    #expect(Self.feed(session, "?").output.hasPrefix("1    accept"))
    #expect(Self.feed(session, "").output.isEmpty)
  }

  @Test func eventsWithoutSuggestionsAreShownToo() throws {
    let fixture = try Fixture()
    let session = try fixture.session("2024Q3")
    #expect(session.count == 2)
    let step = Self.feed(session, "s")
    #expect(step.output.contains("event 2 of 2  2024-07-25"))
    #expect(step.output.contains("\n  no suggestion\n"))
    #expect(step.output.contains("\nt tag item · m material"))
    #expect(Self.feed(session, "r").output == "error: no suggestions to reject; s skips, t ITEM tags an item\n")
    #expect(Self.feed(session, "1").output == "error: no suggestion 1 (there are none); t ITEM tags any item\n")
    #expect(Self.feed(session, "t P4.1").recorded == [fixture.tag("538bf1e7657c818e", "P4.1")])
  }

  @Test func decidedEventsAreNotReviewedAgain() throws {
    let fixture = try Fixture()
    Self.feed(try fixture.session(), "1", "r", "q")
    let again = try fixture.session()
    #expect(again.count == 1)
    #expect(again.start().output.contains("event 1 of 1  2024-04-10  fc81e802"))
    Self.feed(again, "2")
    let done = try fixture.session()
    let step = done.start()
    #expect(step.finished)
    #expect(step.output == "nothing to review: every event in the period has a decision\n")
  }
}
