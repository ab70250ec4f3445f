import Foundation

/// What the shell completes for arguments that name something in the workspace: event ids, item
/// ids, quarters and mandates.
///
/// The shell hands over the words typed so far; `--workspace` and `--mandate` among them are
/// honoured, and the workspace is otherwise found from the current directory, as the command
/// itself would. Nothing is printed and nothing fails: a word that cannot be completed gets no
/// candidates.
public struct Completions {
  public let workspace: Workspace?
  public let mandateID: String?

  /// The candidates for the words of a command line, as the shell's completion hands them over.
  public init(words: [String], currentDirectory: URL) {
    let explicit = Self.value(of: "--workspace", in: words)
    workspace = try? Workspace.discover(from: currentDirectory, explicit: explicit)
    mandateID = Self.value(of: "--mandate", in: words)
  }

  /// The value that follows `option` (`--option VALUE` or `--option=VALUE`), unquoted.
  static func value(of option: String, in words: [String]) -> String? {
    for (index, word) in words.enumerated() {
      if word == option, index + 1 < words.count { return unquoted(words[index + 1]) }
      if word.hasPrefix(option + "=") { return unquoted(String(word.dropFirst(option.count + 1))) }
    }
    return nil
  }

  static func unquoted(_ word: String) -> String {
    var text = word
    if text.count >= 2, let first = text.first, first == "\"" || first == "'", text.last == first {
      text = String(text.dropFirst().dropLast())
    }
    return text.replacingOccurrences(of: "\\ ", with: " ")
  }

  var mandate: Mandate? {
    guard let workspace else { return nil }
    return try? MandateCatalog.load(workspace).select(mandateID, workspace: workspace)
  }

  /// Abbreviated ids (as `mandate events` prints them) of the events whose id starts with `prefix`.
  public func eventIDs(prefix: String, limit: Int = 200) -> [String] {
    guard let workspace,
      FileManager.default.fileExists(atPath: workspace.stateDirectory.appendingPathComponent("index.sqlite").path),
      let lock = try? WorkspaceLock(stateDirectory: workspace.stateDirectory, mode: .shared),
      let index = try? EventIndex.open(workspace, lock: lock).index,
      let ids = try? index.ids(startingWith: prefix, limit: limit)
    else { return [] }
    let abbreviations = (try? index.abbreviations(for: ids)) ?? [:]
    return ids.map { abbreviations[$0] ?? $0 }
  }

  /// The mandate's item ids that start with `prefix` (case-insensitively), in mandate order.
  public func itemIDs(prefix: String) -> [String] {
    guard let mandate else { return [] }
    return mandate.items.map(\.id).filter { $0.lowercased().hasPrefix(prefix.lowercased()) }
  }

  /// The item and priority ids, for `rename`.
  public func itemAndPriorityIDs(prefix: String) -> [String] {
    guard let mandate else { return [] }
    let ids = mandate.priorities.flatMap { [$0.id] + $0.items.map(\.id) }
    return ids.filter { $0.lowercased().hasPrefix(prefix.lowercased()) }
  }

  /// The term's quarters, calendar form first (`2024Q1`…) when the term uses calendar quarters,
  /// then the term's own (`Q1`…).
  public func quarters(prefix: String) -> [String] {
    guard let mandate else { return [] }
    let quarters = TermQuarters(term: mandate.term)
    var names: [String] = []
    if quarters.isCalendar { names += quarters.quarters.map(QuarterName.compact) }
    names += quarters.quarters.indices.map { "Q\($0 + 1)" }
    return names.filter { $0.lowercased().hasPrefix(prefix.lowercased()) }
  }

  /// The workspace's mandate ids.
  public func mandateIDs(prefix: String) -> [String] {
    guard let workspace else { return [] }
    return MandateCatalog.load(workspace).mandates.map(\.id).filter { $0.hasPrefix(prefix) }
  }
}
