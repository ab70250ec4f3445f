import Foundation

/// Who decided what, newest first (`mandate log`, and the decisions `mandate show` lists): the
/// ledger's entries in replay order, reversed, with items under their current ids.
public enum DecisionLog {
  public struct Query: Sendable {
    public var by: String?
    /// Only decisions recorded at or after this instant.
    public var since: Date?
    public var item: String?
    /// A full event id.
    public var event: String?

    public init(by: String? = nil, since: Date? = nil, item: String? = nil, event: String? = nil) {
      self.by = by
      self.since = since
      self.item = item
      self.event = event
    }
  }

  /// One entry as `--format json` prints it.
  public struct Entry: Sendable, Equatable, Codable {
    public var at: String
    public var by: String
    public var kind: String
    public var event: String?
    public var item: String
    public var to: String?
    public var outcome: String?
    public var strength: String?
    public var stance: String?
    public var status: String?
    public var asOf: String?
    public var note: String?
    /// The entry's file, relative to the workspace, and its line there.
    public var file: String?
    public var line: Int?

    public init(_ decision: Decision) {
      at = Timestamp.format(decision.at)
      by = decision.by
      kind = decision.kind.rawValue
      event = decision.event
      item = decision.item
      to = decision.to
      outcome = decision.outcome?.rawValue
      strength = decision.strength?.rawValue
      stance = decision.stance?.rawValue
      status = decision.status?.rawValue
      asOf = decision.asOf?.description
      note = decision.note
      file = decision.file
      line = decision.line
    }
  }

  /// The decisions matching `query`, newest first; `query.event` may be any reference
  /// `EventIndex.resolve` takes.
  public static func entries(workspace: Workspace, mandate: Mandate, query: Query) throws -> [Decision] {
    let lock = try WorkspaceLock(stateDirectory: workspace.stateDirectory, mode: .shared)
    return try withExtendedLifetime(lock) {
      let (index, _) = try EventIndex.open(workspace, lock: lock)
      var query = query
      if let reference = query.event { query.event = try index.resolve(reference).id }
      let decisions = try index.decisions(mandate: mandate.id)
      return filter(decisions, mandate: mandate, query: query)
    }
  }

  static func filter(_ decisions: [Decision], mandate: Mandate, query: Query) -> [Decision] {
    LedgerHistory.ordered(decisions, items: Set(mandate.items.map(\.id))).reversed().filter { decision in
      (query.by == nil || decision.by == query.by) && (query.since.map { decision.at >= $0 } ?? true)
        && (query.item == nil || decision.item == query.item || decision.to == query.item)
        && (query.event == nil || decision.event == query.event)
    }
  }

  /// "2026-11-23 09:04:00  alice  tag fc81e802 P1.1 (declaratory, supports) “note”".
  public static func line(_ decision: Decision) -> String {
    let at = Timestamp.format(decision.at).replacingOccurrences(of: "T", with: " ").dropLast()
    var what = decision.kind.rawValue
    if let event = decision.event { what += " \(event.prefix(8))" }
    what += " \(decision.item)"
    var details: [String] = []
    switch decision.kind {
    case .tag:
      details = [decision.strength?.rawValue ?? "declaratory", decision.stance?.rawValue ?? "supports"]
    case .resolve:
      details =
        decision.outcome == .reject
        ? ["not evidence"]
        : [decision.strength?.rawValue ?? "declaratory", decision.stance?.rawValue ?? "supports"]
    case .status:
      details = [decision.status?.rawValue, decision.asOf.map { "as of \($0)" }].compactMap { $0 }
    case .rename:
      what += " → \(decision.to ?? "?")"
    case .untag, .reject:
      break
    }
    let detail = details.isEmpty ? "" : " (\(details.joined(separator: ", ")))"
    let note = decision.note.map { " “\($0)”" } ?? ""
    return "\(at)  \(decision.by)  \(what)\(detail)\(note)"
  }
}
