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
      // Files as the analyst names them: relative to the current folder.
      let shown = { (path: String?) -> String in
        display.path(workspace.root.appendingPathComponent(path ?? "Tags/\(mandate.id).yaml"))
      }
      let contents = ledger.read()
      diagnostics += contents.diagnostics.map { diagnostic in
        var copy = diagnostic
        if let location = copy.location {
          copy.location = FileLocation(file: shown(location.file), line: location.line, column: location.column)
        }
        return copy
      }
      diagnostics += unmerged(workspace, files: ledger.files, shown: shown).filter { found in
        !contents.diagnostics.contains { $0.code == found.code && $0.location?.file == found.location?.file }
      }
      guard contents.unreadable == nil else { continue }
      if let warning = migrationWarning(contents, ledger: ledger, shown: shown) { diagnostics.append(warning) }
      let items = Set(mandate.items.map(\.id))
      let known = (try? index.knownIDs(Set(contents.decisions.compactMap(\.event)))) ?? []
      for decision in LedgerHistory.ordered(contents.decisions, items: items) where decision.kind != .rename {
        let location = FileLocation(file: shown(decision.file), line: decision.line ?? 1, column: 3)
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
            at: FileLocation(file: shown(tag.file), line: tag.line ?? 1, column: 3)))
      }
      diagnostics += state.sortedDisputes.map { disputed($0, shown: shown) }
    }
    return diagnostics
  }

  /// An error for each of `files` (relative to the workspace) that git's index holds unmerged: a
  /// merge stopped on it. Git's octopus merge can leave a file both branches added with one
  /// side's lines and no conflict markers, so the file alone does not show it.
  static func unmerged(_ workspace: Workspace, files: [String], shown: (String?) -> String) -> [Diagnostic] {
    guard let result = Git.run(["ls-files", "--unmerged", "-z", "--", "Tags"], in: workspace.root),
      result.status == 0
    else { return [] }
    var stages: [String: Set<Character>] = [:]
    for entry in result.output.split(separator: "\0") {
      guard let tab = entry.firstIndex(of: "\t") else { continue }
      let path = String(entry[entry.index(after: tab)...])
      stages[path, default: []].insert(entry[..<tab].last ?? "?")
    }
    return files.filter { stages[$0] != nil }.map { file in
      let how = stages[file]?.contains("1") == true ? "changed on both sides" : "added on both sides"
      return .error(
        "unresolved-merge",
        "unresolved git merge: git holds this file unmerged (\(how)), and it may hold one side's decisions only; `git merge --abort` and merge the branches one at a time, after `mandate init`",
        at: FileLocation(file: shown(file), line: 1, column: 1))
    }
  }

  /// A warning at the layout file's schema when its decisions must move to the analysts' files.
  static func migrationWarning(
    _ contents: LedgerFile.Contents, ledger: LedgerFile, shown: (String?) -> String
  ) -> Diagnostic? {
    guard contents.needsMigration else { return nil }
    let folder = ledger.displayPath
    let how =
      "`mandate init` moves \(contents.schema == LedgerFile.supportedSchema ? "them" : "its decisions") to their analysts' files in \(folder) (schema \(LedgerFile.supportedSchema), a file per analyst, one decision per line), as does the next decision recorded"
    let message: String
    switch contents.schema {
    case 1:
      message =
        "this ledger is in schema 1 (one decision over several lines, every analyst in one file), which git merges can garble; \(how)"
    case 2:
      message =
        "this ledger is in schema 2 (every analyst in one file), which git's octopus merge cannot merge once several branches add to it; \(how)"
    default:
      let count = contents.unmoved == 1 ? "1 decision is" : "\(contents.unmoved) decisions are"
      message =
        "\(count) still in this file, left by a merge with a branch from before the analysts had files of their own; they count, and \(how)"
    }
    let location = contents.schemaLocation.map {
      FileLocation(file: shown($0.file), line: $0.line, column: $0.column)
    }
    return .warning("ledger-schema", message, at: location)
  }

  /// A warning at the first analyst's entry, with a note at each analyst's entry.
  static func disputed(_ dispute: LedgerState.Dispute, shown: (String?) -> String) -> Diagnostic {
    let held = dispute.positions.map { "\($0.decision.by) holds \($0.verdict.description)" }
    // The warning stands at the first analyst's line; a note at each other analyst's line.
    let notes = dispute.positions.map { position in
      Diagnostic.Note(
        "\(position.decision.by), \(Timestamp.format(position.decision.at)): \(position.verdict.description)",
        at: position.decision.line.map { FileLocation(file: shown(position.decision.file), line: $0, column: 3) })
    }
    return .warning(
      "disputed",
      "event \(dispute.pair.event.prefix(8)) and \(dispute.pair.item) are disputed (\(held.joined(separator: "; "))); reports count the pair as disputed, not as evidence, until it is resolved with `mandate review --conflicts`",
      at: notes.first?.location, notes: Array(notes.dropFirst()))
  }
}
