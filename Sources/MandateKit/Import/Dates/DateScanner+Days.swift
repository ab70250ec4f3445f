/// Single days: "10 April 2024", "April 10, 2024", "10th of April", "10.04.2024", "2024-04-10" and days
/// without a year ("on May 17", whose year comes from the reference date).
extension DateScanner {
  /// A day or a range of days starting with `first`; skips past it when the date is impossible or yearless.
  func dayMention(_ first: Partial, floor: Int) -> Step {
    if let last = rangeEnd(after: first), let (start, end, inferred) = combine(first, last) {
      let (spanStart, startsWithOn) = spanStart(first.start, .range, floor: floor)
      let reference = isReference(spanStart: spanStart, startsWithOn: startsWithOn, isRange: true)
      return .found(
        Found(
          start: start, end: end, precision: .day, spanStart: spanStart, spanEnd: last.end, yearInferred: inferred,
          isReference: reference))
    }
    guard let day = first.day, let month = first.month else { return .skip(to: first.end) }
    let date: Day
    if let year = first.year {
      guard let written = Day(year: year, month: month, day: day) else { return .skip(to: first.end) }
      date = written
    } else {
      guard let referenceDate, let inferred = Self.infer(month: month, day: day, near: referenceDate) else {
        return .skip(to: first.end)
      }
      date = inferred
    }
    let (spanStart, startsWithOn) = spanStart(first.start, .single, floor: floor)
    let reference = isReference(spanStart: spanStart, startsWithOn: startsWithOn, isRange: false)
    return .found(
      Found(
        start: date, end: nil, precision: .day, spanStart: spanStart, spanEnd: first.end,
        yearInferred: first.year == nil, isReference: reference))
  }

  /// The day `month`/`day` most likely meant by a text published on `reference`.
  ///
  /// Texts report past or imminent events, so a day more than a month after the publication is last year's.
  static func infer(month: Int, day: Int, near reference: Day) -> Day? {
    if let date = Day(year: reference.year, month: month, day: day), reference.days(until: date) <= 31 {
      return date
    }
    return Day(year: reference.year - 1, month: month, day: day)
  }

  /// Reads the date part starting at `start`, whichever of digits or a month name it starts with.
  func partial(at start: Int) -> Partial? {
    guard start < n else { return nil }
    if Self.isDigit(p[start]) { return partial(atDigits: start) }
    if Self.isLetter(p[start]) { return partial(atWord: start, wordEnd: wordEnd(start)) }
    return nil
  }

  /// Reads "2024-04-10", "10.04.2024", "10 April [2024]", "10th of April", "10 апреля 2024 года", «20 июня
  /// с.г.» or a bare "8".
  func partial(atDigits start: Int) -> Partial? {
    let (value, end) = digitRun(start)
    if end - start == 4 { return isoDate(start, year: value, end: end) }
    // Impossible days ("32 April 2024") are still read, so the whole phrase is skipped rather than leaving
    // "April 2024" behind as a month.
    guard end - start <= 2 else { return nil }
    if end + 1 < n, p[end] == UInt8(ascii: "."), Self.isDigit(p[end + 1]) {
      return numericDate(start, day: value, dot: end)
    }
    let afterDay = ordinalEnd(end)
    guard numberStops(at: afterDay) else { return nil }
    let monthStart = skipSpaces(afterDay)
    if monthStart > afterDay, monthStart < n {
      var englishStart = monthStart
      // "10th of April": only after an ordinal, so that "5 of April's meetings" stays out.
      if afterDay > end, equals(monthStart, wordEnd(monthStart), "of") {
        let afterOf = skipSpaces(monthStart + 2)
        if afterOf > monthStart + 2 { englishStart = afterOf }
      }
      if let (month, monthEnd) = englishMonth(at: englishStart) {
        let year = yearAfter(monthEnd)
        return Partial(day: value, month: month, year: year?.year, start: start, end: year?.end ?? monthEnd)
      }
      if let (month, monthEnd) = russianMonth(at: monthStart) {
        if let year = yearAfter(monthEnd) {
          return Partial(day: value, month: month, year: year.year, start: start, end: russianYearWordEnd(year.end))
        }
        // «20 июня с.г.», «20 июня текущего года»: the year of the page, never the year before.
        if let relative = russianRelativeYear(after: monthEnd) {
          return Partial(
            day: value, month: month, year: referenceDate.map { $0.year + relative.offset }, start: start,
            end: relative.end)
        }
        return Partial(day: value, month: month, year: nil, start: start, end: monthEnd)
      }
    }
    // A bare day may still carry the range's year, as "11, 2024" in "April 8-11, 2024".
    if afterDay < n, p[afterDay] == UInt8(ascii: ","), let year = yearAfter(afterDay) {
      return Partial(day: value, month: nil, year: year.year, start: start, end: year.end)
    }
    return Partial(day: value, month: nil, year: nil, start: start, end: afterDay)
  }

