/// A progress report on a mandate for one period (a quarter of its term, or the whole term),
/// computed once by `ReportBuilder` and then rendered as text, Markdown, HTML, JSON or CSV.
///
/// Renderers only format: every number, list and gap is decided here. The JSON renderer is this
/// value's `Codable` form with sorted keys; `docs/report-json.md` documents it.
public struct QuarterlyReport: Sendable, Equatable, Codable {
  /// The JSON shape's version; bumped when a field changes meaning or disappears.
  public static let schemaVersion = 1

  public var schema: Int
  public var generator: Generator
  public var mandate: MandateHeader
  public var period: Period
  /// Events dated after this day are not counted.
  public var asOf: Day
  /// When set, decisions recorded after this instant are ignored (to reproduce an earlier report).
  public var recordedBy: String?
  /// When the report was made, only when asked for (`--timestamp`): reports are otherwise
  /// byte-identical for the same record and as-of day.
  public var generatedAt: String?
  public var counts: Counts
  public var coverage: Coverage
  public var priorities: [PriorityReport]
  public var gaps: Gaps
  public var delta: Delta?
  /// Events of the period without a standing tag.
  public var untagged: EventList
  /// Events without a date, or dated too coarsely (a year, a month across quarters) to place in
  /// a quarter.
  public var unplaced: EventList
  /// The quarters of the term up to the as-of date, with evidence counts per priority (for the
  /// chart and the term report).
  public var timeline: [TimelineQuarter]
  public var settings: Settings

  public struct Generator: Sendable, Equatable, Codable {
    public var tool: String
    public var version: String
  }

  public struct MandateHeader: Sendable, Equatable, Codable {
    public var id: String
    public var title: String
    public var organisation: String
    public var holder: String
    public var termStart: Day
    public var termEnd: Day
  }

  public struct Period: Sendable, Equatable, Codable {
    /// `quarter` or `term`.
    public var kind: String
    /// `2024 Q2`, `Q3` (term-relative) or `term`.
    public var label: String
    /// Used in file names: `2024-Q2`, `Q3`, `term`.
    public var slug: String
    public var start: Day
    public var end: Day
    /// Whether quarters are calendar quarters (a term starting on a quarter's first day).
    public var calendarQuarters: Bool
  }

  public struct Counts: Sendable, Equatable, Codable {
    /// Events placed in the period (and dated by the as-of day).
    public var eventsInPeriod: Int
    /// Of those, events with at least one standing tag.
    public var taggedEvents: Int
    /// Events of the period without a decision that have at least one suggestion.
    public var pendingSuggestions: Int
    /// Events in the record without any date (all of them, not only this term's).
    public var undated: Int
    /// Events that no quarter of the term can hold: undated, or dated only to a year or a span
    /// across quarters (listed in `unplaced`).
    public var unplaced: Int
    /// Tags standing on events of the period.
    public var tagsInPeriod: Int
    /// Event/item pairs of the period on which analysts disagree (absent when none): counted as
    /// disputed, not as evidence, until resolved.
    public var disputed: Int?
  }

  public struct Share: Sendable, Equatable, Codable {
    public var items: Int
    public var covered: Int
    /// covered / items, 0…1.
    public var share: Double
    /// Σ weight of covered items / Σ weight of all items.
    public var weightedShare: Double
  }

  public struct Coverage: Sendable, Equatable, Codable {
    /// Items with supporting evidence dated in the period.
    public var period: Share
    /// Items with supporting evidence dated from the term's start to the as-of day.
    public var toDate: Share
  }

  public struct PriorityReport: Sendable, Equatable, Codable {
    public var id: String
    public var title: String
    public var coverage: Coverage
    public var items: [ItemReport]
  }

  public struct EvidenceCounts: Sendable, Equatable, Codable {
    public var declaratory: Int
    public var material: Int
    public var contradicting: Int

    public var supporting: Int { declaratory + material }
    public var total: Int { declaratory + material + contradicting }
  }

  public struct StatusEntry: Sendable, Equatable, Codable {
    public var status: ItemStatus
    public var asOf: Day
    public var note: String
    public var by: String
  }

