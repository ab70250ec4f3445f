/// Russian dates: «10 апреля 2024 года», «10 апреля 2024 г.», «с 8 по 11 апреля», «8–11 апреля»,
/// «8 и 9 апреля», «в апреле 2024 года» and «в сентябре–октябре 2024 года» (months), «с января по
/// март 2024 года», «в 2024 году» (a year), and the year of the page: «20 июня с.г.», «в июне
/// текущего года» (also «т.г.», «этого года», «сего года»; «прошлого года» is the year before,
/// «следующего года» the year after). Which of them point at a document rather than the event is
/// `DateScanner+RussianReferences`.
///
/// Cyrillic is two bytes per letter in UTF-8 (lead byte D0 or D1), so these readers compare bytes,
/// folding case and «ё» as they go, without building strings.
extension DateScanner {
  /// Month names in the genitive («апреля», after a day), the prepositional («в апреле») and the
  /// nominative («апрель», «по март»), lower case.
  static let russianMonthForms: [[[UInt8]]] = [
    ["января", "январе", "январь"], ["февраля", "феврале", "февраль"], ["марта", "марте", "март"],
    ["апреля", "апреле", "апрель"], ["мая", "мае", "май"], ["июня", "июне", "июнь"], ["июля", "июле", "июль"],
    ["августа", "августе", "август"], ["сентября", "сентябре", "сентябрь"], ["октября", "октябре", "октябрь"],
    ["ноября", "ноябре", "ноябрь"], ["декабря", "декабре", "декабрь"],
  ].map { $0.map { Array($0.utf8) } }

  // MARK: Cyrillic words

  @inline(__always) static func isCyrillicLead(_ byte: UInt8) -> Bool { byte == 0xD0 || byte == 0xD1 }

  /// The end of the run of Russian letters starting at `start`.
  func cyrillicWordEnd(_ start: Int) -> Int {
    var end = start
    while end + 1 < n, Self.isCyrillicLead(p[end]), p[end + 1] & 0xC0 == 0x80 { end += 2 }
    return end
  }

  /// Whether the letters `start..<end` spell `word` (lower case), in any case, «ё» as «е».
  func cyrillicEquals(_ start: Int, _ end: Int, _ word: [UInt8]) -> Bool {
    guard end - start == word.count else { return false }
    var index = start
    while index + 1 < end {
      let (lead, tail) = WordScanner.foldCyrillic(p[index], p[index + 1])
      guard lead == word[index - start], tail == word[index - start + 1] else { return false }
      index += 2
    }
    return index == end
  }

  func cyrillicEqualsAny(_ start: Int, _ end: Int, _ words: [[UInt8]]) -> Bool {
    words.contains { cyrillicEquals(start, end, $0) }
  }

  /// The Russian word before `end`, separated from it by spaces, not before `floor`.
  func cyrillicWordBefore(_ end: Int, floor: Int) -> (start: Int, end: Int)? {
    let wordEnd = skipSpacesBackward(end, floor: floor)
    guard wordEnd < end, wordEnd - 2 >= floor, p[wordEnd - 1] & 0xC0 == 0x80, Self.isCyrillicLead(p[wordEnd - 2])
    else { return nil }
    var start = wordEnd - 2
    while start - 2 >= floor, Self.isCyrillicLead(p[start - 2]), p[start - 1] & 0xC0 == 0x80 { start -= 2 }
    guard !continuesWord(start) else { return nil }
    return (start, wordEnd)
  }

  // MARK: Months

  /// The month a Russian month name at `start` names, in any of its three forms, with the index
  /// after it and whether it is the genitive.
  func russianMonthWord(at start: Int) -> (month: Int, end: Int, genitive: Bool)? {
    guard start + 1 < n, Self.isCyrillicLead(p[start]) else { return nil }
    let end = cyrillicWordEnd(start)
    guard end - start >= 6, end - start <= 16 else { return nil }
    for (index, forms) in Self.russianMonthForms.enumerated() {
      for (form, name) in forms.enumerated() where cyrillicEquals(start, end, name) {
        return (index + 1, end, form == 0)
      }
    }
    return nil
  }

  /// The Russian genitive month name at `start` ("апреля", "Апреля"), with the index after it.
  func russianMonth(at start: Int) -> (month: Int, end: Int)? {
    guard let found = russianMonthWord(at: start), found.genitive else { return nil }
    return (found.month, found.end)
  }

