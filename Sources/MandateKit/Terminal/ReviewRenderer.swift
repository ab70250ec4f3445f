import Foundation

/// Formats `mandate review`'s screens and messages; `ReviewSession` decides what to show.
struct ReviewRenderer {
  var mandate: Mandate
  var abbreviations: [String: String]
  var style: TerminalStyle
  var width: Int

  /// One event to triage: where it stands in the list, date, id, headline, the passage with
  /// the matches highlighted, the numbered candidates with their reasons, the mode and the keys.
  func event(_ suggestion: Suggestion, position: Int, total: Int, mode: ReviewSession.Mode) -> String {
    let event = suggestion.event
    var lines = [heading("event", date: event.dateLabel, id: event.id, position: position, total: total)]
    lines.append(TextWrap.block(event.headline, width: width, firstPrefix: "", indent: ""))
    lines.append(SuggestionRenderer.passage(suggestion.snippet, width: width, style: style))
    if suggestion.candidates.isEmpty { lines.append("  no suggestion") }
    for (rank, candidate) in suggestion.candidates.enumerated() {
      lines.append(
        SuggestionRenderer.candidate(
          candidate, rank: rank + 1, label: mandate.item(id: candidate.item)?.shortLabel, width: width, style: style))
    }
    lines.append(self.mode(mode))
    lines.append(keys(suspects: false, candidates: suggestion.candidates.count))
    return lines.joined(separator: "\n")
  }

  /// One suspect tag: the event, the tag as it stands and the item's current wording.
  func suspect(_ tag: LedgerState.Tag, event: Event?, position: Int, total: Int) -> String {
    let date = event.map(\.dateLabel) ?? "?"
    var lines = [heading("suspect tag", date: date, id: tag.event, position: position, total: total)]
    if let event {
      lines.append(TextWrap.block(event.headline, width: width, firstPrefix: "", indent: ""))
      lines.append(
        TextWrap.block(Event.firstWords(of: event.text, limit: 200), width: width, firstPrefix: "    ", indent: "    "))
    } else {
      lines.append("(the event is no longer in Events/)")
    }
    let note = tag.note.map { ", note “\($0)”" } ?? ""
    lines.append(
      "tagged for \(style.apply(.bold, tag.item)) as \(tag.strength.rawValue), \(tag.stance.rawValue) evidence by \(tag.by) on \(Day(date: tag.at))\(note)"
    )
    let text = mandate.item(id: tag.item)?.text ?? "(not in the mandate)"
    lines.append(TextWrap.block(text, width: width, firstPrefix: "\(tag.item) now reads: ", indent: "    "))
    lines.append(keys(suspects: true, candidates: 0))
    return lines.joined(separator: "\n")
  }

  private func heading(_ noun: String, date: String, id: String, position: Int, total: Int) -> String {
    let place = style.apply(.bold, "\(noun) \(position + 1) of \(total)")
    return "\n\(place)  \(date)  \(style.apply(.cyan, abbreviations[id] ?? String(id.prefix(8))))"
  }

  /// "mode: material, contradicts, note “…”".
  func mode(_ mode: ReviewSession.Mode) -> String {
    "mode: \(mode.strength.rawValue), \(mode.stance.rawValue)" + (mode.note.map { ", note “\($0)”" } ?? "")
  }

  /// The one-line key help.
  func keys(suspects: Bool, candidates: Int) -> String {
    let text: String
    if suspects {
      text = "k keep · x withdraw · s skip · u undo · q quit"
    } else {
      let accept = candidates == 0 ? [] : [candidates == 1 ? "1 accept" : "1-\(candidates) accept"]
      let reject = candidates == 0 ? [] : ["r reject"]
      text =
        (accept + reject + [
          "t tag item", "m material", "c contradicts", "n note", "s skip", "u undo", "q quit",
        ]).joined(separator: " · ")
    }
    // Wrapped between keys, never inside one: "s skip" stays whole at any width.
    var lines: [String] = []
    for key in text.components(separatedBy: " · ") {
      if let last = lines.last, TextWrap.visibleWidth(last) + 3 + key.count <= width {
        lines[lines.count - 1] = last + " · " + key
      } else {
        lines.append(key)
      }
    }
    return lines.map { style.apply(.dim, $0) }.joined(separator: "\n")
  }