  /// Reads `YYYY-MM-DD` from a four-digit run; validity is checked later so an impossible date is skipped whole.
  func isoDate(_ start: Int, year: Int, end: Int) -> Partial? {
    guard end + 5 < n, p[end] == UInt8(ascii: "-"), p[end + 3] == UInt8(ascii: "-"),
      Self.isDigit(p[end + 1]), Self.isDigit(p[end + 2]), Self.isDigit(p[end + 4]), Self.isDigit(p[end + 5]),
      end + 6 == n || !Self.isDigit(p[end + 6]), Self.years.contains(year)
    else { return nil }
    let month = Int(p[end + 1] &- 0x30) * 10 + Int(p[end + 2] &- 0x30)
    let day = Int(p[end + 4] &- 0x30) * 10 + Int(p[end + 5] &- 0x30)
    return Partial(day: day, month: month, year: year, start: start, end: end + 6)
  }

  /// Reads `dd.mm.yyyy` (the CSTO site's format; day first, always), given the day and the first dot.
  func numericDate(_ start: Int, day: Int, dot: Int) -> Partial? {
    let (month, monthEnd) = digitRun(dot + 1)
    guard monthEnd - dot - 1 <= 2, monthEnd + 1 < n, p[monthEnd] == UInt8(ascii: ".") else { return nil }
    let (year, yearEnd) = digitRun(monthEnd + 1)
    guard yearEnd - monthEnd - 1 == 4, Self.years.contains(year), numberStops(at: yearEnd) else { return nil }
    return Partial(day: day, month: month, year: year, start: start, end: yearEnd)
  }

  /// Reads "April 10[, 2024]", "April 10th", "Apr. 10 2024" or the month precision "April 2024".
  func partial(atWord start: Int, wordEnd: Int) -> Partial? {
    guard let (month, monthEnd) = englishMonth(start, wordEnd) else { return nil }
    let digits = skipSpaces(monthEnd)
    guard digits > monthEnd, digits < n, Self.isDigit(p[digits]) else { return nil }
    let (value, end) = digitRun(digits)
    if end - digits == 4 {
      guard Self.years.contains(value), numberStops(at: end) else { return nil }
      return Partial(day: nil, month: month, year: value, start: start, end: end)
    }
    let afterDay = ordinalEnd(end)
    guard end - digits <= 2, numberStops(at: afterDay) else { return nil }
    let year = yearAfter(afterDay)
    return Partial(day: value, month: month, year: year?.year, start: start, end: year?.end ?? afterDay)
  }

  /// The end of an ordinal suffix ("st", "nd", "rd", "th") at `end`, or `end` when there is none.
  @inline(__always)
  func ordinalEnd(_ end: Int) -> Int {
    guard end + 1 < n else { return end }
    let (a, b) = (p[end] | 0x20, p[end + 1] | 0x20)
    let isSuffix =
      (a == UInt8(ascii: "s") && b == UInt8(ascii: "t")) || (a == UInt8(ascii: "n") && b == UInt8(ascii: "d"))
      || (a == UInt8(ascii: "r") && b == UInt8(ascii: "d")) || (a == UInt8(ascii: "t") && b == UInt8(ascii: "h"))
    guard isSuffix, end + 2 >= n || !Self.isLetter(p[end + 2]) else { return end }
    return end + 2
  }
}
