/// The words every report and the command line use for the report's ideas, in one place, so that
/// the text, Markdown and HTML reports, `review` and the docs say the same thing the same way.
///
/// `docs/report-json.md` lists them beside the JSON values; a test keeps the two in step.
public enum ReportWording {
  /// What a report says about disputed pairs, in every format.
  public static func disputed(_ count: Int) -> String {
    "\(count) event/item pair\(count == 1 ? " is" : "s are") disputed between analysts: counted as disputed, not as evidence, until resolved (`mandate review --conflicts`)"
  }

  /// A status as people read it: the value's words without hyphens ("in progress"); "not
  /// assessed" when no assessment speaks for the day.
  public static func status(_ status: ItemStatus?) -> String {
    guard let status else { return notAssessed }
    return status.rawValue.replacingOccurrences(of: "-", with: " ")
  }

  /// An item no assessment speaks for yet (as opposed to one assessed as `not-yet-rated`).
  public static let notAssessed = "not assessed"

  /// A gap kind's name.
  public static func gap(_ gap: QuarterlyReport.GapKind) -> String {
    switch gap {
    case .noNews: "no news"
    case .onlyContradicting: "only evidence against"
    case .notReviewed: "not reviewed"
    case .reviewedNothingRelevant: "nothing relevant"
    case .stale: "stale"
    case .pastDue: "past due"
    }
  }

  /// What a gap kind means, in a sentence.
  public static func gapExplanation(_ gap: QuarterlyReport.GapKind, staleDays: Int) -> String {
    switch gap {
    case .noNews: "No event of the period was suggested for, tagged or rejected for these items."
    case .onlyContradicting: "The only evidence of the period for these items speaks against them."
    case .notReviewed: "Events of the period are suggested for these items and nobody has reviewed them yet."
    case .reviewedNothingRelevant: "Events of the period were suggested for these items and all were rejected."
    case .stale: "No supporting evidence for more than \(staleDays) days by the as-of day."
    case .pastDue: "The due day has passed and the item is not assessed as achieved."
    }
  }

  /// The order in which the summary names what needs attention: what is late or speaks
  /// against the mandate first, then what waits for the analyst, then silence.
  public static let attentionOrder: [QuarterlyReport.GapKind] = [
    .pastDue, .onlyContradicting, .notReviewed, .stale, .noNews, .reviewedNothingRelevant,
  ]

  /// An event's review state in the event lists (`EventReference.review`).
  public static func review(_ review: String) -> String {
    switch review {
    case "rejected": "rejected"
    case "suggested": "suggested, not reviewed"
    default: "no suggestion"
    }
  }

  /// The untagged events of the period.
  public static let untagged = "Untagged events of the period"
  public static let untaggedExplanation =
    "Events placed in the period without a standing tag, and whether they were reviewed."
  /// Events no quarter of the term can hold.
  public static let unplaced = "Unplaced events"
  public static let unplacedExplanation =
    "Events in the record without a date, or dated too coarsely (a year, a month across quarters) to place in a quarter."

  /// Declaratory · material · contradicting, the three kinds of tag the reports count.
  public static let evidenceKinds = "declaratory/material/contradicting"

  /// "P1.1 UN cooperation".
  public static func item(_ item: QuarterlyReport.ItemReport) -> String { "\(item.id) \(item.label)" }

  /// "1 tag", "3 tags".
  public static func count(_ count: Int, _ noun: String, plural: String? = nil) -> String {
    "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
  }
}
