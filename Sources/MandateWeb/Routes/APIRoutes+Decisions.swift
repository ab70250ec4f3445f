import Foundation
import Hummingbird
import MandateKit

extension WebSite {
  /// `GET /api/suggestions`: undecided events with candidates, in date order, as
  /// `suggest --format json` gives them; `quarter`, `limit` (default 100), `top`, `min_score`.
  func suggestionsJSON(_ form: FormData) async throws -> Response {
    let limit = form["limit"].map { Int($0) } ?? 100
    let top = form["top"].map { Int($0) } ?? 3
    let minScore = form["min_score"].map { Double($0) } ?? SuggestionQuery.defaultMinScore
    guard let limit, (1...10_000).contains(limit) else {
      throw WebPageError(status: .badRequest, message: "limit must be a number from 1 to 10000")
    }
    guard let top, (1...9).contains(top) else {
      throw WebPageError(status: .badRequest, message: "top must be a number from 1 to 9")
    }
    guard let minScore, (0...1).contains(minScore) else {
      throw WebPageError(status: .badRequest, message: "min_score must be a number from 0 to 1")
    }
    let quarter = form["quarter"] ?? ""
    let text = try await read { view -> String in
      let range = quarter.isEmpty ? nil : try Self.quarterRange(quarter, view.mandate)
      let state = try view.ledgerState()
      let queue = try view.memo(Self.queueKey(range), scope: .eventsAndMandates) {
        try SuggestionQueue(mandate: view.mandate, index: view.index, state: state, range: range)
      }
      let decided = view.memo("decided-events:\(view.mandate.id)") { state.decidedEvents }
      var renderer = SuggestionRenderer(format: .json)
      var out = renderer.begin()
      var count = 0
      for event in queue.events where !decided.contains(event.id) {
        guard count < limit else { break }
        guard let suggestion = try queue.suggestion(for: event.id, index: view.index, top: top, minScore: minScore),
          !suggestion.candidates.isEmpty
        else { continue }
        out += renderer.render(suggestion)
        count += 1
      }
      return out + renderer.end()
    }
    return json(text)
  }

  /// `POST /api/decisions`: a tag, untag, rejection or status, recorded as the CLI records it.
  func record(_ request: APIDecisionRequest, context: WebContext) async throws -> Response {
    let by = analyst(context)
    let items = request.items ?? request.item.map { [$0] } ?? []
    func need(_ value: String?, _ name: String) throws -> String {
      guard let value, !value.isEmpty else {
        throw WebPageError(status: .badRequest, message: "a \(request.kind) needs `\(name)`")
      }
      return value
    }
    let outcome: DecisionDesk.Outcome
    let verb: (String, String)
    switch request.kind {
    case "tag":
      let event = try need(request.event, "event")
      guard !items.isEmpty else { throw WebPageError(status: .badRequest, message: "a tag needs `items`") }
      guard let strength = EvidenceStrength(rawValue: request.strength ?? "declaratory") else {
        throw WebPageError(status: .badRequest, message: "strength is declaratory or material")
      }
      guard let stance = Stance(rawValue: request.stance ?? "supports") else {
        throw WebPageError(status: .badRequest, message: "stance is supports or contradicts")
      }
      let note = request.note
      outcome = try await write { desk in
        try desk.tag(event: event, items: items, strength: strength, stance: stance, note: note, by: by)
      }
      verb = ("tagged", "as \(strength.rawValue) evidence \(stance == .contradicts ? "against" : "for")")
    case "untag":
      let event = try need(request.event, "event")
      guard !items.isEmpty else { throw WebPageError(status: .badRequest, message: "an untag needs `items`") }
      outcome = try await write { desk in try desk.untag(event: event, items: items, by: by) }
      verb = ("untagged", "from")
    case "reject":
      let event = try need(request.event, "event")
      guard !items.isEmpty else { throw WebPageError(status: .badRequest, message: "a reject needs `items`") }
      let note = request.note
      outcome = try await write { desk in try desk.reject(event: event, items: items, note: note, by: by) }
      verb = ("rejected", "for")
    case "resolve":
      let event = try need(request.event, "event")
      let item = try need(request.item ?? items.first, "item")
      guard let verdict = Verdicts.parse(try need(request.verdict, "verdict")) else {
        throw WebPageError(status: .badRequest, message: "verdict is one of \(Verdicts.names.joined(separator: ", "))")
      }
      let note = request.note
      outcome = try await write { desk in
        try desk.resolve(event: event, item: item, verdict: verdict, note: note, by: by)
      }
      verb = ("resolved", "as \(verdict.description)")
    case "status":
      let item = try need(request.item ?? items.first, "item")
      guard let status = ItemStatus(rawValue: try need(request.status, "status")) else {
        throw WebPageError(
          status: .badRequest,
          message: "status is one of \(ItemStatus.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      let asOf = try request.as_of.map { try Self.day($0, "as_of") }
      let note = request.note ?? ""
      outcome = try await write { desk in try desk.status(item: item, status: status, note: note, asOf: asOf, by: by) }
      verb = ("assessed", "")
    default:
      throw WebPageError(status: .badRequest, message: "kind is tag, untag, reject, resolve or status")
    }
    let response = APIDecisionResponse(
      recorded: outcome.recorded.map(APIDecision.init), unchanged: outcome.unchanged, warnings: outcome.warnings,
      message: outcome.message(verb: verb.0, detail: verb.1))
    return json(response, status: outcome.recorded.isEmpty ? .ok : .created)
  }
}
