// Text primitives behind CSTOPageParser. They work on Unicode scalars rather than Characters so that
// zero-width and bidirectional marks are never merged into, or trimmed with, neighbouring whitespace,
// and they touch every byte of a page a bounded number of times so parsing stays linear.

extension CSTOPageParser {
  /// The outcome of finding a title printed again with its date.
  struct RepeatedTitle {
    var date: Day?
  }

  /// The footer lines, lowercased with whitespace collapsed, as `isFooterLine` compares them.
  static let footer = ["go back", "back to the section", "back to the all news"]

  // MARK: Lines

  /// Splits `text` at LF, CRLF and lone CR, trimming whitespace around every line.
  ///
  /// A trailing line break does not open an extra line, so `lines.count` is the editor's last line number.
  static func splitLines(_ text: String) -> [Substring] {
    let scalars = text.unicodeScalars
    var start = scalars.startIndex
    if start < scalars.endIndex, scalars[start] == "\u{FEFF}" {
      start = scalars.index(after: start)
    }
    var lines: [Substring] = []
    var index = start
    while index < scalars.endIndex {
      let scalar = scalars[index]
      guard scalar == "\n" || scalar == "\r" else {
        index = scalars.index(after: index)
        continue
      }
      lines.append(trimmed(Substring(scalars[start..<index])))
      index = scalars.index(after: index)
      if scalar == "\r", index < scalars.endIndex, scalars[index] == "\n" {
        index = scalars.index(after: index)
      }
      start = index
    }
    if start < scalars.endIndex {
      lines.append(trimmed(Substring(scalars[start..<scalars.endIndex])))
    }
    return lines
  }

  /// The last `count` non-blank lines of `text`, in page order, read from the end only.
  static func lastNonBlankLines(of text: String, count: Int) -> [Substring] {
    let scalars = text.unicodeScalars
    var found: [Substring] = []
    var end = scalars.endIndex
    while found.count < count, end > scalars.startIndex {
      var start = end
      while start > scalars.startIndex {
        let previous = scalars.index(before: start)
        if scalars[previous] == "\n" || scalars[previous] == "\r" { break }
        start = previous
      }
      let line = trimmed(Substring(scalars[start..<end]))
      // A CRLF yields an empty "line" between CR and LF; blank lines are skipped anyway.
      if !line.isEmpty { found.append(line) }
      guard start > scalars.startIndex else { break }
      end = scalars.index(before: start)
    }
    return found.reversed()
  }

  /// Whether `line` reads as `expected` once case and whitespace are ignored.
  static func isFooterLine(_ line: Substring, _ expected: String) -> Bool {
    // A footer line is short; skipping long lines avoids lowercasing a huge last line of a non-page.
    guard line.utf8.count <= expected.utf8.count * 4 else { return false }
    return collapsed([line]).lowercased() == expected
  }

  // MARK: Title and date

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

  /// The credit when `paragraph` is "Photo: …" (any case); nil otherwise or when nothing follows the colon.
  static func photoCredit(in paragraph: String) -> String? {
    guard paragraph.prefix(6).lowercased() == "photo:" else { return nil }
    let credit = trimmed(Substring(paragraph.unicodeScalars.dropFirst(6)))
    return credit.isEmpty ? nil : String(credit)
  }

  /// Whether text ends like a finished sentence: with . ! ? … or with a closing quote or bracket.
  static func endsComplete(_ text: String) -> Bool {
    guard let end = text.unicodeScalars.last else { return false }
    return ".!?…".unicodeScalars.contains(end) || closers.unicodeScalars.contains(end)
  }

  // MARK: Characters

  /// Closing quotes and brackets, which may follow a title's or a sentence's last word.
  static let closers = "\"'”’»)]}›」』"

  /// The last scalar of `line` that is not a closing quote or bracket.
  static func lastSignificantScalar(of line: Substring) -> Unicode.Scalar? {
    line.unicodeScalars.last { !closers.unicodeScalars.contains($0) }
  }

  /// Whitespace as Unicode defines it; zero-width and bidirectional marks are not whitespace.
  static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value < 0x80 {
      return scalar == " " || (0x09...0x0D).contains(scalar.value)
    }
    return scalar.properties.isWhitespace
  }

  /// `text` without whitespace at either end.
  static func trimmed(_ text: Substring) -> Substring {
    let scalars = text.unicodeScalars
    var start = scalars.startIndex
    var end = scalars.endIndex
    while start < end, isWhitespace(scalars[start]) { start = scalars.index(after: start) }
    while start < end {
      let previous = scalars.index(before: end)
      guard isWhitespace(scalars[previous]) else { break }
      end = previous
    }
    return Substring(scalars[start..<end])
  }

  /// Whether two runs of lines read the same once whitespace runs (line breaks included) count as one space.
  ///
  /// It compares scalar by scalar without building strings, because every dated paragraph of a page is
  /// checked against the paragraph before it.
  static func sameWords(_ left: ArraySlice<Substring>, _ right: ArraySlice<Substring>) -> Bool {
    var lhs = WordScalars(left)
    var rhs = WordScalars(right)
    while true {
      let a = lhs.next()
      guard a == rhs.next() else { return false }
      if a == nil { return true }
    }
  }

  /// The scalars of some lines with each whitespace run (line breaks included) read as one space, ends trimmed.
  struct WordScalars: IteratorProtocol {
    private var lines: ArraySlice<Substring>
    private var scalars: Substring.UnicodeScalarView.Iterator?
    private var gap = false
    private var started = false
    private var pending: Unicode.Scalar?

    init(_ lines: ArraySlice<Substring>) { self.lines = lines }

    mutating func next() -> Unicode.Scalar? {
      if let held = pending {
        pending = nil
        return held
      }
      while true {
        guard let scalar = scalars?.next() else {
          guard let line = lines.popFirst() else { return nil }
          if scalars != nil { gap = true }
          scalars = line.unicodeScalars.makeIterator()
          continue
        }
        if isWhitespace(scalar) {
          gap = true
          continue
        }
        defer { started = true }
        if gap, started {
          // Hand out the space now and hold the word's first scalar for the next call.
          gap = false
          pending = scalar
          return " "
        }
        return scalar
      }
    }
  }

  /// The parts joined with single spaces, every whitespace run reduced to one space, ends trimmed.
  static func collapsed<Parts: Sequence<Substring>>(_ parts: Parts) -> String {
    var result = String.UnicodeScalarView()
    var gap = false
    for part in parts {
      for scalar in part.unicodeScalars {
        if isWhitespace(scalar) {
          gap = true
          continue
        }
        if gap, !result.isEmpty { result.append(" ") }
        gap = false
        result.append(scalar)
      }
      gap = true
    }
    return String(result)
  }
}
