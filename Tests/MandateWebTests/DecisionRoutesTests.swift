import Foundation
import Testing

@testable import MandateKit
@testable import MandateWeb

@Suite struct DecisionRoutesTests {
  /// The event the triage of 2024 Q2 shows first, from its page.
  func firstTriageEvent(_ browser: Browser) async throws -> String {
    let page = try await browser.get("/triage?quarter=2024Q2")
    let marker = #"<input type="hidden" name="event" value=""#
    let start = try #require(page.body.range(of: marker))
    return String(page.body[start.upperBound...].prefix(16))
  }

  @Test func triageShowsOneEventWithSuggestionsAndKeys() async throws {
    let fixture = try WebFixture()
    try await fixture.test { browser in
      let page = try await browser.get("/triage?quarter=2024Q2")
      #expect(page.status == .ok)
      #expect(page.body.contains("without a decision in 2024 Q2."))
      #expect(page.body.contains(#"data-key="1""#))
      #expect(page.body.contains(#"<script src="/static/mandate.js" defer></script>"#))
      #expect(page.body.contains(#"<option value="2024Q2" selected>2024 Q2</option>"#))
      let all = try await browser.get("/triage")
      #expect(all.body.contains("without a decision in all events."))
      let unknown = try await browser.get("/triage?quarter=2031Q4")
      #expect(unknown.status == .notFound)
    }
  }

  @Test func acceptingASuggestionWritesTheLedgerAtOnceAndMovesOn() async throws {
    let fixture = try WebFixture()
    try await fixture.test { browser in
      let event = try await self.firstTriageEvent(browser)
      let response = try await browser.post(
        "/triage/decide", [("event", event), ("quarter", "2024Q2"), ("action", "accept-1"), ("material", "on")])
      #expect(response.status == .seeOther)
      #expect(response.location == "/triage?quarter=2024Q2&after=\(event)")
      let decisions = fixture.decisions
      #expect(decisions.count == 1)
      #expect(decisions.first?.kind == .tag)
      #expect(decisions.first?.event == event)
      #expect(decisions.first?.strength == .material)
      #expect(decisions.first?.by == "Test Analyst")
      let next = try await browser.get(response.location!)
      #expect(next.body.contains("Tagged \(event.prefix(8)) ("))
      #expect(!next.body.contains(#"name="event" value="\#(event)""#))
    }
  }

  @Test func rejectTagOtherItemsAndUndo() async throws {
    let fixture = try WebFixture()
    try await fixture.test { browser in
      let event = try await self.firstTriageEvent(browser)
      try await browser.post("/triage/decide", [("event", event), ("quarter", "2024Q2"), ("action", "reject")])
      #expect(fixture.decisions.allSatisfy { $0.kind == .reject && $0.event == event })
      #expect(!fixture.decisions.isEmpty)
      let rejected = fixture.decisions.count
      let undo = try await browser.post("/triage/undo", [("quarter", "2024Q2")])
      #expect(undo.status == .seeOther)
      #expect(fixture.decisions.isEmpty)
      let again = try await browser.get(undo.location!)
      #expect(again.body.contains("Undone: reject"))
      #expect(rejected > 0)
      let tagged = try await browser.post(
        "/triage/decide",
        [
          ("event", event), ("quarter", "2024Q2"), ("action", "enter"), ("tag_items", "P2.3 P4.1"),
          ("contradicts", "on"), ("note", "against, on purpose"),
        ])
      #expect(tagged.status == .seeOther)
      #expect(fixture.decisions.map(\.item) == ["P2.3", "P4.1"])
      #expect(fixture.decisions.allSatisfy { $0.stance == .contradicts && $0.note == "against, on purpose" })
    }
  }

