import Foundation

/// One file of a mandate's ledger: an analyst's file, `Tags/<mandate>/<slug>.yaml`, or the
/// layout file, `Tags/<mandate>.yaml`.
///
/// An analyst's file holds their decisions, one per line under `decisions:` (`LedgerLine`), oldest
/// first; analysts whose names give the same slug share it, each with their own lines together.
/// The layout file says that the ledger is a folder of such files (schema 3) and holds no
/// decisions, except those a merge with a branch from before that layout left there; in a ledger
/// of schema 1 or 2 it is the whole ledger.
struct LedgerPart: Sendable {
  enum Role: Sendable {
    case analyst
    case layout
  }

  let url: URL
  /// The file's path relative to the workspace (`Tags/kz-csto-2024/alice.yaml`), as diagnostics
  /// and decisions name it.
  let path: String
  let mandateID: String
  let role: Role

  /// The layout file of `mandateID`.
  static func layout(_ workspace: Workspace, mandateID: String) -> LedgerPart {
    LedgerPart(
      url: workspace.tagsDirectory.appendingPathComponent("\(mandateID).yaml"), path: "Tags/\(mandateID).yaml",
      mandateID: mandateID, role: .layout)
  }

  /// The file of an analyst's slug.
  static func analyst(_ workspace: Workspace, mandateID: String, slug: String) -> LedgerPart {
    let folder = workspace.tagsDirectory.appendingPathComponent(mandateID, isDirectory: true)
    return LedgerPart(
      url: folder.appendingPathComponent("\(slug).yaml"), path: "Tags/\(mandateID)/\(slug).yaml",
      mandateID: mandateID, role: .analyst)
  }

  var exists: Bool { FileManager.default.fileExists(atPath: url.path) }

  /// An analyst's file before its first decision.
  static func analystHeader(mandateID: String) -> String {
    """
    # Decisions for mandate \(mandateID), one analyst's file: one decision per line, oldest first.
    # Written by mandate (tag, untag, reject, status, resolve, rename, review); each analyst has a
    # file of their own in this folder, so that analysts' branches merge without touching each other.
    schema: \(LedgerFile.supportedSchema)
    mandate: \(mandateID)
    decisions:

    """
  }

  /// The layout file of a ledger in schema 3: every clone and version of mandate reads the same
  /// bytes, so that branches that each write it merge without a conflict.
  static func layoutText(mandateID: String) -> String {
    """
    # The decisions for mandate \(mandateID) are in the folder \(mandateID)/ beside this file, one
    # file per analyst, one decision per line. This file holds none: it tells mandate, and older
    # versions of it that read one file, that the ledger is that folder.
    schema: \(LedgerFile.supportedSchema)
    mandate: \(mandateID)

    """
  }

  var header: String {
    role == .analyst ? Self.analystHeader(mandateID: mandateID) : Self.layoutText(mandateID: mandateID)
  }

  /// Reads the file; a missing file is an empty one.
  func read() -> LedgerFile.Contents {
    guard exists else { return LedgerFile.Contents(decisions: [], diagnostics: []) }
    switch TextFile.read(url, displayPath: path, allowEmpty: true) {
    case .failure(let diagnostic):
      return LedgerFile.Contents(decisions: [], diagnostics: [diagnostic], unreadable: diagnostic)
    case .success(let text):
      return parse(text)
    }
  }

  func parse(_ text: String) -> LedgerFile.Contents {
    LedgerParser(file: path, mandateID: mandateID, role: role).parse(text)
  }

  /// The file's text, or its header when it does not exist.
  func existingText() throws(RecordError) -> String {
    guard exists else { return header }
    do {
      return try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw .readFailed(path: path, reason: TextFile.describe(error))
    }
  }

  /// The whole file for `decisions`: the header, then each analyst's decisions (analysts by
  /// name), in replay order, each decision once. A layout file without decisions is the layout
  /// alone.
  func canonicalText(_ decisions: [Decision]) -> String {
    var text = header
    let ordered = LedgerHistory.sortedUnique(decisions)
    if role == .layout && !ordered.isEmpty { text += "decisions:\n" }
    let byAnalyst = Dictionary(grouping: ordered, by: \.by)
    for analyst in byAnalyst.keys.sorted() {
      for decision in byAnalyst[analyst] ?? [] { text += LedgerLine.encode(decision) + "\n" }
    }
    return text
  }

  /// `text` with the decisions' lines inserted after their analysts' last lines (a new analyst's
  /// lines go where the name sorts among the others), given the decisions `existing` read from it.
  static func inserting(_ decisions: [Decision], into text: String, at existing: [Decision]) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    // Where each analyst's lines end (0-based index after the last), and the entries' lines in order.
    var ends: [String: Int] = [:]
    var starts: [(by: String, index: Int)] = []
    for decision in existing {
      guard let line = decision.line else { continue }
      let end: Int = ends[decision.by] ?? 0
      if line > end { ends[decision.by] = line }
      starts.append((by: decision.by, index: line - 1))
    }
    var inserts: [Int: [String]] = [:]
    for decision in decisions {
      let position: Int
      if let end = ends[decision.by] {
        position = end
      } else if let next = firstLine(after: decision.by, in: starts) {
        position = next
      } else {
        position = lines.count
      }
      inserts[position, default: []].append(LedgerLine.encode(decision))
    }
    for position in inserts.keys.sorted(by: >) {
      let added: [String] = inserts[position] ?? []
      lines.insert(contentsOf: added, at: min(position, lines.count))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The first line index of an entry whose analyst sorts after `name`.
  private static func firstLine(after name: String, in starts: [(by: String, index: Int)]) -> Int? {
    var best: Int?
    for start in starts where start.by > name {
      if best == nil || start.index < best! { best = start.index }
    }
    return best
  }

  /// The entry lines (`- ` at the start) of a file with one decision per line (schema 2 or 3)
  /// that did not read as a decision, with their line numbers.
  static func unreadEntries(_ text: String, _ contents: LedgerFile.Contents) -> [(line: Int, text: String)] {
    guard (contents.schema ?? 0) >= 2 else { return [] }
    let parsed = Set(contents.decisions.compactMap(\.line))
    var result: [(line: Int, text: String)] = []
    for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    where line.hasPrefix("- ") && !parsed.contains(offset + 1) {
      result.append((offset + 1, String(line)))
    }
    return result
  }

  /// `text` without `decisions`' lines if they are still where `inserting` put them: together,
  /// and the last lines of their analysts; nil when they are not. Every other byte is kept.
  static func removingLast(_ decisions: [Decision], from text: String) -> String? {
    let block = decisions.map { LedgerLine.encode($0) + "\n" }.joined()
    guard let range = text.range(of: block, options: .backwards),
      range.lowerBound == text.startIndex || text[text.index(before: range.lowerBound)] == "\n"
    else { return nil }
    let after = text[range.upperBound...]
    for analyst in Set(decisions.map(\.by)) where after.contains(", by: \(LedgerLine.quoted(analyst)), ") {
      return nil
    }
    var kept = text
    kept.removeSubrange(range)
    return kept
  }
}
