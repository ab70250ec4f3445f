// The parts of a page's items: which block is a title (printed again with its date), and how an item's
// blocks become paragraphs.

extension CSTOPageParser {
  /// The outcome of finding a title printed again with its date.
  struct RepeatedTitle {
    var date: Day?
  }

  /// The date when `next` is `title` printed again followed by " dd.mm.yyyy" (whitespace collapsed).
  ///
  /// The result's `date` is nil when the printed date does not exist (31.02.2024): the layout still marks
  /// the title, but the date cannot be trusted.
  static func datedRepeat(of title: CSTOPageBlock, in next: CSTOPageBlock) -> RepeatedTitle? {
    let last = next.lines[next.lines.count - 1]
    let tail = last.utf8.suffix(10)
    guard tail.count == 10, last.utf8.count > 10 else { return nil }
    var (day, month, year) = (0, 0, 0)
    for (offset, byte) in tail.enumerated() {
      if offset == 2 || offset == 5 {
        guard byte == UInt8(ascii: ".") else { return nil }
        continue
      }
      guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
      let digit = Int(byte - UInt8(ascii: "0"))
      switch offset {
      case ..<2: day = day * 10 + digit
      case ..<5: month = month * 10 + digit
      default: year = year * 10 + digit
      }
    }
    let head = Substring(last.unicodeScalars.dropLast(10))
    guard let separator = head.unicodeScalars.last, isWhitespace(separator) else { return nil }
    guard sameWords(next.lines.dropLast() + CollectionOfOne(head), title.lines[...]) else {
      return nil
    }
    return RepeatedTitle(date: Day(year: year, month: month, day: day))
  }

  /// Whether `next` is `title` printed again and cut before its date ends ("Title 12.0", or "Tit"), as
  /// the last block of a page cut short.
  static func isCutRepeat(of title: CSTOPageBlock, in next: CSTOPageBlock) -> Bool {
    var titleScalars = WordScalars(title.lines[...])
    var nextScalars = WordScalars(next.lines[...])
    var same = 0
    while let scalar = titleScalars.next() {
      guard let other = nextScalars.next() else { return same > 0 && looksLikeTitle(title) }
      guard other == scalar else { return false }
      same += 1
    }
    // What follows the title's words may only be the start of " dd.mm.yyyy".
    var rest = String.UnicodeScalarView()
    while let scalar = nextScalars.next() {
      rest.append(scalar)
      if rest.count > 11 { return false }
    }
    guard let first = rest.first else { return true }
    let pattern = Array(" 00.00.0000".unicodeScalars)
    return first == " "
      && zip(rest, pattern).allSatisfy { scalar, shape in
        shape == "0" ? ("0"..."9").contains(scalar) : scalar == shape
      }
  }

  /// Whether a block can be a headline: short, not a list item, without sentence-ending punctuation.
  static func looksLikeTitle(_ block: CSTOPageBlock) -> Bool {
    let text = block.lines
    guard let first = text.first, !isListItem(first) else { return false }
    let length = text.reduce(0) { $0 + $1.unicodeScalars.count }
    guard length <= 300, let end = lastSignificantScalar(of: text.last!) else { return false }
    // A colon or semicolon ends a lead-in or a list item, never a headline.
    return !".!?…:;".unicodeScalars.contains(end)
  }

  // MARK: Body

  /// The item's paragraphs: each line is a paragraph, except list lines ("- …"), which stay with the line
  /// above them, because some pages separate paragraphs by single line breaks and others wrap lists that way.
  static func bodyParagraphs(_ blocks: ArraySlice<CSTOPageBlock>) -> [String] {
    var result: [String] = []
    for block in blocks {
      var current = ""
      for line in block.lines {
        if current.isEmpty {
          current = String(line)
        } else if isListItem(line) {
          current += "\n" + line
        } else {
          result.append(current)
          current = String(line)
        }
      }
      result.append(current)
    }
    return result
  }

  /// Whether a line starts with a list bullet followed by whitespace.
  static func isListItem(_ line: Substring) -> Bool {
    var scalars = line.unicodeScalars.makeIterator()
    guard let bullet = scalars.next(), "-–—•*·".unicodeScalars.contains(bullet),
      let gap = scalars.next()
    else { return false }
    return isWhitespace(gap)
  }

  /// The credit when `paragraph` is "Photo: …" or «Фото: …» (any case); nil otherwise or when nothing
  /// follows the colon.
  static func photoCredit(in paragraph: String) -> String? {
    for label in ["photo:", "фото:"] where paragraph.prefix(label.count).lowercased() == label {
      let credit = trimmed(Substring(paragraph.unicodeScalars.dropFirst(label.unicodeScalars.count)))
      return credit.isEmpty ? nil : String(credit)
    }
    return nil
  }

  /// Whether text ends like a finished sentence: with . ! ? … or with a closing quote or bracket.
  static func endsComplete(_ text: String) -> Bool {
    guard let end = text.unicodeScalars.last else { return false }
    return ".!?…".unicodeScalars.contains(end) || closers.unicodeScalars.contains(end)
  }
}
