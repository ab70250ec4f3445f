import Foundation
import Hummingbird
import Logging
import MandateKit
import NIOCore

/// `mandate serve`: runs the web workspace until the process is stopped.
public enum WebServer {
  /// The application for `site`, listening where the configuration says; `onReady` gets the
  /// port it listens on (useful with port 0).
  public static func application(
    site: WebSite, onReady: @escaping @Sendable (Int) -> Void = { _ in }
  ) -> some ApplicationProtocol {
    var logger = Logger(label: "mandate.web")
    logger.logLevel = .warning
    return Application(
      router: site.router(),
      configuration: .init(
        address: .hostname(site.configuration.host, port: site.configuration.port), serverName: nil),
      onServerRunning: { channel in onReady(channel.localAddress?.port ?? site.configuration.port) },
      logger: logger)
  }

  /// Checks the configuration, then serves until SIGINT or SIGTERM.
  public static func run(site: WebSite, onReady: @escaping @Sendable (Int) -> Void) async throws {
    try site.configuration.validate()
    try await application(site: site, onReady: onReady).runService()
  }
}
