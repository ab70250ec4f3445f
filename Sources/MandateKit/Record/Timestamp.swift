import Foundation

/// Timestamps in the ledger: UTC, to the second (`2024-04-12T10:00:00Z`).
public enum Timestamp {
  public static func format(_ date: Date) -> String {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down))
    let day = Day(ordinal: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    let rest = seconds - day.ordinal * 86_400
    return String(format: "%@T%02d:%02d:%02dZ", day.description, rest / 3600, rest % 3600 / 60, rest % 60)
  }

  /// Parses `YYYY-MM-DDTHH:MM:SSZ` (also with an offset, or fractional seconds); nil otherwise.
  public static func parse(_ text: String) -> Date? {
    // The form mandate writes (YYYY-MM-DDTHH:MM:SSZ) without a formatter: creating one per
    // entry dominated reading a ledger of 20,000 decisions.
    if let date = utcSeconds(text) { return date }
    let formatter = ISO8601DateFormatter()
    if let date = formatter.date(from: text) { return date }
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return formatter.date(from: text)
  }

  /// `YYYY-MM-DDTHH:MM:SSZ` with a valid calendar day and time, else nil.
  static func utcSeconds(_ text: String) -> Date? {
    let bytes = Array(text.utf8)
    guard bytes.count == 20, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A,
      bytes[16] == 0x3A, bytes[19] == 0x5A
    else { return nil }
    func number(_ from: Int, _ count: Int) -> Int? {
      var value = 0
      for byte in bytes[from..<from + count] {
        guard (0x30...0x39).contains(byte) else { return nil }
        value = value * 10 + Int(byte - 0x30)
      }
      return value
    }
    guard let day = Day(iso: text.prefix(10)), let hour = number(11, 2), let minute = number(14, 2),
      let second = number(17, 2), hour < 24, minute < 60, second < 60
    else { return nil }
    return day.startDate.addingTimeInterval(Double(hour * 3600 + minute * 60 + second))
  }
}
