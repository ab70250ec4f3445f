import Foundation

/// The current picture a ledger's history adds up to: which events are evidence for which items,
/// which pairs were rejected, which are disputed between analysts, and each item's assessments.
///
/// Each analyst has at most one standing decision per event/item pair: their latest tag or
/// rejection. A pair is evidence when every standing decision on it is a tag of the same strength
/// and stance, rejected when every one is a rejection, and disputed otherwise, until a `resolve`
/// entry replaces them all with its outcome. An `untag` withdraws the pair's tags, whoever made
/// them.
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
    /// The entry's file, relative to the workspace, and line.
    public var file: String?
    public var line: Int?
  }

  public struct Assessment: Sendable, Equatable {
    public var item: String
    public var status: ItemStatus
    public var asOf: Day
    public var note: String
    public var by: String
    public var at: Date
    /// The entry's file, relative to the workspace, and line.
    public var file: String?
    public var line: Int?
  }

  /// What one analyst holds about a pair.
  public enum Verdict: Sendable, Equatable, Hashable {
    case tag(EvidenceStrength, Stance)
    case reject

    /// "material evidence for", "declaratory evidence against", "not evidence".
    public var description: String {
      switch self {
      case .tag(let strength, let stance):
        return "\(strength.rawValue) evidence \(stance == .supports ? "for" : "against")"
      case .reject: return "not evidence"
      }
    }
  }

  /// An analyst's standing decision on a pair.
  public struct Position: Sendable, Equatable {
    public var verdict: Verdict
    /// The entry it comes from (a tag, a rejection or a resolution).
    public var decision: Decision
  }

  /// A pair on which analysts' standing decisions differ.
  public struct Dispute: Sendable, Equatable {
    public var pair: Pair
    /// One position per analyst, by analyst name.
    public var positions: [Position]
  }

  /// Standing tags by event/item pair, agreed by every analyst with a decision on the pair.
  public private(set) var tags: [Pair: Tag] = [:]
  /// Rejected event/item pairs (a later tag of the pair lifts the rejection).
  public private(set) var rejections: [Pair: Decision] = [:]
  /// Pairs whose analysts disagree: counted neither as evidence nor as rejected.
  public private(set) var disputes: [Pair: Dispute] = [:]
  /// Every assessment, in replay order.
  public private(set) var assessments: [Assessment] = []
  /// Each analyst's standing decision, by pair and analyst name.
  public private(set) var standing: [Pair: [String: Position]] = [:]

  public struct Pair: Hashable, Sendable, Comparable {
    public var event: String
    public var item: String

    public init(event: String, item: String) {
      self.event = event
      self.item = item
    }

    public static func < (lhs: Pair, rhs: Pair) -> Bool { (lhs.event, lhs.item) < (rhs.event, rhs.item) }
  }

  /// Replays `decisions` in `LedgerHistory` order. Event ids are mapped through `canonical`
  /// (aliases of merged events name the event they were merged into); decisions recorded after
  /// `recordedBy` are ignored, to reproduce what the ledger said then; `items` are the mandate's
  /// ids, for entries naming an id renamed on another branch.
  public init(
    _ decisions: [Decision], canonical: (String) -> String = { $0 }, recordedBy: Date? = nil,
    items: Set<String>? = nil
  ) {
    var positions: [Pair: [String: Position]] = [:]
    positions.reserveCapacity(decisions.count)
    // Only an untag can leave a pair without positions.
    var emptied = false
    for decision in LedgerHistory.ordered(decisions, items: items) {
      if let recordedBy, decision.at > recordedBy { continue }
      let pair = decision.event.map { Pair(event: canonical($0), item: decision.item) }
      switch decision.kind {
      case .tag:
        guard let pair else { continue }
        let verdict = Verdict.tag(decision.strength ?? .declaratory, decision.stance ?? .supports)
        positions[pair, default: [:]][decision.by] = Position(verdict: verdict, decision: decision)
      case .reject:
        guard let pair else { continue }
        positions[pair, default: [:]][decision.by] = Position(verdict: .reject, decision: decision)
      case .untag:
        guard let pair else { continue }
        positions[pair] = positions[pair]?.filter { $0.value.verdict == .reject }
        emptied = true
      case .resolve:
        guard let pair else { continue }
        let verdict: Verdict =
          decision.outcome == .reject
          ? .reject : .tag(decision.strength ?? .declaratory, decision.stance ?? .supports)
        positions[pair] = [decision.by: Position(verdict: verdict, decision: decision)]
      case .status:
        guard let status = decision.status else { continue }
        assessments.append(
          Assessment(
            item: decision.item, status: status, asOf: decision.asOf ?? Day(date: decision.at),
            note: decision.note ?? "", by: decision.by, at: decision.at, file: decision.file,
            line: decision.line))
      case .rename:
        continue
      }
    }
    if emptied { positions = positions.filter { !$0.value.isEmpty } }
    standing = positions
    tags.reserveCapacity(positions.count)
    for (pair, standing) in positions {
      let latest = standing.values.max {
        ($0.decision.at, $0.decision.by) < ($1.decision.at, $1.decision.by)
      }!.decision
      let verdict = standing.first!.value.verdict
      guard standing.allSatisfy({ $0.value.verdict == verdict }) else {
        disputes[pair] = Dispute(pair: pair, positions: standing.sorted { $0.key < $1.key }.map(\.value))
        continue
      }
      switch verdict {
      case .tag(let strength, let stance):
        tags[pair] = Tag(
          event: pair.event, item: pair.item, strength: strength, stance: stance, note: latest.note,
          fingerprint: latest.fingerprint, by: latest.by, at: latest.at, file: latest.file,
          line: latest.line)
      case .reject:
        rejections[pair] = latest
      }
    }
  }

  /// Events with a standing tag, rejection or dispute: the ones an analyst has looked at.
  public var decidedEvents: Set<String> {
    Set(tags.keys.map(\.event)).union(rejections.keys.map(\.event)).union(disputes.keys.map(\.event))
  }

  /// The latest assessment of `item` as of `day` (by `asOf`, then by replay order).
  public func status(of item: String, asOf day: Day? = nil) -> Assessment? {
    var best: Assessment?
    for assessment in assessments where assessment.item == item && (day == nil || assessment.asOf <= day!) {
      if let current = best, (assessment.asOf, assessment.at) < (current.asOf, current.at) { continue }
      best = assessment
    }
    return best
  }

  public func tags(for item: String) -> [Tag] {
    tags.values.filter { $0.item == item }.sorted { ($0.event, $0.item) < ($1.event, $1.item) }
  }

  public func tags(forEvent event: String) -> [Tag] {
    tags.values.filter { $0.event == event }.sorted { $0.item < $1.item }
  }

  /// Disputes in event, then item order.
  public var sortedDisputes: [Dispute] { disputes.values.sorted { $0.pair < $1.pair } }
}
