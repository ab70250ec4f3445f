/// Years: a year written after a day or month ("10 April 2024"), and years as dates of their own ("in 2024").
extension DateScanner {
  /// Reads " 2024" or ", 2024" at `start`: a standalone four-digit year in `years`.
  func yearAfter(_ start: Int) -> (year: Int, end: Int)? {
    var index = start
    if index < n, p[index] == UInt8(ascii: ",") { index += 1 }
    let digits = skipSpaces(index)
    guard digits > start, digits < n, Self.isDigit(p[digits]) else { return nil }
    let (value, end) = digitRun(digits)
    guard end - digits == 4, Self.years.contains(value), numberStops(at: end) else { return nil }
    return (value, end)
  }

  /// "in 2024": a four-digit year after "in", "during", "throughout" or "for", standing on its own.
  func yearMention(_ start: Int, end: Int, floor: Int) -> Found? {
    guard let word = wordBefore(start, floor: floor), equalsAny(word.start, word.end, Self.yearPrepositions) else {
      return nil
    }
    let year = digitRun(start).value
    guard Self.years.contains(year), numberStops(at: end), let date = Day(year: year, month: 1, day: 1) else {
      return nil
    }
    // "in 2024-2025", "in 2024–25" and "in 2024 April" are not the whole year 2024.
    if let dash = dashEnd(end), dash < n, Self.isDigit(p[dash]) { return nil }
    if englishMonth(at: skipSpaces(end)) != nil { return nil }
    // "the Plan of Basic Activities for 2024" names a document's year, not the event's.
    let forDocument = equals(word.start, word.end, "for") && documentBefore(word.start, words: 12)
    return Found(
      start: date, end: nil, precision: .year, spanStart: word.start, spanEnd: end, yearInferred: false,
      isReference: forDocument || isReference(spanStart: word.start, startsWithOn: false, isRange: false))
  }

  static let yearPrepositions: [StaticString] = ["in", "during", "throughout", "for"]
}
