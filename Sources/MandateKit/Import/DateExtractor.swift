/// Reads the dates a news text gives, to find the day its event happened and how precisely it is known.
///
/// Publication dates lag events by days or weeks, so the importer dates an event from its own words. The
/// scanner walks the UTF-8 bytes once, stopping only at digits and at words that start like a month name,
/// because it runs over up to a million bodies (no regular expressions, no per-`Character` iteration).
///
/// Recognised (English month names in any case, full or abbreviated as "Apr", "Apr." or "Sept"):
/// - single days: "10 April 2024", "10th of April 2024", "April 10, 2024", "April 10 2024", "April 10th, 2024",
///   "10.04.2024" (always day.month.year), "2024-04-10", Russian "10 апреля 2024 года"; "10/04/2024" is never
///   read because it means different days in the US and Europe;
/// - days without a year ("On 7 February", "on May 17"): the year is taken from `referenceDate`, or the year
///   before when that would put the day more than 31 days after it; without `referenceDate` they are dropped;
/// - ranges: "From April 8 to 11, 2024", "(in the period) from 8 to 11 April 2024", "8-11 April 2024" (hyphen
///   or dash), "April 8-11, 2024", "from 30 March to 2 April 2024", "from December 30, 2023 to January 2, 2024",
///   "8 and 9 April 2024", "June 5 through 7, 2024", Russian "с 8 по 11 апреля 2024 года"; "to", "till" and
///   "until" need the "from", "and" needs "between" unless it follows a bare day;
/// - months: "April 2024", "in (early/mid/late) April 2024", "in mid-April 2024"; month ranges such as
///   "in September-October 2024" or "from January to March 2024" start on the first month's first day and, unlike
///   a single month, have `end` on the last month's last day;
/// - years: "in 2024" only after "in", "during", "throughout" or "for", so "MILEX-2023" is not a date.
/// Impossible days ("30 February 2024", "31.04.2024") are skipped whole, and dates never cross a line break.
///
/// Spans include a leading weekday ("Wednesday, 10 April 2024") and the preposition that introduces the date:
/// "on" for days, "from" / "in the period from" / "between" / "с" for ranges, "in" / "during" / "throughout"
/// (and "early", "mid", "late") for months and the required preposition for years.
///
/// A mention is a *reference* (a document or earlier decision, not the news) when
/// 1. the word right before its span is "dated"; or "of", unless "of" follows a time word such as "morning",
///    "eve", "end" or "period" ("on the morning of 10 April" is still the event); or "from" right after a
///    document word ("the decision from 23 November 2022"); or
/// 2. it is introduced by "on" and, in the same sentence, a participle (adopted, signed, approved, ratified,
///    concluded, issued, endorsed, enacted) comes before that "on" with no comma or auxiliary verb in between,
///    the participle is not itself preceded by an auxiliary (was, were, is, are, be, been, has, have, had,
///    will; "-ly" adverbs skipped), and a quoted title or a document word (decision, agreement, declaration,
///    resolution, treaty, protocol, programme, plan, charter, …) comes earlier in the sentence; or
/// 3. it is a year introduced by "for" with a document word or quoted title at most 12 words earlier in the
///    sentence ("the Plan of Basic Activities for 2024").
/// So "the decision "On measures…" adopted by the CSC on 23 November 2023" is a reference, while "An agreement
/// was signed on 10 April 2024" reports the event: there the participle is the sentence's own verb.
public enum DateExtractor {
  /// The date the text says its event happened: the first mention that is not a reference, or nil.
  ///
  /// Scanning stops at that mention, so long bodies with a dated lead cost almost nothing.
  public static func eventDate(in text: String, referenceDate: Day?) -> DateMention? {
    DateScanner.with(text, referenceDate: referenceDate) { scanner in
      var result: DateMention?
      scanner.scan { found in
        guard !found.isReference else { return true }
        result = scanner.mention(found, offset: scanner.scalarCount(from: 0, to: found.spanStart))
        return false
      }
      return result
    }
  }

