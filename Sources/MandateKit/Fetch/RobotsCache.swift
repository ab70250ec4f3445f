import Foundation

/// Each host's robots.txt, fetched once per run, and what it says about an address.
actor RobotsCache {
  struct Verdict {
    var failure: FetchFailure?
  }

  private let agent: String
  private var rules: [String: Result<RobotsTxt, FetchFailure>] = [:]
  private var loading: [String: Task<Result<RobotsTxt, FetchFailure>, Never>] = [:]

  init(agent: String) { self.agent = agent }

  func verdict(for url: URL, fetcher: Fetcher) async -> Verdict {
    let host = Fetcher.hostKey(url)
    let robotsURL = "\(host)/robots.txt"
    let result = await load(host: host, fetcher: fetcher)
    switch result {
    case .failure(let failure):
      return Verdict(failure: .robotsUnreachable(robots: robotsURL, reason: failure.description))
    case .success(let robots):
      var path = url.path.isEmpty ? "/" : url.path
      if let query = url.query { path += "?" + query }
      // robots.txt itself is always allowed.
      if path == "/robots.txt" || robots.allows(path) { return Verdict(failure: nil) }
      return Verdict(failure: .disallowed(robots: robotsURL))
    }
  }

  /// The pause the host's robots.txt asks for, when longer than `default` (at most `limit`).
  func delay(for host: String, default value: Double, limit: Double) -> Double {
    guard case .success(let robots) = rules[host], let asked = robots.crawlDelay else { return value }
    return max(value, min(asked, limit))
  }

  private func load(host: String, fetcher: Fetcher) async -> Result<RobotsTxt, FetchFailure> {
    if let known = rules[host] { return known }
    if let task = loading[host] { return await task.value }
    let agent = self.agent
    let task = Task { await Self.fetch(host: host, agent: agent, fetcher: fetcher) }
    loading[host] = task
    let result = await task.value
    rules[host] = result
    loading[host] = nil
    return result
  }

  /// RFC 9309: a 4xx answer means no rules; a 5xx answer or none at all means "disallow all".
  private static func fetch(host: String, agent: String, fetcher: Fetcher) async -> Result<RobotsTxt, FetchFailure> {
    guard var url = URL(string: "\(host)/robots.txt") else { return .success(.allowAll) }
    for _ in 0...5 {
      switch await fetcher.request(url, headers: [:]) {
      case .failure(let failure):
        if case .tooLarge = failure { return .success(.allowAll) }
        return .failure(failure)
      case .success(let response):
        switch response.status {
        case 200...299:
          return .success(RobotsTxt(String(decoding: response.body.prefix(500_000), as: UTF8.self), agent: agent))
        case 301, 302, 303, 307, 308:
          guard let location = response.header("Location"), let next = URL(string: location, relativeTo: url)
          else { return .success(.allowAll) }
          url = next.absoluteURL
        case 400...499:
          return .success(.allowAll)
        default:
          return .failure(.http(status: response.status))
        }
      }
    }
    return .success(.allowAll)
  }
}
