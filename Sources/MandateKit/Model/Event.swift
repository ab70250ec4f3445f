/// Where an event's date was read from, so that `show` can say why a date was chosen.
public enum DateBasis: String, Codable, Sendable {
  /// Stated in the event's own text ("On 10 April 2024, …").
  case text
  /// Stated in the headline.
  case title
  /// The date the page, feed or file gives for the item.
  case published
  /// No date could be found; the event is undated.
  case none
}

/// A news item: something that happened, as reported by one or more sources.
///
/// Events live in the `Events/` record as one JSON line each; their `id` is derived from their
/// content (see `EventIdentity`), so the same news imported twice, or by two analysts, gets the
/// same id.
public struct Event: Sendable, Equatable, Codable {
  /// 16 lower-case hex digits.
  public var id: String
  /// The (first) day the event happened; nil when undated.
  public var date: Day?
  /// The last day of a range ("From April 8 to 11, 2024"); nil for a single day.
  public var dateEnd: Day?
  public var datePrecision: DatePrecision
  public var dateBasis: DateBasis
  /// The words the date was read from, e.g. "From April 8 to 11, 2024" or "18.05.2023".
  public var dateEvidence: String?
  public var title: String?
  public var text: String
  public var language: String?
  /// Every place the event was seen, in a stable order.
  public var sources: [EventSource]
  /// Ids this event was also known by before occurrences were merged (a teaser merged into its
  /// article keeps the teaser's id here, so earlier tags still find it).
  public var aliases: [String]

  public init(
    id: String, date: Day?, dateEnd: Day? = nil, datePrecision: DatePrecision, dateBasis: DateBasis,
    dateEvidence: String? = nil, title: String?, text: String, language: String? = nil, sources: [EventSource],
    aliases: [String] = []
  ) {
    self.id = id
    self.date = date
    self.dateEnd = dateEnd
    self.datePrecision = datePrecision
    self.dateBasis = dateBasis
    self.dateEvidence = dateEvidence
    self.title = title
    self.text = text
    self.language = language
    self.sources = sources
    self.aliases = aliases
  }

  private enum CodingKeys: String, CodingKey {
    case id, date, title, text, language, sources, aliases
    case dateEnd = "date_end"
    case datePrecision = "date_precision"
    case dateBasis = "date_basis"
    case dateEvidence = "date_evidence"
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    // Ids are 16 lowercase hex digits (see `EventIdentity`); the index and reports rely on it.
    guard EventKey.of(id) != nil else {
      throw DecodingError.dataCorruptedError(
        forKey: .id, in: container, debugDescription: "an event id is 16 lowercase hex digits, found \"\(id)\"")
    }
    date = try container.decodeIfPresent(Day.self, forKey: .date)
    dateEnd = try container.decodeIfPresent(Day.self, forKey: .dateEnd)
    datePrecision =
      try container.decodeIfPresent(DatePrecision.self, forKey: .datePrecision) ?? (date == nil ? .none : .day)
    dateBasis = try container.decodeIfPresent(DateBasis.self, forKey: .dateBasis) ?? (date == nil ? .none : .published)
    dateEvidence = try container.decodeIfPresent(String.self, forKey: .dateEvidence)
    // A hand-edited or older record may hold decomposed text: the index, searches and
    // suggestions see it composed, as imports write it.
    title = try container.decodeIfPresent(String.self, forKey: .title).map(UnicodeNFC.normalize)
    text = UnicodeNFC.normalize(try container.decode(String.self, forKey: .text))
    language = try container.decodeIfPresent(String.self, forKey: .language)
    sources = try container.decodeIfPresent([EventSource].self, forKey: .sources) ?? []
    aliases = try container.decodeIfPresent([String].self, forKey: .aliases) ?? []
  }

  /// The headline, or the first words of the text for teasers that have none.
  public var headline: String {
    if let title, !title.isEmpty { return title }
    return Self.firstWords(of: text, limit: 100)
  }

  /// The last day the event covers: `dateEnd`, the end of the month or year for coarse dates, or
  /// `date` itself.
  public var lastDay: Day? {
    guard let date else { return nil }
    if let dateEnd { return dateEnd }
    switch datePrecision {
    case .month: return date.endOfMonth
    case .year: return Day(year: date.year, month: 12, day: 31)
    default: return date
    }
  }

  /// At most `limit` characters of `text`, cut at a word boundary and marked with an ellipsis.
  public static func firstWords(of text: String, limit: Int) -> String {
    // Most titles are short, single-spaced ASCII already: return them without splitting.
    if text.utf8.count <= limit, Self.isFlatASCII(text) { return text }
    let flat = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    guard flat.count > limit else { return flat }
    let cut = flat.prefix(limit)
    if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
      return String(cut[..<space]) + "…"
    }
    return String(cut) + "…"
  }

  /// ASCII with no white space other than single spaces between words.
  static func isFlatASCII(_ text: String) -> Bool {
    var previousSpace = true
    for byte in text.utf8 {
      if byte >= 0x80 || (byte < 0x20) || byte == 0x7F { return false }
      let space = byte == 0x20
      if space && previousSpace { return false }
      previousSpace = space
    }
    return !previousSpace
  }
}

/// One place an event was seen: a file (and position in it) or a URL.
public struct EventSource: Sendable, Equatable, Hashable, Codable {
  public enum Role: String, Codable, Sendable, Comparable {
    /// A short preview of another article in a page's side column.
    case teaser
    /// The article a page is about.
    case main
    /// An entry of a feed, JSONL or CSV file.
    case item

    /// Which occurrence best represents an event: an article over a feed item over a teaser.
    public var rank: Int {
      switch self {
      case .main: 3
      case .item: 2
      case .teaser: 1
      }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  /// The imported file, relative to the workspace when it lies inside it.
  public var file: String?
  /// The line (JSONL, CSV, feeds) or the 0-based position on a page.
  public var position: Int?
  public var url: String?
  public var role: Role
  /// The `--source` name given at import, such as "csto.int".
  public var name: String?
  /// The day this source was first imported.
  public var firstSeen: Day
  /// The day the source says it published the item (a page's publication day, a feed's
  /// `pubDate`, a JSONL `date`), when it gives one to the day. Kept apart from the event's own
  /// date, which the text may state.
  public var published: Day?
  /// Where and when the source was downloaded, for sources `mandate fetch` imported.
  public var fetched: FetchProvenance?

  public init(
    file: String?, position: Int?, url: String?, role: Role, name: String?, firstSeen: Day, published: Day? = nil,
    fetched: FetchProvenance? = nil
  ) {
    self.file = file
    self.position = position
    self.url = url
    self.role = role
    self.name = name
    self.firstSeen = firstSeen
    self.published = published
    self.fetched = fetched
  }

  private enum CodingKeys: String, CodingKey {
    case file, position, url, role, name, published, fetched
    case firstSeen = "first_seen"
  }

  /// What makes two sources the same place, whenever they were seen.
  ///
  /// A fetched source is the same place whenever it is fetched again: the same address serving
  /// the same item. Its position is left out, because a feed that gains items moves the older
  /// ones down.
  public var key: String {
    if let fetched {
      return "\u{1F}\(fetched.from)\u{1F}\(url ?? "")\u{1F}\(role.rawValue)"
    }
    return "\(file ?? "")\u{1F}\(position.map(String.init) ?? "")\u{1F}\(url ?? "")\u{1F}\(role.rawValue)"
  }
}
