import Foundation

/// `mandate check` of the record beyond the mandates: each ledger's entries (syntax, unknown
/// items and events, suspect tags) and the events record (lines that are not events).
enum LedgerCheck {
  static func run(workspace: Workspace, catalog: MandateCatalog, display: PathDisplay) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let lock: WorkspaceLock
    let index: EventIndex
    do {
      lock = try WorkspaceLock(stateDirectory: workspace.stateDirectory, mode: .shared)
      index = try EventIndex.open(workspace, lock: lock).index
    } catch let RecordError.malformedLine(path, line, reason) {
      let file = display.path(workspace.root.appendingPathComponent(path))
      return [.error("invalid-event", reason, at: FileLocation(file: file, line: line, column: 1))]
    } catch {
      return [
        .error("index", "cannot open the index: \((error as? LocalizedError)?.errorDescription ?? "\(error)")", at: nil)
      ]
    }
    _ = lock
    for mandate in catalog.mandates {
      let ledger = LedgerFile(workspace: workspace, mandateID: mandate.id)
      guard ledger.exists else { continue }
      let file = display.path(ledger.url)
      let contents = ledger.read()
      diagnostics += contents.diagnostics.map { diagnostic in
        var copy = diagnostic
        if let location = copy.location {
          copy.location = FileLocation(file: file, line: location.line, column: location.column)
        }
        return copy
      }
      guard contents.unreadable == nil else { continue }
      if let schema = contents.schema, schema < LedgerFile.supportedSchema {
        diagnostics.append(
          .warning(
            "ledger-schema",
            "this ledger is in schema \(schema) (one decision over several lines), which git merges can garble; `mandate init` migrates it to schema \(LedgerFile.supportedSchema) (one decision per line), as does the next decision recorded",
            at: contents.schemaLocation.map { FileLocation(file: file, line: $0.line, column: $0.column) }))
      }
      let items = Set(mandate.items.map(\.id))
      let known = (try? index.knownIDs(Set(contents.decisions.compactMap(\.event)))) ?? []
      for decision in LedgerHistory.ordered(contents.decisions, items: items) where decision.kind != .rename {
        let location = FileLocation(file: file, line: decision.line ?? 1, column: 3)
        if !items.contains(decision.item) {
          let hint =
            Spelling.closest(to: decision.item, in: mandate.items.map(\.id)).map { "; did you mean `\($0)`?" } ?? ""
          diagnostics.append(
            .error(
              "unknown-item",
              "`\(decision.kind.rawValue)` entry names item `\(decision.item)`, which \(mandate.id) does not have\(hint)",
              at: location))
        }
        if let event = decision.event, !known.contains(event) {
          diagnostics.append(
            .error(
              "unknown-event", "`\(decision.kind.rawValue)` entry names event `\(event)`, which is not in Events/",
              at: location))
        }
      }
      let state = LedgerState(contents.decisions, items: items)
      for tag in SuspectTags.find(in: state, mandate: mandate) {
        diagnostics.append(
          .warning(
            "suspect-tag",
            "tag of event \(tag.event.prefix(8)) for \(tag.item) was made when the item read differently; check it with `mandate review --suspect`",
            at: FileLocation(file: file, line: tag.line ?? 1, column: 3)))
      }
      diagnostics += state.sortedDisputes.map { disputed($0, file: file) }
    }
    return diagnostics
  }

  /// A warning at the first analyst's entry, with a note at each analyst's entry.
  static func disputed(_ dispute: LedgerState.Dispute, file: String) -> Diagnostic {
    let held = dispute.positions.map { "\($0.decision.by) holds \($0.verdict.description)" }
    // The warning stands at the first analyst's line; a note at each other analyst's line.
    let notes = dispute.positions.map { position in
      Diagnostic.Note(
        "\(position.decision.by), \(Timestamp.format(position.decision.at)): \(position.verdict.description)",
        at: position.decision.line.map { FileLocation(file: file, line: $0, column: 3) })
    }
    return .warning(
      "disputed",
      "event \(dispute.pair.event.prefix(8)) and \(dispute.pair.item) are disputed (\(held.joined(separator: "; "))); reports count the pair as disputed, not as evidence, until it is resolved with `mandate review --conflicts`",
      at: notes.first?.location, notes: Array(notes.dropFirst()))
  }
}