  /// Every date mention in order of appearance (references included, flagged).
  ///
  /// Useful for review screens and for callers that want a later date than the first one.
  public static func mentions(in text: String, referenceDate: Day?) -> [DateMention] {
    DateScanner.with(text, referenceDate: referenceDate) { scanner in
      var result: [DateMention] = []
      var counted = 0
      var offset = 0
      scanner.scan { found in
        offset += scanner.scalarCount(from: counted, to: found.spanStart)
        counted = found.spanStart
        result.append(scanner.mention(found, offset: offset))
        return true
      }
      return result
    }
  }

  /// Whether the text says its event happens "today" / "this day" (then the caller uses the publication date).
  ///
  /// "to this day", "until today" and the like speak of duration, not of when the event happened, so they
  /// do not count; Russian "сегодня" does.
  public static func saysToday(_ text: String) -> Bool {
    DateScanner.with(text, referenceDate: nil) { $0.saysToday() }
  }
}

extension DateScanner {
  /// A mention located in the bytes; turned into a `DateMention` only when a caller wants it.
  struct Found {
    var start: Day
    var end: Day?
    var precision: DatePrecision
    var spanStart: Int
    var spanEnd: Int
    var yearInferred: Bool
    var isReference: Bool
  }

  /// What one anchor (a number or a month name) yielded: a mention, or where to resume scanning.
  enum Step {
    case found(Found)
    case skip(to: Int)
  }

  /// The shape of a mention, which decides which leading words belong to its span.
  enum Shape {
    case single, range, month, monthRange
  }

  /// Calls `body` with each mention in order of appearance until it returns false.
  func scan(_ body: (Found) -> Bool) {
    var index = 0
    var floor = 0
    while true {
      index = nextCandidate(from: index)
      guard index < n else { return }
      switch anchor(at: index, floor: floor) {
      case .found(let found):
        guard body(found) else { return }
        floor = found.spanEnd
        index = found.spanEnd
      case .skip(let next):
        index = max(next, index + 1)
      }
    }
  }

  /// Runs `body` with a scanner over the text's UTF-8 bytes, copying them only if the string is not contiguous.
  static func with<Result>(_ text: String, referenceDate: Day?, _ body: (DateScanner) -> Result) -> Result {
    byteTable.withUnsafeBufferPointer { table in
      if let result = text.utf8.withContiguousStorageIfAvailable({
        body(DateScanner(p: $0, table: table, referenceDate: referenceDate))
      }) {
        return result
      }
      return Array(text.utf8).withUnsafeBufferPointer {
        body(DateScanner(p: $0, table: table, referenceDate: referenceDate))
      }
    }
  }

  /// Four tables of 256 nine-bit masks, one per role a byte plays around a possible start; a date may start at
  /// a byte when the AND of its four masks is not zero.
  ///
  /// Role 0, the byte itself: bit 8 for a digit, bit g for month initial number g of "adfjmnos". Role 1, the next
  /// byte: bit g when it can follow initial g (ap, au, de, fe, ja, ju, ma, no, oc, se). Role 2, the byte after
  /// that: bit g when it can end a month prefix with initial g (apr, aug, dec, feb, jan, jun, jul, mar, may, nov,
  /// oct, sep). Roles 1 and 2 always have bit 8, as a digit needs no particular followers. Role 3, the byte
  /// before: all ones unless it is an ASCII letter or digit. Separate tables rather than shifted fields let each
  /// lookup fold into an AND instruction.
  static let byteTable: [UInt32] = (0..<1024).map { (entry: Int) -> UInt32 in
    let (role, byte) = (entry >> 8, UInt8(entry & 0xFF))
    let isWord = byte < 0x80 && (isDigit(byte) || isLetter(byte))
    if role == 3 { return isWord ? 0 : 0x1FF }
    if isDigit(byte) || !isWord { return role == 0 ? (isDigit(byte) ? 1 << 8 : 0) : 1 << 8 }
    let initials = Array("adfjmnos".utf8)
    let lower = byte | 0x20
    if role == 0 { return initials.firstIndex(of: lower).map { 1 << $0 } ?? 0 }
    var bits: UInt32 = 1 << 8
    for prefix in ["apr", "aug", "dec", "feb", "jan", "jun", "jul", "mar", "may", "nov", "oct", "sep"] {
      let letters = Array(prefix.utf8)
      if letters[role] == lower { bits |= 1 << initials.firstIndex(of: letters[0])! }
    }
    return bits
  }

