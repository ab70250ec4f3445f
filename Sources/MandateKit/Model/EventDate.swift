/// How precisely an event's date is known.
///
/// A text that only says "in 2024" must not be reported as if it happened on 1 January, so the precision
/// travels with every date; `.none` is for events whose text gives no date at all.
public enum DatePrecision: String, Codable, Sendable, CaseIterable {
  case day, month, year, none
}

/// A date written in a text.
///
/// It keeps the words it was read from and where they are, so that a reviewer can check why an event got
/// its date, and it says whether the year was guessed and whether the date belongs to the event at all.
public struct DateMention: Equatable, Sendable {
  /// The first day the mention covers: the day itself, the first day of a range, month or year.
  public var start: Day
  /// Last day of a range ("From April 8 to 11, 2024" → 2024-04-11); nil for a single date.
  public var end: Day?
  /// .day, .month ("in April 2024") or .year ("in 2024"); never .none.
  public var precision: DatePrecision
  /// The exact span as written in the input, e.g. "From April 8 to 11, 2024" or "On 10 April 2024".
  public var text: String
  /// Offset of the span's first character in the input, counted in Unicode scalars.
  public var offset: Int
  /// True when the year was not written and was inferred from the reference date.
  public var yearInferred: Bool
  /// True when the mention refers to a document or past decision rather than the event ("the decision of 23
  /// November 2022").
  public var isReference: Bool

  /// Creates a mention from its parts; the extractor is the usual source, this is for callers and tests.
  public init(
    start: Day, end: Day? = nil, precision: DatePrecision, text: String, offset: Int,
    yearInferred: Bool = false, isReference: Bool = false
  ) {
    self.start = start
    self.end = end
    self.precision = precision
    self.text = text
    self.offset = offset
    self.yearInferred = yearInferred
    self.isReference = isReference
  }
}
