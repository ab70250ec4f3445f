import MandateKit

/// The triage page: one event without a decision, its suggestions and the keys.
struct TriageView {
  var csrf: String
  var periodLabel: String
  var quarter: String
  var periods: [Option]
  var hasEvent: Bool
  var emptyMessage: String
  var canUndo: Bool
  var position: Int = 0
  var total: Int = 0
  var eventID: String = ""
  var shortID: String = ""
  var eventHref: String = ""
  var dateLabel: String = ""
  var titleSegments: [Segment] = []
  var snippetSegments: [Segment] = []
  var hasCandidates = false
  var candidates: [Candidate] = []
  var itemOptions: [Option] = []
  var hasPrevious = false
  var previousHref = ""
  var hasNext = false
  var nextHref = ""

  struct Candidate {
    var number: Int
    var item: String
    var label: String
    var itemText: String
    var score: String
    var reasons: [String]
  }

  /// "keyword “UNRCCA” in the title ×2: +1.31".
  static func reason(_ reason: Reason) -> String {
    let kind =
      switch reason.kind {
      case .keyword: "keyword"
      case .itemWord: "item word"
      case .priorityWord: "priority word"
      case .learned: "learned word"
      }
    let matched = reason.matched.map { " (as “\($0)”)" } ?? ""
    let times = reason.count > 1 ? " ×\(reason.count)" : ""
    return
      "\(kind) “\(reason.term)”\(matched) in the \(reason.field)\(times): +\(String(format: "%.2f", reason.contribution))"
  }

  mutating func show(
    _ suggestion: Suggestion, mandate: Mandate, position: Int, total: Int, previous: String?, next: String?
  ) {
    hasEvent = true
    self.position = position
    self.total = total
    let event = suggestion.event
    eventID = event.id
    shortID = String(event.id.prefix(8))
    eventHref = Format.eventHref(event.id)
    dateLabel = event.dateLabel
    titleSegments = [Segment(text: event.headline, marked: false)]
    snippetSegments = Segment.split(suggestion.snippet)
    candidates = suggestion.candidates.enumerated().map { offset, candidate in
      Candidate(
        number: offset + 1, item: candidate.item, label: mandate.item(id: candidate.item)?.shortLabel ?? "",
        itemText: mandate.item(id: candidate.item)?.text ?? "",
        score: String(format: "%.2f", candidate.score), reasons: candidate.reasons.prefix(4).map(Self.reason))
    }
    hasCandidates = !candidates.isEmpty
    itemOptions = mandate.items.map { Option(value: $0.id, label: $0.shortLabel, selected: false) }
    hasPrevious = previous != nil
    previousHref = previous ?? ""
    hasNext = next != nil
    nextHref = next ?? ""
  }
}
