import Foundation
import Hummingbird
import MandateKit

extension WebSite {
  /// The JSON API under `/api/` (docs/api.md): the same documents as the CLI's `--format json`.
  func addAPIRoutes(_ router: Router<WebContext>) {
    router.get("/api/session") { _, context -> Response in
      self.json(
        APISession(
          csrfToken: context.session?.csrf ?? "", user: context.session?.user, analyst: self.analyst(context),
          signInRequired: self.configuration.users != nil))
    }
    router.get("/api/report/:period") { request, context -> Response in
      let period = context.parameters.get("period") ?? ""
      let asOf = try Self.asOf(request)
      let today = MandateClock.today()
      let text = try await self.cached("report-json:\(period.lowercased()):\(asOf?.description ?? "-"):\(today)") {
        view in
        let report = try Self.buildReport(view, period: period, asOf: asOf, today: today)
        return try ReportRenderers.renderer(for: .json).render(report, context: RenderContext())
      }
      return self.json(text)
    }
    router.get("/api/events") { request, _ -> Response in
      let query = try await self.eventQuery(FormData(request.uri.query ?? ""))
      let text = try await self.read { view in
        let hits = query.search != nil ? try view.index.search(query) : nil
        let events = try hits?.map(\.event) ?? view.index.events(query)
        return try EventRenderer.list(events, hits: hits, abbreviations: [:], format: .json, width: 80, style: .plain)
      }
      return self.json(text)
    }
    router.get("/api/events/:id") { _, context -> Response in
      let reference = context.parameters.get("id") ?? ""
      let detail = try await self.read { view -> String in
        let event = try view.index.resolve(reference)
        let state = try view.ledgerState()
        let names = Set([event.id] + event.aliases)
        let decisions = try view.memo("decisions:\(view.mandate.id)") {
          try view.index.decisions(mandate: view.mandate.id)
        }
        .filter { $0.event.map(names.contains) ?? false }
        return try JSON.encode(
          APIEventDetail(
            event: EventRenderer.JSONEvent(event), tags: state.tags(forEvent: event.id).map(APITag.init),
            rejections: state.rejections.keys.filter { $0.event == event.id }.map(\.item).sorted(),
            decisions: decisions.map(APIDecision.init)))
      }
      return self.json(detail)
    }
    router.get("/api/suggestions") { request, _ -> Response in
      try await self.suggestionsJSON(FormData(request.uri.query ?? ""))
    }
    router.post("/api/decisions") { request, context -> Response in
      var request = request
      let body = try await request.collectBody(upTo: RequestGuard.maxBody)
      let decision: APIDecisionRequest
      do {
        decision = try JSONDecoder().decode(APIDecisionRequest.self, from: Data(buffer: body))
      } catch {
        throw WebPageError(status: .badRequest, message: "the body is not a decision (JSON; see docs/api.md): \(error)")
      }
      return try await self.record(decision, context: context)
    }
  }

  /// `quarter`, `from`, `to`, `q`, `undated`, `limit` (default 100, at most 10,000), `offset`.
  func eventQuery(_ form: FormData) async throws -> EventQuery {
    var query = EventQuery(search: form["q"])
    if form["undated"] != nil { query.undatedOnly = true }
    let limit = form["limit"].map { Int($0) } ?? 100
    guard let limit, (1...10_000).contains(limit) else {
      throw WebPageError(status: .badRequest, message: "limit must be a number from 1 to 10000")
    }
    query.limit = limit
    if let offset = form["offset"] {
      guard let value = Int(offset), value >= 0 else {
        throw WebPageError(status: .badRequest, message: "offset must be a number from 0")
      }
      query.offset = value
    }
    let quarter = form["quarter"]
    let from = try form["from"].map { try Self.day($0, "from") }
    let to = try form["to"].map { try Self.day($0, "to") }
    if let quarter {
      guard from == nil && to == nil else {
        throw WebPageError(status: .badRequest, message: "use quarter or from/to, not both")
      }
      query.range = try await read { view in try Self.quarterRange(quarter, view.mandate) }
    } else if from != nil || to != nil {
      let start = from ?? Day(year: 1, month: 1, day: 1)!
      let end = to ?? Day(year: 9999, month: 12, day: 31)!
      guard start <= end else { throw WebPageError(status: .badRequest, message: "from \(start) is after to \(end)") }
      query.range = DayRange(start: start, end: end)
    }
    return query
  }

  static func day(_ text: String, _ name: String) throws -> Day {
    guard let day = Day(iso: text) else {
      throw WebPageError(status: .badRequest, message: "\(name) \(text) is not a date (YYYY-MM-DD)")
    }
    return day
  }

  static func quarterRange(_ text: String, _ mandate: Mandate) throws -> DayRange {
    try quarter(text, of: mandate, status: .badRequest, path: nil).range
  }

  /// The quarter of the mandate's term that `text` names, or the CLI's message for one that
  /// names none, with links to the term's quarters under `path` when given.
  static func quarter(_ text: String, of mandate: Mandate, status: HTTPResponse.Status, path: String?) throws
    -> Quarter
  {
    let quarters = TermQuarters(term: mandate.term)
    do {
      return try QuarterName.resolve(text, in: quarters, mandate: mandate.id)
    } catch {
      throw WebPageError(
        status: status, message: error.errorDescription ?? "",
        suggestions: path.map { path in
          quarters.quarters.map { .init(href: path + Format.quarterParameter($0), label: $0.label) }
        } ?? [])
    }
  }
}
