import Foundation
import Testing

@testable import MandateKit

/// `mandate fetch` in the library: bodies kept, sources recording their fetch, conditional
/// requests, failures that do not stop the others, `--follow` and `--reimport`.
@Suite struct FetchRunTests {
  static func run(_ scratch: ScratchWorkspace, _ targets: [FetchTarget]) async throws -> FetchReport {
    try await FetchRun(workspace: scratch.workspace, settings: FetcherTests.quick, today: ScratchWorkspace.today)
      .run(targets)
  }

  static func outcomes(_ report: FetchReport, _ server: LoopbackServer) -> [String] {
    report.entries.map { entry in
      let url = entry.url.replacingOccurrences(of: server.url(""), with: "")
      switch entry.outcome {
      case .fetched(let format, _): return "\(url) \(format?.rawValue ?? "?")"
      case .reread(let format, _): return "\(url) again \(format?.rawValue ?? "?")"
      case .notModified: return "\(url) not modified"
      case .failed(let reason): return "\(url) failed: \(reason.replacingOccurrences(of: server.url(""), with: ""))"
      }
    }
  }

  @Test func keepsTheBodyRecordsTheFetchAndASecondFetchIsConditional() async throws {
    let server = try LoopbackServer()
    let scratch = try ScratchWorkspace()
    let first = try await Self.run(scratch, [FetchTarget(url: server.url("/feed.xml"), name: "test-feed")])
    #expect(Self.outcomes(first, server) == ["/feed.xml rss"])
    #expect(first.imported?.newEvents == 2)
    let events = try scratch.index().events(EventQuery())
    let store = SnapshotStore(workspace: scratch.workspace)
    let entries = try store.entries()
    #expect(entries.map(\.url) == [server.url("/feed.xml")])
    #expect(entries.first?.format == "rss")
    let body = try store.body(try #require(entries.first?.sha256))
    #expect(String(decoding: body, as: UTF8.self).contains("CSTO peacekeepers train in Kazakhstan"))
    for event in events {
      let source = try #require(event.sources.first)
      #expect(source.file == nil && source.name == "test-feed" && source.role == .item)
      #expect(source.fetched?.from == server.url("/feed.xml"))
      #expect(source.fetched?.snapshot == entries.first?.sha256)
      #expect(source.url?.hasPrefix(server.url("/articles/")) == true)
    }
    let record = try scratch.recordFiles()
    let state = FetchState.load(scratch.workspace)
    #expect(state.entries[server.url("/feed.xml")]?.etag == "\"v1\"")

    let second = try await Self.run(scratch, [FetchTarget(url: server.url("/feed.xml"), name: "test-feed")])
    #expect(Self.outcomes(second, server) == ["/feed.xml not modified"])
    #expect(second.imported == nil && !second.hasProblems)
    #expect(try scratch.recordFiles() == record)
    #expect(try store.entries() == entries)
    #expect(try server.requests().filter { $0.path == "/feed.xml" }.map(\.if_none_match) == [nil, "\"v1\""])
  }

  /// A server without validators sends the same feed again: it is imported again and changes no
  /// byte of the record, and the log keeps one line for the body.
  @Test func unchangedContentChangesNoByte() async throws {
    let server = try LoopbackServer()
    let scratch = try ScratchWorkspace()
    let target = FetchTarget(url: server.url("/no-validators.xml"))
    _ = try await Self.run(scratch, [target])
    let record = try scratch.recordFiles()
    let log = try Data(contentsOf: SnapshotStore(workspace: scratch.workspace).logURL)
    let again = try await Self.run(scratch, [target])
    #expect(again.imported?.alreadyRecorded == 1)
    #expect(try scratch.recordFiles() == record)
    #expect(try Data(contentsOf: SnapshotStore(workspace: scratch.workspace).logURL) == log)
  }

  @Test func oneFailingSourceDoesNotStopTheOthers() async throws {
    let server = try LoopbackServer()
    let scratch = try ScratchWorkspace()
    let report = try await Self.run(
      scratch,
      ["/missing", "/feed.xml", "/unknown.bin", "/private/feed.xml", "/busy-long", "/flaky.jsonl"].map {
        FetchTarget(url: server.url($0))
      })
    #expect(
      Self.outcomes(report, server) == [
        "/missing failed: HTTP 404 (Not Found)",
        "/feed.xml rss",
        "/unknown.bin failed: cannot tell what it is (application/octet-stream): not a form mandate reads",
        "/private/feed.xml failed: disallowed for mandate by /robots.txt",
        "/busy-long failed: HTTP 429 (Too Many Requests): the server asks to retry after 86400 s, more than the limit of 120 s",
        "/flaky.jsonl jsonl",
      ])
    #expect(report.hasProblems)
    #expect(report.failures.count == 4)
    #expect(report.imported?.newEvents == 3)
    // The body no reader knew is kept for a later version, but not marked as fetched.
    let logged = try SnapshotStore(workspace: scratch.workspace).entries().map { "\($0.url) \($0.format ?? "-")" }
    #expect(
      logged == [
        "\(server.url("/feed.xml")) rss", "\(server.url("/unknown.bin")) -", "\(server.url("/flaky.jsonl")) jsonl",
      ])
    #expect(
      FetchState.load(scratch.workspace).entries.keys.sorted() == [server.url("/feed.xml"), server.url("/flaky.jsonl")])
  }

  /// A feed declares its encoding in its XML; a wrong charset in the HTTP header does not garble it.
  @Test func aWrongCharsetHeaderDoesNotGarbleAFeed() async throws {
    let server = try LoopbackServer()
    let scratch = try ScratchWorkspace()
    _ = try await Self.run(scratch, [FetchTarget(url: server.url("/wrong-charset.xml"), language: "ru")])
    let event = try #require(try scratch.index().events(EventQuery()).first)
    #expect(event.title == "Совет министров ОДКБ собрался в Алматы")
    #expect(event.language == "ru")
  }

  /// A page in windows-1251 that says so in its `<meta>`, served with a wrong UTF-8 header.
  @Test func aWrongCharsetHeaderDoesNotGarbleAPage() async throws {
    let server = try LoopbackServer()
    let scratch = try ScratchWorkspace()
    let report = try await Self.run(scratch, [FetchTarget(url: server.url("/cp1251.html"))])
    #expect(Self.outcomes(report, server) == ["/cp1251.html html"])
    let event = try #require(try scratch.index().events(EventQuery()).first)
    #expect(event.title == "Совет министров иностранных дел ОДКБ провёл заседание в Алматы")
    #expect(event.text.contains("таджикско-афганской границе"))
    #expect(event.language == "ru")
  }

  /// The pages of a feed's items (HTML articles): each item and its page are one event with the
  /// article's full text and both sources.
  @Test func followImportsTheFullArticleOfEachItem() async throws {
    let server = try LoopbackServer()
    let scratch = try ScratchWorkspace()
    let report = try await Self.run(scratch, [FetchTarget(url: server.url("/feed.xml"), follow: true)])
    #expect(Self.outcomes(report, server) == ["/feed.xml rss", "/articles/1.html html", "/articles/2.html html"])
    #expect(report.imported?.newEvents == 2)
    let events = try scratch.index().events(EventQuery())
    #expect(
      events.map(\.headline) == [
        "CSTO Council of Foreign Ministers meets in Almaty", "CSTO peacekeepers train in Kazakhstan",
      ])
    let council = events[0]
    #expect(council.text.contains("the ministers adopted a statement on the situation on the Tajik-Afghan border"))
    #expect(!council.text.contains("All rights reserved"))
    #expect(council.date?.description == "2024-05-23")
    #expect(
      council.sources.map { "\($0.role) \($0.fetched!.from)" }.sorted() == [
        "item \(server.url("/feed.xml"))", "main \(server.url("/articles/1.html"))",
      ])
    #expect(council.aliases.count == 1)
  }

  @Test func aKindThatDoesNotMatchFails() async throws {
    let server = try LoopbackServer()
    let scratch = try ScratchWorkspace()
    let report = try await Self.run(scratch, [FetchTarget(url: server.url("/flaky.jsonl"), kind: .feed)])
    #expect(
      Self.outcomes(report, server) == ["/flaky.jsonl failed: expected a feed (its kind in Sources.yaml), found jsonl"])
  }

  /// A feed item and the page it links to are one event: the page's article (its full text and
  /// title) with both sources, the item's id kept as an alias. A second fetch does not fetch the
  /// page again and changes nothing.
  @Test func followMakesOneEventOfAnItemAndItsPage() async throws {
    let server = try LoopbackServer()
    let scratch = try ScratchWorkspace()
    let target = FetchTarget(url: server.url("/csto-feed.xml"), name: "csto", follow: true)
    let report = try await Self.run(scratch, [target])
    let page = server.url("/csto/002_7dc5948d4aa5d35a.txt")
    #expect(Self.outcomes(report, server) == ["/csto-feed.xml rss", "/csto/002_7dc5948d4aa5d35a.txt csto-page"])
    #expect(report.entries.last?.via == server.url("/csto-feed.xml"))
    let events = try scratch.index().events(EventQuery())
    let training = try #require(events.first { $0.sources.contains { $0.role == .item } })
    #expect(training.title == "The CSTO is holding a strategic command and staff training")
    #expect(training.text.hasPrefix("In the period from 12 to 13 March 2024"))
    #expect(training.text.count > 1000)
    #expect(training.sources.map(\.role) == [.item, .main])
    #expect(training.sources.map { $0.fetched?.from } == [server.url("/csto-feed.xml"), page])
    #expect(training.sources.allSatisfy { $0.url == page && $0.name == "csto" })
    #expect(training.aliases.count == 1)
    #expect(try SnapshotStore(workspace: scratch.workspace).entries().last?.link == page)

    let record = try scratch.recordFiles()
    let again = try await Self.run(scratch, [target])
    #expect(Self.outcomes(again, server) == ["/csto-feed.xml rss"])
    #expect(try scratch.recordFiles() == record)
    #expect(try server.requests().filter { $0.path.hasPrefix("/csto/") }.count == 1)
  }

  /// A feed whose page could not be fetched keeps no validators: the next fetch gets the feed
  /// whole and tries the missing page again, not the one it has.
  @Test func aFeedWithAMissingPageIsFetchedWholeNextTime() async throws {
    let server = try LoopbackServer()
    let scratch = try ScratchWorkspace()
    let target = FetchTarget(url: server.url("/partly-broken.xml"), follow: true)
    let first = try await Self.run(scratch, [target])
    #expect(
      Self.outcomes(first, server) == [
        "/partly-broken.xml rss", "/articles/1.html html", "/gone.html failed: HTTP 404 (Not Found)",
      ])
    let second = try await Self.run(scratch, [target])
    #expect(Self.outcomes(second, server) == ["/partly-broken.xml rss", "/gone.html failed: HTTP 404 (Not Found)"])
    let requests = try server.requests()
    #expect(requests.filter { $0.path == "/partly-broken.xml" }.map(\.if_none_match) == [nil, nil])
    #expect(requests.filter { $0.path == "/articles/1.html" }.count == 1)
  }

  /// Items sharing one link (a section's address) are not followed: the page would make one
  /// event of them all.
  @Test func aLinkSharedByItemsIsNotFollowed() async throws {
    let server = try LoopbackServer()
    let scratch = try ScratchWorkspace()
    let report = try await Self.run(scratch, [FetchTarget(url: server.url("/shared-link.xml"), follow: true)])
    #expect(report.ambiguousLinks == [server.url("/section/")])
    #expect(Self.outcomes(report, server) == ["/shared-link.xml rss"])
    #expect(report.imported?.newEvents == 2)
  }

  /// The kept bodies alone give the same record again, byte for byte, without the network.
  @Test func reimportRebuildsTheRecordFromKeptBodies() async throws {
    let scratch = try ScratchWorkspace()
    do {
      let server = try LoopbackServer()
      _ = try await Self.run(
        scratch,
        [
          FetchTarget(url: server.url("/csto-feed.xml"), name: "csto", follow: true),
          FetchTarget(url: server.url("/feed.xml"), language: "en"),
        ])
    }
    let record = try scratch.recordFiles()
    try FileManager.default.removeItem(at: scratch.workspace.eventsDirectory)
    try FileManager.default.removeItem(at: scratch.workspace.stateDirectory)
    let report = try FetchRun(workspace: scratch.workspace, settings: FetcherTests.quick, today: ScratchWorkspace.today)
      .reimport()
    #expect(report.entries.count == 3 && !report.hasProblems)
    #expect(try scratch.recordFiles() == record)
  }

  @Test func reimportNamesADamagedBody() async throws {
    let scratch = try ScratchWorkspace()
    let server = try LoopbackServer()
    _ = try await Self.run(scratch, [FetchTarget(url: server.url("/feed.xml"))])
    let store = SnapshotStore(workspace: scratch.workspace)
    let address = try #require(try store.entries().first?.sha256)
    try Gzip.compress(Data("something else".utf8)).write(to: store.url(of: address))
    let report = try FetchRun(workspace: scratch.workspace, settings: FetcherTests.quick, today: ScratchWorkspace.today)
      .reimport()
    #expect(
      Self.outcomes(report, server) == [
        "/feed.xml failed: cannot read \(store.url(of: address).path): its content does not match its name (damaged)"
      ])
  }

  @Test func targetsComeFromArgumentsOrTheSourceList() throws {
    let scratch = try ScratchWorkspace()
    #expect(throws: FetchError.noSources) { try FetchRun.targets(for: [], follow: false, workspace: scratch.workspace) }
    try SourceListEditor.add(
      WatchedSource(name: "csto.int", url: "https://en.odkb-csto.org/rss/", kind: .feed, follow: true),
      workspace: scratch.workspace)
    try SourceListEditor.add(
      WatchedSource(name: "tass", url: "https://tass.com/rss/v2.xml"), workspace: scratch.workspace)
    #expect(
      try FetchRun.targets(for: [], follow: false, workspace: scratch.workspace) == [
        FetchTarget(url: "https://en.odkb-csto.org/rss/", name: "csto.int", kind: .feed, follow: true),
        FetchTarget(url: "https://tass.com/rss/v2.xml", name: "tass"),
      ])
    #expect(
      try FetchRun.targets(for: ["tass", "https://x.example/feed"], follow: true, workspace: scratch.workspace) == [
        FetchTarget(url: "https://tass.com/rss/v2.xml", name: "tass", follow: true),
        FetchTarget(url: "https://x.example/feed", follow: true),
      ])
    #expect(
      throws: FetchError.invalidAddress(
        "tas", problem: "is not a web address: `tas` (expected one starting with http:// or https://)")
    ) { try FetchRun.targets(for: ["tas"], follow: false, workspace: scratch.workspace) }
  }
}
