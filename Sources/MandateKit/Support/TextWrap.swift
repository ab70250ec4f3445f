/// Word wrapping for terminal output.
public enum TextWrap {
  /// Splits `text` into lines of at most `width` characters, breaking at spaces; a word longer
  /// than `width` gets a line of its own.
  public static func lines(_ text: String, width: Int) -> [String] {
    let width = max(width, 10)
    var lines: [String] = []
    var current = ""
    for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
      if current.isEmpty {
        current = String(word)
      } else if current.count + 1 + word.count <= width {
        current += " " + word
      } else {
        lines.append(current)
        current = String(word)
      }
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return lines
  }

  /// `text` wrapped to `width` with `firstPrefix` on the first line and `indent` on the others.
  public static func block(_ text: String, width: Int, firstPrefix: String, indent: String) -> String {
    let lines = lines(text, width: width - indent.count)
    return lines.enumerated().map { ($0.offset == 0 ? firstPrefix : indent) + $0.element }.joined(separator: "\n")
  }
}
