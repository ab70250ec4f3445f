import Foundation
import GRDB

/// Records analysts' decisions: checks that the event and the items exist, appends to the
/// analyst's file of the ledger under the workspace lock, and brings the index up to date.
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
    /// What a decision changed in the analyst's own standing decision on a pair:
    /// "P1.1: strength declaratory → material".
    public var changes: [String] = []
    /// Set when the ledger was in an older schema and was migrated before the write.
    public var migratedFrom: Int?
    /// Decisions moved from the layout file to their analysts' files before the write.
    public var moved: Int = 0
    /// The files the decisions were written to, relative to the workspace.
    public var files: [String] = []
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
        let pair = LedgerState.Pair(event: event.id, item: item.id)
        let verdict = LedgerState.Verdict.tag(strength, stance)
        if let own = state.standing[pair]?[by] {
          let previous = own.decision
          if own.verdict == verdict, previous.kind == .tag, previous.note == note,
            previous.fingerprint == item.fingerprint
          {
            outcome.unchanged.append("\(item.id): already tagged so")
            return nil
          }
          outcome.changes += Self.changes(from: own, to: verdict, note: note, item: item.id)
        }
        warnIfDisputed(pair, verdict: verdict, by: by, state: state, &outcome)
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
        let positions = state.standing[.init(event: event.id, item: item.id)]
        guard positions?.values.contains(where: { $0.verdict != .reject }) == true else {
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
        let pair = LedgerState.Pair(event: event.id, item: item.id)
        if let own = state.standing[pair]?[by] {
          if own.verdict == .reject {
            outcome.unchanged.append("\(item.id): already rejected")
            return nil
          }
          outcome.changes += Self.changes(from: own, to: .reject, note: note, item: item.id)
        }
        warnIfDisputed(pair, verdict: .reject, by: by, state: state, &outcome)
        return Decision(kind: .reject, event: event.id, item: item.id, note: note, by: by, at: now())
      }
    }
  }

  /// Settles a disputed pair: `verdict` replaces every analyst's standing decision on it, in the
  /// name of `by`.
  public func resolve(
    event reference: String, item id: String, verdict: LedgerState.Verdict, note: String?, by: String
  ) throws -> Outcome {
    try record { index, state, outcome in
      let event = try index.resolve(reference)
      outcome.event = event
      let item = try self.item(id)
      guard state.disputes[.init(event: event.id, item: item.id)] != nil else {
        throw TaggingError.notDisputed(event: event.id, item: item.id)
      }
      var decision = Decision(kind: .resolve, event: event.id, item: item.id, note: note, by: by, at: now())
      switch verdict {
      case .tag(let strength, let stance):
        decision.outcome = .tag
        decision.strength = strength
        decision.stance = stance
        decision.fingerprint = item.fingerprint
      case .reject:
        decision.outcome = .reject
      }
      return [decision]
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

  /// Records `decisions` as they are, under the workspace lock, and brings the index up to date:
  /// the one way to write decisions made elsewhere (a form, a script). Their `at` is moved past
  /// their analyst's latest entry when needed, so that each analyst's decisions replay in the
  /// order they were made.
  public func record(_ decisions: [Decision]) throws -> Outcome {
    try record { _, _, _ in decisions }
  }

  /// Removes the last entry if it is exactly `decision` (a `review` undo of a keystroke made
  /// moments ago); false when the ledger has moved on since.
  public func undo(_ decision: Decision) throws -> Bool {
    try undo([decision])
  }

  /// Removes `decisions` if they stand together in the ledger as they were written, all or none
  /// (a `review` undo of a keystroke that recorded several); false, changing nothing, when the
  /// ledger has moved on since. Only the removed entries' bytes go: comments and entries `check`
  /// flags stay.
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
    let existing = try index.decisions(mandate: mandate.id)
    let state = try index.ledgerState(for: mandate)
    var outcome = Outcome()
    var decisions = try make(index, state, &outcome)
    guard !decisions.isEmpty else { return outcome }
    Self.stampInOrder(&decisions, after: existing)
    let note = try ledger.append(decisions)
    outcome.migratedFrom = note.migratedFrom
    outcome.moved = note.moved
    outcome.files = note.files
    outcome.recorded = decisions
    do {
      try index.write { db in try LedgerIndex.refresh(db, workspace: workspace) }
    } catch {
      // The decisions are in the ledger, which is what counts; the index sees the ledger changed
      // and catches up on the next command.
      guard let reason = StorageFailure.reason(error, stateDirectory: workspace.stateDirectory) else { throw error }
      outcome.warnings.append(
        "recorded in \(note.files.joined(separator: ", ")), but the index could not be updated (\(reason)); the next command updates it"
      )
    }
    return outcome
  }

  /// Moves each decision's `at` past its analyst's latest entry on the same pair (or item, for
  /// assessments; any entry, for renames) when the clock has not moved on (two commands in one
  /// second, or a clock behind another machine's): replay goes by `at`, and the later decision
  /// must win.
  static func stampInOrder(_ decisions: inout [Decision], after existing: [Decision]) {
    func key(_ decision: Decision) -> String {
      let item: String = decision.kind == .rename ? "" : decision.item
      let event: String = decision.event ?? ""
      return decision.by + "\u{0}" + item + "\u{0}" + event
    }
    var latest: [String: Date] = [:]
    var latestByAnalyst: [String: Date] = [:]
    for decision in existing {
      let pairKey = key(decision)
      if latest[pairKey].map({ $0 < decision.at }) ?? true { latest[pairKey] = decision.at }
      if latestByAnalyst[decision.by].map({ $0 < decision.at }) ?? true { latestByAnalyst[decision.by] = decision.at }
    }
    for index in decisions.indices {
      let decision = decisions[index]
      let last: Date? = decision.kind == .rename ? latestByAnalyst[decision.by] : latest[key(decision)]
      guard let last, decision.at <= last else { continue }
      decisions[index].at = last.addingTimeInterval(1)
    }
  }

  /// "P1.1: strength declaratory → material", "P1.1: note “a” → “b”", "P1.1: your rejection is now a tag".
  static func changes(
    from own: LedgerState.Position, to verdict: LedgerState.Verdict, note: String?, item: String
  ) -> [String] {
    var changes: [String] = []
    switch (own.verdict, verdict) {
    case (.tag(let oldStrength, let oldStance), .tag(let strength, let stance)):
      if oldStrength != strength { changes.append("\(item): strength \(oldStrength.rawValue) → \(strength.rawValue)") }
      if oldStance != stance { changes.append("\(item): stance \(oldStance.rawValue) → \(stance.rawValue)") }
    case (.reject, .tag), (.tag, .reject):
      changes.append("\(item): \(own.verdict.description) → \(verdict.description)")
    case (.reject, .reject):
      break
    }
    let old = own.decision.note
    if old != note {
      switch (old, note) {
      case (nil, let new?): changes.append("\(item): note added “\(new)”")
      case (let previous?, nil): changes.append("\(item): note removed (was “\(previous)”)")
      case (let previous?, let new?): changes.append("\(item): note “\(previous)” → “\(new)”")
      default: break
      }
    }
    if changes.isEmpty { changes.append("\(item): recorded again against the item's current wording") }
    return changes
  }

  /// Warns when other analysts hold something else about the pair: it becomes (or stays) disputed.
  private func warnIfDisputed(
    _ pair: LedgerState.Pair, verdict: LedgerState.Verdict, by: String, state: LedgerState, _ outcome: inout Outcome
  ) {
    let others = (state.standing[pair] ?? [:]).filter { $0.key != by && $0.value.verdict != verdict }
    guard !others.isEmpty else { return }
    let held = others.sorted { $0.key < $1.key }.map { "\($0.key) holds \($0.value.verdict.description)" }
    outcome.warnings.append(
      "\(pair.item) of event \(pair.event.prefix(8)): \(held.joined(separator: "; ")); the pair is disputed until resolved (`mandate review --conflicts`)"
    )
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
  case notDisputed(event: String, item: String)
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
    case .notDisputed(let event, let item):
      return "event \(event.prefix(8)) and \(item) are not disputed: nothing to resolve"
    case .missingJustification:
      return "a status needs a justification: --note TEXT"
    }
  }
}
