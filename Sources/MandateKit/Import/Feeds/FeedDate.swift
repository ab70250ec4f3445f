/// Calendar days from the timestamps that feeds carry.
///
/// Only the date part matters to the importer, and it is taken in the timestamp's own offset: a
/// statement published at 23:59 in Moscow belongs to that Moscow day, whatever the reader's zone.
enum FeedDate {
  /// The day of an RFC 822 / RFC 2822 date ("Wed, 10 Apr 2024 09:30:00 +0300"), or nil when malformed.
  ///
  /// The weekday and zone are optional and not checked against the date: feeds get them wrong often,
  /// and neither changes the calendar day we keep. A time of day is required, as in the RFC.
  static func rfc822Day(_ text: String) -> Day? {
    let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == "\n" || $0 == "\r" })
    var index = 0
    if index < tokens.count, weekday(tokens[index]) { index += 1 }
    guard tokens.count >= index + 4,
      let day = number(tokens[index], digits: 1...2),
      let month = month(tokens[index + 1]),
      var year = number(tokens[index + 2], digits: 2...4),
      isTime(tokens[index + 3])
    else { return nil }
    // RFC 2822 §4.3: two-digit years below 50 are 20xx, the rest 19xx; three digits add 1900.
    switch tokens[index + 2].count {
    case 2: year += year < 50 ? 2000 : 1900
    case 3: year += 1900
    default: break
    }
    return Day(year: year, month: month, day: day)
  }

  /// The day of an ISO 8601 / RFC 3339 timestamp ("2024-04-10T21:00:00-05:00" or "2024-04-10"), or nil.
  static func isoDay(_ text: String) -> Day? {
    let scalars = Array(text.unicodeScalars)
    guard scalars.count >= 10, let day = Day(iso: String(String.UnicodeScalarView(scalars[0..<10]))) else {
      return nil
    }
    if scalars.count == 10 { return day }
    // Anything after the date must start a time part; "2024-04-10abc" is not a timestamp.
    return ["T", "t", " "].contains(scalars[10]) ? day : nil
  }

  /// The day of a feed date in either notation, trying RFC 822 first because that is what RSS mandates.
  static func day(_ text: String?) -> Day? {
    guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
    return rfc822Day(text) ?? isoDay(text)
  }

  private static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
  private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

  private static func weekday(_ token: Substring) -> Bool {
    let lower = token.lowercased()
    return lower.count >= 3 && weekdays.contains(String(lower.prefix(3)))
      && lower.allSatisfy { $0.isASCII && $0.isLetter }
  }

  private static func month(_ token: Substring) -> Int? {
    let lower = token.lowercased()
    guard lower.count >= 3, lower.allSatisfy({ $0.isASCII && $0.isLetter }),
      let index = months.firstIndex(of: String(lower.prefix(3)))
    else { return nil }
    return index + 1
  }

  private static func number(_ token: Substring, digits: ClosedRange<Int>) -> Int? {
    guard digits.contains(token.count), token.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    return Int(token)
  }

  private static func isTime(_ token: Substring) -> Bool {
    let parts = token.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2 || parts.count == 3 else { return false }
    let limits = [23, 59, 60]
    for (part, limit) in zip(parts, limits) {
      guard let value = number(part, digits: 1...2), value <= limit else { return false }
    }
    return true
  }
}
