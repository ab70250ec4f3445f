/// Byte-level readers for the pieces of a written date: numbers, month names, years and nearby words.
///
/// They all work on indices into one UTF-8 buffer because the importer runs them over up to a million bodies;
/// nothing here allocates except the rare Russian month lookup.
struct DateScanner {
  let p: UnsafeBufferPointer<UInt8>
  /// `byteTable`, borrowed once per text rather than once per candidate.
  let table: UnsafeBufferPointer<UInt32>
  let referenceDate: Day?

  var n: Int { p.count }

  /// A date as written, before missing parts are filled in: "8" of "8-11 April", "April 8", "10 April 2024".
  struct Partial {
    var day: Int?
    var month: Int?
    var year: Int?
    var start: Int
    var end: Int
  }

  /// Written years outside this window are far more likely counts, codes or prices than dates.
  static let years = 1900...2100

  // MARK: Bytes

  @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

  @inline(__always) static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

  /// Whether the character ending just before `index` is a letter or digit, i.e. `index` is inside a word.
  @inline(__always)
  func continuesWord(_ index: Int) -> Bool {
    guard index > 0 else { return false }
    let byte = p[index - 1]
    if byte < 0x80 { return Self.isLetter(byte) || Self.isDigit(byte) }
    var lead = index - 1
    while lead > 0, p[lead] & 0xC0 == 0x80, index - lead < 4 { lead -= 1 }
    // Two-byte characters from U+00C0 on are letters (Latin, Greek, Cyrillic…); C2 holds the no-break space
    // and guillemets, and three-byte characters here are quotes, dashes and direction marks.
    return (0xC3...0xDF).contains(p[lead])
  }