  /// The first index from `start` on where a date may begin, or `n`: a digit, or the first three letters of a
  /// month name, not preceded by an ASCII letter or digit.
  ///
  /// This is the hot loop (most bodies have no date, or one far in): four table lookups ANDed per byte and one
  /// branch per four bytes. Letter case is folded by the table; `anchor(at:)` does the exact checks, including
  /// non-ASCII neighbours.
  func nextCandidate(from start: Int) -> Int {
    guard start < n else { return n }
    @inline(__always) func mask(_ byte: Int, _ role: Int) -> UInt32 { table[role &* 256 &+ byte] }
    @inline(__always) func byte(_ index: Int) -> Int { Int(p[index]) }
    var index = start
    // Before the text counts as a space; past its end, only a digit may start a date.
    var before = index > 0 ? byte(index - 1) : 0x20
    if index &+ 5 < n {
      var b0 = byte(index)
      var b1 = byte(index &+ 1)
      repeat {
        let b2 = byte(index &+ 2)
        let b3 = byte(index &+ 3)
        let b4 = byte(index &+ 4)
        let b5 = byte(index &+ 5)
        let h0 = mask(b0, 0) & mask(b1, 1) & mask(b2, 2) & mask(before, 3)
        let h1 = mask(b1, 0) & mask(b2, 1) & mask(b3, 2) & mask(b0, 3)
        let h2 = mask(b2, 0) & mask(b3, 1) & mask(b4, 2) & mask(b1, 3)
        let h3 = mask(b3, 0) & mask(b4, 1) & mask(b5, 2) & mask(b2, 3)
        if h0 | h1 | h2 | h3 != 0 {
          return h0 != 0 ? index : h1 != 0 ? index &+ 1 : h2 != 0 ? index &+ 2 : index &+ 3
        }
        before = b3
        b0 = b4
        b1 = b5
        index &+= 4
      } while index &+ 5 < n
    }
    while index < n {
      let digitsOnly: UInt32 = 1 << 8
      let second = index &+ 1 < n ? mask(byte(index &+ 1), 1) : digitsOnly
      let third = index &+ 2 < n ? mask(byte(index &+ 2), 2) : digitsOnly
      if mask(byte(index), 0) & second & third & mask(before, 3) != 0 { return index }
      before = byte(index)
      index &+= 1
    }
    return n
  }

  /// Reads the mention, if any, that starts with the digit or letter at `index`.
  func anchor(at index: Int, floor: Int) -> Step {
    if Self.isDigit(p[index]) {
      let runEnd = digitRun(index).end
      return isNumberStart(index) ? mention(atDigits: index, runEnd: runEnd, floor: floor) : .skip(to: runEnd)
    }
    // "many", "defense": the third letter rules out most words before their end is looked for.
    guard index + 2 < n, Self.monthNumber(p[index], p[index + 1], p[index + 2]) != 0 else {
      return .skip(to: index + 2)
    }
    let end = wordEnd(index)
    guard !continuesWord(index) else { return .skip(to: end) }
    if let partial = partial(atWord: index, wordEnd: end) {
      return partial.day == nil ? monthMention(partial, floor: floor) : dayMention(partial, floor: floor)
    }
    return monthRangeMention(index, wordEnd: end, floor: floor) ?? .skip(to: end)
  }

  func mention(atDigits start: Int, runEnd: Int, floor: Int) -> Step {
    if runEnd - start == 4 {
      if let iso = isoDate(start, year: digitRun(start).value, end: runEnd) { return dayMention(iso, floor: floor) }
      if let year = yearMention(start, end: runEnd, floor: floor) { return .found(year) }
      return .skip(to: runEnd)
    }
    guard runEnd - start <= 2, let partial = partial(atDigits: start) else { return .skip(to: runEnd) }
    return dayMention(partial, floor: floor)
  }

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

