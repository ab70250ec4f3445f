import Foundation

/// A quarter: a calendar quarter (`2024Q2`) or the n-th three-month block of a mandate's term.
///
/// Quarters are half-open in spirit and closed in days: `range` holds the first and the last
/// day, and consecutive quarters share no day.
public struct Quarter: Hashable, Sendable, Comparable, Codable {
  /// 1-based: 1…4 for calendar quarters, 1…n within a term.
  public var number: Int
  public var range: DayRange
  /// `2024 Q2` for calendar quarters; `Q3` for quarters counted from a term's start.
  public var label: String
  /// `2024-Q2`: used in file names such as `Reports/kz-csto-2024/2024-Q2.md`.
  public var slug: String

  public init(number: Int, range: DayRange, label: String, slug: String) {
    self.number = number
    self.range = range
    self.label = label
    self.slug = slug
  }

  public static func < (lhs: Quarter, rhs: Quarter) -> Bool { lhs.range.start < rhs.range.start }

  /// The calendar quarter of `year` numbered `number`.
  public static func calendar(year: Int, number: Int) -> Quarter? {
    guard (1...4).contains(number), let start = Day(year: year, month: number * 3 - 2, day: 1) else { return nil }
    let end = Day(year: year, month: number * 3, day: 1)!.endOfMonth
    return Quarter(
      number: number, range: DayRange(start: start, end: end), label: "\(year) Q\(number)", slug: "\(year)-Q\(number)")
  }

  /// The calendar quarter containing `day`.
  public static func calendar(containing day: Day) -> Quarter {
    calendar(year: day.year, number: (day.month - 1) / 3 + 1)!
  }

  /// Parses `2024Q2`, `2024-Q2`, `2024 Q2` or `Q2 2024` (any case) as a calendar quarter.
  public static func parseCalendar(_ text: String) -> Quarter? {
    let cleaned = text.uppercased().replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "-", with: "")
    if cleaned.count == 6, cleaned.dropFirst(4).first == "Q", let year = Int(cleaned.prefix(4)),
      let number = Int(cleaned.suffix(1))
    {
      return calendar(year: year, number: number)
    }
    if cleaned.count == 6, cleaned.first == "Q", let number = Int(String(cleaned.dropFirst().prefix(1))),
      let year = Int(cleaned.suffix(4))
    {
      return calendar(year: year, number: number)
    }
    return nil
  }
}

/// The quarters of a mandate's term.
///
/// A term that starts on the first day of a calendar quarter uses calendar quarters (the last one
/// cut at the term's end); any other term counts three-month quarters from its first day, `Q1`
/// to `Qn`, and reports say which dates they cover.
public struct TermQuarters: Sendable, Equatable {
  public let term: DayRange
  public let quarters: [Quarter]
  public let isCalendar: Bool

  public init(term: DayRange) {
    self.term = term
    let start = term.start
    isCalendar = start.day == 1 && [1, 4, 7, 10].contains(start.month)
    var quarters: [Quarter] = []
    if isCalendar {
      var quarter = Quarter.calendar(containing: start)
      while quarter.range.start <= term.end {
        var clipped = quarter
        clipped.range.end = min(quarter.range.end, term.end)
        quarters.append(clipped)
        let next = quarter.range.end.adding(days: 1)
        quarter = Quarter.calendar(containing: next)
      }
    } else {
      var first = start
      var number = 1
      while first <= term.end {
        let next = TermQuarters.adding(months: 3, to: first, anchor: start.day)
        let last = min(next.adding(days: -1), term.end)
        quarters.append(
          Quarter(number: number, range: DayRange(start: first, end: last), label: "Q\(number)", slug: "Q\(number)"))
        first = next
        number += 1
      }
    }
    self.quarters = quarters
  }

  /// The quarter `text` names: a calendar quarter (`2024Q2`) or a term quarter (`Q2`).
  public func quarter(named text: String) -> Quarter? {
    let upper = text.uppercased().trimmingCharacters(in: .whitespaces)
    if upper.count <= 3, upper.first == "Q", let number = Int(upper.dropFirst()) { return quarters[safe: number - 1] }
    if let calendar = Quarter.parseCalendar(text) {
      return quarters.first { $0.range.start >= calendar.range.start && $0.range.start <= calendar.range.end }
    }
    return nil
  }

  /// The quarter that holds `day`, if the term does.
  public func quarter(containing day: Day) -> Quarter? {
    quarters.first { $0.range.contains(day) }
  }

  /// `day` plus `months`, keeping the anchor day of month where the month has it (Jan 31 + 1 month
  /// is Feb 29 in a leap year, then Mar 31).
  static func adding(months: Int, to day: Day, anchor: Int) -> Day {
    let total = day.year * 12 + (day.month - 1) + months
    let year = total / 12
    let month = total % 12 + 1
    return Day(year: year, month: month, day: min(anchor, Day.daysIn(month: month, year: year)))!
  }
}

extension Array {
  subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
