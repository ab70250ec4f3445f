/// One entry of an RSS or Atom feed.
///
/// It carries only what the news importer needs to file an item against priorities; feed-level metadata
/// (title, generator, images) is ignored.
public struct FeedEntry: Equatable, Sendable {
  /// The entry's title as plain text: whitespace runs and line breaks are collapsed, nothing else is changed.
  ///
  /// RSS `title`, else Dublin Core `dc:title`; RSS titles are plain text, so markup written as `&lt;b&gt;`
  /// stays literal "<b>" (escaped when rendered). Atom titles of `type="html"`/`"xhtml"` (Atom 0.3: a
  /// `text/html` or `application/xhtml+xml` type, in any `mode`) are converted like bodies.
  public var title: String?
  /// The entry's text: RSS `content:encoded`, else `description`, else `dc:description`; Atom `content`, else
  /// `summary` (Atom 0.3's base64 and escaped modes decoded). HTML is turned into plain text (see HTMLText):
  /// paragraphs separated by "\n\n", entities decoded, tags and scripts removed.
  public var body: String
  /// RSS `link`, else RSS 1.0's `rdf:about`, else a `guid` that is a permalink (isPermaLink not "false") and
  /// an absolute http(s) URL as written; Atom `link rel="alternate"` (or the first link without rel).
  ///
  /// Relative links are resolved against `xml:base` or, failing that, the channel's/feed's own link when that is an
  /// absolute http(s) URL; otherwise they are kept as written. Links with a scheme other than http or https
  /// (`javascript:`, `data:`, `file:`) are dropped, because they would be dangerous to show as a link.
  public var url: String?
  /// RSS `pubDate`, else `dc:date` (or the `dcterms` dates); Atom 1.0 `published`, else `updated`; Atom 0.3
  /// `issued`, else `created`, else `modified`. The calendar day in the timestamp's own offset (no time-zone
  /// conversion), read as `FeedDate` says.
  ///
  /// A malformed date gives nil rather than an error: the entry is still worth importing.
  public var published: Day?
  /// `xml:lang` or the channel's `language`, when given.
  public var language: String?
  /// RSS `guid` / Atom `id`.
  public var guid: String?
  /// 1-based line of the entry's start tag in the file.
  public var line: Int
  /// How precisely `published` is known: W3C-DTF dates may give only a month ("2024-04") or a year.
  public var publishedPrecision: DatePrecision = .day
  /// RSS `author`, else `dc:creator`; Atom `author/name`.
  public var author: String? = nil
}

/// The two feed formats understood, as the importer names them; every RSS dialect counts as `.rss`, both
/// Atom versions as `.atom`.
public enum FeedKind: String, Sendable {
  /// RSS 0.9x/2.0 (`<rss>`) or RDF-based RSS 1.0/0.90 (`<rdf:RDF>`).
  case rss
  /// Atom 1.0 or 0.3 (`<feed>` in the Atom namespace of its version).
  case atom
}

/// The dialect a feed is written in, which decides the names and meaning of its elements.
public enum FeedDialect: String, Sendable, CaseIterable {
  case rss090 = "RSS 0.90"
  case rss091 = "RSS 0.91"
  /// RSS 0.92, and the rare 0.93 and 0.94 drafts.
  case rss092 = "RSS 0.92"
  case rss20 = "RSS 2.0"
  case rss10 = "RSS 1.0"
  case atom03 = "Atom 0.3"
  case atom10 = "Atom 1.0"

  public var kind: FeedKind {
    switch self {
    case .atom03, .atom10: .atom
    default: .rss
    }
  }
}

/// What a feed holds: its kind and dialect, its entries, and the entries skipped for having nothing in them.
public struct ParsedFeed: Equatable, Sendable {
  public var kind: FeedKind { dialect.kind }
  public var dialect: FeedDialect
  public var entries: [FeedEntry]
  /// Lines of the entries that have neither a title nor text (nothing to import), in file order.
  public var skipped: [Int]
}

/// Why a feed could not be read; `line`/`column` are 1-based (0 when unknown).
///
/// The message is meant for the person running the import and names the problem in their terms
/// ("truncated XML: missing </channel>") rather than in libxml2's error codes.
public struct FeedParseError: Error, Equatable, Sendable {
  /// What went wrong, in words for the person running the import.
  public var message: String
  /// The 1-based line where the problem was found, or 0 when the file as a whole is at fault (it is empty).
  public var line: Int
  /// The 1-based column (in characters) where the problem was found, or 0 when unknown.
  public var column: Int
}
