import Foundation
import Hummingbird
import MandateKit

/// What one search asks for, from the query string.
struct SearchRequest: Sendable {
  var text: String
  var quarter: String
  var item: String
  var undecided: Bool
  var page: Int
  static let pageSize = 20

  init(_ query: FormData) {
    text = query["q"] ?? ""
    quarter = query["quarter"] ?? ""
    item = query["item"] ?? ""
    undecided = query["undecided"] != nil
    page = max(1, min(Int(query["page"] ?? "") ?? 1, 10_000))
  }

  var isEmpty: Bool { text.isEmpty && quarter.isEmpty && item.isEmpty && !undecided }

  func href(page: Int) -> String {
    var parts: [String] = []
    if !text.isEmpty { parts.append("q=\(FormData.encode(text))") }
    if !quarter.isEmpty { parts.append("quarter=\(FormData.encode(quarter))") }
    if !item.isEmpty { parts.append("item=\(FormData.encode(item))") }
    if undecided { parts.append("undecided=1") }
    if page > 1 { parts.append("page=\(page)") }
    return "/search" + (parts.isEmpty ? "" : "?" + parts.joined(separator: "&"))
  }
}

/// A page of results.
struct SearchResults: Sendable {
  var mandate: Mandate
  var quarters: [Quarter]
  var hits: [SearchHit]
  var more: Bool
  var tagged: [String: [String]]
  var rejected: Set<String>
}

extension WebSite {
  /// `/search?q=`: full-text search with highlights, filtered by quarter, item and undecided.
  func addSearchRoutes(_ router: Router<WebContext>) {
    router.get("/search") { request, context -> Response in
      let search = SearchRequest(FormData(request.uri.query ?? ""))
      let results = try await self.search(search)
      let view = SearchView(search, results)
      return self.page(
        search.text.isEmpty ? "Search" : "Search: \(search.text)", content: WebTemplates.render(view, "search"),
        context: context, section: "search", query: search.text)
    }
  }

  /// Runs a search (or, without words, lists the filtered events by date).
  func search(_ search: SearchRequest) async throws -> SearchResults {
    try await read { view in
      let quarters = TermQuarters(term: view.mandate.term)
      var query = EventQuery(search: search.text.isEmpty ? nil : search.text, limit: SearchRequest.pageSize + 1)
      query.offset = (search.page - 1) * SearchRequest.pageSize
      if !search.quarter.isEmpty {
        query.range = try Self.quarter(search.quarter, of: view.mandate, status: .badRequest, path: nil).range
      }
      let state = try view.ledgerState()
      if !search.item.isEmpty {
        guard view.mandate.item(id: search.item) != nil else { throw Self.unknownItem(search.item, in: view.mandate) }
        query.onlyEvents = Set(state.tags(for: search.item).map(\.event))
      }
      if search.undecided {
        query.excludedEvents = view.memo("decided-events:\(view.mandate.id)") { state.decidedEvents }
      }
      var hits: [SearchHit] = []
      if search.isEmpty {
        hits = []
      } else if query.search != nil {
        hits = try view.index.search(query)
      } else {
        hits = try view.index.events(query).map { SearchHit(event: $0, rank: 0, snippet: "", markedTitle: nil) }
      }
      let more = hits.count > SearchRequest.pageSize
      hits = Array(hits.prefix(SearchRequest.pageSize))
      var tagged: [String: [String]] = [:]
      var rejected: Set<String> = []
      let lookup = try view.lookup()
      for hit in hits {
        if let tags = lookup.tagsByEvent[hit.event.id] { tagged[hit.event.id] = tags.map(\.item) }
        if lookup.rejectionsByEvent[hit.event.id] != nil { rejected.insert(hit.event.id) }
      }
      return SearchResults(
        mandate: view.mandate, quarters: quarters.quarters, hits: hits, more: more, tagged: tagged, rejected: rejected)
    }
  }
}
