import Foundation

/// One address to fetch, with what the analyst said about it.
public struct FetchTarget: Sendable, Equatable {
  public var url: String
  public var name: String?
  public var kind: SourceKind?
  public var language: String?
  public var follow: Bool

  public init(url: String, name: String? = nil, kind: SourceKind? = nil, language: String? = nil, follow: Bool = false)
  {
    self.url = url
    self.name = name
    self.kind = kind
    self.language = language
    self.follow = follow
  }

  public init(_ source: WatchedSource) {
    self.init(url: source.url, name: source.name, kind: source.kind, language: source.language, follow: source.follow)
  }
}

/// Progress of a fetch, for a progress line on a terminal.
public enum FetchProgress: Sendable {
  case fetching(done: Int, total: Int, url: String)
  case importing(ImportProgress)
}

/// `mandate fetch`: downloads sources, keeps every body under `Snapshots/`, and imports them in
/// one import whose sources record where and when each was fetched.
///
/// Steps: every address is fetched (conditionally when it was before; hosts in parallel, one
/// request at a time per host); each body is kept and its format read from its content and
/// Content-Type; with `follow`, the pages that a feed's items link to are fetched too; then all
/// bodies are imported, a feed before the pages of its items. Only then are the validators for
/// the next conditional request stored and the bodies logged, so that an interrupted fetch is
/// simply done again. A source that fails is reported and the others go on.
public final class FetchRun: Sendable {
  public let workspace: Workspace
  public let settings: FetchSettings
  /// The day recorded as `first_seen`.
  public let today: Day

  public init(workspace: Workspace, settings: FetchSettings, today: Day) {
    self.workspace = workspace
    self.settings = settings
    self.today = today
  }

  /// A body ready to import.
  struct Prepared: Sendable {
    var target: FetchTarget
    var body: FetchedBody
    var snapshot: String
    var format: ImportFormat?
    var file: URL
    /// The feed item link a followed page was fetched for.
    var link: String?
    var via: String?

    var origin: InputOrigin {
      InputOrigin(
        url: body.url, contentType: body.contentType, contentLanguage: body.contentLanguage,
        fetchedAt: body.fetchedAt, snapshot: snapshot, link: link, language: target.language)
    }

    var input: ImportInput {
      ImportInput(file: file, origin: origin, format: format, sourceName: target.name)
    }
  }

  public func run(_ targets: [FetchTarget], progress: (@Sendable (FetchProgress) -> Void)? = nil) async throws
    -> FetchReport
  {
    let timer = PhaseTimer("fetch")
    let scratch = try Scratch(workspace: workspace)
    let store = SnapshotStore(workspace: workspace)
    let state = FetchState.load(workspace)
    let fetcher = Fetcher(settings: settings)
    defer { fetcher.close() }
    var report = FetchReport()
    let counter = ProgressCounter(total: targets.count, progress: progress)

    let outcomes = await Self.fetchAll(
      targets.map { ($0.url, state.entries[$0.url]?.validators) }, fetcher: fetcher, counter: counter)
    timer.mark("fetch")
    var prepared: [[Prepared]] = []
    var unreadable: [Prepared] = []
    var follows: [(feed: Int, links: [String])] = []
    for (target, outcome) in zip(targets, outcomes) {
      guard
        let item = try accept(
          outcome, target: target, via: nil, store: store, scratch: scratch, into: &report, unreadable: &unreadable)
      else { continue }
      prepared.append([item])
      if target.follow, item.format == .rss || item.format == .atom {
        let (links, ambiguous) = FeedLinks.read(item, state: state, skip: Set(targets.map(\.url)))
        report.ambiguousLinks += ambiguous
        if !links.isEmpty { follows.append((prepared.count - 1, links)) }
      }
    }
    timer.mark("keep bodies")
    if !follows.isEmpty {
      let pages = follows.flatMap { follow in follow.links.map { (follow.feed, $0) } }
      counter.add(pages.count)
      let pageOutcomes = await Self.fetchAll(pages.map { ($0.1, nil) }, fetcher: fetcher, counter: counter)
      for ((feed, link), outcome) in zip(pages, pageOutcomes) {
        var target = prepared[feed][0].target
        target.url = link
        target.kind = .page
        target.follow = false
        guard
          var page = try accept(
            outcome, target: target, via: prepared[feed][0].target.url, store: store, scratch: scratch, into: &report,
            unreadable: &unreadable)
        else { continue }
        page.link = link
        prepared[feed].append(page)
      }
      // Each feed's pages right after it.
      let followed = report.entries.filter { $0.via != nil }
      report.entries = report.entries.filter { $0.via == nil }.flatMap { entry in
        [entry] + followed.filter { $0.via == entry.url }
      }
    }
    timer.mark("follow")
    // The bodies are on disk before the record names them.
    store.synchronize()
    timer.mark("flush bodies")
    let all = prepared.flatMap { $0 }
    if !all.isEmpty { report.imported = try importBodies(all, progress: progress) }
    timer.mark("import")
    try record(all, unreadable: unreadable, report: report, store: store)
    timer.mark("log and state")
    return report
  }