  /// Whether a digit run starting at `index` is a number of its own, not the tail of "A320", "1,500" or "2-55".
  @inline(__always)
  func isNumberStart(_ index: Int) -> Bool {
    if continuesWord(index) { return false }
    guard index >= 2, Self.isDigit(p[index - 2]) else { return true }
    switch p[index - 1] {
    case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "-"): return false
    default: return true
    }
  }

  @inline(__always)
  func digitRun(_ start: Int) -> (value: Int, end: Int) {
    var end = start
    var value = 0
    while end < n, Self.isDigit(p[end]) {
      // Only the first digits matter (no date part is longer); capping avoids overflow on long numbers.
      if end - start < 9 { value = value * 10 + Int(p[end] &- 0x30) }
      end += 1
    }
    return (value, end)
  }

  @inline(__always)
  func wordEnd(_ start: Int) -> Int {
    var end = start
    while end < n, Self.isLetter(p[end]) { end += 1 }
    return end
  }

  /// Whether the number ending at `end` stops there rather than going on as "2024.5", "10,5", "12:00" or "10km".
  @inline(__always)
  func numberStops(at end: Int) -> Bool {
    guard end < n else { return true }
    let byte = p[end]
    if Self.isLetter(byte) || Self.isDigit(byte) { return false }
    switch byte {
    case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "/"):
      return !(end + 1 < n && Self.isDigit(p[end + 1]))
    default: return true
    }
  }

  /// The index after the horizontal spaces at `start`; line breaks are not skipped, so dates never span lines.
  @inline(__always)
  func skipSpaces(_ start: Int) -> Int {
    var index = start
    while index < n {
      let byte = p[index]
      if byte == 0x20 || byte == 0x09 {
        index += 1
      } else if byte == 0xC2, index + 1 < n, p[index + 1] == 0xA0 {
        index += 2
      } else if byte == 0xE2, index + 2 < n, p[index + 1] == 0x80, p[index + 2] == 0xAF || p[index + 2] == 0x89 {
        index += 3
      } else {
        break
      }
    }
    return index
  }

  func skipSpacesBackward(_ end: Int, floor: Int) -> Int {
    var index = end
    while index > floor {
      let byte = p[index - 1]
      if byte == 0x20 || byte == 0x09 {
        index -= 1
      } else if byte == 0xA0, index - 2 >= floor, p[index - 2] == 0xC2 {
        index -= 2
      } else if byte == 0xAF || byte == 0x89, index - 3 >= floor, p[index - 2] == 0x80, p[index - 3] == 0xE2 {
        index -= 3
      } else {
        break
      }
    }
    return index
  }

  /// The end of a hyphen, en dash or em dash at `index`, the three ways texts write "8-11 April".
  func dashEnd(_ index: Int) -> Int? {
    guard index < n else { return nil }
    if p[index] == UInt8(ascii: "-") { return index + 1 }
    if p[index] == 0xE2, index + 2 < n, p[index + 1] == 0x80, p[index + 2] == 0x93 || p[index + 2] == 0x94 {
      return index + 3
    }
    return nil
  }

  // MARK: Words

  /// Whether the ASCII word `start..<end` is `word` (lowercase), ignoring case.
  func equals(_ start: Int, _ end: Int, _ word: StaticString) -> Bool {
    guard end - start == word.utf8CodeUnitCount else { return false }
    let letters = word.utf8Start
    for index in 0..<(end - start) where p[start + index] | 0x20 != letters[index] { return false }
    return true
  }

  func equalsAny(_ start: Int, _ end: Int, _ words: [StaticString]) -> Bool {
    words.contains { equals(start, end, $0) }
  }

  /// The ASCII word before `end`, separated from it by at least one space (or by a comma when allowed).
  func wordBefore(_ end: Int, floor: Int, allowComma: Bool = false) -> (start: Int, end: Int)? {
    var wordEnd = skipSpacesBackward(end, floor: floor)
    if allowComma, wordEnd > floor, p[wordEnd - 1] == UInt8(ascii: ",") {
      wordEnd = skipSpacesBackward(wordEnd - 1, floor: floor)
    }
    guard wordEnd < end, wordEnd > floor, Self.isLetter(p[wordEnd - 1]) else { return nil }
    var start = wordEnd - 1
    while start > floor, Self.isLetter(p[start - 1]) { start -= 1 }
    guard !continuesWord(start) else { return nil }
    return (start, wordEnd)
  }

  // MARK: Months

  static let monthNames: [[UInt8]] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
  ].map { Array($0.utf8) }

  /// Russian month names in the genitive, the form used after a day number ("10 апреля").
  static let russianMonthNames: [[UInt8]] = [
    "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
    "декабря",
  ].map { Array($0.utf8) }

  /// The month whose name starts with these three letters (any case), or 0; inlined into the scan loop.
  @inline(__always) static func monthNumber(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Int {
    let key = UInt32(first | 0x20) << 16 | UInt32(second | 0x20) << 8 | UInt32(third | 0x20)
    switch key {
    case 0x6A_616E: return 1  // jan
    case 0x66_6562: return 2  // feb
    case 0x6D_6172: return 3  // mar
    case 0x61_7072: return 4  // apr
    case 0x6D_6179: return 5  // may
    case 0x6A_756E: return 6  // jun
    case 0x6A_756C: return 7  // jul
    case 0x61_7567: return 8  // aug
    case 0x73_6570: return 9  // sep
    case 0x6F_6374: return 10  // oct
    case 0x6E_6F76: return 11  // nov
    case 0x64_6563: return 12  // dec
    default: return 0
    }
  }

  /// The month named by the ASCII word `start..<end` ("April", "apr", "Apr.", "Sept"), with the index after it.
  func englishMonth(_ start: Int, _ end: Int) -> (month: Int, end: Int)? {
    let length = end - start
    guard length >= 3, length <= 9 else { return nil }
    let month = Self.monthNumber(p[start], p[start + 1], p[start + 2])
    guard month != 0 else { return nil }
    let name = Self.monthNames[month - 1]
    let abbreviated: Bool
    if length == 3 {
      abbreviated = name.count > 3
    } else if month == 9, length == 4, p[start + 3] | 0x20 == UInt8(ascii: "t") {
      abbreviated = true
    } else if length == name.count {
      for index in 3..<length where p[start + index] | 0x20 != name[index] { return nil }
      abbreviated = false
    } else {
      return nil
    }
    // "Apr2024" or "Mayé" are not month names.
    if end < n, Self.isDigit(p[end]) || (0xC3...0xDF).contains(p[end]) { return nil }
    if abbreviated, end < n, p[end] == UInt8(ascii: ".") { return (month, end + 1) }
    return (month, end)
  }

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

  // MARK: Date parts

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

  /// The English month name at `start`, checking three letters before looking for the end of the word.
  func englishMonth(at start: Int) -> (month: Int, end: Int)? {
    guard start + 2 < n, Self.monthNumber(p[start], p[start + 1], p[start + 2]) != 0 else { return nil }
    return englishMonth(start, wordEnd(start))
  }

  /// Reads the date part starting at `start`, whichever of digits or a month name it starts with.
  func partial(at start: Int) -> Partial? {
    guard start < n else { return nil }
    if Self.isDigit(p[start]) { return partial(atDigits: start) }
    if Self.isLetter(p[start]) { return partial(atWord: start, wordEnd: wordEnd(start)) }
    return nil
  }

  /// Reads "2024-04-10", "10.04.2024", "10 April [2024]", "10th of April", "10 апреля 2024 года" or a bare "8".
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
        guard let year = yearAfter(monthEnd) else {
          return Partial(day: value, month: month, year: nil, start: start, end: monthEnd)
        }
        return Partial(day: value, month: month, year: year.year, start: start, end: russianYearWordEnd(year.end))
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
}

