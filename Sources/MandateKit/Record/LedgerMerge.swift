import Foundation

/// Git's three-way merge of a ledger as sets of decisions (`mandate merge-ledger %O %A %B %P`).
///
/// The result is our file with the decisions their side added (after their analysts' lines, as
/// `append` places them) and without the ones their side removed (an undo, say); a decision both
/// sides added is kept once. Our layout, comments and entries `check` flags stay as they were. A
/// side in schema 1 is read as decisions; our side is migrated to schema 2 first. When a side
/// cannot be read at all, the result is a conflict holding both sides, which `mandate check`
/// names.
public enum LedgerMerge {
  public enum Outcome: Equatable, Sendable {
    case merged(text: String, added: Int, removed: Int)
    case conflict(text: String, reason: String)
  }

  public static func merge(base: String, ours: String, theirs: String, mandateID: String) -> Outcome {
    let ledger = LedgerFile(workspace: Workspace(root: URL(fileURLWithPath: "/")), mandateID: mandateID)
    let sides = [("base", base), ("ours", ours), ("theirs", theirs)].map { name, text in
      (name: name, text: text, contents: ledger.parse(text))
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
    var oursText = ours
    var oursContents = sides[1].contents
    if (oursContents.schema ?? LedgerFile.supportedSchema) < LedgerFile.supportedSchema || ours.isEmpty {
      oursText = ledger.canonicalText(oursContents.decisions)
      oursContents = ledger.parse(oursText)
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
    if !decisions.isEmpty { text = LedgerFile.inserting(decisions, into: text, at: renumbered) }
    for raw in added where raw.decision == nil { text += raw.key + "\n" }
    return .merged(text: text, added: added.count, removed: removedLines.count)
  }

  /// A side's entries: each decision by its line text, and entry lines that did not read as a
  /// decision (schema 2) by their own text.
  private static func entries(_ text: String, _ contents: LedgerFile.Contents) -> [(
    key: String, decision: Decision?, line: Int?
  )] {
    var result = contents.decisions.map { (key: LedgerLine.encode($0), decision: Optional($0), line: $0.line) }
    guard contents.schema == LedgerFile.supportedSchema else { return result }
    let parsed = Set(contents.decisions.compactMap(\.line))
    for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    where line.hasPrefix("- ") && !parsed.contains(offset + 1) {
      result.append((key: String(line), decision: nil, line: offset + 1))
    }
    return result
  }

  private static func place(_ diagnostic: Diagnostic) -> String {
    diagnostic.location.map { "line \($0.line): " } ?? ""
  }

  private static func terminated(_ text: String) -> String {
    text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
  }
}
