import Foundation
import HTTPTypes
import Testing

@testable import MandateKit
@testable import MandateWeb

@Suite struct SecurityTests {
  func tagFields(_ id: String) -> [(String, String)] { [("item", "P1.1"), ("action", "tag")] }

  @Test func aStateChangeWithoutTheTokenIsRefusedAndWritesNothing() async throws {
    let fixture = try WebFixture()
    let id = try fixture.eventID(titled: "On 10 April 2024")
    try await fixture.test { browser in
      _ = try await browser.csrf()
      let missing = try await browser.post("/events/\(id)/decide", tagFields(id), withToken: false)
      #expect(missing.status == .forbidden)
      #expect(missing.body.contains("This form is out of date or did not come from this server (CSRF token)"))
      let wrong = try await browser.post("/events/\(id)/decide", tagFields(id), token: "forged")
      #expect(wrong.status == .forbidden)
      let api = try await browser.postJSON(
        "/api/decisions", #"{"kind":"tag","event":"\#(id)","items":["P1.1"]}"#, withToken: false)
      #expect(api.status == .forbidden)
      #expect(api.body.contains(#""error""#))
      #expect(fixture.tagsUntouched)
    }
  }

  @Test func aCrossSitePostIsRefusedEvenWithAToken() async throws {
    let fixture = try WebFixture()
    let id = try fixture.eventID(titled: "On 10 April 2024")
    try await fixture.test { browser in
      let token = try await browser.csrf()
      let crossSite: [HTTPFields] = [
        [.origin: "http://evil.example"], [.origin: "http://localhost:9999"], [.origin: "null"],
        [.init("Sec-Fetch-Site")!: "cross-site"], [.referer: "http://evil.example/page"],
      ]
      for headers in crossSite {
        let page = try await browser.post(
          "/events/\(id)/decide", tagFields(id), token: token, headers: headers, sendOrigin: false)
        #expect(page.status == .forbidden, "\(headers)")
        #expect(page.body.contains("Cross-site requests cannot change anything here."))
      }
      #expect(fixture.tagsUntouched)
      // A client that says nothing about where it comes from (a script) is not a browser.
      let script = try await browser.post("/events/\(id)/decide", tagFields(id), token: token, sendOrigin: false)
      #expect(script.status == .seeOther)
    }
  }

  @Test func aPostWithoutASessionIsRefused() async throws {
    let fixture = try WebFixture()
    try await fixture.test { browser in
      let page = try await browser.post(
        "/items/P2.3/status", [("status", "stalled"), ("note", "x")], token: "anything")
      #expect(page.status == .forbidden)
      #expect(page.body.contains("Your session has expired or was never started"))
    }
  }

  @Test func aHostThatIsNotTheServersOwnNameIsRefused() async throws {
    let users = try UsersFile.parse(
      "ana:\(PasswordHash.make(password: "pw", iterations: 10_000).encoded)\n", displayPath: "users")
    let fixture = try WebFixture {
      $0.host = "192.0.2.10"; $0.users = users
    }
    try await fixture.test { browser in
      // The test client always sends Host: localhost, which a server on 192.0.2.10 does not answer to.
      let page = try await browser.get("/")
      #expect(page.status == .misdirectedRequest)
      #expect(page.body.contains("This server does not answer to that name (Host header)"))
    }
    #expect(RequestGuard.hostName("LocalHost:8080") == "localhost")
    #expect(RequestGuard.hostName("[::1]:8080") == "::1")
    #expect(RequestGuard.hostName("evil.example") == "evil.example")
  }

  @Test func anotherAddressNeedsUsers() throws {
    #expect(throws: WebError.publicWithoutUsers("0.0.0.0")) {
      try WebConfiguration(host: "0.0.0.0", analyst: "a").validate()
    }
    #expect(
      WebError.publicWithoutUsers("0.0.0.0").errorDescription
        == "--host 0.0.0.0 would let other machines decide in your name: give --users FILE so that analysts sign in (see docs/web.md)"
    )
    try WebConfiguration(host: "127.0.0.1", analyst: "a").validate()
  }

  @Test func signInIsRequiredWithUsersAndDecisionsAreInTheSignedInName() async throws {
    let users = try UsersFile.parse(
      "Aigerim Sadykova:\(PasswordHash.make(password: "correct horse", iterations: 10_000).encoded)\n",
      displayPath: "users")
    let fixture = try WebFixture { $0.users = users }
    let id = try fixture.eventID(titled: "On 10 April 2024")
    try await fixture.test { browser in
      let home = try await browser.get("/triage?quarter=2024Q2")
      #expect(home.status == .seeOther)
      #expect(home.location == "/login?next=%2Ftriage%3Fquarter%3D2024Q2")
      let api = try await browser.get("/api/events")
      #expect(api.status == .unauthorized)
      let wrong = try await browser.post(
        "/login", [("user", "Aigerim Sadykova"), ("password", "wrong"), ("next", "/triage")])
      #expect(wrong.status == .unauthorized)
      #expect(wrong.body.contains("That name and password do not match."))
      let stranger = try await browser.post("/login", [("user", "nobody"), ("password", "correct horse")])
      #expect(stranger.status == .unauthorized)
      let before = browser.cookie
      let right = try await browser.post(
        "/login", [("user", "Aigerim Sadykova"), ("password", "correct horse"), ("next", "//evil.example")])
      #expect(right.status == .seeOther)
      #expect(right.location == "/", "only a path of this site")
      #expect(browser.cookie != before, "a new session at sign-in")
      try await browser.post("/events/\(id)/decide", [("item", "P1.1"), ("action", "tag")])
      #expect(fixture.decisions.last?.by == "Aigerim Sadykova")
      let page = try await browser.get("/")
      #expect(page.body.contains("Signed in as <strong>Aigerim Sadykova</strong>"))
      let out = try await browser.post("/logout", [])
      #expect(out.location == "/login")
      let after = try await browser.get("/")
      #expect(after.status == .seeOther)
    }
  }

  @Test func sessionsExpire() async throws {
    let clock = TestClock()
    let users = try UsersFile.parse(
      "ana:\(PasswordHash.make(password: "pw", iterations: 10_000).encoded)\n", displayPath: "users")
    let fixture = try WebFixture {
      $0.users = users
      $0.idleTimeout = 3600
      $0.sessionLifetime = 86_400
      $0.now = { clock.now }
    }
    try await fixture.test { browser in
      try await browser.post("/login", [("user", "ana"), ("password", "pw")])
      #expect(try await browser.get("/").status == .ok)
      clock.advance(3000)
      #expect(try await browser.get("/").status == .ok)
      clock.advance(3601)
      #expect(try await browser.get("/").status == .seeOther, "an hour without a request")
      try await browser.post("/login", [("user", "ana"), ("password", "pw")])
      for _ in 0..<30 {
        clock.advance(3000)
        _ = try await browser.get("/api/session")
      }
      #expect(try await browser.get("/").status == .seeOther, "a day after it began")
    }
  }

  @Test func tooLargeABodyIsRefused() async throws {
    let fixture = try WebFixture()
    try await fixture.test { browser in
      let big = String(repeating: "x", count: RequestGuard.maxBody + 10)
      let page = try await browser.post("/items/P2.3/status", [("note", big)])
      #expect(page.status == .contentTooLarge)
    }
  }
}
