import Foundation
import MandateKit

/// A ledger entry in the JSON API.
struct APIDecision: Codable, Equatable {
  var kind: String
  var event: String?
  var item: String
  var strength: String?
  var stance: String?
  var note: String?
  var status: String?
  var as_of: String?
  var by: String
  var at: String

  init(_ decision: Decision) {
    kind = decision.kind.rawValue
    event = decision.event
    item = decision.item
    strength = decision.strength?.rawValue
    stance = decision.stance?.rawValue
    note = decision.note
    status = decision.status?.rawValue
    as_of = decision.asOf?.description
    by = decision.by
    at = Timestamp.format(decision.at)
  }
}

/// A standing tag in the JSON API.
struct APITag: Codable, Equatable {
  var item: String
  var strength: String
  var stance: String
  var note: String?
  var by: String
  var at: String

  init(_ tag: LedgerState.Tag) {
    item = tag.item
    strength = tag.strength.rawValue
    stance = tag.stance.rawValue
    note = tag.note
    by = tag.by
    at = Timestamp.format(tag.at)
  }
}

/// `GET /api/events/<id>`: the event as `show --format json` gives it, and its decisions.
struct APIEventDetail: Encodable {
  var event: EventRenderer.JSONEvent
  var tags: [APITag]
  var rejections: [String]
  var decisions: [APIDecision]
}

/// `POST /api/decisions`: one decision, as the CLI's `tag`, `untag`, `reject` and `status` take it.
struct APIDecisionRequest: Decodable {
  var kind: String
  var event: String?
  var items: [String]?
  var item: String?
  var strength: String?
  var stance: String?
  var note: String?
  var status: String?
  var as_of: String?
  /// For a resolution: `reject`, or `STRENGTH-STANCE` (`material-supports`).
  var verdict: String?
}

/// What `POST /api/decisions` did.
struct APIDecisionResponse: Encodable {
  var recorded: [APIDecision]
  var unchanged: [String]
  var warnings: [String]
  var message: String?
}

/// `GET /api/session`: what a script needs to post decisions.
struct APISession: Encodable {
  var csrfToken: String
  var user: String?
  var analyst: String
  var signInRequired: Bool
}
