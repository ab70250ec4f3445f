import Foundation

extension ReviewSession {
  /// Candidates scoring below this are not shown. Lower than `suggest`'s default: in a review
  /// the analyst looks at every event anyway, and the scores say how weak a guess is.
  public static let defaultMinScore = 0.05
  /// Numbered candidates are accepted with one key, so at most nine.
  public static let maximumTop = 9

  /// A review of the events placed in `range` (all events when nil) that have no decision yet,
  /// in date order, with or without suggestions.
  public static func triage(
    workspace: Workspace, mandate: Mandate, range: DayRange?, top: Int = 3, minScore: Double = defaultMinScore,
    by: String, style: TerminalStyle = .plain, width: Int = 80, now: @escaping () -> Date = { MandateClock.now() }
  ) throws -> ReviewSession {
    let lock = try WorkspaceLock(stateDirectory: workspace.stateDirectory, mode: .shared)
    // The lock is released before the session starts: each decision takes it exclusively.
    let (suggestions, abbreviations) = try withExtendedLifetime(lock) {
      let (index, _) = try EventIndex.open(workspace, lock: lock)
      let suggester = try Suggester(mandate: mandate, index: index, state: try index.ledgerState(for: mandate))
      let suggestions = try suggester.suggest(
        SuggestionQuery(range: range, top: min(top, maximumTop), minScore: minScore, keepUnmatched: true))
      return (suggestions, try index.abbreviations(for: suggestions.map(\.event.id)))
    }
    return ReviewSession(
      desk: DecisionDesk(workspace: workspace, mandate: mandate, now: now), subjects: suggestions.map(Subject.event),
      by: by,
      renderer: ReviewRenderer(mandate: mandate, abbreviations: abbreviations, style: style, width: width),
      walksSuspects: false)
  }

  /// A review of the tags made against an item wording that has changed since
  /// (`SuspectTags`), oldest entry first.
  public static func suspects(
    workspace: Workspace, mandate: Mandate, by: String, style: TerminalStyle = .plain, width: Int = 80,
    now: @escaping () -> Date = { MandateClock.now() }
  ) throws -> ReviewSession {
    try walk(workspace: workspace, mandate: mandate, by: by, style: style, width: width, now: now) { index, state in
      let tags = SuspectTags.find(in: state, mandate: mandate)
      return (try tags.map { Subject.suspect($0, try index.event(id: $0.event)) }, tags.map(\.event))
    }
  }

  /// A review of the pairs analysts disagree on, in event order.
  public static func conflicts(
    workspace: Workspace, mandate: Mandate, by: String, style: TerminalStyle = .plain, width: Int = 80,
    now: @escaping () -> Date = { MandateClock.now() }
  ) throws -> ReviewSession {
    let session = try walk(workspace: workspace, mandate: mandate, by: by, style: style, width: width, now: now) {
      index, state in
      let disputes = state.sortedDisputes
      return (try disputes.map { Subject.dispute($0, try index.event(id: $0.pair.event)) }, disputes.map(\.pair.event))
    }
    session.disputes = true
    return session
  }

  /// A session over the ledger's tags or pairs that `subjects` picks (with the events to name),
  /// read under the shared lock, which is released before the session starts.
  private static func walk(
    workspace: Workspace, mandate: Mandate, by: String, style: TerminalStyle, width: Int, now: @escaping () -> Date,
    subjects pick: (EventIndex, LedgerState) throws -> ([Subject], [String])
  ) throws -> ReviewSession {
    let lock = try WorkspaceLock(stateDirectory: workspace.stateDirectory, mode: .shared)
    let (subjects, abbreviations) = try withExtendedLifetime(lock) {
      let (index, _) = try EventIndex.open(workspace, lock: lock)
      let (subjects, events) = try pick(index, try index.ledgerState(for: mandate))
      return (subjects, try index.abbreviations(for: events))
    }
    return ReviewSession(
      desk: DecisionDesk(workspace: workspace, mandate: mandate, now: now), subjects: subjects, by: by,
      renderer: ReviewRenderer(mandate: mandate, abbreviations: abbreviations, style: style, width: width),
      walksSuspects: true)
  }
}
