import Foundation

/// The newest evidence in a ledger: the latest-dated events with a standing tag, each with its
/// tags (for the web overview's "latest evidence").
public struct LatestEvidence: Sendable, Equatable {
  public var event: EventSummary
  /// The event's standing tags, by item.
  public var tags: [LedgerState.Tag]

  /// The `limit` latest-dated tagged events up to `asOf` (undated ones never), newest first.
  public static func find(state: LedgerState, index: EventIndex, asOf: Day? = nil, limit: Int) throws
    -> [LatestEvidence]
  {
    let tagged = Set(state.tags.keys.map(\.event))
    return try index.latest(among: tagged, until: asOf, limit: limit).map { event in
      LatestEvidence(event: EventSummary(event), tags: state.tags(forEvent: event.id))
    }
  }
}
