import Foundation

/// `mandate review`: an analyst's triage, one event (or one suspect tag) at a time, as a state
/// machine fed one instruction at a time.
///
/// Each instruction returns what to print and what it wrote; every decision goes to the ledger
/// through `DecisionDesk` the moment it is made, so quitting, a lost terminal or a crash loses
/// nothing. The session keeps its own decisions on a stack so that `u` can take back the last
/// keystroke's entries, all of them or none. Terminals and pipes are the caller's business.
public final class ReviewSession {
  /// What an instruction did.
  public struct Step: Sendable {
    /// What to print, ending with a newline: what the instruction did and, when it moved on,
    /// the next screen (the transcript a pipe gets).
    public var output: String
    /// What the instruction said without the screen, for a terminal that redraws the screen in
    /// place (`frame(after:)`).
    public var message: String
    /// Entries appended to the ledger.
    public var recorded: [Decision] = []
    /// Entries taken back out of it by an undo.
    public var undone: [Decision] = []
    /// The session is over (`q`, or nothing to review).
    public var finished = false

    init(
      output: String, message: String? = nil, recorded: [Decision] = [], undone: [Decision] = [],
      finished: Bool = false
    ) {
      self.output = output
      self.message = message ?? output
      self.recorded = recorded
      self.undone = undone
      self.finished = finished
    }
  }

  /// How a tag of the current event is recorded; `m`, `c` and `n` change it, and it starts over
  /// with each event.
  public struct Mode: Equatable, Sendable {
    public var strength: EvidenceStrength = .declaratory
    public var stance: Stance = .supports
    public var note: String?
  }

  /// One thing to review.
  enum Subject {
    /// An event without a decision, with its candidates (maybe none).
    case event(Suggestion)
    /// A tag whose item's wording changed since; the event when it is still in the record.
    case suspect(LedgerState.Tag, Event?)
    /// A pair analysts disagree on; the event when it is still in the record.
    case dispute(LedgerState.Dispute, Event?)
  }

  enum Outcome: CaseIterable {
    case tagged, rejected, kept, withdrawn, resolved, skipped
  }

  /// A keystroke that wrote to the ledger, remembered for undo.
  struct Done {
    var position: Int
    var decisions: [Decision]
    var mode: Mode
  }

  let desk: DecisionDesk
  let subjects: [Subject]
  let by: String
  let renderer: ReviewRenderer
  let walksSuspects: Bool
  /// The session walks disputed pairs (`review --conflicts`).
  var walksDisputes: Bool { subjects.contains { if case .dispute = $0 { true } else { false } } }
  public internal(set) var position = 0
  public internal(set) var mode = Mode()
  public internal(set) var finished = false
  var history: [Done] = []
  /// What became of each subject seen, by position.
  var outcomes: [Int: Outcome] = [:]

  /// Set for `review --conflicts`, whose empty list says so.
  var disputes = false

  init(desk: DecisionDesk, subjects: [Subject], by: String, renderer: ReviewRenderer, walksSuspects: Bool) {
    self.desk = desk
    self.subjects = subjects
    self.by = by
    self.renderer = renderer
    self.walksSuspects = walksSuspects
  }

  /// How many events (or suspect tags) there are to review.
  public var count: Int { subjects.count }

  /// The first screen; a finished step when there is nothing to review.
  public func start() -> Step {
    guard !subjects.isEmpty else {
      finished = true
      return Step(
        output: walksSuspects
          ? (disputes ? "no disputed pairs\n" : "no suspect tags\n")
          : "nothing to review: every event in the period has a decision\n",
        finished: true)
    }
    return Step(output: screen(), message: "")
  }

  /// What a terminal shows after an instruction.
  public struct Frame: Sendable, Equatable {
    /// Clear the display first (cursor home, display erased: `ReviewSession.clearScreen`), so
    /// that screens replace each other instead of piling up.
    public var clears: Bool
    public var text: String
  }

  /// The terminal sequence that puts the cursor home and erases the display.
  public static let clearScreen = "\u{1B}[H\u{1B}[2J"

  /// What a terminal shows after `step`: the screen drawn afresh, then what the step said. Once
  /// the session is over, only what the step said, under the last screen.
  public func frame(after step: Step) -> Frame {
    if step.finished { return Frame(clears: false, text: step.message) }
    return Frame(clears: true, text: screen() + step.message)
  }

  /// Handles one line of input (as a pipe sends it); blank lines do nothing.
  public func handle(line: String) -> Step {
    guard let key = ReviewKey(line: line) else { return Step(output: "") }
    return handle(key)
  }

