import Foundation
import Testing

@testable import MandateKit
@testable import MandateWeb

@Suite struct FailureTests {
  @Test func anUnreadableLedgerGivesAPageThatSaysSoAndNothingIsWritten() async throws {
    let fixture = try WebFixture()
    let id = try fixture.eventID(titled: "On 10 April 2024")
    try FileManager.default.createDirectory(at: fixture.workspace.tagsDirectory, withIntermediateDirectories: true)
    let broken = "schema: 2\nmandate: kz-csto-2024\ndecisions:\n  - kind: tag\n    event: [unclosed\n"
    try broken.write(to: fixture.ledgerURL, atomically: true, encoding: .utf8)
    try await fixture.test { browser in
      for path in ["/", "/events/\(id)", "/triage", "/items/P1.1", "/search?q=CSTO"] {
        let page = try await browser.get(path)
        #expect(page.status == .conflict, "\(path)")
        #expect(page.body.contains("<h1>The ledger cannot be used</h1>"), "\(path)")
        #expect(page.body.contains("(`mandate check` shows where)"), "\(path)")
        #expect(page.body.contains(#"<pre class="diagnostics">Tags/kz-csto-2024.yaml:"#), "\(path)")
      }
      let post = try await browser.post("/events/\(id)/decide", [("item", "P1.1"), ("action", "tag")])
      #expect(post.status == .conflict)
      let api = try await browser.postJSON("/api/decisions", #"{"kind":"tag","event":"\#(id)","items":["P1.1"]}"#)
      #expect(api.status == .conflict)
    }
    #expect(fixture.ledgerText == broken)
  }

  @Test func aFullDiskGivesTheCLIsMessage() throws {
    let fixture = try WebFixture()
    let id = try fixture.eventID(titled: "On 10 April 2024")
    let error = #expect(throws: RecordError.self) {
      try SimulatedWriteFailure.with(ENOSPC, under: fixture.workspace.tagsDirectory) {
        try fixture.site.live.write { desk in
          try desk.tag(event: id, items: ["P1.1"], strength: .declaratory, stance: .supports, note: nil, by: "a")
        }
      }
    }
    let (status, message, _, _) = WebSite.describe(try #require(error))
    #expect(status.code == 507)
    #expect(message == error?.errorDescription)
    #expect(message.hasPrefix("cannot write \(fixture.analystFileURL("a").path): No space left on device"))
    #expect(message.hasSuffix("; the record was left as it was"))
  }

  @Test func aMandateWithErrorsGivesAPageThatListsThem() async throws {
    let fixture = try WebFixture()
    let file = fixture.workspace.prioritiesDirectory.appendingPathComponent("kz-csto-2024.yaml")
    try "schema: 1\nid: broken\n".write(to: file, atomically: true, encoding: .utf8)
    try await fixture.test { browser in
      let page = try await browser.get("/")
      #expect(page.status == .serviceUnavailable)
      #expect(page.body.contains("the mandate has errors (Priorities/kz-csto-2024.yaml:"))
      #expect(page.body.contains(#"<pre class="diagnostics">Priorities/kz-csto-2024.yaml:"#))
    }
  }
}
