import Foundation

/// The current picture a ledger's history adds up to: which events are evidence for which items,
/// which pairs were rejected, and each item's assessments.
public struct LedgerState: Sendable {
  /// A standing tag: the latest `tag` entry of an event/item pair not withdrawn since.
  public struct Tag: Sendable, Equatable {
    public var event: String
    public var item: String
    public var strength: EvidenceStrength
    public var stance: Stance
    public var note: String?
    public var fingerprint: String?
    public var by: String
    public var at: Date
    public var line: Int?
  }

  public struct Assessment: Sendable, Equatable {
    public var item: String
    public var status: ItemStatus
    public var asOf: Day
    public var note: String
    public var by: String
    public var at: Date
    public var line: Int?
  }

  /// Standing tags by event/item pair.
  public private(set) var tags: [Pair: Tag] = [:]
  /// Rejected event/item pairs (a later tag of the pair lifts the rejection).
  public private(set) var rejections: [Pair: Decision] = [:]
  /// Every assessment, oldest first.
  public private(set) var assessments: [Assessment] = []

  public struct Pair: Hashable, Sendable {
    public var event: String
    public var item: String

    public init(event: String, item: String) {
      self.event = event
      self.item = item
    }
  }

  /// Replays `decisions` in order. Event ids are mapped through `canonical` (aliases of merged
  /// events name the event they were merged into); decisions recorded after `recordedBy` are
  /// ignored, to reproduce what the ledger said then.
  public init(_ decisions: [Decision], canonical: (String) -> String = { $0 }, recordedBy: Date? = nil) {
    for decision in decisions {
      if let recordedBy, decision.at > recordedBy { continue }
      switch decision.kind {
      case .tag:
        guard let event = decision.event.map(canonical) else { continue }
        let pair = Pair(event: event, item: decision.item)
        rejections[pair] = nil
        tags[pair] = Tag(
          event: event, item: decision.item, strength: decision.strength ?? .declaratory,
          stance: decision.stance ?? .supports, note: decision.note, fingerprint: decision.fingerprint, by: decision.by,
          at: decision.at, line: decision.line)
      case .untag:
        guard let event = decision.event.map(canonical) else { continue }
        tags[Pair(event: event, item: decision.item)] = nil
      case .reject:
        guard let event = decision.event.map(canonical) else { continue }
        let pair = Pair(event: event, item: decision.item)
        tags[pair] = nil
        rejections[pair] = decision
      case .status:
        guard let status = decision.status else { continue }
        assessments.append(
          Assessment(
            item: decision.item, status: status, asOf: decision.asOf ?? Day(date: decision.at),
            note: decision.note ?? "",
            by: decision.by, at: decision.at, line: decision.line))
      }
    }
  }

  /// Events with a standing tag or rejection: the ones an analyst has looked at.
  public var decidedEvents: Set<String> {
    Set(tags.keys.map(\.event)).union(rejections.keys.map(\.event))
  }

  /// The latest assessment of `item` as of `day` (by `asOf`, then by when it was recorded).
  public func status(of item: String, asOf day: Day? = nil) -> Assessment? {
    assessments.filter { $0.item == item && (day == nil || $0.asOf <= day!) }
      .max { ($0.asOf, $0.at) < ($1.asOf, $1.at) }
  }

  public func tags(for item: String) -> [Tag] {
    tags.values.filter { $0.item == item }.sorted { ($0.event, $0.item) < ($1.event, $1.item) }
  }

  public func tags(forEvent event: String) -> [Tag] {
    tags.values.filter { $0.event == event }.sorted { $0.item < $1.item }
  }
}
