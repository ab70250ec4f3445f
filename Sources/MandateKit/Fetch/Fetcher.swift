import Foundation

/// A body fetched with a success status.
public struct FetchedBody: Sendable {
  /// The address asked for.
  public var requested: String
  /// The address that served the body, after redirects.
  public var url: String
  public var status: Int
  public var contentType: String?
  public var contentLanguage: String?
  public var etag: String?
  public var lastModified: String?
  public var body: Data
  public var fetchedAt: Date
}

/// What became of one address.
public enum FetchOutcome: Sendable {
  case fetched(FetchedBody)
  /// 304: unchanged since the validators were stored.
  case notModified
  case failed(FetchFailure)
}

/// Validators of an earlier response, for a conditional GET.
public struct Validators: Sendable, Equatable, Codable {
  public var etag: String?
  public var lastModified: String?

  public init(etag: String?, lastModified: String?) {
    self.etag = etag
    self.lastModified = lastModified
  }

  private enum CodingKeys: String, CodingKey {
    case etag
    case lastModified = "last_modified"
  }
}

/// Fetches addresses the way a well-behaved crawler does: robots.txt asked first, one request at
/// a time per host with a pause, redirects followed up to a limit and loops refused, 5xx and 429
/// answers retried after `Retry-After` or a growing pause, and conditional requests for what was
/// fetched before.
public final class Fetcher: Sendable {
  let settings: FetchSettings
  let client: HTTPClient
  private let pacer = HostPacer()
  private let robots: RobotsCache

  public init(settings: FetchSettings) {
    self.settings = settings
    client = HTTPClient(userAgent: settings.userAgent)
    robots = RobotsCache(agent: settings.robotsAgent)
  }

  /// Ends the connections once requests in flight are done.
  public func close() { client.close() }

  /// Fetches `address`, conditionally when `validators` are given.
  public func fetch(_ address: String, validators: Validators? = nil) async -> FetchOutcome {
    guard var url = URL(string: address), let scheme = url.scheme?.lowercased() else {
      return .failed(.unsupportedScheme(""))
    }
    guard scheme == "http" || scheme == "https" else { return .failed(.unsupportedScheme(scheme)) }
    var visited: Set<String> = [url.absoluteString]
    var redirects = 0
    while true {
      if settings.respectRobots {
        let verdict = await robots.verdict(for: url, fetcher: self)
        if let failure = verdict.failure { return .failed(failure) }
      }
      var headers: [String: String] = [:]
      if let etag = validators?.etag { headers["If-None-Match"] = etag }
      if let modified = validators?.lastModified { headers["If-Modified-Since"] = modified }
      let response: HTTPResponse
      switch await request(url, headers: headers) {
      case .success(let value): response = value
      case .failure(let failure): return .failed(failure)
      }
      switch response.status {
      case 301, 302, 303, 307, 308:
        guard let location = response.header("Location"), let next = URL(string: location, relativeTo: url)?.absoluteURL
        else { return .failed(.badRedirect(status: response.status)) }
        guard let scheme = next.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
          return .failed(.unsupportedScheme(next.scheme ?? ""))
        }
        if visited.contains(next.absoluteString) { return .failed(.redirectLoop(to: next.absoluteString)) }
        redirects += 1
        if redirects > settings.maxRedirects { return .failed(.tooManyRedirects(limit: settings.maxRedirects)) }
        visited.insert(next.absoluteString)
        url = next
      case 304 where validators != nil:
        return .notModified
      case 200...299:
        return .fetched(
          FetchedBody(
            requested: address, url: url.absoluteString, status: response.status,
            contentType: response.header("Content-Type"), contentLanguage: response.header("Content-Language"),
            etag: response.header("ETag"), lastModified: response.header("Last-Modified"), body: response.body,
            fetchedAt: MandateClock.now()))
      default:
        return .failed(.http(status: response.status))
      }
    }
  }

  /// One request with its retries, paced per host. A 5xx or 429 answer is retried while
  /// attempts remain and then returned as it is.
  func request(_ url: URL, headers: [String: String]) async -> Result<HTTPResponse, FetchFailure> {
    let host = Self.hostKey(url)
    var attempt = 0
    while true {
      await pacer.acquire(host)
      let result: Result<HTTPResponse, FetchFailure>
      do {
        result = .success(
          try await client.get(url, headers: headers, timeout: settings.timeout, limit: settings.maxBytes))
      } catch let failure as FetchFailure {
        result = .failure(failure)
      } catch {
        result = .failure(.transport(error))
      }
      await pacer.release(host, delay: await robots.delay(for: host, default: settings.delay, limit: settings.maxWait))
      let transient: FetchFailure?
      var wait = settings.backoff * pow(2, Double(attempt))
      switch result {
      case .success(let response) where response.status == 429 || (500...599).contains(response.status):
        transient = .http(status: response.status)
        if let asked = response.header("Retry-After").flatMap(RetryAfter.seconds) {
          if asked > settings.maxWait {
            return .failure(.retryAfterTooLong(status: response.status, seconds: asked, limit: settings.maxWait))
          }
          wait = asked
        }
      case .failure(let failure) where failure.isTransient:
        transient = failure
      default:
        transient = nil
      }
      guard transient != nil, attempt < settings.retries else { return result }
      attempt += 1
      try? await Task.sleep(for: .milliseconds(Int((wait * 1000).rounded())))
    }
  }

  /// Requests to one scheme, host and port share manners.
  static func hostKey(_ url: URL) -> String {
    "\(url.scheme?.lowercased() ?? "")://\(url.host?.lowercased() ?? "")\(url.port.map { ":\($0)" } ?? "")"
  }
}

/// `Retry-After` as seconds from now: a number of seconds or an HTTP date.
enum RetryAfter {
  static func seconds(_ value: String) -> Double? {
    let text = value.trimmingCharacters(in: .whitespaces)
    if let seconds = Double(text), seconds >= 0, seconds.isFinite { return seconds }
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
    guard let date = formatter.date(from: text) else { return nil }
    return max(0, date.timeIntervalSince(MandateClock.now()))
  }
}
