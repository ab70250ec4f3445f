/// Word wrapping for terminal output.
///
/// Widths are counted in what the terminal shows: colour sequences (`ESC [ … m`) take no room, so
/// highlighted passages wrap at the same places as plain ones, and no word is broken by the
/// terminal because a line was longer than it looked.
public enum TextWrap {
  /// Splits `text` into lines of at most `width` visible characters, breaking at spaces; a word
  /// longer than `width` gets a line of its own.
  public static func lines(_ text: String, width: Int) -> [String] {
    lines(text, firstWidth: width, width: width)
  }

  /// Like `lines(_:width:)`, with a first line of its own width (after a prefix of another
  /// length than the indent of the others).
  public static func lines(_ text: String, firstWidth: Int, width: Int) -> [String] {
    let firstWidth = max(firstWidth, 10)
    let otherWidth = max(width, 10)
    var width = firstWidth
    var lines: [String] = []
    var current = ""
    var currentWidth = 0
    for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
      let wordWidth = visibleWidth(word)
      if current.isEmpty {
        current = String(word)
        currentWidth = wordWidth
      } else if currentWidth + 1 + wordWidth <= width {
        current += " " + word
        currentWidth += 1 + wordWidth
      } else {
        lines.append(current)
        width = otherWidth
        current = String(word)
        currentWidth = wordWidth
      }
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return lines
  }

  /// `text` wrapped to `width` with `firstPrefix` on the first line and `indent` on the others.
  public static func block(_ text: String, width: Int, firstPrefix: String, indent: String) -> String {
    let lines = lines(text, firstWidth: width - visibleWidth(firstPrefix), width: width - visibleWidth(indent))
    return lines.enumerated().map { ($0.offset == 0 ? firstPrefix : indent) + $0.element }.joined(separator: "\n")
  }

  /// The columns `text` takes on a terminal: characters, less escape sequences.
  public static func visibleWidth(_ text: some StringProtocol) -> Int {
    // Most text has no escape byte: count it directly.
    guard text.utf8.contains(0x1B) else { return text.count }
    var width = 0
    var inEscape = false
    var sawBracket = false
    for scalar in text.unicodeScalars {
      if inEscape {
        if !sawBracket {
          sawBracket = true
          if scalar != "[" { inEscape = false }
        } else if (0x40...0x7E).contains(scalar.value) {
          inEscape = false
        }
        continue
      }
      if scalar == "\u{1B}" {
        inEscape = true
        sawBracket = false
        continue
      }
      // Combining marks share their base's column.
      if scalar.properties.generalCategory != .nonspacingMark { width += 1 }
    }
    return width
  }
}
