import Foundation
import Testing

@testable import MandateKit
@testable import MandateWeb

@Suite struct PageRoutesTests {
  @Test func overviewShowsTheTreeAttentionAndLatestEvidence() async throws {
    let fixture = try WebFixture(tags: true)
    try await fixture.test { browser in
      let page = try await browser.get("/")
      #expect(page.status == .ok)
      #expect(page.headers[.contentType] == "text/html; charset=utf-8")
      #expect(
        page.body.contains(
          "<h1>Priorities of the Republic of Kazakhstan Chairmanship in the Collective Security Treaty Organization in 2024</h1>"
        ))
      #expect(page.body.contains("Needs attention"))
      #expect(page.body.contains(#"<a href="/items/P1.1">P1.1</a>"#))
      #expect(page.body.contains("Latest evidence"))
      #expect(page.body.contains(#"href="/events/"#))
      #expect(page.body.contains(#"<a href="/" aria-current="page">Overview</a>"#))
    }
  }

  @Test func reportRedirectsToTheCurrentQuarterAndShowsTheReportWithNavigation() async throws {
    let fixture = try WebFixture(tags: true)
    try await fixture.test { browser in
      let redirect = try await browser.get("/report")
      #expect(redirect.status == .seeOther)
      // The term ended in 2024: the last quarter is the current one.
      #expect(redirect.location == "/report/2024Q4")
      let page = try await browser.get("/report/2024Q2")
      #expect(page.status == .ok)
      #expect(page.body.contains(#"<a href="/report/2024Q2" aria-current="page">2024 Q2</a>"#))
      #expect(page.body.contains(#"<a href="/report/term">Term</a>"#))
      #expect(page.body.contains(#"<section class="summary" aria-labelledby="summary-heading">"#))
      #expect(!page.body.contains("<style>"), "the report's CSS comes from /static/mandate.css")
      let term = try await browser.get("/report/term")
      #expect(term.status == .ok)
      #expect(term.body.contains(#"<a href="/report/term" aria-current="page">Term</a>"#))
      let asOf = try await browser.get("/report/2024Q2?as_of=2024-05-01")
      #expect(asOf.body.contains(#"value="2024-05-01""#))
      #expect(asOf.body.contains("<dd>2024-05-01</dd>"))
    }
  }

  @Test func reportRefusesAnUnknownQuarterAndABadDay() async throws {
    let fixture = try WebFixture()
    try await fixture.test { browser in
      let unknown = try await browser.get("/report/2031Q1")
      #expect(unknown.status == .notFound)
      #expect(
        unknown.body.contains(
          "`2031Q1` is not a quarter of the term of kz-csto-2024 (2024-01-01 to 2024-12-31); write 2024Q1 to 2024Q4, or Q1 to Q4"
        ))
      #expect(unknown.body.contains(#"<a href="/report/2024Q3"><code>2024 Q3</code></a>"#))
      let bad = try await browser.get("/report/2024Q2?as_of=yesterday")
      #expect(bad.status == .badRequest)
      #expect(bad.body.contains("as_of yesterday is not a date (YYYY-MM-DD)"))
    }
  }

  @Test func eventPageResolvesPrefixesAndShowsTextSourcesAndDecisions() async throws {
    let fixture = try WebFixture(tags: true)
    let id = try fixture.eventID(titled: "On 10 April 2024")
    try await fixture.test { browser in
      let redirect = try await browser.get("/events/\(id.prefix(6))")
      #expect(redirect.status == .found)
      #expect(redirect.location == "/events/\(id)")
      let page = try await browser.get("/events/\(id)")
      #expect(page.status == .ok)
      #expect(page.body.contains("Sources ("))
      #expect(page.body.contains("<h2 id=\"history-heading\">Decisions</h2>"))
      #expect(page.body.contains("Samples/") || page.body.contains("csto"))
      #expect(page.body.contains(#"<form method="post" action="/events/\#(id)/decide""#))
    }
  }

  @Test func unknownEventGives404WithTheClosestIDs() async throws {
    let fixture = try WebFixture()
    let id = try fixture.eventID(titled: "On 10 April 2024")
    let wrong = String(id.prefix(5)) + (id.dropFirst(5).first == "0" ? "1" : "0") + "ffff"
    try await fixture.test { browser in
      let page = try await browser.get("/events/\(wrong)")
      #expect(page.status == .notFound)
      #expect(page.body.contains("no event `\(wrong)`; closest: "))
      #expect(page.body.contains("Closest matches:"))
      let invalid = try await browser.get("/events/not-an-id")
      #expect(invalid.status == .notFound)
      #expect(invalid.body.contains("`not-an-id` is not an event id (hexadecimal digits, at least 4)"))
    }
  }

  @Test func itemPageShowsWordingTimelineAndHistoryAndRefusesUnknownItems() async throws {
    let fixture = try WebFixture(tags: true)
    try await fixture.test { browser in
      let page = try await browser.get("/items/P1.1")
      #expect(page.status == .ok)
      #expect(page.body.contains("Evidence timeline"))
      #expect(page.body.contains("Status history"))
      #expect(page.body.contains(#"<form method="post" action="/items/P1.1/status""#))
      let unknown = try await browser.get("/items/P1.9")
      #expect(unknown.status == .notFound)
      #expect(unknown.body.contains("No item `P1.9` in this mandate."))
      #expect(unknown.body.contains(#"<a href="/items/P1.1"><code>P1.1</code></a>"#))
    }
  }

  @Test func searchHighlightsMatchesAndFilters() async throws {
    let fixture = try WebFixture(tags: true)
    try await fixture.test { browser in
      let page = try await browser.get("/search?q=Afghanistan")
      #expect(page.status == .ok)
      #expect(page.body.contains("<mark>Afghanistan</mark>"))
      #expect(page.body.contains("Events 1–"))
      let none = try await browser.get("/search?q=Afghanistan&undecided=1")
      #expect(none.body.contains("No event matches."), "every shipped event has a decision")
      let tagged = try await browser.get("/search?item=P1.1")
      #expect(tagged.body.contains("tagged P1.1") || tagged.body.contains("tagged P1.1,"))
      let quarter = try await browser.get("/search?q=CSTO&quarter=2031Q1")
      #expect(quarter.status == .badRequest)
      let plus = try await browser.get("/search?q=Working+Group")
      #expect(plus.body.contains(#"value="Working Group""#), "a + in a query is a space")
    }
  }

  @Test func staticFilesComeFromTheProgramAndNoPathReachesTheDisk() async throws {
    let fixture = try WebFixture()
    try await fixture.test { browser in
      let css = try await browser.get("/static/mandate.css")
      #expect(css.status == .ok)
      #expect(css.headers[.contentType] == "text/css; charset=utf-8")
      #expect(css.body.contains(".triage-card"))
      let js = try await browser.get("/static/mandate.js")
      #expect(js.headers[.contentType] == "text/javascript; charset=utf-8")
      for path in [
        "/static/../Package.swift", "/static/%2e%2e%2fPackage.swift", "/static/Package.swift", "/Package.swift",
        "/Priorities/kz-csto-2024.yaml", "/static/%2fetc%2fpasswd",
      ] {
        let page = try await browser.get(path)
        #expect(page.status == .notFound, "\(path)")
        #expect(!page.body.contains("swift-tools-version"))
      }
    }
  }

  @Test func newsTextIsEscapedEverywhere() async throws {
    let fixture = try WebFixture()
    let hostile =
      #"{"id":"0123456789abcdef","date":"2024-05-02","title":"<script>alert('x')</script> & <b>bold</b>","text":"Afghanistan <img src=x onerror=alert(1)> \"quoted\"","sources":[{"role":"item","first_seen":"2024-05-03","url":"javascript:alert(1)"}]}"#
    try (hostile + "\n").write(
      to: fixture.workspace.eventsDirectory.appendingPathComponent("2024-05.jsonl"), atomically: true,
      encoding: .utf8)
    try await fixture.test { browser in
      for path in [
        "/events/0123456789abcdef", "/search?q=Afghanistan", "/triage?quarter=2024Q2", "/report/2024Q2",
      ] {
        let page = try await browser.get(path)
        #expect(page.status == .ok, "\(path)")
        #expect(!page.body.contains("<script>alert"), "\(path)")
        #expect(!page.body.contains("<img src=x"), "\(path)")
        #expect(!page.body.contains("<b>bold</b>"), "\(path)")
        #expect(!page.body.contains(#"href="javascript:"#), "\(path)")
      }
      let event = try await browser.get("/events/0123456789abcdef")
      #expect(event.body.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;"))
    }
  }

  @Test func everyResponseCarriesTheSecurityHeaders() async throws {
    let fixture = try WebFixture()
    try await fixture.test { browser in
      for path in ["/", "/nope", "/static/mandate.css", "/api/session"] {
        let page = try await browser.get(path)
        #expect(page.headers[.init("Content-Security-Policy")!]?.contains("default-src 'none'") == true, "\(path)")
        #expect(page.headers[.init("X-Frame-Options")!] == "DENY")
        #expect(page.headers[.init("X-Content-Type-Options")!] == "nosniff")
      }
      let missing = try await browser.get("/nope")
      #expect(missing.status == .notFound)
      #expect(missing.body.contains("There is no page at this address."))
    }
  }
}
