import Foundation

/// Which files a kept result depends on.
public enum MemoScope: Sendable {
  /// Every file: the record, the ledgers and the mandates (reports, the ledger's picture).
  case everything
  /// The record and the mandates, not the ledgers: a triage queue is scored when it is built,
  /// as `mandate review` scores its events once at the start, and decisions made since take
  /// events off it without scoring the rest again.
  case eventsAndMandates
}

/// Results computed from a workspace, each kept with the stamp it was computed for; a result is
/// reused only while its files have that stamp. Holds a bounded number of results, dropping the
/// oldest first.
final class Memo: @unchecked Sendable {
  static let capacity = 48
  private let mutex = NSLock()
  private var entries: [String: (key: AnyHashable, value: any Sendable, age: Int)] = [:]
  private var clock = 0

  static func key(_ stamp: WorkspaceStamp, _ scope: MemoScope) -> AnyHashable {
    switch scope {
    case .everything: AnyHashable(stamp)
    case .eventsAndMandates: AnyHashable([stamp.events, stamp.mandates])
    }
  }

  func lookup<T>(_ name: String, stamp: WorkspaceStamp, scope: MemoScope = .everything) -> T? {
    mutex.withLock {
      guard let entry = entries[name], entry.key == Self.key(stamp, scope) else { return nil }
      return entry.value as? T
    }
  }

  /// The kept result, or `compute`'s, which is then kept. Two threads may compute the same
  /// result at once; both get a correct one.
  func value<T: Sendable>(
    for name: String, stamp: WorkspaceStamp, scope: MemoScope = .everything, _ compute: () throws -> T
  ) rethrows -> T {
    if let hit: T = lookup(name, stamp: stamp, scope: scope) { return hit }
    let value = try compute()
    mutex.withLock {
      clock += 1
      entries[name] = (Self.key(stamp, scope), value, clock)
      if entries.count > Self.capacity, let oldest = entries.min(by: { $0.value.age < $1.value.age })?.key {
        entries[oldest] = nil
      }
    }
    return value
  }
}
