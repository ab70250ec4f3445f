import Foundation
import Testing

@testable import MandateKit

/// HTTP done right, against a server on 127.0.0.1 that the test starts.
@Suite struct FetcherTests {
  /// Short waits, so that the suite stays fast; the behaviour is the same.
  static var quick: FetchSettings {
    var settings = FetchSettings()
    settings.delay = 0
    settings.backoff = 0.05
    settings.timeout = 5
    return settings
  }

  static func fetch(
    _ path: String, on server: LoopbackServer, settings: FetchSettings = quick, validators: Validators? = nil
  ) async -> FetchOutcome {
    let fetcher = Fetcher(settings: settings)
    defer { fetcher.close() }
    return await fetcher.fetch(server.url(path), validators: validators)
  }

  static func failure(_ outcome: FetchOutcome) -> String? {
    if case .failed(let failure) = outcome { return failure.description }
    return nil
  }

  static func body(_ outcome: FetchOutcome) -> FetchedBody? {
    if case .fetched(let body) = outcome { return body }
    return nil
  }

  @Test func followsRedirectsAndNamesWhereTheBodyCameFrom() async throws {
    let server = try LoopbackServer()
    let body = try #require(Self.body(await Self.fetch("/redirect", on: server)))
    #expect(body.requested == server.url("/redirect"))
    #expect(body.url == server.url("/no-validators.xml"))
    #expect(String(decoding: body.body, as: UTF8.self).contains("CSTO peacekeepers train in Kazakhstan"))
  }

