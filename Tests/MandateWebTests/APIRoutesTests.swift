import Foundation
import Testing

@testable import MandateKit
@testable import MandateWeb

@Suite struct APIRoutesTests {
  func object(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func reportIsTheSameDocumentAsReportFormatJSON() async throws {
    let fixture = try WebFixture(tags: true)
    let lock = try WorkspaceLock(stateDirectory: fixture.workspace.stateDirectory, mode: .shared)
    let (index, _) = try EventIndex.open(fixture.workspace, lock: lock)
    let mandate = try MandateCatalog.load(fixture.workspace).select(nil, workspace: fixture.workspace)
    let builder = ReportBuilder(mandate: mandate, index: index, lock: lock)
    let report = try builder.build(
      ReportOptions(scope: .quarter(builder.quarters.quarter(named: "2024Q2")!), today: MandateClock.today()))
    let expected = try ReportRenderers.renderer(for: .json).render(report, context: RenderContext())
    withExtendedLifetime(lock) {}
    try await fixture.test { browser in
      let page = try await browser.get("/api/report/2024Q2")
      #expect(page.status == .ok)
      #expect(page.headers[.contentType] == "application/json; charset=utf-8")
      #expect(page.body == expected)
      let unknown = try await browser.get("/api/report/2030Q1")
      #expect(unknown.status == .notFound)
      #expect(
        try self.object(unknown.body)["error"] as? String
          == "`2030Q1` is not a quarter of the term of kz-csto-2024 (2024-01-01 to 2024-12-31); write 2024Q1 to 2024Q4, or Q1 to Q4"
      )
    }
  }

  @Test func eventsListSearchAndOneEvent() async throws {
    let fixture = try WebFixture(tags: true)
    let id = try fixture.eventID(titled: "On 10 April 2024")
    try await fixture.test { browser in
      let list = try await browser.get("/api/events?quarter=2024Q2&limit=2")
      let events = try #require(try JSONSerialization.jsonObject(with: Data(list.body.utf8)) as? [[String: Any]])
      #expect(events.count == 2)
      #expect(events.allSatisfy { ($0["date"] as? String)?.hasPrefix("2024-0") == true })
      let search = try await browser.get("/api/events?q=Afghanistan")
      let hits = try #require(try JSONSerialization.jsonObject(with: Data(search.body.utf8)) as? [[String: Any]])
      #expect(hits.allSatisfy { ($0["snippet"] as? String)?.contains("**") == true })
      let one = try await browser.get("/api/events/\(id.prefix(8))")
      let detail = try self.object(one.body)
      #expect((detail["event"] as? [String: Any])?["id"] as? String == id)
      #expect(detail["decisions"] is [Any])
      for bad in ["/api/events?limit=0", "/api/events?from=May", "/api/events?quarter=2024Q2&from=2024-01-01"] {
        let page = try await browser.get(bad)
        #expect(page.status == .badRequest, "\(bad)")
      }
      let missing = try await browser.get("/api/events/ffffffffffff")
      #expect(missing.status == .notFound)
      #expect(try self.object(missing.body)["error"] as? String != nil)
    }
  }

  @Test func suggestionsAreSuggestJSON() async throws {
    let fixture = try WebFixture()
    try await fixture.test { browser in
      let page = try await browser.get("/api/suggestions?quarter=2024Q2&limit=2")
      let list = try #require(try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [[String: Any]])
      #expect(list.count == 2)
      #expect(list.allSatisfy { !(($0["candidates"] as? [Any]) ?? []).isEmpty })
      let bad = try await browser.get("/api/suggestions?top=12")
      #expect(bad.status == .badRequest)
    }
  }

  @Test func decisionsAreRecordedAndMistakesRefused() async throws {
    let fixture = try WebFixture()
    let id = try fixture.eventID(titled: "On 10 April 2024")
    try await fixture.test { browser in
      let tag = try await browser.postJSON(
        "/api/decisions", #"{"kind":"tag","event":"\#(id.prefix(8))","items":["P1.1"],"strength":"material"}"#)
      #expect(tag.status == .created)
      let body = try self.object(tag.body)
      let recorded = try #require(body["recorded"] as? [[String: Any]])
      #expect(recorded.first?["by"] as? String == "Test Analyst")
      #expect((body["message"] as? String)?.hasPrefix("tagged \(id.prefix(8)) (") == true)
      let again = try await browser.postJSON(
        "/api/decisions", #"{"kind":"tag","event":"\#(id)","items":["P1.1"],"strength":"material"}"#)
      #expect(again.status == .ok)
      #expect(try self.object(again.body)["unchanged"] as? [String] == ["P1.1: already tagged so"])
      try await browser.postJSON("/api/decisions", #"{"kind":"untag","event":"\#(id)","items":["P1.1"]}"#)
      try await browser.postJSON("/api/decisions", #"{"kind":"reject","event":"\#(id)","items":["P3.1"]}"#)
      let status = try await browser.postJSON(
        "/api/decisions", #"{"kind":"status","item":"P2.3","status":"achieved","note":"Done","as_of":"2024-06-30"}"#)
      #expect(status.status == .created)
      #expect(fixture.decisions.map(\.kind) == [.tag, .untag, .reject, .status])
      let refusals: [(String, String)] = [
        (
          #"{"kind":"tag","event":"\#(id)","items":["P9.9"]}"#,
          "no item `P9.9` in this mandate; did you mean `P1.1`, `P1.2`, `P2.1`?"
        ),
        (#"{"kind":"tag","items":["P1.1"]}"#, "a tag needs `event`"),
        (#"{"kind":"status","item":"P2.3","status":"achieved"}"#, "a status needs a justification: --note TEXT"),
        (#"{"kind":"merge"}"#, "kind is tag, untag, reject, resolve or status"),
        (
          #"{"kind":"untag","event":"\#(id)","items":["P1.2"]}"#,
          "event \(id.prefix(8)) is not tagged for P1.2: nothing to withdraw"
        ),
      ]
      for (json, message) in refusals {
        let page = try await browser.postJSON("/api/decisions", json)
        #expect(page.status == .badRequest, "\(json)")
        #expect(try self.object(page.body)["error"] as? String == message, "\(page.body)")
      }
      let notJSON = try await browser.postJSON("/api/decisions", "kind=tag")
      #expect(notJSON.status == .badRequest)
      #expect(fixture.decisions.count == 4)
    }
  }
}
