/// Where a mention's span begins (a weekday, "on", "from", "in the period from"…) and how a found mention
/// becomes a `DateMention`.
extension DateScanner {
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

  static let periodPrepositions: [StaticString] = ["in", "during", "over", "for"]

  static let weekdays: [StaticString] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
}
