import Foundation

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// Why one address could not be fetched: a sentence the caller prints after the address.
public enum FetchFailure: Error, Sendable, Equatable, CustomStringConvertible {
  /// The server answered with an error status (after retries, for 5xx and 429).
  case http(status: Int)
  case timeout(seconds: Double)
  case tooLarge(limit: Int)
  case redirectLoop(to: String)
  case tooManyRedirects(limit: Int)
  /// A 3xx answer without a usable `Location`.
  case badRedirect(status: Int)
  /// robots.txt disallows the address for mandate.
  case disallowed(robots: String)
  /// robots.txt could not be read, so nothing of the host may be fetched (RFC 9309: a server
  /// error or no answer means "disallow all").
  case robotsUnreachable(robots: String, reason: String)
  /// The server asked to come back later than the limit allows.
  case retryAfterTooLong(status: Int, seconds: Double, limit: Double)
  case unsupportedScheme(String)
  /// A connection-level failure (refused, unknown host, reset), described.
  case network(String)
  case protocolError(String)

  public var description: String {
    switch self {
    case .http(let status):
      return "HTTP \(status) (\(Self.phrase(status)))"
    case .timeout(let seconds):
      return "no complete response within \(Self.seconds(seconds)) (timeout)"
    case .tooLarge(let limit):
      return "the response is larger than the limit of \(ByteCount.describe(limit))"
    case .redirectLoop(let url):
      return "redirect loop: it leads back to \(url)"
    case .tooManyRedirects(let limit):
      return "more than \(limit) redirects"
    case .badRedirect(let status):
      return "HTTP \(status) redirect without a Location"
    case .disallowed(let robots):
      return "disallowed for mandate by \(robots)"
    case .robotsUnreachable(let robots, let reason):
      return "\(robots) could not be read (\(reason)), so nothing of this site is fetched"
    case .retryAfterTooLong(let status, let seconds, let limit):
      return
        "HTTP \(status) (\(Self.phrase(status))): the server asks to retry after \(Self.seconds(seconds)), more than the limit of \(Self.seconds(limit))"
    case .unsupportedScheme(let scheme):
      return
        "cannot fetch \(scheme.isEmpty ? "an address without a scheme" : "\(scheme): addresses") (only http and https)"
    case .network(let reason):
      return reason
    case .protocolError(let reason):
      return reason
    }
  }

  /// A failure from URLSession, in words.
  static func transport(_ error: any Error) -> FetchFailure {
    guard let error = error as? URLError else { return .network(error.localizedDescription) }
    switch error.code {
    case .cannotConnectToHost: return .network("connection refused")
    case .cannotFindHost, .dnsLookupFailed: return .network("unknown host")
    case .timedOut: return .network("the server stopped answering (timeout)")
    case .networkConnectionLost: return .network("the connection was lost")
    case .notConnectedToInternet: return .network("no network")
    case .badServerResponse: return .network("not a valid HTTP response")
    default: return .network(error.localizedDescription)
    }
  }

  /// Whether trying again later may succeed.
  var isTransient: Bool {
    switch self {
    case .http(let status): return status == 429 || (500...599).contains(status)
    case .network(let reason): return reason == "the connection was lost"
    default: return false
    }
  }

  static func phrase(_ status: Int) -> String {
    HTTPURLResponse.localizedString(forStatusCode: status).capitalized
  }

  static func seconds(_ value: Double) -> String {
    value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
  }
}

/// Sizes in words: "512 bytes", "4.8 kB", "20 MB".
public enum ByteCount {
  public static func describe(_ bytes: Int) -> String {
    if bytes < 1000 { return "\(bytes) bytes" }
    if bytes < 1_000_000 { return String(format: bytes % 1000 == 0 ? "%.0f kB" : "%.1f kB", Double(bytes) / 1000) }
    return String(format: bytes % 1_000_000 == 0 ? "%.0f MB" : "%.1f MB", Double(bytes) / 1_000_000)
  }
}