  /// Every key, with what it does.
  func help(suspects: Bool, candidates: Int) -> String {
    if suspects {
      return """
        k  keep the tag: record it again against the item's current wording
        x  withdraw the tag
        s  skip, u undo the last decision, q quit
        """
    }
    let numbers = (candidates > 1 ? "1-\(candidates)" : "1").padding(toLength: 5, withPad: " ", startingAt: 0)
    let choices =
      candidates == 0
      ? []
      : [
        "\(numbers)accept that suggestion and go to the next event",
        "r    reject every suggestion shown (the pairs are not suggested again)",
      ]
    return
      (choices + [
        "t    tag other items: t P2.3 (several: t P2.3 P4.1)",
        "m    material / declaratory for this event's tags",
        "c    contradicts / supports",
        "n    note for this event's decision: n TEXT (n alone clears it)",
        "s    skip, u undo the last decision, q quit",
      ]).joined(separator: "\n")
  }

  func end(count: Int, suspects: Bool) -> String {
    "\nend of the list (\(count) \(suspects ? "suspect tag" : "event")\(count == 1 ? "" : "s")): u undoes the last decision, q quits"
  }

  /// "tagged 36a1f0e2 for P2.3 (material, contradicts)", "rejected P2.3, P4.1 for 36a1f0e2".
  func recorded(_ decisions: [Decision]) -> String {
    guard let first = decisions.first, let event = first.event else { return "" }
    let id = abbreviations[event] ?? String(event.prefix(8))
    let items = decisions.map(\.item).joined(separator: ", ")
    switch first.kind {
    case .tag:
      let how = [first.strength?.rawValue, first.stance?.rawValue, first.note.map { "note “\($0)”" }]
      return "tagged \(id) for \(items) (\(how.compactMap { $0 }.joined(separator: ", ")))"
    case .reject: return "rejected \(items) for \(id)"
    case .untag: return "withdrew the tag of \(id) for \(items)"
    case .status: return "assessed \(items)"
    case .rename: return "renamed \(items)"
    case .resolve:
      let outcome =
        first.outcome == .reject
        ? "not evidence" : "\(first.strength?.rawValue ?? "declaratory"), \(first.stance?.rawValue ?? "supports")"
      return "resolved \(id) for \(items): \(outcome)"
    }
  }

  func error(_ error: Error) -> String {
    self.error((error as? LocalizedError)?.errorDescription ?? "\(error)")
  }

  func error(_ message: String) -> String { style.apply(.boldRed, "error:") + " " + message }

  func warning(_ message: String) -> String { style.apply(.boldYellow, "warning:") + " " + message }
}

extension ReviewRenderer {
  /// One disputed pair: the event, the item, and each analyst's decision, numbered.
  func dispute(
    _ dispute: LedgerState.Dispute, event: Event?, position: Int, total: Int, mode: ReviewSession.Mode
  ) -> String {
    let date = event.map(\.dateLabel) ?? "?"
    let id = dispute.pair.event
    let place = style.apply(.bold, "disputed \(position + 1) of \(total)")
    var lines = ["\n\(place)  \(date)  \(style.apply(.cyan, abbreviations[id] ?? String(id.prefix(8))))"]
    if let event {
      lines.append(TextWrap.block(event.headline, width: width, firstPrefix: "", indent: ""))
    } else {
      lines.append("(the event is no longer in Events/)")
    }
    let text = mandate.item(id: dispute.pair.item)?.text ?? "(not in the mandate)"
    lines.append(TextWrap.block(text, width: width, firstPrefix: "\(dispute.pair.item): ", indent: "    "))
    for (number, held) in dispute.positions.enumerated() {
      let decision = held.decision
      let note = decision.note.map { " “\($0)”" } ?? ""
      lines.append(
        "  \(number + 1). \(decision.by), \(Timestamp.format(decision.at)): \(held.verdict.description)\(note)")
    }
    lines.append(self.mode(mode))
    lines.append(disputeKeys(dispute.positions.count))
    return lines.joined(separator: "\n")
  }

  func disputeKeys(_ count: Int) -> String {
    style.apply(
      .dim,
      "1-\(count) adopt that decision · r not evidence · t tag (m material, c contradicts) · n note · s skip · u undo · q quit"
    )
  }
}
