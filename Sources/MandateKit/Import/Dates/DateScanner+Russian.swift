/// Russian forms: genitive month names ("10 апреля 2024 года"), "с 8 по 11 апреля" and "сегодня".
///
/// Cyrillic is two bytes per letter in UTF-8 (lead byte D0 or D1), so these readers compare bytes
/// directly rather than going through ASCII case folding.
extension DateScanner {
  /// Russian month names in the genitive, the form used after a day number ("10 апреля").
  static let russianMonthNames: [[UInt8]] = [
    "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
    "декабря",
  ].map { Array($0.utf8) }

  /// The Russian genitive month name at `start` ("апреля", "Апреля"), with the index after it.
  func russianMonth(at start: Int) -> (month: Int, end: Int)? {
    guard start < n, p[start] == 0xD0 || p[start] == 0xD1 else { return nil }
    var lowered: [UInt8] = []
    var index = start
    while index + 1 < n, p[index] == 0xD0 || p[index] == 0xD1, p[index + 1] & 0xC0 == 0x80, lowered.count < 20 {
      var (lead, tail) = (p[index], p[index + 1])
      if lead == 0xD0, (0x90...0x9F).contains(tail) {
        tail += 0x20
      } else if lead == 0xD0, (0xA0...0xAF).contains(tail) {
        (lead, tail) = (0xD1, tail - 0x20)
      } else if lead == 0xD0, tail == 0x81 {
        (lead, tail) = (0xD1, 0x91)
      }
      lowered.append(lead)
      lowered.append(tail)
      index += 2
    }
    guard let found = Self.russianMonthNames.firstIndex(of: lowered) else { return nil }
    return (found + 1, index)
  }

  /// The end of the Russian "по" ("to") at `start` when a space follows, as in "с 8 по 11 апреля".
  func russianTo(at start: Int) -> Int? {
    guard start + 3 < n, p[start] == 0xD0, p[start + 1] == 0xBF, p[start + 2] == 0xD0, p[start + 3] == 0xBE,
      skipSpaces(start + 4) > start + 4
    else { return nil }
    return start + 4
  }

  /// The start of a Russian "с" / "С" ("from") standing as a word before `end`, separated by a space.
  func russianFrom(before end: Int, floor: Int) -> Int? {
    let wordEnd = skipSpacesBackward(end, floor: floor)
    guard wordEnd < end, wordEnd - 2 >= floor,
      (p[wordEnd - 2] == 0xD1 && p[wordEnd - 1] == 0x81) || (p[wordEnd - 2] == 0xD0 && p[wordEnd - 1] == 0xA1),
      !continuesWord(wordEnd - 2)
    else { return nil }
    return wordEnd - 2
  }

  /// The end of "года" or "г." written after a Russian year, or `end` when there is none.
  func russianYearWordEnd(_ end: Int) -> Int {
    let start = skipSpaces(end)
    guard start > end, start + 1 < n, p[start] == 0xD0, p[start + 1] == 0xB3 else { return end }
    let goda: [UInt8] = [0xD0, 0xBE, 0xD0, 0xB4, 0xD0, 0xB0]
    if start + 8 <= n, Array(p[(start + 2)..<(start + 8)]) == goda,
      start + 8 == n || !(p[start + 8] == 0xD0 || p[start + 8] == 0xD1)
    {
      return start + 8
    }
    if start + 2 < n, p[start + 2] == UInt8(ascii: ".") { return start + 3 }
    return end
  }

  /// Whether "сегодня" (first letter in either case) is written at `start` as a whole word.
  func matchesRussianToday(_ start: Int, _ word: [UInt8]) -> Bool {
    let end = start + word.count
    guard end <= n else { return false }
    let capital = p[start] == 0xD0 && p[start + 1] == 0xA1  // С
    guard capital || (p[start] == word[0] && p[start + 1] == word[1]) else { return false }
    for index in 2..<word.count where p[start + index] != word[index] { return false }
    return end == n || !(p[end] == 0xD0 || p[end] == 0xD1)
  }
}
