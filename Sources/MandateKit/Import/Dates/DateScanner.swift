/// Byte-level readers for the pieces of a written date: numbers, words and the spaces between them.
///
/// They all work on indices into one UTF-8 buffer because the importer runs them over up to a million bodies;
/// nothing here allocates. Each family of dates has its own file of readers (`DateScanner+Days`, `+Ranges`,
/// `+Months`, `+Years`, `+Russian`), `DateScanner+Scan` finds where a date may start and hands it to them, and
/// `DateScanner+References` decides which mentions point at something other than the event.
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
}
