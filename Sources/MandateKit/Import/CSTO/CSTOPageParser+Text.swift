// Text primitives behind CSTOPageParser. They work on Unicode scalars rather than Characters so that
// zero-width and bidirectional marks are never merged into, or trimmed with, neighbouring whitespace,
// and they touch every byte of a page a bounded number of times so parsing stays linear.

extension CSTOPageParser {
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
