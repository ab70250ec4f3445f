/// Escaping for text placed into Markdown, so that news titles cannot inject markup.
public enum Markdown {
  /// Backslash-escapes the characters that start Markdown syntax, and turns `<` and `>` into
  /// entities so that raw HTML in a title stays text in any renderer.
  public static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.count)
    for character in text {
      switch character {
      case "\\", "`", "*", "_", "[", "]", "#", "|", "!": out.append("\\"); out.append(character)
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "&": out += "&amp;"
      case "\n", "\r": out.append(" ")
      default: out.append(character)
      }
    }
    return out
  }

  /// Escaped text for a table cell (pipes and newlines would break the row).
  public static func escapeCell(_ text: String) -> String { escape(text) }

  /// A link whose text is escaped and whose URL cannot close the parenthesis early.
  public static func link(_ text: String, url: String) -> String {
    let safeURL = url.replacingOccurrences(of: " ", with: "%20").replacingOccurrences(of: "(", with: "%28")
      .replacingOccurrences(of: ")", with: "%29").replacingOccurrences(of: "<", with: "%3C").replacingOccurrences(
        of: ">", with: "%3E")
    return "[\(escape(text))](\(safeURL))"
  }
}
