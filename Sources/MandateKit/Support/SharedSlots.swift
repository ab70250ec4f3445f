import Foundation

/// The results of work split into shares across threads: each worker stores its share in its own
/// slot (or the first failure), and the caller collects them in share order once all are done.
final class SharedSlots<Element>: @unchecked Sendable {
  private var shares: [[Element]]
  private var failure: Error?
  private let lock = NSLock()

  init(count: Int) { shares = Array(repeating: [], count: count) }

  func store(_ rows: [Element], at share: Int) {
    lock.lock()
    shares[share] = rows
    lock.unlock()
  }

  func fail(_ error: Error) {
    lock.lock()
    failure = error
    lock.unlock()
  }

  /// Every share's rows in share order; the failure, if a worker stored one.
  func collect() throws -> [Element] {
    if let failure { throw failure }
    return shares.flatMap { $0 }
  }
}
