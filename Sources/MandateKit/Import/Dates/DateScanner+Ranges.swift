/// Ranges of days and of months: "From April 8 to 11, 2024", "8-11 April 2024", "between 12 and 14 March",
/// "from January to March 2024", "in September-October 2024".
extension DateScanner {
  /// "September-October 2024", "from January to March 2024": month precision from the first day of the first
  /// month, with `end` on the last day of the last one.
  func monthRangeMention(_ start: Int, wordEnd: Int, floor: Int) -> Step? {
    guard let (firstMonth, monthEnd) = englishMonth(start, wordEnd),
      let connector = connectorEnd(after: monthEnd, firstStart: start, firstIsBareDay: false),
      let last = partial(at: skipSpaces(connector)), last.day == nil, let lastMonth = last.month,
      let year = last.year,
      let first = Day(year: firstMonth > lastMonth ? year - 1 : year, month: firstMonth, day: 1),
      let end = Day(year: year, month: lastMonth, day: 1)?.endOfMonth, first < end
    else { return nil }
    let (spanStart, _) = spanStart(start, .monthRange, floor: floor)
    return .found(
      Found(
        start: first, end: end, precision: .month, spanStart: spanStart, spanEnd: last.end, yearInferred: false,
        isReference: isReference(spanStart: spanStart, startsWithOn: false, isRange: true)))
  }

  /// The second half of a range after `first` ("-11", "to 11 April 2024", "and 2 April"), if there is one.
  func rangeEnd(after first: Partial) -> Partial? {
    guard first.day != nil,
      let connector = connectorEnd(after: first.end, firstStart: first.start, firstIsBareDay: first.month == nil),
      let last = partial(at: skipSpaces(connector)), last.day != nil
    else { return nil }
    return last
  }

  /// The index after the word or dash joining the two halves of a range whose first half spans
  /// `firstStart..<end`: a hyphen or dash, "to" / "till" / "until" after "from", "and" after "between" (or
  /// after a bare day, "8 and 9 April"), "through", or the Russian «по» after «с» and «и» after a bare day.
  func connectorEnd(after end: Int, firstStart: Int, firstIsBareDay: Bool) -> Int? {
    let index = skipSpaces(end)
    guard index < n else { return nil }
    if let dash = dashEnd(index) { return dash }
    guard index > end else { return nil }
    if let russian = russianTo(at: index) {
      return russianFrom(before: firstStart, floor: 0) != nil ? russian : nil
    }
    if firstIsBareDay, let and = russianAnd(at: index) { return and }
    guard Self.isLetter(p[index]) else { return nil }
    let wordEnd = wordEnd(index)
    guard skipSpaces(wordEnd) > wordEnd else { return nil }
    let opener: StaticString
    if equalsAny(index, wordEnd, Self.rangeWords) {
      opener = "from"
    } else if equals(index, wordEnd, "and") {
      if firstIsBareDay { return wordEnd }
      opener = "between"
    } else if equalsAny(index, wordEnd, Self.throughWords) {
      return wordEnd
    } else {
      return nil
    }
    // "to" and "and" make a range only after "from" / "between": "moved April 8 to 11 May" is not one.
    guard let before = wordBefore(firstStart, floor: 0), equals(before.start, before.end, opener) else { return nil }
    return wordEnd
  }

  /// Fills each half of a range from the other ("8" takes "April 2024" from "11 April 2024") and checks it.
  func combine(_ first: Partial, _ last: Partial) -> (Day, Day, Bool)? {
    guard let firstDay = first.day, let lastDay = last.day else { return nil }
    // "8, 2024 - 11 April" and "10 April 2024 - 12 participants" are not ranges.
    if first.month == nil, first.year != nil { return nil }
    if first.year != nil, last.month == nil { return nil }
    guard let firstMonth = first.month ?? last.month else { return nil }
    let lastMonth = last.month ?? firstMonth
    let firstYear: Int
    let lastYear: Int
    if let year = last.year {
      lastYear = year
      firstYear = first.year ?? (firstMonth > lastMonth ? year - 1 : year)
    } else if let year = first.year {
      firstYear = year
      lastYear = lastMonth < firstMonth ? year + 1 : year
    } else {
      guard let referenceDate, let start = Self.infer(month: firstMonth, day: firstDay, near: referenceDate) else {
        return nil
      }
      firstYear = start.year
      lastYear = lastMonth < firstMonth ? start.year + 1 : start.year
    }
    guard let start = Day(year: firstYear, month: firstMonth, day: firstDay),
      let end = Day(year: lastYear, month: lastMonth, day: lastDay), start < end, start.days(until: end) <= 366
    else { return nil }
    return (start, end, first.year == nil && last.year == nil)
  }

  static let rangeWords: [StaticString] = ["to", "till", "until"]

  static let throughWords: [StaticString] = ["through", "thru"]

  static let rangeOpeners: [StaticString] = ["from", "between"]
}
