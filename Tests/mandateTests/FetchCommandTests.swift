import Foundation
import Testing

/// `mandate fetch` and `mandate sources` on the built binary, against the test server of
/// Tests/MandateKitTests/Fixtures/fetch/server.py on 127.0.0.1.
@Suite struct FetchCommandTests {
  /// The test server; it stops when this object goes (or after 600 s or 5,000 requests).
  final class Server {
    let port: Int
    private let process = Process()
    private let input = Pipe()

    init() throws {
      let output = Pipe()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      let script = CLI.repositoryRoot.appendingPathComponent("Tests/MandateKitTests/Fixtures/fetch/server.py")
      process.arguments = ["python3", script.path, "/dev/null"]
      process.standardInput = input
      process.standardOutput = output
      try process.run()
      port = Int(String(decoding: output.fileHandleForReading.availableData, as: UTF8.self).filter(\.isNumber)) ?? 0
    }

    deinit {
      try? input.fileHandleForWriting.close()
      process.waitUntilExit()
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }
  }

  static let environment = ["MANDATE_NOW": "2026-12-05T10:00:00Z"]

  /// `text` with body sizes ("(rss, 753 bytes)") left out: they vary with the port in the links.
  static func withoutSizes(_ text: String) -> String {
    text.replacingOccurrences(of: #", [0-9.]+ (bytes|kB)\)"#, with: ")", options: .regularExpression)
  }

  @Test func fetchImportsAndASecondFetchIsConditional() throws {
    let server = try Server()
    let scratch = try ScratchWorkspace()
    let first = try scratch.run("fetch", "--delay", "0", server.url("/feed.xml"), environment: Self.environment)
    #expect(first.status == 0)
    #expect(first.stderr == "")
    #expect(
      Self.withoutSizes(first.stdout) == """
        fetched \(server.url("/feed.xml")) (rss): 2 items
        2 items from 1 source: 2 new events, 0 merged into existing, 0 already recorded, 0 rejected
        wrote Events/2024-05.jsonl

        """)
    let second = try scratch.run("fetch", "--delay", "0", server.url("/feed.xml"), environment: Self.environment)
    #expect(second.status == 0)
    #expect(second.stdout == "not modified \(server.url("/feed.xml"))\n")
    let events = try scratch.run("events", "--format", "json")
    let list = try #require(try JSONSerialization.jsonObject(with: Data(events.stdout.utf8)) as? [[String: Any]])
    let id = try #require(list.first?["id"] as? String)
    let show = try scratch.run("show", id)
    let log = try String(contentsOf: scratch.url.appendingPathComponent("Snapshots/log.jsonl"), encoding: .utf8)
    let sha = try #require(log.split(separator: "\"sha256\":\"").last?.prefix(64))
    #expect(
      show.stdout.contains(
        """
          item   \(server.url("/articles/1.html")), published 2024-05-23, first seen 2026-12-05
                 fetched 2026-12-05T10:00:00Z from \(server.url("/feed.xml")), kept as Snapshots/\(sha.prefix(2))/\(sha).gz

        """))
  }

  /// The issue's "done when": `fetch --follow FEED_URL` imports the full articles, and a second
  /// fetch is conditional and changes nothing.
  @Test func followImportsFullArticlesAndASecondFetchIsConditional() throws {
    let server = try Server()
    let scratch = try ScratchWorkspace()
    let first = try scratch.run(
      "fetch", "--follow", "--delay", "0", server.url("/feed.xml"), environment: Self.environment)
    #expect(first.status == 0)
    #expect(
      Self.withoutSizes(first.stdout) == """
        fetched \(server.url("/feed.xml")) (rss): 2 items
          followed \(server.url("/articles/1.html")) (html): 1 item
          followed \(server.url("/articles/2.html")) (html): 1 item
        4 items from 3 sources: 2 new events, 0 merged into existing, 0 already recorded, 0 rejected
        wrote Events/2024-05.jsonl

        """)
    let record = try Data(contentsOf: scratch.url.appendingPathComponent("Events/2024-05.jsonl"))
    let second = try scratch.run(
      "fetch", "--follow", "--delay", "0", server.url("/feed.xml"), environment: Self.environment)
    #expect(second.stdout == "not modified \(server.url("/feed.xml"))\n")
    #expect(try Data(contentsOf: scratch.url.appendingPathComponent("Events/2024-05.jsonl")) == record)
    let search = try scratch.run("events", "--search", "Tajik-Afghan border")
    #expect(search.stdout.contains("CSTO Council of Foreign Ministers meets in Almaty"))
  }

  @Test func aFailingSourceIsNamedAndTheOthersAreImported() throws {
    let server = try Server()
    let scratch = try ScratchWorkspace()
    let result = try scratch.run(
      "fetch", "--delay", "0", "--retry-wait", "0.05", server.url("/missing"), server.url("/flaky.jsonl"),
      server.url("/private/feed.xml"), environment: Self.environment)
    #expect(result.status == 1)
    #expect(
      result.stderr == """
        error: \(server.url("/missing")): HTTP 404 (Not Found)
        error: \(server.url("/private/feed.xml")): disallowed for mandate by \(server.url("/robots.txt"))
        2 of 3 sources failed

        """)
    #expect(Self.withoutSizes(result.stdout).hasPrefix("fetched \(server.url("/flaky.jsonl")) (jsonl): 1 item\n"))
  }

  @Test func timeoutsAndSizeLimitsAreOptions() throws {
    let server = try Server()
    let scratch = try ScratchWorkspace()
    let result = try scratch.run(
      "fetch", "--delay", "0", "--timeout", "0.5", "--max-size", "1M", server.url("/slow"), server.url("/huge"))
    #expect(result.status == 1)
    #expect(
      result.stderr == """
        error: \(server.url("/slow")): no complete response within 0.5 s (timeout)
        error: \(server.url("/huge")): the response is larger than the limit of 1 MB
        2 of 2 sources failed

        """)
    let usage = try scratch.run("fetch", "--timeout", "0", server.url("/feed.xml"))
    #expect(usage.status == 2)
  }

  /// The watched sources: added, listed, fetched all at once (with `follow` from the list),
  /// removed; and `check` checks the list.
  @Test func watchedSourcesAreAddedListedFetchedAndRemoved() throws {
    let server = try Server()
    let scratch = try ScratchWorkspace()
    let none = try scratch.run("fetch")
    #expect(none.status == 1)
    #expect(
      none.stderr
        == "error: nothing to fetch: give addresses (mandate fetch URL...) or list sources in Sources.yaml (mandate sources add URL)\n"
    )
    let add = try scratch.run(
      "sources", "add", server.url("/csto-feed.xml"), "--name", "csto", "--kind", "feed", "--follow")
    #expect(add.status == 0)
    #expect(add.stdout == "added csto (\(server.url("/csto-feed.xml"))); 1 source watched\n")
    #expect(try scratch.run("sources", "add", server.url("/flaky.jsonl"), "--language", "en").status == 0)
    let list = try scratch.run("sources", "list")
    #expect(
      list.stdout == """
        name      kind language follow url
        --------- ---- -------- ------ ------------------------------------
        csto      feed          yes    \(server.url("/csto-feed.xml"))
        127.0.0.1 auto en              \(server.url("/flaky.jsonl"))

        """)
    let fetch = try scratch.run("fetch", "--delay", "0", "--retry-wait", "0.05", environment: Self.environment)
    #expect(fetch.status == 0)
    #expect(
      Self.withoutSizes(fetch.stdout).hasPrefix(
        """
        fetched \(server.url("/csto-feed.xml")) (rss): 1 item
          followed \(server.url("/csto/002_7dc5948d4aa5d35a.txt")) (csto-page): 5 items
        fetched \(server.url("/flaky.jsonl")) (jsonl): 1 item
        7 items from 3 sources: 6 new events (1 undated), 0 merged into existing, 0 already recorded, 0 rejected

        """))
    let remove = try scratch.run("sources", "remove", "127.0.0.1")
    #expect(remove.stdout == "removed 127.0.0.1 (\(server.url("/flaky.jsonl")))\n")
    #expect(try scratch.run("check").status == 0)
    try scratch.write("Sources.yaml", "schema: 1\nsources:\n  - name: x\n    url: news\n")
    let check = try scratch.run("check")
    #expect(check.status == 1)
    #expect(
      check.stderr.contains(
        """
        Sources.yaml:4:10: error: `url` of source `x` is not a web address: `news` (expected one starting with http:// or https://)
            url: news
                 ^
        """))
    let broken = try scratch.run("fetch")
    #expect(broken.stderr == "error: Sources.yaml has 1 error; run `mandate check` for details\n")
  }

  @Test func reimportReadsKeptBodiesWithoutTheNetwork() throws {
    let scratch = try ScratchWorkspace()
    do {
      let server = try Server()
      #expect(
        try scratch.run("fetch", "--delay", "0", server.url("/feed.xml"), environment: Self.environment).status == 0)
    }
    let events = scratch.url.appendingPathComponent("Events/2024-05.jsonl")
    let record = try Data(contentsOf: events)
    try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("Events"))
    let again = try scratch.run("fetch", "--reimport", environment: Self.environment)
    #expect(again.status == 0)
    #expect(again.stdout.hasPrefix("read again http://127.0.0.1:"))
    #expect(try Data(contentsOf: events) == record)
    let none = try ScratchWorkspace().run("fetch", "--reimport")
    #expect(none.stderr == "error: no kept bodies to import again: Snapshots/log.jsonl is empty or missing\n")
  }
}
