/// The short label of an event's date, as every list, review screen, report and error message shows it.
///
/// It belongs to the model because it says what the model knows (a range, a month, a year, no date);
/// the terminal views, the reports and tagging all print the same words.
public enum DateLabel {
  /// "2024-04-10", "2024-04-08…11", "2024-04-30…2024-05-02", "2024-05", "2024", "undated".
  public static func text(date: Day?, dateEnd: Day?, precision: DatePrecision) -> String {
    guard let date else { return "undated" }
    switch precision {
    case .month: return String(date.description.prefix(7))
    case .year: return String(date.year)
    case .none: return "undated"
    case .day:
      guard let end = dateEnd, end != date else { return date.description }
      if end.year == date.year && end.month == date.month {
        return "\(date)…\(end.day < 10 ? "0" : "")\(end.day)"
      }
      return "\(date)…\(end)"
    }
  }
}

extension Event {
  /// The event's date as lists show it (see `DateLabel`).
  public var dateLabel: String { DateLabel.text(date: date, dateEnd: dateEnd, precision: datePrecision) }
}
