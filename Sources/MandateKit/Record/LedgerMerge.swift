import Foundation

/// Git's three-way merge of a ledger file as sets of decisions (`mandate merge-ledger %O %A %B %P`).
///
/// Git needs it only for one analyst's file changed on two branches (analysts' own branches
/// change different files), and for the layout file when a branch from before the analysts had
/// files meets one after. The result is our file with the decisions their side added (after
/// their analysts' lines, as `LedgerFile.append` places them) and without the ones their side
/// removed (an undo, say); a decision both sides added is kept once. Our layout, comments and
/// entries `check` flags stay as they were. A layout file is merged the same way; when one side
/// is the layout of schema 3, the decisions the other side added are kept in it, for the next
/// write to move to their analysts' files. When a side cannot be read at all, the result is a
/// conflict holding both sides, which `mandate check` names.
public enum LedgerMerge {
  public enum Outcome: Equatable, Sendable {
    case merged(text: String, added: Int, removed: Int)
    case conflict(text: String, reason: String)
  }

  /// The ledger file at `path` in a repository (git's `%P`): its mandate, and whether it is the
  /// layout file (`…/Tags/<mandate>.yaml`) rather than an analyst's (`…/Tags/<mandate>/<slug>.yaml`);
  /// nil for a path of neither form.
  public static func target(path: String) -> (mandateID: String, layout: Bool)? {
    let parts = path.split(separator: "/").map(String.init)
    guard let tags = parts.lastIndex(of: "Tags"), parts.last?.hasSuffix(".yaml") == true else { return nil }
    switch parts.count - tags {
    case 2: return (String(parts[tags + 1].dropLast(5)), true)
    case 3: return (parts[tags + 1], false)
    default: return nil
    }
  }

  public static func merge(base: String, ours: String, theirs: String, mandateID: String, layout: Bool = false)
    -> Outcome
  {
    let part =
      layout
      ? LedgerPart(url: URL(fileURLWithPath: "/"), path: "Tags/\(mandateID).yaml", mandateID: mandateID, role: .layout)
      : LedgerPart(url: URL(fileURLWithPath: "/"), path: "Tags/\(mandateID)/", mandateID: mandateID, role: .analyst)
    let sides = [("base", base), ("ours", ours), ("theirs", theirs)].map { name, text in
      (name: name, text: text, contents: part.parse(text))
    }
    func conflict(_ reason: String) -> Outcome {
      let text = "<<<<<<< ours\n\(terminated(ours))=======\n\(terminated(theirs))>>>>>>> theirs\n"
      return .conflict(text: text, reason: reason)
    }
    for side in sides {
      if let problem = side.contents.unreadable {
        return conflict("\(side.name) cannot be read (\(place(problem))\(problem.message))")
      }
      // Entries a schema-1 side could not read would be lost: they have no line of their own.
      if side.contents.schema == 1 && side.name != "base",
        let error = side.contents.diagnostics.first(where: { $0.severity == .error })
      {
        return conflict(
          "\(side.name) is in schema 1 and has an entry that cannot be read (\(place(error))\(error.message))")
      }
    }
    // Two layout files that are both still the whole ledger (schema 2) merge as one; any other
    // pair of layout files gives the layout of schema 3.
    if layout && (sides[1].contents.schema != 2 || (sides[2].contents.schema ?? 0) > 2) {
      return mergedLayout(base: sides[0], ours: sides[1], theirs: sides[2], part: part)
    }
    var oursText = ours
    var oursContents = sides[1].contents
    if ours.isEmpty {
      oursText = part.canonicalText(oursContents.decisions)
      oursContents = part.parse(oursText)
    }
    let baseKeys = Set(entries(base, sides[0].contents).map(\.key))
    let oursEntries = entries(oursText, oursContents)
    let oursKeys = Set(oursEntries.map(\.key))
    let theirsEntries = entries(theirs, sides[2].contents)
    let theirsKeys = Set(theirsEntries.map(\.key))

    var seen = Set<String>()
    let added = theirsEntries.filter {
      !oursKeys.contains($0.key) && !baseKeys.contains($0.key) && seen.insert($0.key).inserted
    }
    let removedLines = Set(
      oursEntries.filter { baseKeys.contains($0.key) && !theirsKeys.contains($0.key) }.compactMap(\.line))
    var lines = oursText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    var kept: [String] = []
    var renumbered: [Decision] = []
    var keptIndex: [Int: Int] = [:]
    for (offset, line) in lines.enumerated() where !removedLines.contains(offset + 1) {
      keptIndex[offset + 1] = kept.count + 1
      kept.append(line)
    }
    for decision in oursContents.decisions {
      guard let line = decision.line, let new = keptIndex[line] else { continue }
      var copy = decision
      copy.line = new
      renumbered.append(copy)
    }
    var text = kept.joined(separator: "\n") + "\n"
    let decisions = added.compactMap(\.decision)
    if !decisions.isEmpty { text = LedgerPart.inserting(decisions, into: text, at: renumbered) }
    for raw in added where raw.decision == nil { text += raw.key + "\n" }
    return .merged(text: text, added: added.count, removed: removedLines.count)
  }

  /// A layout file of schema 3 on one side at least: the decisions either side holds that the
  /// base did not, or that both sides kept (a side that moved the base's decisions to the
  /// analysts' files removed them here), in the layout file of schema 3.
  private static func mergedLayout(
    base: (name: String, text: String, contents: LedgerFile.Contents),
    ours: (name: String, text: String, contents: LedgerFile.Contents),
    theirs: (name: String, text: String, contents: LedgerFile.Contents), part: LedgerPart
  ) -> Outcome {
    let baseKeys = Set(entries(base.text, base.contents).map(\.key))
    let oursEntries = entries(ours.text, ours.contents)
    let theirsEntries = entries(theirs.text, theirs.contents)
    let oursKeys = Set(oursEntries.map(\.key))
    let theirsKeys = Set(theirsEntries.map(\.key))
    var seen = Set<String>()
    let kept = (oursEntries + theirsEntries).filter { entry in
      let inBoth = oursKeys.contains(entry.key) && theirsKeys.contains(entry.key)
      return (!baseKeys.contains(entry.key) || inBoth) && seen.insert(entry.key).inserted
    }
    var text = part.canonicalText(kept.compactMap(\.decision))
    let raw = kept.filter { $0.decision == nil }
    if !raw.isEmpty && !text.contains("\ndecisions:\n") { text += "decisions:\n" }
    for entry in raw { text += entry.key + "\n" }
    let added = kept.count { !oursKeys.contains($0.key) }
    let removed = oursEntries.count { !seen.contains($0.key) }
    return .merged(text: text, added: added, removed: removed)
  }

  /// A side's entries: each decision by its line text, and entry lines that did not read as a
  /// decision (one decision per line) by their own text.
  private static func entries(_ text: String, _ contents: LedgerFile.Contents) -> [(
    key: String, decision: Decision?, line: Int?
  )] {
    contents.decisions.map { (key: LedgerLine.encode($0), decision: Optional($0), line: $0.line) }
      + LedgerPart.unreadEntries(text, contents).map { (key: $0.text, decision: nil, line: Optional($0.line)) }
  }

  private static func place(_ diagnostic: Diagnostic) -> String {
    diagnostic.location.map { "line \($0.line): " } ?? ""
  }

  private static func terminated(_ text: String) -> String {
    text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
  }
}