  /// A month or a range of months named at `index` with a year: «в апреле 2024 года», «в
  /// сентябре–октябре 2024 года», «с января по март 2024 года», «в конце мая текущего года».
  func russianMonthMention(at index: Int, floor: Int) -> Step {
    let wordEnd = cyrillicWordEnd(index)
    guard wordEnd > index else { return .skip(to: index + 2) }
    guard !continuesWord(index), let first = russianMonthWord(at: index) else { return .skip(to: wordEnd) }
    var last = first
    var isRange = false
    let afterFirst = skipSpaces(first.end)
    if let dash = dashEnd(afterFirst), let second = russianMonthWord(at: skipSpaces(dash)) {
      (last, isRange) = (second, true)
    } else if afterFirst > first.end, let to = russianTo(at: afterFirst),
      russianFrom(before: index, floor: floor) != nil,
      let second = russianMonthWord(at: skipSpaces(to))
    {
      (last, isRange) = (second, true)
    }
    let year: Int
    let end: Int
    if let written = yearAfter(last.end) {
      (year, end) = (written.year, russianYearWordEnd(written.end))
    } else if let relative = russianRelativeYear(after: last.end), let referenceDate {
      (year, end) = (referenceDate.year + relative.offset, relative.end)
    } else {
      return .skip(to: last.end)
    }
    let firstYear = isRange && first.month > last.month ? year - 1 : year
    guard let start = Day(year: firstYear, month: first.month, day: 1),
      let lastDay = Day(year: year, month: last.month, day: 1)?.endOfMonth, start < lastDay
    else { return .skip(to: end) }
    let spanStart = russianMonthSpanStart(index, floor: floor)
    return .found(
      Found(
        start: start, end: isRange ? lastDay : nil, precision: .month, spanStart: spanStart, spanEnd: end,
        yearInferred: false, isReference: russianIsReference(spanStart: spanStart)))
  }

  /// Where the span of a month named at `index` begins: «в», «во», «с» (a range), or «в начале»,
  /// «в середине», «в конце», «в течение».
  func russianMonthSpanStart(_ index: Int, floor: Int) -> Int {
    if let from = russianFrom(before: index, floor: floor) { return from }
    guard let word = cyrillicWordBefore(index, floor: floor) else { return index }
    if cyrillicEqualsAny(word.start, word.end, Self.russianIn) { return word.start }
    if cyrillicEqualsAny(word.start, word.end, Self.russianMonthParts),
      let preposition = cyrillicWordBefore(word.start, floor: floor),
      cyrillicEqualsAny(preposition.start, preposition.end, Self.russianIn)
    {
      return preposition.start
    }
    return index
  }

  // MARK: Years

  /// «в 2024 году», «в 2024 г.», «в течение 2024 года»: a four-digit year after «в» or «во».
  func russianYearMention(_ start: Int, end: Int, floor: Int) -> Found? {
    guard let word = cyrillicWordBefore(start, floor: floor) else { return nil }
    var spanStart = word.start
    if cyrillicEqualsAny(word.start, word.end, Self.russianDuring) {
      guard let preposition = cyrillicWordBefore(word.start, floor: floor),
        cyrillicEqualsAny(preposition.start, preposition.end, Self.russianIn + Self.russianOn)
      else { return nil }
      spanStart = preposition.start
    } else if !cyrillicEqualsAny(word.start, word.end, Self.russianIn) {
      return nil
    }
    let year = digitRun(start).value
    guard Self.years.contains(year), numberStops(at: end), let date = Day(year: year, month: 1, day: 1) else {
      return nil
    }
    // «в 2024–2025 годах» is not the whole year 2024.
    if let dash = dashEnd(end), dash < n, Self.isDigit(p[dash]) { return nil }
    return Found(
      start: date, end: nil, precision: .year, spanStart: spanStart, spanEnd: russianYearWordEnd(end),
      yearInferred: false, isReference: russianIsReference(spanStart: spanStart))
  }

  /// The end of «года», «году», «г.» or «гг.» written after a year, or `end` when there is none.
  func russianYearWordEnd(_ end: Int) -> Int {
    let start = skipSpaces(end)
    guard start + 1 < n, p[start] == 0xD0, p[start + 1] == 0xB3 else { return end }
    let wordEnd = cyrillicWordEnd(start)
    if cyrillicEqualsAny(start, wordEnd, Self.russianYearWords) { return wordEnd }
    if wordEnd == start + 2, wordEnd < n, p[wordEnd] == UInt8(ascii: ".") { return wordEnd + 1 }
    if wordEnd == start + 4, cyrillicEquals(start, wordEnd, Array("гг".utf8)), wordEnd < n,
      p[wordEnd] == UInt8(ascii: ".")
    {
      return wordEnd + 1
    }
    return end
  }