// MARK: - References and "today"

extension DateScanner {
  static let timeNouns: [StaticString] = [
    "morning", "afternoon", "evening", "night", "eve", "day", "days", "week", "weeks", "weekend", "beginning",
    "start", "middle", "end", "period",
  ]
  static let documentNouns: [StaticString] = [
    "decision", "agreement", "declaration", "resolution", "treaty", "treaties", "protocol", "programme", "program",
    "plan", "charter", "memorandum", "memoranda", "convention", "concept", "strategy", "strategies", "statute",
    "regulation", "decree", "letter", "document", "law",
  ]
  static let participles: [StaticString] = [
    "adopted", "signed", "approved", "ratified", "concluded", "issued", "endorsed", "enacted",
  ]
  static let auxiliaries: [StaticString] = [
    "was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "will", "would", "shall",
  ]

  /// Whether the mention whose span starts at `spanStart` points at a document rather than the event.
  ///
  /// The rule is spelled out in `DateExtractor`'s documentation; keep the two in step.
  func isReference(spanStart: Int, startsWithOn: Bool, isRange: Bool) -> Bool {
    if let word = wordBefore(spanStart, floor: 0) {
      if equals(word.start, word.end, "dated") { return true }
      if equals(word.start, word.end, "of") {
        if let noun = wordBefore(word.start, floor: 0), equalsAny(noun.start, noun.end, Self.timeNouns) {
          return false
        }
        return true
      }
      if !isRange, equals(word.start, word.end, "from"), let noun = wordBefore(word.start, floor: 0),
        isDocumentNoun(noun.start, noun.end)
      {
        return true
      }
    }
    return startsWithOn && followsDocumentParticiple(spanStart)
  }

  func isDocumentNoun(_ start: Int, _ end: Int) -> Bool {
    if equalsAny(start, end, Self.documentNouns) { return true }
    return end - start > 3 && p[end - 1] | 0x20 == UInt8(ascii: "s") && equalsAny(start, end - 1, Self.documentNouns)
  }

