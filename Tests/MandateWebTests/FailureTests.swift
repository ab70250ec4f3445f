import Foundation
import Testing

@testable import MandateKit
@testable import MandateWeb

@Suite struct FailureTests {
  @Test func anUnreadableLedgerSaysSoOnEveryPageAndNothingIsWritten() async throws {
    let fixture = try WebFixture()
    let id = try fixture.eventID(titled: "On 10 April 2024")
    try FileManager.default.createDirectory(at: fixture.workspace.tagsDirectory, withIntermediateDirectories: true)
    let broken = "schema: 1\nmandate: kz-csto-2024\ndecisions:\n  - kind: tag\n    event: [unclosed\n"
    try broken.write(to: fixture.ledgerURL, atomically: true, encoding: .utf8)
    try await fixture.test { browser in
      let page = try await browser.get("/events/\(id)")
      #expect(page.status == .ok)
      #expect(
        page.body.contains(
          #"<div class="banner" role="alert"><p>Decisions cannot be recorded: cannot write Tags/kz-csto-2024.yaml: the file cannot be read ("#
        ))
      #expect(!page.body.contains(#"action="/events/\#(id)/decide""#), "no form to decide")
      let post = try await browser.post("/events/\(id)/decide", [("item", "P1.1"), ("action", "tag")])
      #expect(post.status == .conflict)
      #expect(post.body.contains("cannot write Tags/kz-csto-2024.yaml: the file cannot be read ("))
      #expect(post.body.contains("; fix it first; the record was left as it was"))
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
    #expect(message.hasPrefix("cannot write \(fixture.ledgerURL.path): No space left on device"))
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
