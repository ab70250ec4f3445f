/// Why an item was suggested for an event: one matched feature and what it added.
public struct Reason: Sendable, Equatable, Codable {
  public enum Kind: String, Sendable, Codable {
    /// One of the item's keywords (or a spelling of it given by an alias).
    case keyword
    /// A word of the item's declared text.
    case itemWord = "item-word"
    /// A word of the priority's title.
    case priorityWord = "priority-word"
    /// A word the analyst's accepted tags for this item have in common.
    case learned
  }

  public var kind: Kind
  /// The feature as the mandate writes it ("UNRCCA", "Working Group of Experts", "peacekeeping").
  public var term: String
  /// The spelling found in the news when it differs (an alias: "Anti-Terrorism Center of the CIS").
  public var matched: String?
  /// `title` or `text`.
  public var field: String
  public var count: Int
  /// The feature's weight after what the ledger taught (rejections lower it).
  public var weight: Double
  /// What the feature added to the raw score (BM25 of the match times the weight).
  public var contribution: Double
}

/// A candidate item for an event.
public struct Candidate: Sendable, Equatable, Codable {
  /// How many reasons the terminal views list per candidate; the passage highlights their terms.
  public static let listedReasons = 4

  public var item: String
  /// 0…1; comparable across events and items of one mandate.
  public var score: Double
  /// Strongest first.
  public var reasons: [Reason]
}

/// What a suggestion shows of its event: enough to list it, without the text.
public struct EventSummary: Sendable, Equatable {
  public var id: String
  public var date: Day?
  public var dateEnd: Day?
  public var datePrecision: DatePrecision
  public var title: String?
  /// The title, or the first words of the text.
  public var headline: String

  public init(id: String, date: Day?, dateEnd: Day?, datePrecision: DatePrecision, title: String?, headline: String) {
    self.id = id
    self.date = date
    self.dateEnd = dateEnd
    self.datePrecision = datePrecision
    self.title = title
    self.headline = headline
  }

  public init(_ event: Event) {
    self.init(
      id: event.id, date: event.date, dateEnd: event.dateEnd, datePrecision: event.datePrecision, title: event.title,
      headline: event.headline)
  }

  /// "2024-04-10", "2024-04-08…11", "2024-05", "2024", "undated".
  public var dateLabel: String { DateLabel.text(date: date, dateEnd: dateEnd, precision: datePrecision) }
}

/// The candidates for one event.
public struct Suggestion: Sendable, Equatable {
  public var event: EventSummary
  /// Best first.
  public var candidates: [Candidate]
  /// A passage of the event around its strongest matches, with matches between
  /// `Highlight.start` and `Highlight.end`.
  public var snippet: String
}

/// Which events to suggest for.
public struct SuggestionQuery: Sendable, Equatable {
  /// Events placed in this range (as `mandate events` places them); nil: all.
  public var range: DayRange?
  /// Candidates per event.
  public var top: Int
  /// At most this many events.
  public var limit: Int?
  /// Candidates below this score are dropped; events left without one are not listed (unless
  /// `keepUnmatched`).
  public var minScore: Double
  /// Only these events (full ids), whether decided or not.
  public var events: [String]?
  /// Lists events left without a candidate too (`review` shows every event an analyst has to
  /// triage, with "no suggestion").
  public var keepUnmatched: Bool

  public static let defaultMinScore = 0.2

  public init(
    range: DayRange? = nil, top: Int = 3, limit: Int? = nil, minScore: Double = defaultMinScore,
    events: [String]? = nil,
    keepUnmatched: Bool = false
  ) {
    self.range = range
    self.top = top
    self.limit = limit
    self.minScore = minScore
    self.events = events
    self.keepUnmatched = keepUnmatched
  }
}
