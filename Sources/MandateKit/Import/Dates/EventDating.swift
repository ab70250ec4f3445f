/// The date an item's event happened, chosen between what its text says and the date its source gives.
///
/// A source's date (a feed's pubDate, a page's date, a JSONL `date`) is when the news was published;
/// the text may say when the event itself took place ("On 23 May 2024, the Council…"), and then that
/// day is the event's. But texts mention other dates too: the year of a plan ("the plan of joint
/// exercises for 2025"), a past event ("the Treaty signed in 1992", "since 2003"), a future meeting. So
/// an item whose source gives a date is re-dated only by a mention that
/// - is not a reference (see `DateExtractor`: "the decision of 23 November 2022", "signed in 1992");
/// - is more precise than the source's date: a day for a day or a month, a day or a month for a year,
///   never a year (a year says less than the source already does);
/// - does not come after the end of the source's date (plus one day, for time zones): news reports
///   what happened, and a later day is a plan;
/// - starts no more than `lookBackDays` before the source's date: older days are recalled, not reported.
/// The first such mention in the text wins, else the first in the title, else the source's date. An item
/// whose source gives no date takes the first mention that is not a reference, of any precision (the
/// text is all there is), from the text, then the title; otherwise it stays undated, never guessed.
public struct EventDating: Equatable, Sendable {
  /// The first day of the event (nil when undated).
  public var start: Day?
  /// The last day of a range, else nil.
  public var end: Day?
  public var precision: DatePrecision
  /// Where the date came from: the text, the title, the source's date, or nowhere.
  public var basis: DateBasis
  /// The words the date was read from, for `.text` and `.title`.
  public var evidence: String?

  /// How long before its publication an event may have happened and still be what the item reports.
  public static let lookBackDays = 60

  /// Creates a dating from its parts.
  public init(start: Day?, end: Day? = nil, precision: DatePrecision, basis: DateBasis, evidence: String? = nil) {
    self.start = start
    self.end = end
    self.precision = precision
    self.basis = basis
    self.evidence = evidence
  }

  /// Dates an item from its title and text and the date its source gives (`published`, with its
  /// precision); `referenceDate` supplies the year of yearless mentions when `published` is nil (a
  /// teaser dated by the page it sits on).
  public static func date(
    title: String?, text: String, published: Day?, publishedPrecision: DatePrecision = .day, referenceDate: Day? = nil
  ) -> EventDating {
    let reference = published ?? referenceDate
    let accept: (DateMention) -> Bool
    if let published, publishedPrecision != .none {
      accept = { mayRedate($0, published: published, precision: publishedPrecision) }
    } else {
      accept = { _ in true }
    }
    if let mention = DateExtractor.firstMention(in: text, referenceDate: reference, where: accept) {
      return EventDating(mention, basis: .text)
    }
    if let title, let mention = DateExtractor.firstMention(in: title, referenceDate: reference, where: accept) {
      return EventDating(mention, basis: .title)
    }
    if let published, publishedPrecision != .none {
      return EventDating(start: published, precision: publishedPrecision, basis: .published)
    }
    return EventDating(start: nil, precision: .none, basis: .none)
  }

  /// Whether `mention` may replace a source date `published` of `precision` (the rule above).
  public static func mayRedate(_ mention: DateMention, published: Day, precision: DatePrecision) -> Bool {
    guard !mention.isReference, mention.precision == .day || rank(mention.precision) < rank(precision) else {
      return false
    }
    let last: Day
    switch precision {
    case .month: last = published.endOfMonth
    case .year: last = Day(year: published.year, month: 12, day: 31)!
    default: last = published
    }
    return mention.start.days(until: last) >= -1 && mention.start.days(until: published) <= lookBackDays
  }

  private init(_ mention: DateMention, basis: DateBasis) {
    self.init(
      start: mention.start, end: mention.end, precision: mention.precision, basis: basis, evidence: mention.text)
  }

  /// Finer precisions rank lower.
  private static func rank(_ precision: DatePrecision) -> Int {
    switch precision {
    case .day: 0
    case .month: 1
    case .year: 2
    case .none: 3
    }
  }
}
