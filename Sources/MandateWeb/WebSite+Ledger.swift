import Foundation
import MandateKit

/// The ledger arranged by event, computed once per state of the files: pages look up one
/// event's tags and decisions among tens of thousands.
struct LedgerLookup: Sendable {
  var tagsByEvent: [String: [LedgerState.Tag]] = [:]
  var rejectionsByEvent: [String: [String]] = [:]
  var disputesByEvent: [String: [LedgerState.Dispute]] = [:]
  /// Every entry naming the event, by the id it names (a merged event's alias included).
  var decisionsByEvent: [String: [Decision]] = [:]

  func decisions(of event: Event) -> [Decision] {
    // In the ledger's order (its files, then their lines), whichever id each entry names.
    ([event.id] + event.aliases).flatMap { decisionsByEvent[$0] ?? [] }
      .sorted { ($0.file ?? "", $0.line ?? 0, $0.at) < ($1.file ?? "", $1.line ?? 0, $1.at) }
  }
}

extension LiveWorkspace.View {
  func lookup() throws -> LedgerLookup {
    let state = try ledgerState()
    return try memo("ledger-lookup:\(mandate.id)") {
      var lookup = LedgerLookup()
      for tag in state.tags.values { lookup.tagsByEvent[tag.event, default: []].append(tag) }
      for key in lookup.tagsByEvent.keys { lookup.tagsByEvent[key]?.sort { $0.item < $1.item } }
      for pair in state.rejections.keys { lookup.rejectionsByEvent[pair.event, default: []].append(pair.item) }
      for key in lookup.rejectionsByEvent.keys { lookup.rejectionsByEvent[key]?.sort() }
      for dispute in state.disputes.values.sorted(by: { $0.pair < $1.pair }) {
        lookup.disputesByEvent[dispute.pair.event, default: []].append(dispute)
      }
      for decision in try index.decisions(mandate: mandate.id) {
        if let event = decision.event { lookup.decisionsByEvent[event, default: []].append(decision) }
      }
      return lookup
    }
  }
}
