import Foundation
import Hummingbird
import MandateKit

extension WebSite {
  /// `/triage`: the events without a decision one at a time, as `mandate review` shows them.
  func addTriageRoutes(_ router: Router<WebContext>) {
    router.get("/triage") { request, context -> Response in
      let query = FormData(request.uri.query ?? "")
      let triage = try await self.triage(quarter: query["quarter"], event: query["event"], after: query["after"])
      var view = TriageView(
        csrf: context.session?.csrf ?? "", periodLabel: triage.periodLabel, quarter: triage.quarter,
        periods: triage.periods, hasEvent: false,
        emptyMessage: "Nothing to triage: every event in \(triage.periodLabel) has a decision.",
        canUndo: !(context.session?.undo.isEmpty ?? true))
      if let current = triage.current {
        view.show(
          current.suggestion, mandate: triage.mandate, position: current.position, total: triage.total,
          previous: current.previous.map { self.triageHref(quarter: triage.quarter, event: $0) },
          next: current.next.map { self.triageHref(quarter: triage.quarter, event: $0) })
      }
      return self.page(
        "Triage", content: WebTemplates.render(view, "triage"), context: context, section: "triage", script: true)
    }
    router.post("/triage/decide") { _, context -> Response in
      try await self.decideFromTriage(context)
    }
    router.post("/triage/undo") { _, context -> Response in
      let quarter = context.form["quarter"] ?? ""
      guard let session = context.session, let last = session.undo.last else {
        self.flash(context, "Nothing to undo in this session.")
        return .redirect(to: self.triageHref(quarter: quarter, event: context.form["event"]))
      }
      let undone = try await self.write { desk in try desk.undo(last) }
      if undone {
        self.sessions.update(session.id) { _ = $0.undo.popLast() }
        self.flash(context, "Undone: \(last.map(Self.describe).joined(separator: "; ")).")
      } else {
        self.flash(context, "The ledger changed since (another process wrote to it); nothing undone.")
      }
      return .redirect(to: self.triageHref(quarter: quarter, event: last.first?.event))
    }
  }

  func triageHref(quarter: String, event: String?, after: Bool = false) -> String {
    var parts: [String] = []
    if !quarter.isEmpty { parts.append("quarter=\(FormData.encode(quarter))") }
    if let event { parts.append("\(after ? "after" : "event")=\(event)") }
    return "/triage" + (parts.isEmpty ? "" : "?" + parts.joined(separator: "&"))
  }

  /// "tag P1.1 of fc81e802", for undo messages.
  static func describe(_ decision: Decision) -> String {
    "\(decision.kind.rawValue) \(decision.item)\(decision.event.map { " of \($0.prefix(8))" } ?? "")"
  }

  /// One keystroke of the triage form, recorded at once.
  func decideFromTriage(_ context: WebContext) async throws -> Response {
    let form = context.form
    let quarter = form["quarter"] ?? ""
    guard let event = form["event"], let action = form["action"] else {
      throw WebPageError(status: .badRequest, message: "The form is missing the event or the action.")
    }
    let back = triageHref(quarter: quarter, event: event)
    let triage = try await self.triage(quarter: quarter, event: event, after: nil)
    let candidates = triage.current?.suggestion.event.id == event ? triage.current?.suggestion.candidates ?? [] : []
    let strength: EvidenceStrength = form.has("material") ? .material : .declaratory
    let stance: Stance = form.has("contradicts") ? .contradicts : .supports
    let note = form["note"]
    let by = analyst(context)
    let typed = (form["tag_items"] ?? "").split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
    let decision: (verb: String, detail: String, write: @Sendable (DecisionDesk) throws -> DecisionDesk.Outcome)
    switch action {
    case let accept where accept.hasPrefix("accept-"):
      guard let number = Int(accept.dropFirst(7)), candidates.indices.contains(number - 1) else {
        flash(context, "Not recorded: there is no suggestion \(accept.dropFirst(7)) for this event.")
        return .redirect(to: back)
      }
      let item = candidates[number - 1].item
      decision = (
        "tagged", "as \(strength.rawValue) evidence \(stance == .contradicts ? "against" : "for")",
        { desk in try desk.tag(event: event, items: [item], strength: strength, stance: stance, note: note, by: by) }
      )
    case "reject":
      guard !candidates.isEmpty else {
        flash(context, "Not recorded: there are no suggestions to reject; s skips, t tags an item.")
        return .redirect(to: back)
      }
      let items = candidates.map(\.item)
      decision = ("rejected", "for", { desk in try desk.reject(event: event, items: items, note: note, by: by) })
    case "tag", "enter":
      guard !typed.isEmpty else {
        flash(context, "Not recorded: choose a suggestion (1–9), reject (r), or type item ids to tag (t).")
        return .redirect(to: back)
      }
      decision = (
        "tagged", "as \(strength.rawValue) evidence \(stance == .contradicts ? "against" : "for")",
        { desk in try desk.tag(event: event, items: typed, strength: strength, stance: stance, note: note, by: by) }
      )
    default:
      throw WebPageError(status: .badRequest, message: "Unknown action \(action).")
    }
    let outcome: DecisionDesk.Outcome
    do {
      outcome = try await write(decision.write)
    } catch let error as TaggingError {
      flash(context, "Not recorded: \(error.errorDescription ?? "\(error)").")
      return .redirect(to: back)
    }
    for warning in outcome.warnings { flash(context, "Warning: \(warning)") }
    for unchanged in outcome.unchanged { flash(context, "Unchanged: \(unchanged)") }
    if let message = outcome.message(verb: decision.verb, detail: decision.detail), let session = context.session {
      sessions.update(session.id) { $0.undo.append(outcome.recorded) }
      flash(context, message.prefix(1).uppercased() + message.dropFirst() + ".")
    }
    return .redirect(to: triageHref(quarter: quarter, event: event, after: true))
  }
}