  func monthMention(_ partial: Partial, floor: Int) -> Step {
    guard let month = partial.month, let year = partial.year, let date = Day(year: year, month: month, day: 1) else {
      return .skip(to: partial.end)
    }
    let (spanStart, _) = spanStart(partial.start, .month, floor: floor)
    return .found(
      Found(
        start: date, end: nil, precision: .month, spanStart: spanStart, spanEnd: partial.end, yearInferred: false,
        isReference: isReference(spanStart: spanStart, startsWithOn: false, isRange: false)))
  }

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
  /// after a bare day, "8 and 9 April"), "through", or the Russian "по" after "с".
  func connectorEnd(after end: Int, firstStart: Int, firstIsBareDay: Bool) -> Int? {
    let index = skipSpaces(end)
    guard index < n else { return nil }
    if let dash = dashEnd(index) { return dash }
    guard index > end else { return nil }
    if let russian = russianTo(at: index) {
      return russianFrom(before: firstStart, floor: 0) != nil ? russian : nil
    }
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

  /// The day `month`/`day` most likely meant by a text published on `reference`.
  ///
  /// Texts report past or imminent events, so a day more than a month after the publication is last year's.
  static func infer(month: Int, day: Int, near reference: Day) -> Day? {
    if let date = Day(year: reference.year, month: month, day: day), reference.days(until: date) <= 31 {
      return date
    }
    return Day(year: reference.year - 1, month: month, day: day)
  }

  /// Where the span of a mention whose date starts at `start` begins, and whether it begins with "on".
  func spanStart(_ start: Int, _ shape: Shape, floor: Int) -> (Int, Bool) {
    var index = start
    if shape == .month || shape == .monthRange {
      if index - 4 >= floor, p[index - 1] == UInt8(ascii: "-"), equals(index - 4, index - 1, "mid"),
        !continuesWord(index - 4)
      {
        index -= 4
      } else if let word = wordBefore(index, floor: floor), equalsAny(word.start, word.end, Self.monthModifiers) {
        index = word.start
      }
    } else if let word = wordBefore(index, floor: floor, allowComma: true),
      equalsAny(word.start, word.end, Self.weekdays)
    {
      index = word.start
    }
    if shape == .range, let from = russianFrom(before: index, floor: floor) { return (from, false) }
    guard let word = wordBefore(index, floor: floor) else { return (index, false) }
    switch shape {
    case .single:
      if equals(word.start, word.end, "on") { return (word.start, true) }
    case .month:
      if equalsAny(word.start, word.end, Self.monthPrepositions) { return (word.start, false) }
    case .monthRange:
      if equalsAny(word.start, word.end, Self.monthPrepositions) { return (word.start, false) }
      if equalsAny(word.start, word.end, Self.rangeOpeners) { return (word.start, false) }
    case .range:
      if equals(word.start, word.end, "on") { return (word.start, true) }
      if equals(word.start, word.end, "between") { return (word.start, false) }
      if equals(word.start, word.end, "from") {
        if let period = wordBefore(word.start, floor: floor), equals(period.start, period.end, "period"),
          let the = wordBefore(period.start, floor: floor), equals(the.start, the.end, "the"),
          let preposition = wordBefore(the.start, floor: floor),
          equalsAny(preposition.start, preposition.end, Self.periodPrepositions)
        {
          return (preposition.start, false)
        }
        return (word.start, false)
      }
    }
    return (index, false)
  }

  func mention(_ found: Found, offset: Int) -> DateMention {
    DateMention(
      start: found.start, end: found.end, precision: found.precision,
      text: String(decoding: UnsafeBufferPointer(rebasing: p[found.spanStart..<found.spanEnd]), as: UTF8.self),
      offset: offset, yearInferred: found.yearInferred, isReference: found.isReference)
  }

  /// The number of Unicode scalars in `start..<end`: every byte that does not continue a UTF-8 sequence.
  func scalarCount(from start: Int, to end: Int) -> Int {
    var count = 0
    for index in start..<end where p[index] & 0xC0 != 0x80 { count += 1 }
    return count
  }

  static let rangeWords: [StaticString] = ["to", "till", "until"]
  static let throughWords: [StaticString] = ["through", "thru"]
  static let rangeOpeners: [StaticString] = ["from", "between"]
  static let monthModifiers: [StaticString] = ["early", "mid", "late"]
  static let monthPrepositions: [StaticString] = ["in", "during", "throughout"]
  static let periodPrepositions: [StaticString] = ["in", "during", "over", "for"]
  static let weekdays: [StaticString] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
  static let yearPrepositions: [StaticString] = ["in", "during", "throughout", "for"]
}
