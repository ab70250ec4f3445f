import Foundation

extension FetchRun {
  /// Imports every kept body again, without the network: what `Snapshots/log.jsonl` lists, in
  /// its order, each with the origin it was fetched with. Run after extraction improves; sources
  /// keep their first fetch, so an unchanged reading changes nothing. `only`, when given, limits
  /// it to bodies served from those addresses.
  public func reimport(only: Set<String>? = nil, progress: (@Sendable (FetchProgress) -> Void)? = nil) throws
    -> FetchReport
  {
    let store = SnapshotStore(workspace: workspace)
    var entries = try store.entries()
    if let only { entries = entries.filter { only.contains($0.url) } }
    var report = FetchReport()
    guard !entries.isEmpty else { throw FetchError.nothingKept(filtered: only != nil) }
    let scratch = try Scratch(workspace: workspace)
    var prepared: [Prepared] = []
    for entry in entries {
      let body: Data
      do {
        body = try store.body(entry.sha256)
      } catch {
        report.entries.append(.init(url: entry.url, via: nil, outcome: .failed(error.localizedDescription)))
        continue
      }
      let fetchedAt = Timestamp.parse(entry.fetched) ?? Date(timeIntervalSince1970: 0)
      let fetched = FetchedBody(
        requested: entry.url, url: entry.url, status: 200, contentType: entry.contentType,
        contentLanguage: entry.contentLanguage, etag: nil, lastModified: nil, body: body, fetchedAt: fetchedAt)
      let target = FetchTarget(url: entry.url, name: entry.name, language: entry.language)
      // A format recorded at fetch time stands; a body no reader knew then is detected again.
      var format = entry.format.flatMap(ImportFormat.init(rawValue:))
      if format == nil {
        switch BodyFormat.of(body, contentType: entry.contentType, url: entry.url, kind: nil) {
        case .success(let detected): format = detected
        case .failure(let failure):
          report.entries.append(.init(url: entry.url, via: nil, outcome: .failed(failure.description)))
          continue
        }
      }
      report.entries.append(.init(url: entry.url, via: nil, outcome: .reread(format: format, bytes: body.count)))
      prepared.append(
        Prepared(
          target: target, body: fetched, snapshot: entry.sha256, format: format, file: try scratch.write(body),
          link: entry.link))
    }
    if !prepared.isEmpty { report.imported = try importBodies(prepared, progress: progress) }
    return report
  }
}

extension FetchRun {
  /// What `mandate fetch ARG...` fetches: each argument an address or the name of a watched
  /// source (whose settings then apply); without arguments, every watched source. `follow`
  /// follows the items of every feed.
  public static func targets(for arguments: [String], follow: Bool, workspace: Workspace) throws -> [FetchTarget] {
    let loaded = SourceList.load(workspace)
    guard let list = loaded.list else {
      throw FetchError.invalidSources(errors: loaded.diagnostics.filter { $0.severity == .error }.count)
    }
    var targets: [FetchTarget] = []
    if arguments.isEmpty {
      targets = list.sources.map(FetchTarget.init)
      if targets.isEmpty { throw FetchError.noSources }
    }
    for argument in arguments {
      if let source = list.source(argument) {
        targets.append(FetchTarget(source))
        continue
      }
      if let problem = SourceList.addressProblem(argument) {
        throw FetchError.invalidAddress(argument, problem: problem)
      }
      targets.append(FetchTarget(url: argument))
    }
    var seen = Set<String>()
    targets = targets.filter { seen.insert($0.url).inserted }
    if follow { for index in targets.indices { targets[index].follow = true } }
    return targets
  }
}

/// Failures of `mandate fetch` as a whole (one source failing is not one of them).
public enum FetchError: MandateError, Equatable {
  case noSources
  case nothingKept(filtered: Bool)
  case invalidSources(errors: Int)
  case invalidAddress(String, problem: String)

  public var errorDescription: String? {
    switch self {
    case .noSources:
      return
        "nothing to fetch: give addresses (mandate fetch URL...) or list sources in \(SourceList.fileName) (mandate sources add URL)"
    case .nothingKept(let filtered):
      return filtered
        ? "no kept body of those addresses in Snapshots/log.jsonl"
        : "no kept bodies to import again: Snapshots/log.jsonl is empty or missing"
    case .invalidSources(let errors):
      return
        "\(SourceList.fileName) has \(errors) error\(errors == 1 ? "" : "s"); run `mandate check` for details"
    case .invalidAddress(_, let problem):
      return "the address \(problem); give an http(s) address or the name of a source in \(SourceList.fileName)"
    }
  }
}
