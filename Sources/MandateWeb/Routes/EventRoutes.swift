import Foundation
import Hummingbird
import MandateKit

extension WebSite {
  /// `/events/<id>` (any unique prefix): the event, its decisions, and tag, untag and reject.
  func addEventRoutes(_ router: Router<WebContext>) {
    router.get("/events/:id") { _, context -> Response in
      let reference = context.parameters.get("id") ?? ""
      let (event, mandate, lookup) = try await self.read { view in
        (try view.index.resolve(reference), view.mandate, try view.lookup())
      }
      if event.id != reference {
        // One address per event: a prefix or an alias leads to the full id.
        return .redirect(to: Format.eventHref(event.id), type: .found)
      }
      let view = EventView(
        event: event, mandate: mandate, lookup: lookup,
        csrf: context.session?.csrf ?? "")
      return self.page(
        event.headline, content: WebTemplates.render(view, "event"), context: context)
    }
    router.post("/events/:id/decide") { _, context -> Response in
      let event = context.parameters.get("id") ?? ""
      let form = context.form
      let items = form.all("item")
      let by = self.analyst(context)
      let note = form["note"]
      guard !items.isEmpty else {
        self.flash(context, "Not recorded: choose at least one item.")
        return .redirect(to: Format.eventHref(event))
      }
      switch form["action"] {
      case "reject":
        let outcome = try await self.write { desk in try desk.reject(event: event, items: items, note: note, by: by) }
        self.report(outcome, verb: "rejected", detail: "for", context: context)
      default:
        let strength = EvidenceStrength(rawValue: form["strength"] ?? "") ?? .declaratory
        let stance: Stance = form.has("contradicts") ? .contradicts : .supports
        let outcome = try await self.write { desk in
          try desk.tag(event: event, items: items, strength: strength, stance: stance, note: note, by: by)
        }
        self.report(
          outcome, verb: "tagged",
          detail: "as \(strength.rawValue) evidence \(stance == .contradicts ? "against" : "for")", context: context)
      }
      return .redirect(to: Format.eventHref(event))
    }
    router.post("/events/:id/resolve") { _, context -> Response in
      let event = context.parameters.get("id") ?? ""
      let item = context.form["item"] ?? ""
      guard let verdict = Verdicts.parse(context.form["verdict"] ?? "") else {
        throw WebPageError(
          status: .badRequest, message: "choose a resolution: \(Verdicts.names.joined(separator: ", "))")
      }
      let by = self.analyst(context)
      let note = context.form["note"]
      let outcome = try await self.write { desk in
        try desk.resolve(event: event, item: item, verdict: verdict, note: note, by: by)
      }
      self.report(outcome, verb: "resolved", detail: "as \(verdict.description)", context: context)
      return .redirect(to: Format.eventHref(event))
    }
    router.post("/events/:id/untag") { _, context -> Response in
      let event = context.parameters.get("id") ?? ""
      let items = context.form.all("item")
      let by = self.analyst(context)
      let outcome = try await self.write { desk in try desk.untag(event: event, items: items, by: by) }
      self.report(outcome, verb: "untagged", detail: "from", context: context)
      return .redirect(to: Format.eventHref(event))
    }
  }

  /// What a decision did, as the next page's message (the CLI prints the same line).
  func report(_ outcome: DecisionDesk.Outcome, verb: String, detail: String, context: WebContext) {
    for warning in outcome.warnings { flash(context, "Warning: \(warning)") }
    for unchanged in outcome.unchanged { flash(context, "Unchanged: \(unchanged)") }
    if let message = outcome.message(verb: verb, detail: detail) {
      flash(context, message.prefix(1).uppercased() + message.dropFirst() + ".")
    }
  }
}