  @Test func refusesRedirectLoopsAndLongChains() async throws {
    let server = try LoopbackServer()
    #expect(
      Self.failure(await Self.fetch("/loop-a", on: server))
        == "redirect loop: it leads back to \(server.url("/loop-a"))")
    #expect(Self.failure(await Self.fetch("/chain/6", on: server)) == "more than 5 redirects")
    #expect(Self.body(await Self.fetch("/chain/4", on: server)) != nil)
  }

  @Test func aConditionalRequestGetsNotModified() async throws {
    let server = try LoopbackServer()
    let first = try #require(Self.body(await Self.fetch("/feed.xml", on: server)))
    #expect(first.etag == "\"v1\"")
    #expect(first.lastModified == "Thu, 23 May 2024 12:00:00 GMT")
    let validators = Validators(etag: first.etag, lastModified: first.lastModified)
    guard case .notModified = await Self.fetch("/feed.xml", on: server, validators: validators) else {
      Issue.record("expected 304")
      return
    }
    let dated = Validators(etag: nil, lastModified: "Thu, 23 May 2024 12:00:00 GMT")
    guard case .notModified = await Self.fetch("/dated-feed.xml", on: server, validators: dated) else {
      Issue.record("expected 304 for If-Modified-Since")
      return
    }
    let sent = try server.requests().filter { $0.path == "/feed.xml" }
    #expect(sent.map(\.if_none_match) == [nil, "\"v1\""])
    #expect(sent.map(\.if_modified_since) == [nil, "Thu, 23 May 2024 12:00:00 GMT"])
  }

  @Test func errorStatusesNameTheStatus() async throws {
    let server = try LoopbackServer()
    #expect(Self.failure(await Self.fetch("/missing", on: server)) == "HTTP 404 (Not Found)")
    // 503 every time: tried three times, then given up.
    #expect(Self.failure(await Self.fetch("/broken", on: server)) == "HTTP 503 (Service Unavailable)")
    #expect(try server.requests().filter { $0.path == "/broken" }.count == 3)
  }

  @Test func retriesAServerErrorThenSucceeds() async throws {
    let server = try LoopbackServer()
    let body = try #require(Self.body(await Self.fetch("/flaky.jsonl", on: server)))
    #expect(String(decoding: body.body, as: UTF8.self).contains("Flaky server item"))
    #expect(try server.requests().filter { $0.path == "/flaky.jsonl" }.count == 2)
  }

  @Test func honoursRetryAfterWithinTheLimit() async throws {
    let server = try LoopbackServer()
    let body = try #require(Self.body(await Self.fetch("/busy.jsonl", on: server)))
    #expect(String(decoding: body.body, as: UTF8.self).contains("Busy server item"))
    let times = try server.requests().filter { $0.path == "/busy.jsonl" }.map(\.time)
    #expect(times.count == 2)
    #expect(times[1] - times[0] >= 0.95)
    #expect(
      Self.failure(await Self.fetch("/busy-long", on: server))
        == "HTTP 429 (Too Many Requests): the server asks to retry after 86400 s, more than the limit of 120 s")
    #expect(try server.requests().filter { $0.path == "/busy-long" }.count == 1)
  }

  /// The server sends 400 bytes over 20 seconds, each within the idle timeout: only a deadline
  /// for the whole response stops it (a complete response would be a success).
  @Test func aSlowServerTimesOut() async throws {
    let server = try LoopbackServer()
    var settings = Self.quick
    settings.timeout = 0.5
    let outcome = await Self.fetch("/slow", on: server, settings: settings)
    #expect(Self.failure(outcome) == "no complete response within 0.5 s (timeout)")
  }

  @Test func aHugeBodyIsCutOffAtTheLimit() async throws {
    let server = try LoopbackServer()
    var settings = Self.quick
    settings.maxBytes = 1_000_000
    #expect(
      Self.failure(await Self.fetch("/huge", on: server, settings: settings))
        == "the response is larger than the limit of 1 MB")
    #expect(
      Self.failure(await Self.fetch("/huge-chunked", on: server, settings: settings))
        == "the response is larger than the limit of 1 MB")
    settings.maxBytes = 4_000_000
    #expect(Self.body(await Self.fetch("/huge", on: server, settings: settings))?.body.count == 3_000_000)
  }

  @Test func robotsTxtIsAskedOnceAndRespected() async throws {
    let server = try LoopbackServer()
    let fetcher = Fetcher(settings: Self.quick)
    defer { fetcher.close() }
    let disallowed = await fetcher.fetch(server.url("/private/feed.xml"))
    let allowed = await fetcher.fetch(server.url("/feed.xml"))
    #expect(Self.failure(disallowed) == "disallowed for mandate by \(server.url("/robots.txt"))")
    #expect(Self.body(allowed) != nil)
    let paths = try server.requests().map(\.path)
    #expect(paths == ["/robots.txt", "/feed.xml"])
  }

  @Test func sendsAUserAgentNamingMandateAndAcceptsGzip() async throws {
    let server = try LoopbackServer()
    let body = try #require(Self.body(await Self.fetch("/gzip.xml", on: server)))
    #expect(String(decoding: body.body, as: UTF8.self).contains("Compressed feed"))
    let request = try #require(try server.requests().last)
    #expect(
      request.agent == "mandate/\(MandateVersion.current) (news fetcher for mandate tracking)")
    #expect(request.accept_encoding?.contains("gzip") == true)
  }

  @Test func oneRequestAtATimePerHostWithADelay() async throws {
    let server = try LoopbackServer()
    var settings = Self.quick
    settings.delay = 0.3
    let fetcher = Fetcher(settings: settings)
    defer { fetcher.close() }
    let paths = ["/feed.xml", "/no-validators.xml", "/dated-feed.xml"]
    await withTaskGroup(of: Void.self) { group in
      for path in paths { group.addTask { _ = await fetcher.fetch(server.url(path)) } }
    }
    let times = try server.requests().map(\.time)
    #expect(times.count == 4)
    for (earlier, later) in zip(times, times.dropFirst()) { #expect(later - earlier >= 0.28) }
  }

  @Test func refusesOtherSchemes() async throws {
    let fetcher = Fetcher(settings: Self.quick)
    defer { fetcher.close() }
    let outcome = await fetcher.fetch("ftp://127.0.0.1/feed.xml")
    #expect(Self.failure(outcome) == "cannot fetch ftp: addresses (only http and https)")
  }

  @Test func aRefusedConnectionSaysSo() async throws {
    // A port nobody listens on: bind one, note it, close it.
    let socket = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) }
    }
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
    }
    close(socket)
    let port = Int(UInt16(bigEndian: address.sin_port))
    let fetcher = Fetcher(settings: Self.quick)
    defer { fetcher.close() }
    let outcome = await fetcher.fetch("http://127.0.0.1:\(port)/feed.xml")
    #expect(
      Self.failure(outcome)
        == "http://127.0.0.1:\(port)/robots.txt could not be read (connection refused), so nothing of this site is fetched"
    )
  }
}
