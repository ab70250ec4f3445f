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
  /// The text after "Photo: " (or «Фото: ») when the article ends with a photo credit.
  public var photoCredit: String?
  /// 1-based line where the item starts in the page text (the title line for the main article).
  public var line: Int
  /// 0-based order on the page: teasers 0..n-1, then the main article.
  public var position: Int
  /// True when the text may be cut off: a teaser that does not end with sentence punctuation or a
  /// closing quote or bracket, or a main article whose page ends before its footer.
  public var truncated: Bool
}

/// A saved CSTO page split into its teasers and its main article, with what was missing.
///
/// The two kinds are kept apart because only the main article has a title and a date of its own. A page
/// saved before it finished loading, copied in part or cut by a tool keeps what it has: every complete
/// teaser and whatever of the main article is there, and `warnings` say what was missing.
public struct CSTOPage: Equatable, Sendable {
  /// The teaser column, top to bottom.
  public var teasers: [PageItem]
  /// The article the page was saved for; nil when the page holds only teasers, or the article's text is
  /// missing.
  public var main: PageItem?
  /// What the page lacks (its footer, its main article, the end of a teaser), each at its line.
  public var warnings: [PageWarning]
  /// The language of the site the page comes from ("en", "ru"), told by its footer; nil when the
  /// page has none.
  public var language: String?
  /// Every item in page order (teasers, then main).
  public var items: [PageItem] { teasers + (main.map { [$0] } ?? []) }

  public init(teasers: [PageItem], main: PageItem?, warnings: [PageWarning] = [], language: String? = nil) {
    self.teasers = teasers
    self.main = main
    self.warnings = warnings
    self.language = language
  }
}

/// Something a page lacks that did not stop it from being read; `line` is 1-based.
public struct PageWarning: Equatable, Sendable {
  /// What is missing, and what was kept, phrased for the person who saved the page.
  public var message: String
  /// The 1-based line where it shows.
  public var line: Int

  public init(message: String, line: Int) {
    self.message = message
    self.line = line
  }
}

/// Why a text is not a CSTO page, or holds nothing to import; `line` is 1-based.
///
/// The line lets a user open the saved file at the place where the layout broke.
public struct PageParseError: Error, Equatable, Sendable {
  /// What is wrong, phrased for the person who saved the page.
  public var message: String
  /// The 1-based line where the problem shows.
  public var line: Int

  public init(message: String, line: Int) {
    self.message = message
    self.line = line
  }
}

/// One paragraph of a page's visible text: the unit the layout works on, whatever the page was saved as.
///
/// A page saved as text gives one block per run of non-blank lines (`CSTOPageParser.blocks(in:)`); a page
/// saved as HTML gives one per paragraph-like element (its text lines), so that both feed the same layout
/// rules through `CSTOPageParser.parse(blocks:lastLine:)`.
public struct CSTOPageBlock: Equatable, Sendable {
  /// How a block stands from the one before it.
  public enum Gap: Sendable, Equatable {
    /// The next paragraph of the same item (one blank line in a text copy).
    case paragraph
    /// The start of another teaser (two or more blank lines in a text copy; a new entry of the
    /// site's list of news in HTML).
    case item
  }

  /// The block's lines, each trimmed and non-empty; list lines ("- …") stay with the line above them.
  public var lines: [Substring]
  /// The 1-based line of the source where the block starts (the element's line in HTML).
  public var line: Int
  /// How the block stands from the one before (ignored for the first).
  public var gap: Gap

  public init(lines: [Substring], line: Int, gap: Gap) {
    self.lines = lines
    self.line = line
    self.gap = gap
  }
}
