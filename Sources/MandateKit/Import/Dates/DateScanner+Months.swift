/// English month names, and months as dates of their own: "April 2024", "in mid-April 2024".
extension DateScanner {
  static let monthNames: [[UInt8]] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
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

  /// The English month name at `start`, checking three letters before looking for the end of the word.
  func englishMonth(at start: Int) -> (month: Int, end: Int)? {
    guard start + 2 < n, Self.monthNumber(p[start], p[start + 1], p[start + 2]) != 0 else { return nil }
    return englishMonth(start, wordEnd(start))
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

  static let monthModifiers: [StaticString] = ["early", "mid", "late"]

  static let monthPrepositions: [StaticString] = ["in", "during", "throughout"]
}
