/// A calendar date without time or time zone, written `YYYY-MM-DD`.
///
/// Mandates, events and reports speak in days; keeping them apart from `Foundation.Date` avoids
/// time-zone drift (a tag made at 23:30 in Astana is still dated that day) and makes arithmetic exact.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// Creates a day, or nil when the combination does not exist (2024-02-30).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...Day.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses exactly `YYYY-MM-DD`; anything else (2024-1-5, 2024/01/05, 2024-02-30) is nil.
  public init?(iso text: some StringProtocol) {
    let parsed =
      text.utf8.withContiguousStorageIfAvailable { Day(isoBytes: $0) }
      ?? Array(text.utf8).withUnsafeBufferPointer { Day(isoBytes: $0) }
    guard let parsed else { return nil }
    self = parsed
  }

  /// Reads `YYYY-MM-DD` from UTF-8 bytes (a column of the index, without making a string).
  init?(isoBytes bytes: UnsafeBufferPointer<UInt8>) {
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else {
      return nil
    }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        let digit = Int(bytes[index]) - 48
        guard (0...9).contains(digit) else { return nil }
        value = value * 10 + digit
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else {
      return nil
    }
    self.init(year: year, month: month, day: day)
  }

  /// Creates the day that lies `ordinal` days after 1970-01-01.
  public init(ordinal: Int) {
    // Howard Hinnant's civil_from_days: exact for the proleptic Gregorian calendar.
    let z = ordinal + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    self.year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    self.month = month
    self.day = day
  }

  /// Days since 1970-01-01, so that differences between days are plain subtraction.
  public var ordinal: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = month > 2 ? month - 3 : month + 9
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

  /// The number of days from `self` to `other` (positive when `other` is later).
  public func days(until other: Day) -> Int { other.ordinal - ordinal }

  public var description: String {
    func pad(_ value: Int, _ width: Int) -> String {
      let text = String(value)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  public static func < (lhs: Day, rhs: Day) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  public static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// The last day of the month `self` lies in.
  public var endOfMonth: Day {
    Day(year: year, month: month, day: Day.daysIn(month: month, year: year))!
  }
}

extension Day: Codable {
  public init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let day = Day(iso: text) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "expected a date YYYY-MM-DD, found \(text)")
    }
    self = day
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

/// A closed range of days, such as a mandate's term.
public struct DayRange: Hashable, Sendable, Codable {
  public var start: Day
  public var end: Day

  public init(start: Day, end: Day) {
    self.start = start
    self.end = end
  }

  public func contains(_ day: Day) -> Bool { start <= day && day <= end }

  /// The number of days covered, both ends included.
  public var length: Int { start.days(until: end) + 1 }
}