  /// Keeps a fetched body and readies it for the import, or reports the outcome.
  private func accept(
    _ outcome: FetchOutcome, target: FetchTarget, via: String?, store: SnapshotStore, scratch: Scratch,
    into report: inout FetchReport, unreadable: inout [Prepared]
  ) throws -> Prepared? {
    switch outcome {
    case .failed(let failure):
      report.entries.append(.init(url: target.url, via: via, outcome: .failed(failure.description)))
      return nil
    case .notModified:
      report.entries.append(.init(url: target.url, via: via, outcome: .notModified))
      return nil
    case .fetched(let body):
      let snapshot = try store.keep(body.body)
      let file = try scratch.write(body.body)
      switch BodyFormat.of(body.body, contentType: body.contentType, url: body.url, kind: target.kind) {
      case .failure(let failure):
        report.entries.append(.init(url: target.url, via: via, outcome: .failed(failure.description)))
        // Kept and logged all the same: a later version may read it (`--reimport`).
        unreadable.append(Prepared(target: target, body: body, snapshot: snapshot, format: nil, file: file, via: via))
        return nil
      case .success(let format):
        report.entries.append(
          .init(url: target.url, via: via, outcome: .fetched(format: format, bytes: body.body.count)))
        return Prepared(target: target, body: body, snapshot: snapshot, format: format, file: file, via: via)
      }
    }
  }

  func importBodies(_ prepared: [Prepared], progress: (@Sendable (FetchProgress) -> Void)?) throws -> ImportReport {
    var forward: (@Sendable (ImportProgress) -> Void)?
    if let progress { forward = { progress(.importing($0)) } }
    return try Importer(workspace: workspace).run(
      inputs: prepared.map(\.input), options: ImportOptions(today: today, continueAfterFailedInputs: true),
      progress: forward)
  }

  /// Logs the kept bodies (in the order they were fetched) and stores the validators of those
  /// that were imported, under the workspace lock.
  private func record(
    _ prepared: [Prepared], unreadable: [Prepared], report: FetchReport, store: SnapshotStore
  ) throws {
    guard !prepared.isEmpty || !unreadable.isEmpty else { return }
    let failed = Set((report.imported?.failed ?? []).map(\.path))
    // A feed with a page that could not be fetched or read keeps no validators: the next fetch
    // gets it whole and follows the links still missing (those fetched are not fetched again).
    var incomplete = Set(
      report.entries.compactMap { entry -> String? in
        if case .failed = entry.outcome { return entry.via }
        return nil
      })
    incomplete.formUnion(prepared.filter { failed.contains($0.body.url) }.compactMap(\.via))
    let lock = try WorkspaceLock(stateDirectory: workspace.stateDirectory, mode: .exclusive)
    defer { _ = lock }
    try store.log((prepared + unreadable).sorted { $0.file.path < $1.file.path }.map(entry))
    var state = FetchState.load(workspace)
    for item in prepared where !failed.contains(item.body.url) && !incomplete.contains(item.target.url) {
      state.entries[item.body.requested] = FetchState.Entry(
        etag: item.body.etag, lastModified: item.body.lastModified, snapshot: item.snapshot,
        fetched: Timestamp.format(item.body.fetchedAt))
    }
    try state.save(workspace)
  }

  func entry(_ item: Prepared) -> SnapshotEntry {
    SnapshotEntry(
      url: item.body.url, sha256: item.snapshot, fetched: Timestamp.format(item.body.fetchedAt),
      contentType: item.body.contentType, contentLanguage: item.body.contentLanguage, format: item.format?.rawValue,
      name: item.target.name, language: item.target.language, link: item.link)
  }

  /// Fetches every address, at most eight at a time (one per host: see `HostPacer`).
  static func fetchAll(_ requests: [(String, Validators?)], fetcher: Fetcher, counter: ProgressCounter) async
    -> [FetchOutcome]
  {
    await withTaskGroup(of: (Int, FetchOutcome).self) { group in
      var results = [FetchOutcome](repeating: .notModified, count: requests.count)
      var next = 0
      func start() {
        let index = next
        let (url, validators) = requests[index]
        group.addTask { (index, await fetcher.fetch(url, validators: validators)) }
        next += 1
      }
      while next < min(8, requests.count) { start() }
      while let (index, outcome) = await group.next() {
        results[index] = outcome
        counter.step(requests[index].0)
        if next < requests.count { start() }
      }
      return results
    }
  }
}

/// Counts finished fetches for the progress line.
final class ProgressCounter: @unchecked Sendable {
  private let lock = NSLock()
  private var done = 0
  private var total: Int
  private let progress: (@Sendable (FetchProgress) -> Void)?

  init(total: Int, progress: (@Sendable (FetchProgress) -> Void)?) {
    self.total = total
    self.progress = progress
  }

  func add(_ count: Int) { lock.withLock { total += count } }

  func step(_ url: String) {
    let (done, total) = lock.withLock { () -> (Int, Int) in
      self.done += 1
      return (self.done, self.total)
    }
    progress?(.fetching(done: done, total: total, url: url))
  }
}

/// A folder under `.mandate/tmp/` for the bodies being imported, removed afterwards.
final class Scratch: @unchecked Sendable {
  let directory: URL
  private var count = 0

  init(workspace: Workspace) throws {
    let parent = workspace.stateDirectory.appendingPathComponent("tmp", isDirectory: true)
    Self.removeAbandoned(in: parent)
    directory = parent.appendingPathComponent(
      "fetch-\(getpid())-\(UInt32.random(in: 0...UInt32.max))", isDirectory: true)
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    } catch {
      throw RecordError.writeFailed(path: directory.path, reason: TextFile.describe(error))
    }
  }

  deinit { try? FileManager.default.removeItem(at: directory) }

  /// Removes the folders of fetches whose process is gone (killed before it could clean up).
  static func removeAbandoned(in parent: URL) {
    for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix("fetch-")
    {
      let parts = name.split(separator: "-")
      guard parts.count == 3, let pid = pid_t(parts[1]), kill(pid, 0) != 0, errno == ESRCH else { continue }
      try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
    }
  }

  func write(_ data: Data) throws -> URL {
    count += 1
    let file = directory.appendingPathComponent(String(format: "%06d", count))
    try PlainFile.write(data, to: file)
    return file
  }
}
