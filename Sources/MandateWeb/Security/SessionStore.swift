import Foundation
import MandateKit

/// One browser's session: its CSRF token, who signed in, what it recorded (for undo) and a
/// message for the next page.
struct WebSession: Sendable {
  let id: String
  /// Sent back in every form and in the `X-CSRF-Token` header of script requests.
  let csrf: String
  /// The signed-in analyst, with `--users`; nil otherwise.
  var user: String?
  let created: Date
  var lastSeen: Date
  /// Decisions recorded by this session's triage, one entry per keystroke, for `u`.
  var undo: [[Decision]] = []
  /// What the last state change did, shown once on the next page.
  var flash: [String] = []
}

/// The sessions of a server, in memory: a restart signs everyone out. A session ends after
/// `idleTimeout` without a request, and in any case `lifetime` after it began. At most
/// `capacity` are kept: beyond that, the longest idle go first, so that clients that never send
/// the cookie back (scripts, crawlers) cannot make the table grow without bound.
final class SessionStore: @unchecked Sendable {
  static let cookieName = "mandate_session"
  static let capacity = 10_000
  /// Expired sessions are swept at most this often.
  static let sweepInterval: TimeInterval = 60
  let idleTimeout: TimeInterval
  let lifetime: TimeInterval
  private let now: @Sendable () -> Date
  private let mutex = NSLock()
  private var sessions: [String: WebSession] = [:]
  private var lastSweep = Date.distantPast

  init(idleTimeout: TimeInterval, lifetime: TimeInterval, now: @escaping @Sendable () -> Date) {
    self.idleTimeout = idleTimeout
    self.lifetime = lifetime
    self.now = now
  }

  /// The live session with this id, touched; nil when unknown or expired (an expired one is
  /// dropped).
  func session(_ id: String?) -> WebSession? {
    guard let id else { return nil }
    let time = now()
    return mutex.withLock {
      guard var session = sessions[id] else { return nil }
      if time.timeIntervalSince(session.lastSeen) > idleTimeout || time.timeIntervalSince(session.created) > lifetime {
        sessions[id] = nil
        return nil
      }
      session.lastSeen = time
      sessions[id] = session
      return session
    }
  }

  /// A new session, signed in as `user` when given.
  func create(user: String? = nil) -> WebSession {
    let time = now()
    let session = WebSession(id: Self.token(), csrf: Self.token(), user: user, created: time, lastSeen: time)
    mutex.withLock {
      if time.timeIntervalSince(lastSweep) >= Self.sweepInterval || sessions.count >= Self.capacity {
        lastSweep = time
        sessions = sessions.filter {
          time.timeIntervalSince($0.value.lastSeen) <= idleTimeout
            && time.timeIntervalSince($0.value.created) <= lifetime
        }
        if sessions.count >= Self.capacity {
          let idlest = sessions.values.sorted { $0.lastSeen < $1.lastSeen }.prefix(sessions.count - Self.capacity / 2)
          for old in idlest { sessions[old.id] = nil }
        }
      }
      sessions[session.id] = session
    }
    return session
  }

  var count: Int { mutex.withLock { sessions.count } }

  /// Changes a session (its undo stack, its message); nothing when it has gone.
  func update(_ id: String, _ change: (inout WebSession) -> Void) {
    mutex.withLock {
      guard var session = sessions[id] else { return }
      change(&session)
      sessions[id] = session
    }
  }

  /// Takes the session's messages.
  func takeFlash(_ id: String) -> [String] {
    mutex.withLock {
      let messages = sessions[id]?.flash ?? []
      sessions[id]?.flash = []
      return messages
    }
  }

  func end(_ id: String) {
    mutex.withLock { sessions[id] = nil }
  }

  /// 32 random bytes from the system's generator, in URL-safe base64.
  static func token() -> String {
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
    return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
      .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
  }
}
