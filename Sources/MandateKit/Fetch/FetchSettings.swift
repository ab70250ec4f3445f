import Foundation

/// How `mandate fetch` talks to servers. The defaults are a polite crawler's.
public struct FetchSettings: Sendable {
  /// Sent with every request; names mandate and its version, as crawlers should.
  public var userAgent = "mandate/\(MandateVersion.current) (news fetcher for mandate tracking)"
  /// The product token robots.txt groups are matched against.
  public var robotsAgent = "mandate"
  /// Seconds a whole response may take.
  public var timeout: Double = 30
  /// The largest body accepted, in bytes (unpacked).
  public var maxBytes = 20_000_000
  public var maxRedirects = 5
  /// Further attempts after a 5xx or 429 answer or a lost connection.
  public var retries = 2
  /// Seconds before the first retry when the server does not say (`Retry-After`); doubled for
  /// each further one.
  public var backoff: Double = 2
  /// The longest `Retry-After` (and robots.txt `Crawl-delay`) honoured, in seconds; a server
  /// asking for more fails the address.
  public var maxWait: Double = 120
  /// Seconds between two requests to the same host.
  public var delay: Double = 1
  /// Whether robots.txt is asked first.
  public var respectRobots = true

  public init() {}
}