  public func handle(_ key: ReviewKey) -> Step {
    guard !finished else { return Step(output: "", finished: true) }
    switch key {
    case .quit:
      finished = true
      let lines = (unsaved.map { [renderer.warning($0)] } ?? []) + [summary]
      return Step(output: lines.joined(separator: "\n") + "\n", finished: true)
    case .undo:
      return undo()
    case .help:
      if position < subjects.count, case .dispute(let dispute, _) = subjects[position] {
        return Step(output: renderer.disputeKeys(dispute.positions.count) + "\n")
      }
      return Step(output: renderer.help(suspects: walksSuspects, candidates: currentCandidates) + "\n")
    default:
      break
    }
    guard position < subjects.count else {
      return Step(output: renderer.end(count: subjects.count, suspects: walksSuspects) + "\n", message: "")
    }
    switch subjects[position] {
    case .event(let suggestion): return triage(key, suggestion)
    case .suspect(let tag, _): return recheck(key, tag)
    case .dispute(let dispute, _): return settle(key, dispute)
    }
  }

  /// "3 tagged, 2 rejected, 4 skipped" (with what is left unseen, if anything).
  public var summary: String {
    let counts = Dictionary(grouping: outcomes.values, by: { $0 }).mapValues(\.count)
    let shown: [Outcome] =
      walksDisputes
      ? [.resolved, .skipped] : walksSuspects ? [.kept, .withdrawn, .skipped] : [.tagged, .rejected, .skipped]
    var parts = shown.map { "\(counts[$0] ?? 0) \($0)" }
    let left = subjects.count - outcomes.count
    if left > 0 { parts.append("\(left) left") }
    return parts.joined(separator: ", ")
  }

  /// What quitting now would leave unrecorded: a note or mode set for the current event, which
  /// only a decision writes to the ledger.
  var unsaved: String? {
    guard position < subjects.count, mode != Mode(), case .event(let suggestion) = subjects[position] else {
      return nil
    }
    var parts: [String] = []
    if mode.strength != .declaratory { parts.append(mode.strength.rawValue) }
    if mode.stance != .supports { parts.append(mode.stance.rawValue) }
    if let note = mode.note { parts.append("note “\(note)”") }
    let id = renderer.abbreviations[suggestion.event.id] ?? String(suggestion.event.id.prefix(8))
    return "not recorded: \(parts.joined(separator: ", ")) for \(id), since no decision was made on it"
  }

  var currentCandidates: Int {
    guard position < subjects.count, case .event(let suggestion) = subjects[position] else { return 0 }
    return suggestion.candidates.count
  }

  /// The current subject's screen, or the end of the list.
  func screen() -> String {
    guard position < subjects.count else {
      return renderer.end(count: subjects.count, suspects: walksSuspects) + "\n"
    }
    switch subjects[position] {
    case .event(let suggestion):
      return renderer.event(suggestion, position: position, total: subjects.count, mode: mode) + "\n"
    case .suspect(let tag, let event):
      return renderer.suspect(tag, event: event, position: position, total: subjects.count) + "\n"
    case .dispute(let dispute, let event):
      return renderer.dispute(dispute, event: event, position: position, total: subjects.count, mode: mode) + "\n"
    }
  }

  /// Records `outcome` for the current subject, prints `lines` and shows the next one.
  func advance(_ outcome: Outcome, _ lines: [String], recorded: [Decision] = []) -> Step {
    outcomes[position] = outcome
    position += 1
    mode = Mode()
    let message = lines.map { $0 + "\n" }.joined()
    return Step(output: message + screen(), message: message, recorded: recorded)
  }

  /// Writes what `write` decides; on success remembers it for undo and moves on, on failure
  /// says why and stays.
  func record(_ outcome: Outcome, _ write: () throws -> DecisionDesk.Outcome) -> Step {
    let result: DecisionDesk.Outcome
    do {
      result = try write()
    } catch {
      return Step(output: renderer.error(error) + "\n")
    }
    var lines = result.warnings.map { renderer.warning($0) } + result.unchanged.map { "unchanged: \($0)" }
    if !result.recorded.isEmpty {
      history.append(Done(position: position, decisions: result.recorded, mode: mode))
      lines.append(renderer.recorded(result.recorded))
    }
    return advance(outcome, lines, recorded: result.recorded)
  }

  /// Takes back the last keystroke's entries and returns to its event, unless the ledger has
  /// moved on since.
  func undo() -> Step {
    guard let last = history.last else { return Step(output: "nothing to undo in this session\n") }
    do {
      guard try desk.undo(last.decisions) else {
        return Step(
          output: renderer.error("the ledger changed since (another process wrote to it); nothing undone") + "\n")
      }
    } catch {
      return Step(output: renderer.error(error) + "\n")
    }
    history.removeLast()
    // Back at that event, it and every one after it are to be seen again (skips included).
    outcomes = outcomes.filter { $0.key < last.position }
    position = last.position
    mode = last.mode
    let message = "undone: " + renderer.recorded(last.decisions) + "\n"
    return Step(output: message + screen(), message: message, undone: last.decisions)
  }
}
