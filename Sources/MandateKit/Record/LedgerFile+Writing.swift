import Foundation

/// Writing a ledger; the caller holds the workspace lock exclusively. Every file a write changes
/// is prepared in full beside its target before any is replaced, so a full disk changes nothing.
extension LedgerFile {
  /// Adds `decisions`, each to its analyst's file, after the analyst's last line there. A ledger
  /// whose layout file holds decisions (schema 1 or 2, or a merge's leftovers) is migrated first
  /// (`migrate`); the layout file is written when it is missing.
  @discardableResult
  public func append(_ decisions: [Decision]) throws(RecordError) -> WriteNote {
    guard !decisions.isEmpty else { return WriteNote() }
    removeStrayTemporaries()
    var note = WriteNote()
    if let migration = try migrate() {
      note.migratedFrom = migration.fromSchema < Self.supportedSchema ? migration.fromSchema : nil
      note.moved = migration.moved
    }
    var writes: [(part: LedgerPart, text: String)] = []
    for (part, group) in grouped(decisions) {
      let text = try part.existingText()
      let contents = part.parse(text)
      // Entries added to a file that cannot be read would never be read back: refuse, so that
      // the analyst fixes the file (`mandate check` shows where) rather than lose decisions.
      if let problem = contents.unreadable { throw Self.unreadable(problem, part: part) }
      writes.append((part, LedgerPart.inserting(group, into: text, at: contents.decisions)))
    }
    if !layout.exists { writes.append((layout, layout.header)) }
    try commit(writes)
    note.files = writes.map(\.part.path).filter { $0 != layout.path }
    return note
  }

  /// Moves the decisions of the layout file to their analysts' files (each once, after the
  /// decisions already there) and leaves the layout file saying where they are, with the entry
  /// lines that cannot be read, for `check` to go on naming; returns what it did, or nil when
  /// there was nothing to move. Refuses a file with other errors (its header's), and a schema 1
  /// file with entries that cannot be read, which have no line of their own to keep.
  @discardableResult
  public func migrate() throws(RecordError) -> Migration? {
    let layout = self.layout
    guard layout.exists else { return nil }
    let text = try layout.existingText()
    let contents = layout.parse(text)
    if let problem = contents.unreadable { throw Self.unreadable(problem, part: layout) }
    let schema = contents.schema ?? Self.supportedSchema
    guard schema < Self.supportedSchema || !contents.decisions.isEmpty else { return nil }
    let unread = LedgerPart.unreadEntries(text, contents)
    let entryLines = Set(contents.decisions.compactMap(\.line) + unread.map(\.line))
    let errors = contents.diagnostics.filter { diagnostic in
      diagnostic.severity == .error && (schema == 1 || !entryLines.contains(diagnostic.location?.line ?? 0))
    }
    if let error = errors.first {
      let place: String = error.location.map { "\($0): " } ?? ""
      let reason: String =
        "it is in ledger schema \(schema) and has errors a migration to schema \(Self.supportedSchema) would drop (\(place)\(error.message)); fix them first"
      throw .writeFailed(path: layout.path, reason: reason)
    }
    removeStrayTemporaries()
    var writes: [(part: LedgerPart, text: String)] = []
    for (part, group) in grouped(contents.decisions) {
      guard part.exists else {
        writes.append((part, part.canonicalText(group)))
        continue
      }
      let text = try part.existingText()
      let existing = part.parse(text)
      if let problem = existing.unreadable { throw Self.unreadable(problem, part: part) }
      let present = Set(existing.decisions.map(LedgerLine.encode))
      let missing = LedgerHistory.sortedUnique(group).filter { !present.contains(LedgerLine.encode($0)) }
      writes.append((part, LedgerPart.inserting(missing, into: text, at: existing.decisions)))
    }
    // The analysts' files first: killed before the layout file is replaced, the decisions are in
    // both places, which replay counts once, and the next write finishes the move.
    let kept = unread.map { $0.text + "\n" }.joined()
    writes.append((layout, layout.header + (kept.isEmpty ? "" : "decisions:\n" + kept)))
    try commit(writes)
    return Migration(fromSchema: schema, moved: contents.decisions.count, files: writes.dropLast().map(\.part.path))
  }

  /// Replaces every entry (for tests and benchmarks): each analyst's file in canonical order,
  /// analysts' files without decisions removed, and the layout file.
  public func rewrite(_ decisions: [Decision]) throws(RecordError) {
    removeStrayTemporaries()
    let groups = grouped(decisions)
    var writes = groups.map { (part: $0.part, text: $0.part.canonicalText($0.decisions)) }
    writes.append((layout, layout.header))
    let kept = Set(groups.map(\.part.path))
    let stale = analystParts().filter { !kept.contains($0.path) }
    try commit(writes)
    for part in stale { unlink(part.url.path) }
  }

  /// Removes `decisions`' lines if they are still where `append` put them: together, and the last
  /// lines of their analyst in their file (a `review` undo moments after); false, touching
  /// nothing, when they are not (the analyst recorded something since, or the entries were
  /// edited). Every other byte is kept, comments included.
  public func removeLast(_ decisions: [Decision]) throws(RecordError) -> Bool {
    guard !decisions.isEmpty else { return true }
    var writes: [(part: LedgerPart, text: String)] = []
    for (part, group) in grouped(decisions) {
      guard part.exists, let kept = LedgerPart.removingLast(group, from: try part.existingText()) else { return false }
      writes.append((part, kept))
    }
    removeStrayTemporaries()
    try commit(writes)
    return true
  }

  /// `decisions` by their analysts' files, each file's in the order given, files by path.
  func grouped(_ decisions: [Decision]) -> [(part: LedgerPart, decisions: [Decision])] {
    var groups: [String: (part: LedgerPart, decisions: [Decision])] = [:]
    for decision in decisions {
      let part = part(for: decision.by)
      groups[part.path, default: (part, [])].decisions.append(decision)
    }
    return groups.keys.sorted().compactMap { groups[$0] }
  }

  /// Prepares every file, then replaces them in order; a failure while preparing changes nothing.
  private func commit(_ writes: [(part: LedgerPart, text: String)]) throws(RecordError) {
    var prepared: [(PreparedFile, URL)] = []
    defer { for (file, _) in prepared { file.discard() } }
    for write in writes {
      let data = Data(write.text.utf8)
      prepared.append(
        (try AtomicFile.prepare(for: write.part.url) { handle in try handle.write(contentsOf: data) }, write.part.url))
    }
    for (file, url) in prepared { try file.commit(to: url) }
  }
}
