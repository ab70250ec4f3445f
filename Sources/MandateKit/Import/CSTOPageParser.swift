/// One news item found on a CSTO page.
///
/// A saved page carries several items (teasers of other news, then the page's own article); keeping them
/// as separate values lets the importer count every occurrence and de-duplicate across pages later.
public struct PageItem: Equatable, Sendable {
  /// Where on the page an item sits.
  ///
  /// Teasers are cut-down copies of other articles, so they are weaker evidence than the main article.
  public enum Role: String, Sendable, Codable { case teaser, main }

  /// Whether this is a teaser or the page's own article.
  public var role: Role
  /// The headline; nil for teasers, which have none.
  public var title: String?
  /// Paragraphs joined by "\n\n", each trimmed; lines inside a paragraph joined by "\n".
  public var body: String
  /// The publication date printed after the repeated title (main article only).
  public var pageDate: Day?
  /// The text after "Photo: " when the article ends with a photo credit.
  public var photoCredit: String?
  /// 1-based line where the item starts in the page text (the title line for the main article).
  public var line: Int
  /// 0-based order on the page: teasers 0..n-1, then the main article.
  public var position: Int
  /// True when a teaser looks cut off (it does not end with sentence punctuation or a closing quote/bracket).
  public var truncated: Bool
}

/// A saved CSTO page split into its teasers and its main article.
///
/// The two kinds are kept apart because only the main article has a title and a date of its own.
public struct CSTOPage: Equatable, Sendable {
  /// The teaser column, top to bottom.
  public var teasers: [PageItem]
  /// The article the page was saved for.
  public var main: PageItem
  /// Every item in page order (teasers, then main).
  public var items: [PageItem] { teasers + [main] }
}

/// Why a text is not a CSTO page; `line` is 1-based.
///
/// The line lets a user open the saved file at the place where the layout broke.
public struct PageParseError: Error, Equatable, Sendable {
  /// What is wrong, phrased for the person who saved the page.
  public var message: String
  /// The 1-based line where the problem shows.
  public var line: Int
}

/// Reads pages of the CSTO's English website saved as plain text.
///
/// The saved text has no markup, so the parser recovers the layout (teaser column, title, date, body,
/// footer) from blank lines and from the title being printed twice, the second time with its date.
///
/// Text is kept verbatim: markup such as `<script>`, bidirectional and zero-width characters and NUL
/// characters are ordinary text to this parser (it never interprets them); only line breaks are
/// normalised, whitespace at the ends of lines is trimmed and a leading byte-order mark is dropped.
public enum CSTOPageParser {
  /// Whether `text` has the site's footer ("Go back", "Back to the section", "Back to the all news"), the
  /// mark of a saved page.
  ///
  /// Importers use it to sort pages from other text files cheaply: it only reads the end of the text.
  public static func looksLikePage(_ text: String) -> Bool {
    let tail = lastNonBlankLines(of: text, count: footer.count)
    return tail.count == footer.count && zip(tail, footer).allSatisfy { isFooterLine($0, $1) }
  }

  /// Splits a saved page into its teasers and its main article.
  ///
  /// Throws when the text is empty, lacks the footer, or has no recognisable main article with a body,
  /// so that a broken file is reported instead of being imported as nonsense.
  public static func parse(_ text: String) throws(PageParseError) -> CSTOPage {
    let lines = splitLines(text)
    guard let firstContent = lines.firstIndex(where: { !$0.isEmpty }) else {
      throw PageParseError(message: "empty text: the page has no content", line: 1)
    }
    guard let footerStart = footerStart(in: lines) else {
      throw PageParseError(
        message: "not a CSTO page: the footer 'Go back / Back to the section / Back to the all news' is missing",
        line: max(lines.count, 1))
    }
    guard firstContent < footerStart else {
      throw PageParseError(
        message: "no main article: the page has nothing before the footer", line: footerStart + 1)
    }
    let paragraphs = Self.paragraphs(in: lines, upTo: footerStart)
    guard paragraphs.count > 1 else {
      throw PageParseError(
        message: "no main article: only one paragraph precedes the footer, expected a title and a body",
        line: paragraphs[0].lines.lowerBound + 1)
    }
    let layout = try mainLayout(paragraphs, lines)
    let teasers = teaserItems(paragraphs[..<layout.title], lines)
    let titleParagraph = paragraphs[layout.title]
    let title = lines[titleParagraph.lines].joined(separator: " ")
    var body = bodyParagraphs(paragraphs[layout.body...], lines)
    var credit: String?
    if let last = body.last, let text = photoCredit(in: last) {
      credit = text
      body.removeLast()
    }
    guard !body.isEmpty else {
      throw PageParseError(
        message: "the main article \"\(title.prefix(80))\" has an empty body",
        line: titleParagraph.lines.lowerBound + 1)
    }
    let main = PageItem(
      role: .main, title: title, body: body.joined(separator: "\n\n"), pageDate: layout.date,
      photoCredit: credit, line: titleParagraph.lines.lowerBound + 1, position: teasers.count,
      truncated: false)
    return CSTOPage(teasers: teasers, main: main)
  }

  /// Where the main article's parts are, as indices into the page's paragraphs.
  struct MainLayout {
    var title: Int
    var body: Int
    var date: Day?
  }

  /// Finds the main article: first by its dated repeated title, else by the first title-like paragraph
  /// after the opening paragraph of the last teaser block.
  static func mainLayout(_ paragraphs: [Paragraph], _ lines: [Substring]) throws(PageParseError)
    -> MainLayout
  {
    for index in 0..<(paragraphs.count - 1) {
      if let match = datedRepeat(of: paragraphs[index], in: paragraphs[index + 1], lines) {
        return MainLayout(title: index, body: index + 2, date: match.date)
      }
    }
    // The last teaser block starts after the last double blank line; its opening paragraph is teaser text
    // even when it looks like a title (a teaser cut mid-word has no final punctuation).
    let blockStarts = paragraphs.indices.filter { $0 > 0 && paragraphs[$0].blanksBefore >= 2 }
    let lastBlock = blockStarts.last ?? 0
    // A page without teaser separators may be a bare article whose first paragraph is its title.
    if blockStarts.isEmpty, looksLikeTitle(paragraphs[0], lines) {
      return MainLayout(title: 0, body: 1, date: nil)
    }
    let candidates = paragraphs.indices.dropFirst(lastBlock + 1)
    if let title = candidates.first(where: { looksLikeTitle(paragraphs[$0], lines) }) {
      return MainLayout(title: title, body: title + 1, date: nil)
    }
    throw PageParseError(
      message: "no main article: no title found (no title repeated with a dd.mm.yyyy date, and no title-like "
        + "paragraph after the last teaser)",
      line: paragraphs[lastBlock].lines.lowerBound + 1)
  }

  /// Turns the paragraphs before the title into teasers, one per block between double blank lines.
  static func teaserItems(_ paragraphs: ArraySlice<Paragraph>, _ lines: [Substring]) -> [PageItem] {
    var starts = paragraphs.indices.filter { $0 == paragraphs.startIndex || paragraphs[$0].blanksBefore >= 2 }
    starts.append(paragraphs.endIndex)
    var teasers: [PageItem] = []
    for (start, end) in zip(starts, starts.dropFirst()) {
      let body = bodyParagraphs(paragraphs[start..<end], lines).joined(separator: "\n\n")
      teasers.append(
        PageItem(
          role: .teaser, title: nil, body: body, pageDate: nil, photoCredit: nil,
          line: paragraphs[start].lines.lowerBound + 1, position: teasers.count,
          truncated: !endsComplete(body)))
    }
    return teasers
  }
}
