import Foundation

extension ReviewSession {
  /// An instruction about an event without a decision.
  func triage(_ key: ReviewKey, _ suggestion: Suggestion) -> Step {
    let event = suggestion.event
    let candidates = suggestion.candidates
    switch key {
    case .accept(let number):
      guard candidates.indices.contains(number - 1) else {
        let shown =
          candidates.isEmpty ? "there are none" : candidates.count == 1 ? "there is 1" : "there are \(candidates.count)"
        return Step(output: renderer.error("no suggestion \(number) (\(shown)); t ITEM tags any item") + "\n")
      }
      return tag(event, items: [candidates[number - 1].item])
    case .tag(let ids):
      guard !ids.isEmpty else { return Step(output: renderer.error("t needs an item id, e.g. `t P2.3`") + "\n") }
      for id in ids {
        do {
          _ = try desk.item(id)
        } catch {
          return Step(output: renderer.error(error) + "\n")
        }
      }
      return tag(event, items: ids)
    case .reject:
      guard !candidates.isEmpty else {
        return Step(output: renderer.error("no suggestions to reject; s skips, t ITEM tags an item") + "\n")
      }
      return record(.rejected) {
        try desk.reject(event: event.id, items: candidates.map(\.item), note: mode.note, by: by)
      }
    case .material:
      mode.strength = mode.strength == .material ? .declaratory : .material
      return Step(output: renderer.mode(mode) + "\n", message: "")
    case .contradicts:
      mode.stance = mode.stance == .contradicts ? .supports : .contradicts
      return Step(output: renderer.mode(mode) + "\n", message: "")
    case .note(let text):
      mode.note = text
      return Step(output: renderer.mode(mode) + "\n", message: "")
    case .skip:
      return advance(.skipped, ["skipped"])
    case .unknown(let text):
      return Step(
        output: "unknown key `\(text)`\n" + renderer.help(suspects: false, candidates: candidates.count) + "\n")
    case .keep, .withdraw:
      return Step(output: renderer.help(suspects: false, candidates: candidates.count) + "\n")
    case .quit, .undo, .help:
      // Handled for every subject by `handle`.
      return Step(output: "")
    }
  }

  private func tag(_ event: EventSummary, items: [String]) -> Step {
    let mode = self.mode
    return record(.tagged) {
      try desk.tag(event: event.id, items: items, strength: mode.strength, stance: mode.stance, note: mode.note, by: by)
    }
  }

  /// An instruction about a suspect tag: keep it against the item's current wording, withdraw
  /// it, or leave it.
  func recheck(_ key: ReviewKey, _ tag: LedgerState.Tag) -> Step {
    switch key {
    case .keep:
      // Same judgement, new fingerprint: `DecisionDesk.tag` records it because the fingerprint
      // differs from the standing tag's.
      return record(.kept) {
        try desk.tag(
          event: tag.event, items: [tag.item], strength: tag.strength, stance: tag.stance, note: tag.note, by: by)
      }
    case .withdraw:
      return record(.withdrawn) { try desk.untag(event: tag.event, items: [tag.item], by: by) }
    case .skip:
      return advance(.skipped, ["skipped"])
    case .unknown(let text):
      return Step(output: "unknown key `\(text)`\n" + renderer.help(suspects: true, candidates: 0) + "\n")
    default:
      return Step(output: renderer.help(suspects: true, candidates: 0) + "\n")
    }
  }
}

extension ReviewSession {
  /// An instruction about a disputed pair: a number adopts that analyst's decision, `r` settles
  /// it as not evidence, `m`/`c` and `t` settle it as a tag of the mode's strength and stance;
  /// the resolution is recorded in the reviewer's name with the note set by `n`.
  func settle(_ key: ReviewKey, _ dispute: LedgerState.Dispute) -> Step {
    let pair = dispute.pair
    func resolve(_ verdict: LedgerState.Verdict) -> Step {
      let note = mode.note
      return record(.resolved) {
        try desk.resolve(event: pair.event, item: pair.item, verdict: verdict, note: note, by: by)
      }
    }
    switch key {
    case .accept(let number):
      guard dispute.positions.indices.contains(number - 1) else {
        return Step(output: renderer.error("no decision \(number) (there are \(dispute.positions.count))") + "\n")
      }
      return resolve(dispute.positions[number - 1].verdict)
    case .reject:
      return resolve(.reject)
    case .tag:
      return resolve(.tag(mode.strength, mode.stance))
    case .material:
      mode.strength = mode.strength == .material ? .declaratory : .material
      return Step(output: renderer.mode(mode) + "\n")
    case .contradicts:
      mode.stance = mode.stance == .contradicts ? .supports : .contradicts
      return Step(output: renderer.mode(mode) + "\n")
    case .note(let text):
      mode.note = text
      return Step(output: renderer.mode(mode) + "\n")
    case .skip:
      return advance(.skipped, ["skipped"])
    case .unknown(let text):
      return Step(output: "unknown key `\(text)`\n" + renderer.disputeKeys(dispute.positions.count) + "\n")
    default:
      return Step(output: renderer.disputeKeys(dispute.positions.count) + "\n")
    }
  }
}
