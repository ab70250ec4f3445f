/// Calendar days from the timestamps that feeds carry, in the forms real feeds write them.
///
/// Only the date part matters to the importer, and it is taken in the timestamp's own offset: a
/// statement published at 23:59 in Moscow belongs to that Moscow day, whatever the reader's zone. So
/// the time and the zone (numeric, "GMT", "UT", the obsolete "EST"…"PDT" and military letters, or an
/// unknown name) are never needed and never checked, and a malformed one does not lose the day.
///
/// Read, in this order:
/// - RFC 822 / RFC 2822 (RSS): "Wed, 10 Apr 2024 09:30:00 +0300", without the weekday, with the full
///   weekday or month name ("Wednesday, 10 April 2024"), a two- or three-digit year ("10 Apr 24"),
///   without time or zone, with dashes ("10-Apr-2024"), month first ("Apr 10, 2024 09:30 GMT") and C's
///   asctime ("Wed Apr 10 09:30:00 2024");
/// - W3C-DTF / ISO 8601 (Atom, Dublin Core): "2024-04-10T21:00:00-05:00", "2024-04-10", and the coarser
///   "2024-04" (a month) and "2024" (a year);
/// - numeric days that feeds write in a hurry: "2024/04/10" and "10.04.2024" (day first, as in Europe).
/// Impossible days ("31 Apr 2024") give nil, as does anything else: the entry is still worth importing.
enum FeedDate {
  /// A day and how precisely the feed gave it.
  struct Stamp: Equatable {
    var day: Day
    var precision: DatePrecision
  }

  /// The day of a feed date in any of the forms above, or nil.
  static func parse(_ text: String?) -> Stamp? {
    guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
    return rfc822(text) ?? w3c(text) ?? numeric(text)
  }

  /// The day alone (see `parse`).
  static func day(_ text: String?) -> Day? { parse(text)?.day }

  /// The day of an RFC 822 date, as strictly or loosely as feeds write it.
  static func rfc822(_ text: String) -> Stamp? {
    var tokens = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == "\n" || $0 == "\r" })
      .flatMap { token -> [Substring] in
        // "10-Apr-2024", but not a zone such as "-0500".
        token.contains("-") && token.contains(where: \.isLetter) ? token.split(separator: "-") : [token]
      }
    while let first = tokens.first, weekday(first) { tokens.removeFirst() }
    guard tokens.count >= 3 else { return nil }
    let day: Int
    let month: Int
    let yearToken: Substring
    if let number = dayNumber(tokens[0]), let name = self.month(tokens[1]) {
      (day, month, yearToken) = (number, name, tokens[2])
    } else if let name = self.month(tokens[0]), let number = dayNumber(tokens[1]) {
      (day, month) = (number, name)
      // asctime puts the time before the year.
      yearToken = tokens[2].contains(":") && tokens.count >= 4 ? tokens[3] : tokens[2]
    } else {
      return nil
    }
    guard var year = number(yearToken, digits: 2...4) else { return nil }
    // RFC 2822 §4.3: two-digit years below 50 are 20xx, the rest 19xx; three digits add 1900.
    switch yearToken.count {
    case 2: year += year < 50 ? 2000 : 1900
    case 3: year += 1900
    default: break
    }
    return Day(year: year, month: month, day: day).map { Stamp(day: $0, precision: .day) }
  }

  /// The day, month or year of a W3C-DTF / ISO 8601 date: "2024", "2024-04", "2024-04-10[T…]".
  static func w3c(_ text: String) -> Stamp? {
    let scalars = Array(text.unicodeScalars)
    func digits(_ range: Range<Int>) -> Int? {
      guard range.upperBound <= scalars.count, range.allSatisfy({ ("0"..."9").contains(scalars[$0]) }) else {
        return nil
      }
      return Int(String(String.UnicodeScalarView(scalars[range])))
    }
    guard let year = digits(0..<4) else { return nil }
    if scalars.count == 4 { return Day(year: year, month: 1, day: 1).map { Stamp(day: $0, precision: .year) } }
    guard scalars[4] == "-", let month = digits(5..<7) else { return nil }
    if scalars.count == 7 { return Day(year: year, month: month, day: 1).map { Stamp(day: $0, precision: .month) } }
    guard scalars[7] == "-", let day = digits(8..<10), let date = Day(year: year, month: month, day: day) else {
      return nil
    }
    // Anything after the date must start a time part; "2024-04-10abc" is not a timestamp.
    guard scalars.count == 10 || ["T", "t", " "].contains(scalars[10]) else { return nil }
    return Stamp(day: date, precision: .day)
  }

  /// "2024/04/10" or "10.04.2024", optionally followed by a time.
  static func numeric(_ text: String) -> Stamp? {
    guard let head = text.split(separator: " ").first else { return nil }
    let slashes = head.split(separator: "/", omittingEmptySubsequences: false)
    if slashes.count == 3, slashes[0].count == 4, let year = number(slashes[0], digits: 4...4),
      let month = number(slashes[1], digits: 1...2), let day = number(slashes[2], digits: 1...2)
    {
      return Day(year: year, month: month, day: day).map { Stamp(day: $0, precision: .day) }
    }
    let dots = head.split(separator: ".", omittingEmptySubsequences: false)
    if dots.count == 3, let day = number(dots[0], digits: 1...2), let month = number(dots[1], digits: 1...2),
      let year = number(dots[2], digits: 4...4)
    {
      return Day(year: year, month: month, day: day).map { Stamp(day: $0, precision: .day) }
    }
    return nil
  }

  private static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
  private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

  /// "Wed", "Wed.", "Wednesday" (any case).
  private static func weekday(_ token: Substring) -> Bool {
    let word = token.hasSuffix(".") ? token.dropLast() : token
    guard word.count >= 3, word.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
    return weekdays.contains(word.prefix(3).lowercased())
  }

  /// "Apr", "Apr.", "April", "Sept" (any case).
  private static func month(_ token: Substring) -> Int? {
    let word = token.hasSuffix(".") ? token.dropLast() : token
    guard word.count >= 3, word.count <= 9, word.allSatisfy({ $0.isASCII && $0.isLetter }),
      let index = months.firstIndex(of: word.prefix(3).lowercased())
    else { return nil }
    return index + 1
  }

  /// A day of the month: "10", "7", "10th".
  private static func dayNumber(_ token: Substring) -> Int? {
    var digits = token
    for suffix in ["st", "nd", "rd", "th"] where token.lowercased().hasSuffix(suffix) {
      digits = token.dropLast(2)
    }
    return number(digits, digits: 1...2)
  }

  private static func number(_ token: Substring, digits: ClosedRange<Int>) -> Int? {
    guard digits.contains(token.count), token.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    return Int(token)
  }
}
