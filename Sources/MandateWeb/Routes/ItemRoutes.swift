import Foundation
import Hummingbird
import MandateKit

extension WebSite {
  /// `/items/<id>`: wording, keywords, indicator, evidence timeline, status history, and a new
  /// assessment.
  func addItemRoutes(_ router: Router<WebContext>) {
    router.get("/items/:id") { _, context -> Response in
      let id = context.parameters.get("id") ?? ""
      let today = MandateClock.today()
      let (mandate, state, events) = try await self.read { view in
        guard view.mandate.item(id: id) != nil else { throw Self.unknownItem(id, in: view.mandate) }
        let state = try view.ledgerState()
        let events = try view.index.events(ids: Set(state.tags(for: id).map(\.event)))
        return (view.mandate, state, events)
      }
      guard let item = mandate.item(id: id), let priority = mandate.priority(ofItem: id) else {
        throw Self.unknownItem(id, in: mandate)
      }
      let view = ItemView(
        item: item, priority: priority, state: state, events: events, today: today,
        term: mandate.term, csrf: context.session?.csrf ?? "")
      return self.page(
        "\(item.id) \(item.shortLabel)", content: WebTemplates.render(view, "item"), context: context)
    }
    router.post("/items/:id/status") { _, context -> Response in
      let id = context.parameters.get("id") ?? ""
      let form = context.form
      guard let status = ItemStatus(rawValue: form["status"] ?? "") else {
        throw WebPageError(
          status: .badRequest,
          message: "choose a status: \(ItemStatus.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      var asOf: Day?
      if let text = form["as_of"] {
        guard let day = Day(iso: text) else {
          throw WebPageError(status: .badRequest, message: "as of \(text) is not a date (YYYY-MM-DD)")
        }
        asOf = day
      }
      let note = form["note"] ?? ""
      let by = self.analyst(context)
      let day = asOf
      do {
        let outcome = try await self.write { desk in
          try desk.status(item: id, status: status, note: note, asOf: day, by: by)
        }
        if let recorded = outcome.recorded.first {
          self.flash(context, "\(recorded.item) is \(status.rawValue) as of \(recorded.asOf!) (by \(recorded.by)).")
        }
      } catch TaggingError.missingJustification {
        self.flash(context, "Not recorded: a status needs a justification.")
      }
      return .redirect(to: Format.itemHref(id))
    }
  }

  static func unknownItem(_ id: String, in mandate: Mandate) -> WebPageError {
    let ids = mandate.items.map(\.id)
    let closest = Spelling.closest(to: id, in: ids, limit: 3)
    return WebPageError(
      status: .notFound, message: "No item `\(id)` in this mandate.",
      suggestions: closest.map {
        ErrorView.Suggestion(href: Format.itemHref($0), label: $0, detail: mandate.item(id: $0)?.text ?? "")
      })
  }
}
