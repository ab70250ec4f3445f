import Foundation
import Testing

@testable import MandateKit
@testable import MandateWeb

/// Several analysts on one record, and sources that `mandate fetch` brought in.
@Suite struct TeamRoutesTests {
  @Test func aDisputedPairShowsOnTheOverviewAndTheEventAndIsResolvedThere() async throws {
    let fixture = try WebFixture()
    let id = try fixture.eventID(titled: "On 10 April 2024")
    let mandate = try MandateCatalog.load(fixture.workspace).select(nil, workspace: fixture.workspace)
    let desk = DecisionDesk(workspace: fixture.workspace, mandate: mandate)
    _ = try desk.tag(event: id, items: ["P1.1"], strength: .material, stance: .supports, note: nil, by: "Ana")
    _ = try desk.reject(event: id, items: ["P1.1"], note: nil, by: "Bo")
    try await fixture.test { browser in
      let event = try await browser.get("/events/\(id)")
      #expect(event.body.contains(#"<span class="flag kind-disputed">disputed</span>"#))
      #expect(event.body.contains("Ana: material evidence for; Bo: not evidence"))
      #expect(
        event.body.contains(
          #"<button type="submit" name="verdict" value="reject" class="small">Resolve: not evidence</button>"#))
      let overview = try await browser.get("/report/2024Q2")
      #expect(overview.status == .ok)
      let resolved = try await browser.post(
        "/events/\(id)/resolve", [("item", "P1.1"), ("verdict", "material-supports")])
      #expect(resolved.status == .seeOther)
      #expect(fixture.decisions.last?.kind == .resolve)
      #expect(fixture.decisions.last?.by == "Test Analyst")
      let after = try await browser.get("/events/\(id)")
      #expect(!after.body.contains("kind-disputed"))
      #expect(after.body.contains("Resolved \(id.prefix(8)) ("))
      let bad = try await browser.post("/events/\(id)/resolve", [("item", "P1.1"), ("verdict", "maybe")])
      #expect(bad.status == .badRequest)
      let notDisputed = try await browser.postJSON(
        "/api/decisions", #"{"kind":"resolve","event":"\#(id)","item":"P1.2","verdict":"reject"}"#)
      #expect(notDisputed.status == .badRequest)
    }
  }

  @Test func theOverviewNamesDisputedItemsFirst() async throws {
    let fixture = try WebFixture()
    let id = try fixture.eventID(titled: "On 10 April 2024")
    let mandate = try MandateCatalog.load(fixture.workspace).select(nil, workspace: fixture.workspace)
    let desk = DecisionDesk(workspace: fixture.workspace, mandate: mandate)
    _ = try desk.tag(event: id, items: ["P4.1"], strength: .declaratory, stance: .supports, note: nil, by: "Ana")
    _ = try desk.tag(event: id, items: ["P4.1"], strength: .declaratory, stance: .contradicts, note: nil, by: "Bo")
    let report = try fixture.site.live.exclusively { view in
      try WebSite.buildReport(view, period: "2024Q2", asOf: nil, today: Day(iso: "2024-06-30")!)
    }
    let view = OverviewView(report: report, latest: [])
    #expect(view.attention.first?.title == "disputed between analysts")
    #expect(view.attention.first?.entries.map(\.id) == ["P4.1"])
    #expect(view.counts.last?.label == "disputed")
  }

  @Test func aFetchedSourceSaysWhereAndWhenItWasFetched() async throws {
    let fixture = try WebFixture()
    let line =
      #"{"id":"0123456789abcdef","date":"2024-05-02","title":"Fetched","text":"A fetched item","sources":[{"role":"item","first_seen":"2024-05-03","url":"https://example.org/news/1","fetched":{"from":"https://example.org/feed.xml","at":"2024-05-03T10:00:00Z","snapshot":"ab12cd"}}]}"#
    try (line + "\n").write(
      to: fixture.workspace.eventsDirectory.appendingPathComponent("2024-05.jsonl"), atomically: true, encoding: .utf8)
    try await fixture.test { browser in
      let page = try await browser.get("/events/0123456789abcdef")
      #expect(page.status == .ok)
      #expect(
        page.body.contains(
          "fetched 2024-05-03T10:00:00Z from https://example.org/feed.xml, kept as Snapshots/ab/ab12cd.gz"))
      #expect(page.body.contains(#"<a href="https://example.org/news/1" rel="noopener noreferrer">"#))
    }
  }
}
