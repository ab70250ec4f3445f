import Dispatch

/// Runs blocking work (SQLite, file locks, the workspace) on a thread of its own rather than on
/// the few threads Swift's concurrency shares among every request.
enum Blocking {
  private static let queue = DispatchQueue(label: "mandate.web.workspace", attributes: .concurrent)

  static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      queue.async { continuation.resume(with: Result { try body() }) }
    }
  }
}
