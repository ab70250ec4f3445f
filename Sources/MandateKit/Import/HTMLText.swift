/// Plain text from the HTML that feeds put in descriptions.
///
/// News bodies are matched against priorities and shown in reports, so they must be text: markup,
/// scripts and entity noise would pollute matching and be unsafe to echo. This is a deliberately small
/// tag stripper, not an HTML parser; it never executes or fetches anything.
public enum HTMLText {
  /// Removes tags (and the content of script/style), decodes entities (named: amp lt gt quot apos nbsp mdash ndash
  /// hellip laquo raquo rsquo lsquo rdquo ldquo copy reg, and numeric &#NNN; &#xHH;), turns <p>, <br>, <div>, <li>,
  /// headings into paragraph breaks, collapses runs of spaces, trims. Text without any '<' or '&' is returned
  /// trimmed, untouched.
  ///
  /// Paragraphs are separated by "\n\n". Unknown entities stay as written, so "AT&T" survives. An unfinished tag at
  /// the end ("<b unfinished", "<script" without a close) drops the rest, as a browser would not show it either.
  public static func plainText(_ html: String) -> String {
    guard html.unicodeScalars.contains(where: { $0 == "<" || $0 == "&" }) else {
      return html.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    let scalars = Array(html.unicodeScalars)
    var text = ParagraphCollector()
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "<", let next = skipMarkup(scalars, at: index, into: &text) {
        index = next
      } else if scalar == "&", let decoded = entity(scalars, at: index) {
        for character in decoded.scalars { text.append(character) }
        index = decoded.next
      } else {
        text.append(scalar)
        index += 1
      }
    }
    return text.finish()
  }

  /// Accumulates text, collapsing whitespace and splitting paragraphs, so callers only report what they saw.
  struct ParagraphCollector {
    private var paragraphs: [String] = []
    private var current = String.UnicodeScalarView()
    private var pendingSpace = false

    mutating func append(_ scalar: Unicode.Scalar) {
      if scalar.properties.isWhitespace {
        // Leading whitespace of a paragraph is dropped; inner runs become one space when text follows.
        pendingSpace = !current.isEmpty
        return
      }
      if pendingSpace { current.append(" ") }
      pendingSpace = false
      current.append(scalar)
    }

    /// Separates words the way an inline boundary such as a table cell does, without starting a paragraph.
    mutating func space() { pendingSpace = !current.isEmpty }

    mutating func breakParagraph() {
      if !current.isEmpty { paragraphs.append(String(current)) }
      current = String.UnicodeScalarView()
      pendingSpace = false
    }

    mutating func finish() -> String {
      breakParagraph()
      return paragraphs.joined(separator: "\n\n")
    }
  }

  /// Elements whose start or end separates paragraphs in the plain text.
  static let blockElements: Set<String> = [
    "p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre",
    "hr", "table", "tr", "section", "article", "header", "footer", "aside", "nav", "figure", "figcaption",
    "address", "main", "caption",
  ]

  /// Elements whose content is code or styling rather than text, and is dropped with the tags.
  static let hiddenElements: Set<String> = ["script", "style"]

  /// Skips the markup starting at `start` ('<') and returns the index after it, or nil when the '<' is literal.
  static func skipMarkup(
    _ s: [Unicode.Scalar], at start: Int, into text: inout ParagraphCollector
  ) -> Int? {
    let next = start + 1
    guard next < s.count else { return nil }
    if matches(s, at: next, "!--") {
      return find(s, "-->", from: start + 4).map { $0 + 3 } ?? s.count
    }
    if matches(s, at: next, "![CDATA[") {
      let end = find(s, "]]>", from: start + 9) ?? s.count
      for scalar in s[(start + 9)..<end] { text.append(scalar) }
      return min(end + 3, s.count)
    }
    if s[next] == "!" || s[next] == "?" {
      return find(s, ">", from: next).map { $0 + 1 } ?? s.count
    }
    let closing = s[next] == "/"
    let nameStart = closing ? next + 1 : next
    guard nameStart < s.count, isASCIILetter(s[nameStart]) else { return nil }
    var nameEnd = nameStart
    while nameEnd < s.count, isNameScalar(s[nameEnd]) { nameEnd += 1 }
    let name = String(String.UnicodeScalarView(s[nameStart..<nameEnd])).lowercased()
    guard let tagEnd = endOfTag(s, from: nameEnd) else { return s.count }
    if blockElements.contains(name) {
      text.breakParagraph()
    } else if name == "td" || name == "th" {
      text.space()
    }
    let selfClosing = tagEnd > 0 && s[tagEnd - 1] == "/"
    if !closing, !selfClosing, hiddenElements.contains(name) {
      return skipHiddenContent(s, from: tagEnd + 1, name: name)
    }
    return tagEnd + 1
  }

  /// The index of the '>' closing a tag whose name ends at `index`, honouring quoted attribute values.
  private static func endOfTag(_ s: [Unicode.Scalar], from index: Int) -> Int? {
    var quote: Unicode.Scalar?
    var index = index
    while index < s.count {
      let scalar = s[index]
      if let open = quote {
        if scalar == open { quote = nil }
      } else if scalar == "\"" || scalar == "'" {
        quote = scalar
      } else if scalar == ">" {
        return index
      }
      index += 1
    }
    return nil
  }

