/// "today", "this day" and "сегодня": the event happened on the day the text was published.
extension DateScanner {
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
}
