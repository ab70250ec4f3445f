import Foundation

extension IDRename {
  /// What a rename did (or, for a dry run, would do).
  public struct Outcome: Sendable, Equatable {
    public var changes: [Change]
    public var isPriority: Bool
    /// The mandate file and the ledger's file the rename is recorded in (the renaming analyst's),
    /// relative to the workspace.
    public var mandateFile: String
    public var ledgerFile: String
    /// The ledger's folder, `Tags/<mandate>/`.
    public var ledger: String
    /// Ledger entries whose item was renamed.
    public var migrated: Int
    /// Ledger entries that already named a new id before the rename (see `notes`).
    public var adopted: Int
    public var dryRun: Bool

    /// "renamed P2.3 to P2.4 in Priorities/kz-csto-2024.yaml; 3 ledger entries now count for …".
    public var summary: String {
      guard let first = changes.first else { return "" }
      var text = "\(dryRun ? "would rename" : "renamed") \(first.old) to \(first.new)"
      if isPriority && changes.count > 1 {
        let items = changes.dropFirst().map { "\($0.old) to \($0.new)" }.joined(separator: ", ")
        text += " and its \(changes.count == 2 ? "item" : "items") (\(items))"
      }
      text += " in \(mandateFile); "
      if migrated == 0 { return text + "no ledger entries name it" }
      let entries = migrated == 1 ? "1 ledger entry" : "\(migrated) ledger entries"
      let verb = dryRun ? "would count" : "now count"
      return text + "\(entries) \(verb) for the new id (the rename is recorded in \(ledgerFile))"
    }

    /// Things the analyst should know: entries that named a new id before the rename now refer to
    /// the renamed item (expected when finishing an interrupted rename, surprising otherwise).
    public var notes: [String] {
      guard adopted > 0 else { return [] }
      let ids = changes.map(\.new).joined(separator: ", ")
      let entries = adopted == 1 ? "1 entry" : "\(adopted) entries"
      return [
        "\(entries) of \(ledger) already named \(ids), which the mandate did not have (left by an interrupted rename?); \(dryRun ? "they would now refer" : "they now refer") to the renamed \(isPriority ? "ids" : "item")"
      ]
    }
  }

  /// Renames `old` to `new` in the mandate `mandateID` (the only one when nil) and records the
  /// rename in its ledger (one `rename` entry per id, in the name of `by`), holding the workspace
  /// lock exclusively throughout; `dryRun` writes nothing.
  ///
  /// Ledger entries are not rewritten: replay reads them through the `rename` entries, so that a
  /// branch that tagged the old id while another renamed it still merges into one picture.
  public static func run(
    in workspace: Workspace, mandate mandateID: String?, old: String, new: String, dryRun: Bool,
    by: String = "mandate", now: Date = MandateClock.now()
  ) throws -> Outcome {
    let lock = try WorkspaceLock(stateDirectory: workspace.stateDirectory, mode: dryRun ? .shared : .exclusive)
    let display = PathDisplay(base: workspace.root)
    let (mandateURL, mandateFile) = try locateMandate(in: workspace, mandateID, display: display)

    // Plan from the exact bytes that will be replaced, read under the lock.
    let original: Data
    do {
      original = try Data(contentsOf: mandateURL)
    } catch {
      throw RecordError.readFailed(path: mandateFile, reason: TextFile.describe(error))
    }
    guard case .success(let text) = TextFile.decode(original, displayPath: mandateFile),
      let mandate = MandateLoader().load(text: text, file: mandateFile).mandate
    else { throw WorkspaceError.invalidMandate(mandateFile) }
    let rename = try IDRename(old, to: new, in: mandate, text: text, file: mandateFile)

    let ledger = LedgerFile(workspace: workspace, mandateID: mandate.id)
    let contents = ledger.read()
    if let problem = contents.unreadable { throw LedgerError.unreadable(problem, root: workspace.root) }
    let renamed = Dictionary(uniqueKeysWithValues: rename.changes.map { ($0.old, $0.new) })
    let newIDs = Set(renamed.values)
    let current = LedgerHistory.ordered(contents.decisions, items: Set(mandate.items.map(\.id)))
      .filter { $0.kind != .rename }
    let outcome = Outcome(
      changes: rename.changes, isPriority: rename.isPriority, mandateFile: mandateFile,
      ledgerFile: ledger.file(for: by), ledger: ledger.displayPath, migrated: current.count { renamed[$0.item] != nil },
      adopted: current.count { newIDs.contains($0.item) }, dryRun: dryRun)
    guard !dryRun else { return outcome }

    // Every byte of the mandate is written to a temporary file before either file changes. Then
    // the ledger goes first: killed between the two, the ledger has the rename while the mandate
    // still has the old ids; `mandate check` reports the entries as naming unknown items, and
    // running the same rename again finishes it. Items are renamed one entry each (a priority's
    // id is not named by decisions).
    var bytes = original.starts(with: [0xEF, 0xBB, 0xBF]) ? Data([0xEF, 0xBB, 0xBF]) : Data()
    bytes.append(Data(rename.text.utf8))
    let preparedMandate = try AtomicFile.prepare(for: mandateURL) { handle in try handle.write(contentsOf: bytes) }
    defer { preparedMandate.discard() }
    keepPermissions(of: mandateURL, on: preparedMandate)
    let at = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down))
    let entries = rename.changes.filter { mandate.item(id: $0.old) != nil }.map {
      Decision(kind: .rename, item: $0.old, to: $0.new, by: by, at: at)
    }
    if ledger.exists && !entries.isEmpty {
      // Decisions still in the layout file move first (a write complete in itself), so that the
      // rename's entries change the analyst's file alone.
      try ledger.migrate()
      let file = ledger.part(for: by).url
      let ledgerOriginal = try? Data(contentsOf: file)
      try ledger.append(entries)
      do {
        try preparedMandate.commit(to: mandateURL)
      } catch {
        // Put the analyst's file back so that the ledger and the mandate agree again.
        if let ledgerOriginal { try? AtomicFile.write(ledgerOriginal, to: file) } else { unlink(file.path) }
        throw error
      }
    } else {
      try preparedMandate.commit(to: mandateURL)
    }
    // The files are the record; if the index cannot be refreshed now, the next command does it
    // (it compares the files' stamps), so the rename has still succeeded.
    _ = try? EventIndex.open(workspace, lock: lock)
    return outcome
  }

  /// The file of the mandate to rename in, refusing when it (or, with no id given, any mandate
  /// file) has errors: a rename must start from a mandate that reads cleanly.
  private static func locateMandate(
    in workspace: Workspace, _ id: String?, display: PathDisplay
  ) throws -> (URL, String) {
    let catalog = MandateCatalog.load(workspace, display: display)
    if let id, let url = catalog.urls[id] { return (url, display.path(url)) }
    if catalog.diagnostics.hasErrors {
      let file = catalog.diagnostics.first { $0.severity == .error }?.location?.file ?? catalog.files.first ?? "?"
      throw WorkspaceError.invalidMandate(file)
    }
    let mandate = try catalog.select(id, workspace: workspace)
    guard let url = catalog.urls[mandate.id] else { throw WorkspaceError.invalidMandate(mandate.id) }
    return (url, display.path(url))
  }

  /// Gives the replacement file the mode of the hand-edited file it replaces.
  private static func keepPermissions(of url: URL, on prepared: PreparedFile) {
    var info = stat()
    guard stat(url.path, &info) == 0 else { return }
    chmod(prepared.temporary.path, info.st_mode & 0o7777)
  }
}