  /// Rule 2 of the reference rule: "<document> … adopted by … on DATE", where `on` is the index of "on".
  func followsDocumentParticiple(_ on: Int) -> Bool {
    // Sentences are short; the bound keeps a pathological run of punctuation from costing much.
    let limit = max(0, on - 600)
    var cursor = on
    for _ in 0..<12 {
      guard let word = clauseWordBefore(cursor, limit: limit), !word.comma else { return false }
      cursor = word.start
      if equalsAny(word.start, word.end, Self.auxiliaries) { return false }
      guard equalsAny(word.start, word.end, Self.participles) else { continue }
      var before = clauseWordBefore(word.start, limit: limit)
      if let adverb = before, adverb.end - adverb.start > 3, equals(adverb.end - 2, adverb.end, "ly") {
        before = clauseWordBefore(adverb.start, limit: limit)
      }
      if let before, equalsAny(before.start, before.end, Self.auxiliaries) { return false }
      return documentBefore(word.start, words: 40)
    }
    return false
  }

  /// Whether a document word or a quoted title comes within `words` words before `end` in the same sentence.
  func documentBefore(_ end: Int, words: Int) -> Bool {
    let limit = max(0, end - 600)
    var cursor = end
    for _ in 0..<words {
      guard let earlier = clauseWordBefore(cursor, limit: limit) else { return false }
      if earlier.quote || isDocumentNoun(earlier.start, earlier.end) { return true }
      cursor = earlier.start
    }
    return false
  }

  /// The ASCII word before `end` within the same sentence, and whether a quote or comma lies between them.
  ///
  /// A sentence ends at ";", "!", "?", a line break or a "." followed by a space, which is rough ("No. 5")
  /// but errs towards shorter clauses, i.e. towards treating a date as the event.
  func clauseWordBefore(_ end: Int, limit: Int) -> (start: Int, end: Int, quote: Bool, comma: Bool)? {
    var index = end
    var quote = false
    var comma = false
    while index > limit {
      let byte = p[index - 1]
      if Self.isLetter(byte) { break }
      switch byte {
      case UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"), 0x0A, 0x0D:
        return nil
      case UInt8(ascii: "."):
        if index == n || p[index] == 0x20 || p[index] == 0x0A || p[index] == 0x09 { return nil }
      case UInt8(ascii: ","):
        comma = true
      case UInt8(ascii: "\""):
        quote = true
      case 0x9C, 0x9D, 0x9E:  // “ ” „ are E2 80 9C…9E
        if index >= 3, p[index - 2] == 0x80, p[index - 3] == 0xE2 { quote = true }
      case 0xAB, 0xBB:  // « » are C2 AB and C2 BB
        if index >= 2, p[index - 2] == 0xC2 { quote = true }
      default:
        break
      }
      index -= 1
    }
    guard index > limit else { return nil }
    var start = index - 1
    while start > limit, Self.isLetter(p[start - 1]) { start -= 1 }
    return (start, index, quote, comma)
  }

  /// Whether the text says "today", "this day" or "сегодня", other than in "to this day" or "until today".
  func saysToday() -> Bool {
    let today: [UInt8] = Array("сегодня".utf8)
    var index = 0
    while index < n {
      let byte = p[index]
      if Self.isLetter(byte) {
        let end = wordEnd(index)
        if byte | 0x20 == UInt8(ascii: "t"), !continuesWord(index), end == n || p[end] < 0xC3 || p[end] > 0xDF {
          var says = equals(index, end, "today")
          if !says, equals(index, end, "this") {
            let day = skipSpaces(end)
            let dayEnd = wordEnd(day)
            says = day > end && equals(day, dayEnd, "day") && (dayEnd == n || p[dayEnd] < 0xC3 || p[dayEnd] > 0xDF)
          }
          if says {
            let before = wordBefore(index, floor: 0)
            if let before, equalsAny(before.start, before.end, Self.rangeWords) {
              index = end
              continue
            }
            return true
          }
        }
        index = end
      } else if byte == 0xD0 || byte == 0xD1, !continuesWord(index), matchesRussianToday(index, today) {
        return true
      } else {
        index += 1
      }
    }
    return false
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
