import Foundation
import MandateKit

/// How `mandate serve` runs: where it listens, who may decide, how long sessions last.
public struct WebConfiguration: Sendable {
  /// The address to listen on; 127.0.0.1 unless `--host` (which needs `users`).
  public var host: String
  /// 0 picks a free port (the server says which).
  public var port: Int
  /// Analysts who sign in (`--users FILE`); nil: one analyst, no sign-in.
  public var users: UsersFile?
  /// Who decides when there is no sign-in (`--by`, `MANDATE_USER`, git's user name).
  public var analyst: String
  /// Other names the server may be reached by (the `Host` a browser sends), beyond its address
  /// and, on the loopback interface, `localhost`.
  public var allowedHosts: [String]
  /// A session ends after this long without a request…
  public var idleTimeout: TimeInterval
  /// …and this long after it began, whatever happens.
  public var sessionLifetime: TimeInterval
  /// The clock sessions use (tests move it).
  public var now: @Sendable () -> Date

  public init(
    host: String = "127.0.0.1", port: Int = 8080, users: UsersFile? = nil, analyst: String,
    allowedHosts: [String] = [], idleTimeout: TimeInterval = 8 * 3600, sessionLifetime: TimeInterval = 7 * 86_400,
    now: @escaping @Sendable () -> Date = { MandateClock.now() }
  ) {
    self.host = host
    self.port = port
    self.users = users
    self.analyst = analyst
    self.allowedHosts = allowedHosts
    self.idleTimeout = idleTimeout
    self.sessionLifetime = sessionLifetime
    self.now = now
  }

  /// Whether `host` is an address of this machine only.
  public static func isLoopback(_ host: String) -> Bool {
    let host = host.lowercased()
    return host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
  }

  /// Refuses a configuration that would expose the workspace without sign-in.
  public func validate() throws(WebError) {
    if !Self.isLoopback(host) && users == nil { throw .publicWithoutUsers(host) }
    if !(0...65_535).contains(port) { throw .invalidPort(port) }
  }

  /// The names a request's `Host` may carry (lower case, without port).
  var hostNames: Set<String> {
    var names = Set(allowedHosts.map { $0.lowercased() })
    let own = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
    names.insert(own)
    if Self.isLoopback(host) { names.formUnion(["127.0.0.1", "localhost", "::1"]) }
    return names
  }
}

/// Failures to start the web workspace.
public enum WebError: MandateError, Equatable {
  case publicWithoutUsers(String)
  case invalidPort(Int)

  public var errorDescription: String? {
    switch self {
    case .publicWithoutUsers(let host):
      return
        "--host \(host) would let other machines decide in your name: give --users FILE so that analysts sign in (see docs/web.md)"
    case .invalidPort(let port): return "--port \(port) is not a port (0 to 65535)"
    }
  }
}
