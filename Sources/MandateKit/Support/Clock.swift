import Foundation

/// "Now" for records (`first_seen`, a decision's `at`), overridable with `MANDATE_NOW` so that
/// tests and regenerated samples are reproducible.
public enum MandateClock {
  /// `MANDATE_NOW` as an ISO 8601 timestamp (`2024-04-12T10:00:00Z`) or date, else the system clock.
  public static func now(environment: [String: String] = ProcessInfo.processInfo.environment) -> Date {
    if let text = environment["MANDATE_NOW"] {
      if let date = ISO8601DateFormatter().date(from: text) { return date }
      if let day = Day(iso: text) { return day.startDate }
    }
    return Date()
  }

  /// Today's date in UTC, from `now`.
  public static func today(environment: [String: String] = ProcessInfo.processInfo.environment) -> Day {
    Day(date: now(environment: environment))
  }
}

extension Day {
  /// The UTC calendar day of an instant.
  public init(date: Date) {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down))
    self.init(ordinal: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
  }

  /// Midnight UTC at the start of the day.
  public var startDate: Date { Date(timeIntervalSince1970: TimeInterval(ordinal) * 86_400) }
}