  @Test func triageMistakesAreSaidAndWriteNothing() async throws {
    let fixture = try WebFixture()
    try await fixture.test { browser in
      let event = try await self.firstTriageEvent(browser)
      let unknown = try await browser.post(
        "/triage/decide", [("event", event), ("quarter", "2024Q2"), ("action", "tag"), ("tag_items", "P9.9")])
      #expect(unknown.location == "/triage?quarter=2024Q2&event=\(event)")
      let page = try await browser.get(unknown.location!)
      #expect(page.body.contains("Not recorded: no item `P9.9` in this mandate"))
      let nothing = try await browser.post(
        "/triage/decide", [("event", event), ("quarter", "2024Q2"), ("action", "enter")])
      let message = try await browser.get(nothing.location!)
      #expect(
        message.body.contains("Not recorded: choose a suggestion (1–9), reject (r), or type item ids to tag (t)."))
      let undo = try await browser.post("/triage/undo", [("quarter", "2024Q2")])
      let said = try await browser.get(undo.location!)
      #expect(said.body.contains("Nothing to undo in this session."))
      #expect(fixture.tagsUntouched)
    }
  }

  @Test func eventPageTagsRejectsAndWithdraws() async throws {
    let fixture = try WebFixture()
    let id = try fixture.eventID(titled: "On 10 April 2024")
    try await fixture.test { browser in
      let tag = try await browser.post(
        "/events/\(id)/decide",
        [("item", "P1.1"), ("item", "P1.2"), ("strength", "material"), ("note", "UNRCCA took part"), ("action", "tag")])
      #expect(tag.status == .seeOther)
      #expect(tag.location == "/events/\(id)")
      #expect(fixture.decisions.map(\.item) == ["P1.1", "P1.2"])
      let page = try await browser.get("/events/\(id)")
      #expect(page.body.contains("Tagged \(id.prefix(8)) ("))
      #expect(page.body.contains("as material evidence for P1.1, P1.2."))
      #expect(page.body.contains("by Test Analyst"))
      try await browser.post("/events/\(id)/untag", [("item", "P1.2")])
      #expect(fixture.decisions.last?.kind == .untag)
      try await browser.post("/events/\(id)/decide", [("item", "P3.1"), ("action", "reject")])
      #expect(fixture.decisions.last?.kind == .reject)
      let history = try await browser.get("/events/\(id)")
      #expect(history.body.contains("<td>untag</td>"))
      #expect(history.body.contains("Rejected for: "))
      let none = try await browser.post("/events/\(id)/decide", [("action", "tag")])
      let said = try await browser.get(none.location!)
      #expect(said.body.contains("Not recorded: choose at least one item."))
    }
  }

  @Test func statusNeedsAJustificationAndIsRecordedWithItsDay() async throws {
    let fixture = try WebFixture()
    try await fixture.test { browser in
      let missing = try await browser.post("/items/P2.3/status", [("status", "in-progress"), ("note", " ")])
      let said = try await browser.get(missing.location!)
      #expect(said.body.contains("Not recorded: a status needs a justification."))
      #expect(fixture.decisions.isEmpty)
      try await browser.post(
        "/items/P2.3/status", [("status", "stalled"), ("note", "No exercise held"), ("as_of", "2024-06-30")])
      let status = try #require(fixture.decisions.last)
      #expect(status.kind == .status)
      #expect(status.status == .stalled)
      #expect(status.asOf?.description == "2024-06-30")
      let page = try await browser.get("/items/P2.3")
      #expect(page.body.contains("P2.3 is stalled as of 2024-06-30 (by Test Analyst)."))
      #expect(page.body.contains("No exercise held"))
      let bad = try await browser.post("/items/P2.3/status", [("status", "done"), ("note", "x")])
      #expect(bad.status == .badRequest)
    }
  }

  @Test func aDecisionMadeByTheCLIShowsOnTheNextPageLoad() async throws {
    let fixture = try WebFixture()
    let id = try fixture.eventID(titled: "On 10 April 2024")
    try await fixture.test { browser in
      let before = try await browser.get("/events/\(id)")
      #expect(before.body.contains("Not tagged for any item."))
      // Another process's decision: the ledger file changes under the server.
      let mandate = try MandateCatalog.load(fixture.workspace).select(nil, workspace: fixture.workspace)
      _ = try DecisionDesk(workspace: fixture.workspace, mandate: mandate).tag(
        event: id, items: ["P1.1"], strength: .declaratory, stance: .supports, note: nil, by: "Terminal Analyst")
      let after = try await browser.get("/events/\(id)")
      #expect(after.body.contains("by Terminal Analyst"))
    }
  }
}