  /// The year of the page written as words after a month or a day: «с.г.», «т.г.», «текущего
  /// года», «этого года», «сего года» (0), «прошлого года» (-1), «следующего года», «будущего
  /// года» (+1); the offset from the reference year, and the index after the words.
  func russianRelativeYear(after end: Int) -> (offset: Int, end: Int)? {
    let start = skipSpaces(end)
    guard start > end, start + 1 < n, Self.isCyrillicLead(p[start]) else { return nil }
    let wordEnd = cyrillicWordEnd(start)
    // «с.г.», «с. г.», «т.г.»: a letter, a dot, «г», a dot.
    if wordEnd == start + 2, cyrillicEqualsAny(start, wordEnd, [Array("с".utf8), Array("т".utf8)]), wordEnd < n,
      p[wordEnd] == UInt8(ascii: ".")
    {
      let g = skipSpaces(wordEnd + 1)
      guard g + 2 < n, cyrillicEquals(g, cyrillicWordEnd(g), Array("г".utf8)), p[g + 2] == UInt8(ascii: ".") else {
        return nil
      }
      return (0, g + 3)
    }
    let offset: Int
    if cyrillicEqualsAny(start, wordEnd, Self.russianThisYear) {
      offset = 0
    } else if cyrillicEquals(start, wordEnd, Array("прошлого".utf8)) {
      offset = -1
    } else if cyrillicEqualsAny(start, wordEnd, Self.russianNextYear) {
      offset = 1
    } else {
      return nil
    }
    let yearStart = skipSpaces(wordEnd)
    let yearEnd = cyrillicWordEnd(yearStart)
    guard yearStart > wordEnd, cyrillicEquals(yearStart, yearEnd, Array("года".utf8)) else { return nil }
    return (offset, yearEnd)
  }

  // MARK: Prepositions

  /// The end of the Russian "по" ("to") at `start` when a space follows, as in "с 8 по 11 апреля".
  func russianTo(at start: Int) -> Int? {
    guard start + 3 < n, p[start] == 0xD0, p[start + 1] == 0xBF, p[start + 2] == 0xD0, p[start + 3] == 0xBE,
      skipSpaces(start + 4) > start + 4
    else { return nil }
    return start + 4
  }

  /// The end of the Russian «и» ("and") at `start` when a space follows, as in «8 и 9 апреля».
  func russianAnd(at start: Int) -> Int? {
    guard start + 1 < n, p[start] == 0xD0, p[start + 1] == 0xB8 || p[start + 1] == 0x98,
      skipSpaces(start + 2) > start + 2
    else { return nil }
    return start + 2
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

  /// Whether "сегодня" (first letter in either case) is written at `start` as a whole word.
  func matchesRussianToday(_ start: Int, _ word: [UInt8]) -> Bool {
    let end = start + word.count
    guard end <= n else { return false }
    let capital = p[start] == 0xD0 && p[start + 1] == 0xA1  // С
    guard capital || (p[start] == word[0] && p[start + 1] == word[1]) else { return false }
    for index in 2..<word.count where p[start + index] != word[index] { return false }
    return end == n || !(p[end] == 0xD0 || p[end] == 0xD1)
  }

  static let russianIn: [[UInt8]] = ["в", "во"].map { Array($0.utf8) }
  static let russianOn: [[UInt8]] = ["на"].map { Array($0.utf8) }
  static let russianDuring: [[UInt8]] = ["течение", "протяжении"].map { Array($0.utf8) }
  static let russianMonthParts: [[UInt8]] = ["начале", "середине", "конце", "течение"].map { Array($0.utf8) }
  static let russianYearWords: [[UInt8]] = ["года", "году", "год"].map { Array($0.utf8) }
  static let russianThisYear: [[UInt8]] = ["текущего", "этого", "сего", "нынешнего"].map { Array($0.utf8) }
  static let russianNextYear: [[UInt8]] = ["следующего", "будущего", "предстоящего"].map { Array($0.utf8) }
}
