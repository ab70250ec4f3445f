import Foundation

/// The calendar day of a date as pages write it in metadata and markup: ISO 8601 with or without time
/// and zone (the day as written, in its own zone), `2024/05/23`, `20240523`, RFC 822, a Unix time,
/// or words ("23 May 2024", "May 23, 2024", "23.05.2024", "23 мая 2024 года").
enum DateText {
  /// Days outside these years are taken for errors (a zero date, a far-future placeholder).
  static let plausibleYears = 1990...2100

  static func day(_ text: String) -> Day? {
    let trimmed = text.trimmingWhitespace
    guard !trimmed.isEmpty, trimmed.utf8.count < 200 else { return nil }
    let rfc822 = FeedDate.rfc822(trimmed).flatMap { $0.precision == .day ? $0.day : nil }
    let day = numericDay(trimmed) ?? rfc822 ?? epochDay(trimmed) ?? wordsDay(trimmed)
    guard let day, plausibleYears.contains(day.year) else { return nil }
    return day
  }

  /// `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD` or `YYYYMMDD` at the start, followed by nothing, a time
  /// (`T` or a space) or a zone.
  static func numericDay(_ text: String) -> Day? {
    let bytes = Array(text.utf8.prefix(11))
    func number(_ range: Range<Int>) -> Int? {
      guard range.upperBound <= bytes.count else { return nil }
      var value = 0
      for index in range {
        guard (0x30...0x39).contains(bytes[index]) else { return nil }
        value = value * 10 + Int(bytes[index] - 0x30)
      }
      return value
    }
    guard let year = number(0..<4), bytes.count >= 8 else { return nil }
    let separators: Set<UInt8> = [0x2D, 0x2F, 0x2E]
    var month: Int?
    var day: Int?
    var end: Int
    if separators.contains(bytes[4]), bytes.count >= 10, bytes[7] == bytes[4] {
      (month, day, end) = (number(5..<7), number(8..<10), 10)
    } else {
      (month, day, end) = (number(4..<6), number(6..<8), 8)
    }
    guard let month, let day else { return nil }
    if end < bytes.count, ![0x54, 0x74, 0x20, 0x2B, 0x5A].contains(bytes[end]) { return nil }
    return Day(year: year, month: month, day: day)
  }

  /// A Unix time in seconds (10 digits) or milliseconds (13), as some content systems write it.
  static func epochDay(_ text: String) -> Day? {
    guard text.count == 10 || text.count == 13, text.allSatisfy(\.isASCIIDigit), var seconds = Int(text) else {
      return nil
    }
    if text.count == 13 { seconds /= 1000 }
    return Day(ordinal: seconds / 86_400)
  }

  /// The first full day written in words or as dd.mm.yyyy.
  static func wordsDay(_ text: String) -> Day? {
    DateExtractor.mentions(in: text, referenceDate: nil).first { $0.precision == .day && !$0.yearInferred }?.start
  }

  /// The day in an address's path: `/2024/05/23/`, `/2024-05-23-slug`, `/20240523/`; nil without a full day.
  static func urlDay(_ url: String) -> Day? {
    guard let path = URL(string: url)?.path, !path.isEmpty else { return nil }
    let bytes = Array(path.utf8)
    func isDigit(_ index: Int) -> Bool { index < bytes.count && (0x30...0x39).contains(bytes[index]) }
    func number(_ start: Int, _ count: Int) -> Int? {
      guard (start..<start + count).allSatisfy(isDigit) else { return nil }
      return bytes[start..<start + count].reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }
    for start in bytes.indices where isDigit(start) && (start == 0 || !isDigit(start - 1)) {
      guard let year = number(start, 4), plausibleYears.contains(year) else { continue }
      var found: Day?
      let separator = start + 4 < bytes.count ? bytes[start + 4] : 0
      if [0x2D, 0x2F, 0x5F].contains(separator), start + 7 < bytes.count, bytes[start + 7] == separator,
        let month = number(start + 5, 2), let day = number(start + 8, 2), !isDigit(start + 10)
      {
        found = Day(year: year, month: month, day: day)
      } else if let month = number(start + 4, 2), let day = number(start + 6, 2), !isDigit(start + 8) {
        found = Day(year: year, month: month, day: day)
      }
      if let found { return found }
    }
    return nil
  }
}

extension Character {
  var isASCIIDigit: Bool { isASCII && isNumber }
}
