/// Reads pages of the CSTO's English and Russian websites saved as plain text.
///
/// The saved text has no markup, so the parser recovers the layout (teaser column, title, date, body,
/// footer) from blank lines and from the title being printed twice, the second time with its date. The
/// layout rules work on blocks (`CSTOPageBlock`), so that a page saved as HTML, turned into blocks by
/// its reader, is read by the same rules (`parse(blocks:lastLine:)`).
///
/// A page cut short (saved before it finished loading, copied in part, cut by a tool) keeps every
/// complete teaser and whatever of the main article is there, with warnings saying what was missing; a
/// page holding only the teaser column, or only the article, works too.
///
/// Text is kept verbatim: markup such as `<script>`, bidirectional and zero-width characters and NUL
/// characters are ordinary text to this parser (it never interprets them); only line breaks are
/// normalised, whitespace at the ends of lines is trimmed and a leading byte-order mark is dropped.
public enum CSTOPageParser {
  /// Whether `text` looks like a saved page: it ends with the site's footer in English ("Go back",
  /// "Back to the section", "Back to the all news") or Russian («Вернуться назад», «Вернуться в
  /// раздел», «Вернуться ко всем новостям»), or, cut short, holds a title repeated with its dd.mm.yyyy date.
  ///
  /// Importers use it to sort pages from other text files: the footer test reads only the end of the text.
  public static func looksLikePage(_ text: String) -> Bool {
    for footer in SiteFooter.all.map(\.lines) {
      let tail = lastNonBlankLines(of: text, count: footer.count)
      if tail.count == footer.count && zip(tail, footer).allSatisfy({ isFooterLine($0, $1) }) { return true }
    }
    let content = blocks(of: splitLines(text))
    return content.indices.dropLast().contains { datedRepeat(of: content[$0], in: content[$0 + 1]) != nil }
  }

  /// Splits a saved page into its teasers and its main article.
  ///
  /// Throws when the text is empty, is not a CSTO page (no footer, no dated title, no teaser column), or
  /// holds nothing to import; a page that lacks only some of its parts is read with warnings instead.
  public static func parse(_ text: String) throws(PageParseError) -> CSTOPage {
    let lines = splitLines(text)
    return try parse(blocks: blocks(of: lines), lastLine: max(lines.count, 1))
  }

  /// The blocks of a page saved as text: runs of non-blank lines, two or more blank lines starting an item.
  public static func blocks(in text: String) -> [CSTOPageBlock] {
    blocks(of: splitLines(text))
  }

  static func blocks(of lines: [Substring]) -> [CSTOPageBlock] {
    var result: [CSTOPageBlock] = []
    var blanks = 0
    var start: Int?
    func close(_ end: Int) {
      guard let first = start else { return }
      result.append(
        CSTOPageBlock(lines: Array(lines[first..<end]), line: first + 1, gap: blanks >= 2 ? .item : .paragraph))
      start = nil
      blanks = 0
    }
    for index in lines.indices {
      if lines[index].isEmpty {
        close(index)
        blanks += 1
      } else if start == nil {
        start = index
      }
    }
    close(lines.count)
    return result
  }
}
