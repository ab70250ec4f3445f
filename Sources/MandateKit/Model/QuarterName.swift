/// Reads what a user types for `--quarter`, with one message for every command when it names no
/// quarter.
public enum QuarterName {
  /// The quarter of the term that `text` names: a calendar quarter (`2024Q2`, `2024-Q2`, `Q2 2024`)
  /// or a quarter of the term (`Q2`).
  public static func resolve(_ text: String, in quarters: TermQuarters, mandate: String) throws(QuarterError)
    -> Quarter
  {
    guard let quarter = quarters.quarter(named: text) else {
      throw .notInTerm(text, mandate: mandate, term: quarters.term, validForms: validForms(quarters))
    }
    return quarter
  }

  /// The days `text` names for commands that list events: any calendar quarter, or a quarter of
  /// the term when there is a mandate to say what the term is.
  public static func range(_ text: String, quarters: TermQuarters?, mandate: String?) throws(QuarterError) -> DayRange {
    if let calendar = Quarter.parseCalendar(text) { return calendar.range }
    guard let quarters, let mandate else { throw .notAQuarter(text) }
    return try resolve(text, in: quarters, mandate: mandate).range
  }

  /// "2024Q1 to 2024Q4, or Q1 to Q4" for a calendar term; the term's own quarters otherwise.
  static func validForms(_ quarters: TermQuarters) -> String {
    guard let first = quarters.quarters.first, let last = quarters.quarters.last else { return "" }
    let own = quarters.quarters.count == 1 ? "Q1" : "Q1 to Q\(quarters.quarters.count)"
    let firstCalendar = Quarter.calendar(containing: first.range.start)
    let lastCalendar = Quarter.calendar(containing: last.range.start)
    let calendar =
      firstCalendar == lastCalendar ? compact(firstCalendar) : "\(compact(firstCalendar)) to \(compact(lastCalendar))"
    return quarters.isCalendar
      ? "\(calendar), or \(own)"
      : "\(own) (the term's own quarters), or the calendar quarter one of them starts in (\(calendar))"
  }

  /// `2024Q2`, the form the messages and the help suggest.
  static func compact(_ quarter: Quarter) -> String { "\(quarter.range.start.year)Q\(quarter.number)" }
}

/// A `--quarter` that names no quarter; a usage error, with the same words in every command.
public enum QuarterError: MandateUsageError, Equatable {
  case notInTerm(String, mandate: String, term: DayRange, validForms: String)
  case notAQuarter(String)

  public var errorDescription: String? {
    switch self {
    case .notInTerm(let text, let mandate, let term, let forms):
      return "`\(text)` is not a quarter of the term of \(mandate) (\(term.start) to \(term.end)); write \(forms)"
    case .notAQuarter(let text):
      return "`\(text)` is not a quarter; write a calendar quarter such as 2024Q2, or Q2 of the mandate's term"
    }
  }
}
