import MandateKit

/// The search page: the form, one page of hits with their matches marked, and page links.
struct SearchView {
  var query: String
  var periods: [Option]
  var itemOptions: [Option]
  var undecided: Bool
  var hasSummary: Bool
  var summary: String
  var hasHits: Bool
  var start: Int
  var hits: [Hit]
  var pageSize: Int
  var hasPrevious: Bool
  var previousHref: String
  var hasNext: Bool
  var nextHref: String

  struct Hit {
    var href: String
    var shortID: String
    var dateLabel: String
    var titleSegments: [Segment]
    var hasSnippet: Bool
    var snippetSegments: [Segment]
    var hasTagged: Bool
    var tagged: String
    var rejected: Bool
  }

  init(_ search: SearchRequest, _ results: SearchResults) {
    query = search.text
    periods =
      [Option(value: "", label: "Any time", selected: search.quarter.isEmpty)]
      + results.quarters.map {
        let value = Format.quarterParameter($0)
        return Option(value: value, label: $0.label, selected: value.lowercased() == search.quarter.lowercased())
      }
    itemOptions =
      [Option(value: "", label: "Any item, or none", selected: search.item.isEmpty)]
      + results.mandate.items.map {
        Option(
          value: $0.id, label: "\($0.id) \($0.shortLabel)", selected: $0.id == search.item)
      }
    undecided = search.undecided
    start = (search.page - 1) * SearchRequest.pageSize + 1
    pageSize = SearchRequest.pageSize
    hits = results.hits.map { hit in
      let title = hit.markedTitle ?? hit.event.headline
      return Hit(
        href: Format.eventHref(hit.event.id), shortID: String(hit.event.id.prefix(8)),
        dateLabel: EventSummary(hit.event).dateLabel, titleSegments: Segment.split(title),
        hasSnippet: !hit.snippet.isEmpty, snippetSegments: Segment.split(hit.snippet),
        hasTagged: results.tagged[hit.event.id] != nil,
        tagged: (results.tagged[hit.event.id] ?? []).joined(separator: ", "),
        rejected: results.rejected.contains(hit.event.id))
    }
    hasHits = !hits.isEmpty
    if search.isEmpty {
      hasSummary = false
      summary = ""
    } else {
      hasSummary = true
      summary =
        hits.isEmpty
        ? (search.page > 1 ? "No more events." : "No event matches.")
        : "Events \(start)–\(start + hits.count - 1)\(results.more ? ", and more" : "")."
    }
    hasPrevious = search.page > 1
    previousHref = search.href(page: search.page - 1)
    hasNext = results.more
    nextHref = search.href(page: search.page + 1)
  }
}