  /// Skips to after `</name>`; without one, everything left is hidden so that no script text leaks.
  private static func skipHiddenContent(_ s: [Unicode.Scalar], from index: Int, name: String) -> Int {
    var index = index
    let closer = Array("</\(name)".unicodeScalars)
    while let found = find(s, closer, from: index, caseInsensitive: true) {
      let after = found + closer.count
      if after >= s.count { return s.count }
      let boundary = s[after]
      if boundary == ">" || boundary == "/" || boundary.properties.isWhitespace {
        return endOfTag(s, from: after).map { $0 + 1 } ?? s.count
      }
      index = after
    }
    return s.count
  }

  /// Named entities decoded; the brief's list plus a few that news sites use for typography.
  static let namedEntities: [String: Unicode.Scalar] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "mdash": "\u{2014}",
    "ndash": "\u{2013}", "hellip": "\u{2026}", "laquo": "\u{AB}", "raquo": "\u{BB}", "rsquo": "\u{2019}",
    "lsquo": "\u{2018}", "rdquo": "\u{201D}", "ldquo": "\u{201C}", "copy": "\u{A9}", "reg": "\u{AE}",
    "bull": "\u{2022}", "middot": "\u{B7}", "trade": "\u{2122}", "euro": "\u{20AC}", "deg": "\u{B0}",
    "times": "\u{D7}", "sbquo": "\u{201A}", "bdquo": "\u{201E}", "thinsp": "\u{2009}", "ensp": "\u{2002}",
    "emsp": "\u{2003}",
  ]

  /// What browsers show for &#128;–&#159;: old CMSs write Windows-1252 code points as if they were Unicode.
  static let windows1252: [UInt32: Unicode.Scalar] = [
    0x80: "\u{20AC}", 0x82: "\u{201A}", 0x83: "\u{192}", 0x84: "\u{201E}", 0x85: "\u{2026}", 0x86: "\u{2020}",
    0x87: "\u{2021}", 0x88: "\u{2C6}", 0x89: "\u{2030}", 0x8A: "\u{160}", 0x8B: "\u{2039}", 0x8C: "\u{152}",
    0x8E: "\u{17D}", 0x91: "\u{2018}", 0x92: "\u{2019}", 0x93: "\u{201C}", 0x94: "\u{201D}", 0x95: "\u{2022}",
    0x96: "\u{2013}", 0x97: "\u{2014}", 0x98: "\u{2DC}", 0x99: "\u{2122}", 0x9A: "\u{161}", 0x9B: "\u{203A}",
    0x9C: "\u{153}", 0x9E: "\u{17E}", 0x9F: "\u{178}",
  ]

  /// Decodes the entity at `start` ('&'); nil leaves the '&' as literal text.
  static func entity(_ s: [Unicode.Scalar], at start: Int) -> (scalars: [Unicode.Scalar], next: Int)? {
    // Entity names and numbers are short; a bounded look-ahead keeps "&" + a long word linear.
    let limit = min(s.count, start + 12)
    guard let semicolon = (start + 1..<limit).first(where: { s[$0] == ";" }), semicolon > start + 1 else {
      return nil
    }
    let body = String(String.UnicodeScalarView(s[(start + 1)..<semicolon]))
    if body.hasPrefix("#") {
      let digits = body.dropFirst()
      let hex = digits.first == "x" || digits.first == "X"
      let number = hex ? digits.dropFirst() : digits
      guard !number.isEmpty, number.count <= 8, let value = UInt32(number, radix: hex ? 16 : 10) else { return nil }
      return (numericScalar(value), semicolon + 1)
    }
    guard let scalar = namedEntities[body] ?? HTMLEntities.latin1Codes[body].flatMap(Unicode.Scalar.init) else {
      return nil
    }
    return ([scalar], semicolon + 1)
  }

  /// The text for a numeric reference, following the HTML rules for values that are not characters.
  private static func numericScalar(_ value: UInt32) -> [Unicode.Scalar] {
    if let mapped = windows1252[value] { return [mapped] }
    guard value != 0, let scalar = Unicode.Scalar(value) else { return ["\u{FFFD}"] }
    // Control characters carry no text and could confuse terminals; tab and newlines are just spacing.
    if (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || (0x7F...0x9F).contains(value) {
      return []
    }
    return [scalar]
  }

  private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
  }

  private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
    isASCIILetter(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == ":" || scalar == "_"
  }

  private static func matches(_ s: [Unicode.Scalar], at index: Int, _ literal: String) -> Bool {
    let pattern = Array(literal.unicodeScalars)
    guard index + pattern.count <= s.count else { return false }
    return s[index..<(index + pattern.count)].elementsEqual(pattern)
  }

  private static func find(_ s: [Unicode.Scalar], _ literal: String, from index: Int) -> Int? {
    find(s, Array(literal.unicodeScalars), from: index, caseInsensitive: false)
  }

  private static func find(
    _ s: [Unicode.Scalar], _ pattern: [Unicode.Scalar], from index: Int, caseInsensitive: Bool
  ) -> Int? {
    guard !pattern.isEmpty, index >= 0, s.count >= pattern.count, index <= s.count - pattern.count else {
      return nil
    }
    func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
      caseInsensitive && ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32)! : scalar
    }
    for candidate in index...(s.count - pattern.count) {
      var matched = true
      for offset in 0..<pattern.count where fold(s[candidate + offset]) != fold(pattern[offset]) {
        matched = false
        break
      }
      if matched { return candidate }
    }
    return nil
  }
}
