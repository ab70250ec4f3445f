import Foundation
import GRDB

/// Records analysts' decisions: checks that the event and the items exist, appends to the
/// ledger under the workspace lock, and brings the index up to date.
public final class DecisionDesk {
  public let workspace: Workspace
  public let mandate: Mandate
  private let now: () -> Date

  public init(workspace: Workspace, mandate: Mandate, now: @escaping () -> Date = { MandateClock.now() }) {
    self.workspace = workspace
    self.mandate = mandate
    // The ledger keeps times to the second; a recorded decision then equals what is read back,
    // which `undo` relies on.
    self.now = { Date(timeIntervalSince1970: now().timeIntervalSince1970.rounded(.down)) }
  }

  var ledger: LedgerFile { LedgerFile(workspace: workspace, mandateID: mandate.id) }

  /// What a recording did, and what the analyst should know about it.
  public struct Outcome: Sendable {
    public var recorded: [Decision] = []
    public var event: Event?
    public var warnings: [String] = []
    /// Pairs left as they were (already tagged the same way, say).
    public var unchanged: [String] = []
  }

  public func tag(
    event reference: String, items: [String], strength: EvidenceStrength, stance: Stance, note: String?, by: String
  ) throws -> Outcome {
    try record { index, state, outcome in
      let event = try index.resolve(reference)
      outcome.event = event
      warnIfOutsideTerm(event, &outcome)
      return try items.compactMap { id in
        let item = try self.item(id)
        if let standing = state.tags[.init(event: event.id, item: item.id)], standing.strength == strength,
          standing.stance == stance, standing.note == note, standing.fingerprint == item.fingerprint
        {
          outcome.unchanged.append("\(item.id): already tagged so")
          return nil
        }
        return Decision(
          kind: .tag, event: event.id, item: item.id, strength: strength, stance: stance, note: note,
          fingerprint: item.fingerprint, by: by, at: now())
      }
    }
  }

  public func untag(event reference: String, items: [String], by: String) throws -> Outcome {
    try record { index, state, outcome in
      let event = try index.resolve(reference)
      outcome.event = event
      return try items.map { id in
        let item = try self.item(id)
        guard state.tags[.init(event: event.id, item: item.id)] != nil else {
          throw TaggingError.notTagged(event: event.id, item: item.id)
        }
        return Decision(kind: .untag, event: event.id, item: item.id, by: by, at: now())
      }
    }
  }

  public func reject(event reference: String, items: [String], note: String?, by: String) throws -> Outcome {
    try record { index, state, outcome in
      let event = try index.resolve(reference)
      outcome.event = event
      return try items.compactMap { id in
        let item = try self.item(id)
        if state.rejections[.init(event: event.id, item: item.id)] != nil {
          outcome.unchanged.append("\(item.id): already rejected")
          return nil
        }
        return Decision(kind: .reject, event: event.id, item: item.id, note: note, by: by, at: now())
      }
    }
  }

  /// Records an assessment; `asOf` defaults to today, or the term's last day once it has ended.
  public func status(item id: String, status: ItemStatus, note: String, asOf: Day?, by: String) throws -> Outcome {
    let note = note.trimmingWhitespace
    guard !note.isEmpty else { throw TaggingError.missingJustification }
    return try record { _, _, _ in
      let item = try self.item(id)
      let day = asOf ?? min(Day(date: self.now()), self.mandate.term.end)
      return [Decision(kind: .status, item: item.id, note: note, status: status, asOf: day, by: by, at: now())]
    }
  }

  /// Appends `decisions` as they are (for `review`'s recorded keystrokes).
  public func append(_ decisions: [Decision]) throws {
    _ = try record { _, _, _ in decisions }
  }

  /// Removes the last entry if it is exactly `decision` (a `review` undo of a keystroke made
  /// moments ago); false when the ledger has moved on since.
  public func undo(_ decision: Decision) throws -> Bool {
    try undo([decision])
  }

  /// Removes `decisions` if they are the ledger's last entries, all or none (a `review` undo of
  /// a keystroke that recorded several); false, changing nothing, when the ledger has moved on
  /// since. Only the removed entries' bytes go: comments and entries `check` flags stay.
  public func undo(_ decisions: [Decision]) throws -> Bool {
    let lock = try WorkspaceLock(stateDirectory: workspace.stateDirectory, mode: .exclusive)
    guard try ledger.removeLast(decisions) else { return false }
    let (index, _) = try EventIndex.open(workspace, lock: lock)
    try index.write { db in try LedgerIndex.refresh(db, workspace: workspace) }
    return true
  }

  /// Locks the workspace, opens the index, lets `make` decide the decisions from the current
  /// state, appends them and refreshes the index's copy of the ledger.
  private func record(
    _ make: (EventIndex, LedgerState, inout Outcome) throws -> [Decision]
  ) throws -> Outcome {
    let lock = try WorkspaceLock(stateDirectory: workspace.stateDirectory, mode: .exclusive)
    let (index, _) = try EventIndex.open(workspace, lock: lock)
    let state = try index.ledgerState(mandate: mandate.id)
    var outcome = Outcome()
    let decisions = try make(index, state, &outcome)
    guard !decisions.isEmpty else { return outcome }
    try ledger.append(decisions)
    outcome.recorded = decisions
    do {
      try index.write { db in try LedgerIndex.refresh(db, workspace: workspace) }
    } catch {
      // The decisions are in the ledger, which is what counts; the index sees the ledger changed
      // and catches up on the next command.
      guard let reason = StorageFailure.reason(error, stateDirectory: workspace.stateDirectory) else { throw error }
      outcome.warnings.append(
        "recorded in \(ledger.displayPath), but the index could not be updated (\(reason)); the next command updates it"
      )
    }
    return outcome
  }

  func item(_ id: String) throws(TaggingError) -> Item {
    if let item = mandate.item(id: id) { return item }
    let ids = mandate.items.map(\.id)
    if mandate.priority(id: id) != nil {
      throw .priorityNotItem(id, items: mandate.priority(id: id)!.items.map(\.id))
    }
    throw .unknownItem(id, suggestions: Spelling.closest(to: id, in: ids, limit: 3))
  }

  private func warnIfOutsideTerm(_ event: Event, _ outcome: inout Outcome) {
    guard let date = event.date, let last = event.lastDay else { return }
    if last < mandate.term.start || date > mandate.term.end {
      outcome.warnings.append(
        "event \(event.id.prefix(8)) is dated \(event.dateLabel), outside the term \(mandate.term.start) to \(mandate.term.end)"
      )
    }
  }
}

/// Failures of recording decisions.
public enum TaggingError: MandateError, Equatable {
  case unknownItem(String, suggestions: [String])
  case priorityNotItem(String, items: [String])
  case notTagged(event: String, item: String)
  case missingJustification

  public var errorDescription: String? {
    switch self {
    case .unknownItem(let id, let suggestions):
      let hint = suggestions.isEmpty ? "" : "; did you mean \(suggestions.map { "`\($0)`" }.joined(separator: ", "))?"
      return "no item `\(id)` in this mandate\(hint)"
    case .priorityNotItem(let id, let items):
      return "`\(id)` is a priority; decisions name one of its items: \(items.joined(separator: ", "))"
    case .notTagged(let event, let item):
      return "event \(event.prefix(8)) is not tagged for \(item): nothing to withdraw"
    case .missingJustification:
      return "a status needs a justification: --note TEXT"
    }
  }
}
