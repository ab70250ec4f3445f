/// Finding where a date may start, and handing each start to the reader of its family.
extension DateScanner {
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

  /// Four tables of 256 ten-bit masks, one per role a byte plays around a possible start; a date may start at
  /// a byte when the AND of its four masks is not zero.
  ///
  /// Role 0, the byte itself: bit 8 for a digit, bit g for month initial number g of "adfjmnos", bit 9 for the
  /// lead byte of a Russian letter. Role 1, the next byte: bit g when it can follow initial g (ap, au, de, fe, ja,
  /// ju, ma, no, oc, se), bit 9 when it ends a Russian month name's first letter (а, д, и, м, н, о, с, ф, я in
  /// either case). Role 2, the byte after that: bit g when it can end a month prefix with initial g (apr, aug,
  /// dec, feb, jan, jun, jul, mar, may, nov, oct, sep), bit 9 for a Russian letter's lead byte. Roles 1 and 2
  /// always have bit 8, as a digit needs no particular followers. Role 3, the byte before: all ones unless it is
  /// an ASCII letter or digit, without bit 9 after any byte that continues a UTF-8 sequence (the middle of a
  /// Russian word). Separate tables rather than shifted fields let each lookup fold into an AND instruction;
  /// English text never sets bit 9, so Russian month names cost it nothing.
  static let byteTable: [UInt32] = (0..<1024).map { (entry: Int) -> UInt32 in
    let (role, byte) = (entry >> 8, UInt8(entry & 0xFF))
    let isWord = byte < 0x80 && (isDigit(byte) || isLetter(byte))
    let russian: UInt32 = 1 << 9
    if role == 3 { return isWord ? 0 : byte & 0xC0 == 0x80 ? 0x1FF : 0x3FF }
    if byte >= 0x80 {
      switch role {
      case 0, 2: return (isCyrillicLead(byte) ? russian : 0) | (role == 2 ? 1 << 8 : 0)
      default: return (russianMonthInitialTails.contains(byte) ? russian : 0) | 1 << 8
      }
    }
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

  /// The second bytes of the Russian letters that start month names (а, д, и, м, н, о, с, ф, я, and А, Д,
  /// И, М, Н, О, С, Ф, Я).
  static let russianMonthInitialTails: Set<UInt8> = [
    0xB0, 0xB4, 0xB8, 0xBC, 0xBD, 0xBE, 0x81, 0x84, 0x8F, 0x90, 0x94, 0x98, 0x9C, 0x9D, 0x9E, 0xA1, 0xA4, 0xAF,
  ]

  /// The first index from `start` on where a date may begin, or `n`: a digit, the first three letters of an
  /// English month name, or the first letter of a Russian word that may be a month name, not preceded by an
  /// ASCII letter or digit.
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
    if Self.isCyrillicLead(p[index]) { return russianMonthMention(at: index, floor: floor) }
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
      if let year = yearMention(start, end: runEnd, floor: floor)
        ?? russianYearMention(start, end: runEnd, floor: floor)
      {
        return .found(year)
      }
      return .skip(to: runEnd)
    }
    guard runEnd - start <= 2, let partial = partial(atDigits: start) else { return .skip(to: runEnd) }
    return dayMention(partial, floor: floor)
  }
}
