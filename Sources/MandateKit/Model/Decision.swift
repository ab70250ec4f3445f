import Foundation

/// One entry of the decisions ledger (`Tags/<mandate>/<analyst>.yaml`): an analyst's judgement,
/// with who made it and when.
///
/// The ledger is append-mostly history: a tag is withdrawn by an `untag` entry, not by deleting
/// the tag, so that the record shows what was believed when. `LedgerState` replays the entries
/// into the current picture.
public struct Decision: Sendable, Equatable, Hashable {
  public enum Kind: String, Sendable, Codable, CaseIterable {
    /// The event is evidence for the item.
    case tag
    /// A tag is withdrawn.
    case untag
    /// A suggested event/item pair is not evidence; it is never suggested again.
    case reject
    /// An assessment of an item's progress.
    case status
    /// An item's id changed (`mandate rename`): entries recorded before it that name `item` count
    /// for `to`.
    case rename
    /// A disagreement between analysts on an event/item pair settled: `outcome` (a tag, with its
    /// strength and stance, or a rejection) replaces every standing decision on the pair.
    case resolve
  }

  public var kind: Kind
  /// The event (full id), for tags, untags and rejections.
  public var event: String?
  public var item: String
  public var strength: EvidenceStrength?
  public var stance: Stance?
  public var note: String?
  /// The item text's fingerprint when the tag was made (`Fingerprint.of`).
  public var fingerprint: String?
  public var status: ItemStatus?
  /// The day a status assessment speaks for.
  public var asOf: Day?
  /// A rename's new id.
  public var to: String?
  /// What a resolution decided: `tag` or `reject`.
  public var outcome: Kind?
  public var by: String
  /// When the decision was recorded, UTC, to the second.
  public var at: Date
  /// The file the entry was read from, relative to the workspace
  /// (`Tags/kz-csto-2024/alice.yaml`), when it was read from one.
  public var file: String?
  /// Where the entry stands in its file (1-based line), when it was read from one.
  public var line: Int?

  public init(
    kind: Kind, event: String? = nil, item: String, strength: EvidenceStrength? = nil, stance: Stance? = nil,
    note: String? = nil, fingerprint: String? = nil, status: ItemStatus? = nil, asOf: Day? = nil, to: String? = nil,
    outcome: Kind? = nil, by: String, at: Date, file: String? = nil, line: Int? = nil
  ) {
    self.kind = kind
    self.event = event
    self.item = item
    self.strength = strength
    self.stance = stance
    self.note = note
    self.fingerprint = fingerprint
    self.status = status
    self.asOf = asOf
    self.to = to
    self.outcome = outcome
    self.by = by
    self.at = at
    self.file = file
    self.line = line
  }

  /// The decision without its place in a file, for comparing content.
  public var content: Decision {
    var copy = self
    copy.file = nil
    copy.line = nil
    return copy
  }
}

/// How strong a piece of evidence is.
public enum EvidenceStrength: String, Sendable, Codable, CaseIterable, Comparable {
  /// Statements, meetings, talks.
  case declaratory
  /// Something done: an exercise held, an operation run, an agreement signed, a course given.
  case material

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs == .declaratory && rhs == .material }
}

/// Whether evidence speaks for the item or against it.
public enum Stance: String, Sendable, Codable, CaseIterable {
  case supports, contradicts
}

/// An analyst's assessment of an item.
public enum ItemStatus: String, Sendable, Codable, CaseIterable {
  case notYetRated = "not-yet-rated"
  case inProgress = "in-progress"
  case stalled
  case achieved
  case partlyAchieved = "partly-achieved"
  case notAchieved = "not-achieved"
}