  public struct ItemReport: Sendable, Equatable, Codable {
    public var id: String
    /// The item's short name: its `label` in the mandate, else the first words of its text.
    public var label: String
    public var text: String
    public var weight: Double
    public var due: Day?
    public var indicator: String?
    /// The latest assessment on or before the as-of day.
    public var status: StatusEntry?
    public var evidencePeriod: EvidenceCounts
    public var evidenceToDate: EvidenceCounts
    /// The day of the latest supporting evidence up to the as-of day.
    public var lastEvidence: Day?
    /// Days from `lastEvidence` (or the term's start, when there is none) to the as-of day.
    public var daysWithoutEvidence: Int
    /// Events of the period without a decision that list this item among their suggestions.
    public var pendingSuggestions: Int
    /// Events of the period rejected for this item.
    public var rejectedInPeriod: Int
    /// Events of the period on which analysts disagree about this item (absent when none): not
    /// counted as evidence until resolved.
    public var disputed: Int?
    /// Evidence dated in the period, oldest first.
    public var evidence: [Evidence]
    /// The gaps this item shows, by kind.
    public var gaps: [GapKind]
  }

  public struct Evidence: Sendable, Equatable, Codable {
    public var event: String
    /// `2024-04-10`, `2024-04-08…11`, `2024-05`.
    public var dateLabel: String
    public var date: Day?
    public var title: String
    /// A URL when the event has one, else `file:line` of its first source.
    public var source: String
    public var sourceURL: String?
    public var strength: EvidenceStrength
    public var stance: Stance
    public var note: String?
    public var by: String
    /// The same event reported in another language, tagged for the item too and counted once with
    /// this one (`CrossLanguageLinker`); absent when there is none.
    public var alsoReported: String?

    // `sourceUrl` so that the snake_case key `source_url` reads back (the decoder would look
    // for `sourceUrl`).
    enum CodingKeys: String, CodingKey {
      case event, dateLabel, date, title, source, sourceURL = "sourceUrl", strength, stance, note, by, alsoReported
    }
  }

  public enum GapKind: String, Sendable, Equatable, Codable, CaseIterable {
    /// No event of the period was suggested for, tagged or rejected for the item.
    case noNews = "no-news"
    /// The period's only evidence speaks against the item.
    case onlyContradicting = "only-contradicting"
    /// Events of the period are suggested for the item but nobody has looked at them.
    case notReviewed = "not-reviewed"
    /// Events of the period were suggested and all were rejected.
    case reviewedNothingRelevant = "reviewed-nothing-relevant"
    /// No supporting evidence for longer than the stale threshold.
    case stale
    /// The item's `due` day has passed and it is not assessed as achieved.
    case pastDue = "past-due"
  }

  public struct Gaps: Sendable, Equatable, Codable {
    public var noNews: [String]
    public var onlyContradicting: [String]
    public var notReviewed: [String]
    public var reviewedNothingRelevant: [String]
    /// Items without supporting evidence for more than `settings.staleDays`, with the days.
    public var stale: [StaleItem]
    public var pastDue: [PastDueItem]

    public struct StaleItem: Sendable, Equatable, Codable {
      public var item: String
      public var days: Int
      public var lastEvidence: Day?
    }

    public struct PastDueItem: Sendable, Equatable, Codable {
      public var item: String
      public var due: Day
      public var status: ItemStatus?
    }
  }

  public struct Delta: Sendable, Equatable, Codable {
    /// The previous quarter's label.
    public var previous: String
    /// The previous quarter's coverage, as `coverage.period` is this one's.
    public var previousCoverage: Share
    /// Items with evidence in this period, and how much.
    public var newEvidence: [ItemCount]
    public var statusChanges: [StatusChange]
    public var newlyCovered: [String]
    public var newlyUncovered: [String]

    public struct ItemCount: Sendable, Equatable, Codable {
      public var item: String
      public var count: Int
    }

    public struct StatusChange: Sendable, Equatable, Codable {
      public var item: String
      public var from: ItemStatus?
      public var to: ItemStatus
    }
  }

  public struct EventReference: Sendable, Equatable, Codable {
    public var event: String
    public var dateLabel: String
    public var title: String
    /// `rejected` (reviewed, not evidence), `suggested` (pending suggestions) or `none`.
    public var review: String
  }

  public struct EventList: Sendable, Equatable, Codable {
    public var total: Int
    /// The first `ReportBuilder.listLimit` events, in date order.
    public var events: [EventReference]
  }

  public struct TimelineQuarter: Sendable, Equatable, Codable {
    public var label: String
    public var slug: String
    public var start: Day
    public var end: Day
    /// Supporting evidence per priority, in mandate order.
    public var evidence: [PriorityCount]
    /// Share of items with supporting evidence in the quarter.
    public var coverage: Double

    public struct PriorityCount: Sendable, Equatable, Codable {
      public var priority: String
      public var count: Int
    }
  }

  public struct Settings: Sendable, Equatable, Codable {
    public var staleDays: Int
    public var minScore: Double
    public var listLimit: Int
  }
}
