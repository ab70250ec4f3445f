import Foundation

/// `Tags/<mandate>.yaml`: the decisions ledger (schema 2), one decision per line under
/// `decisions:`, grouped by analyst, each analyst's oldest first.
///
/// A decision is one line (`LedgerLine`), so git can merge two analysts' ledgers line by line
/// without ever fusing two decisions (the union driver in `.gitattributes`), and `mandate
/// merge-ledger` merges them as sets of decisions. New decisions go after their analyst's last
/// line, so that branches of different analysts change different places of the file (git's
/// octopus merge, which runs no merge driver, needs that). Lines already written never change;
/// each write replaces the file atomically while holding the workspace lock exclusively.
public struct LedgerFile: Sendable {
  public let url: URL
  public let mandateID: String
  /// How the file is named in diagnostics.
  public let displayPath: String

  public init(workspace: Workspace, mandateID: String) {
    url = workspace.tagsDirectory.appendingPathComponent("\(mandateID).yaml")
    self.mandateID = mandateID
    displayPath = "Tags/\(mandateID).yaml"
  }

  /// The schema this version writes.
  public static let supportedSchema = 2
  /// The schemas it reads: schema 1 (one decision over several lines) is migrated on the next write.
  public static let readableSchemas: Set<Int> = [1, 2]

  var header: String {
    """
    # Decisions for mandate \(mandateID): one decision per line, grouped by analyst, oldest first.
    # Written by mandate (tag, untag, reject, status, resolve, rename, review). git merges the file
    # line by line (.gitattributes) or with `mandate merge-ledger` (set up by `mandate init`).
    schema: \(Self.supportedSchema)
    mandate: \(mandateID)
    decisions:

    """
  }

  public var exists: Bool { FileManager.default.fileExists(atPath: url.path) }

  public struct Contents: Sendable {
    public var decisions: [Decision]
    public var diagnostics: [Diagnostic]
    /// Set when the file cannot be read as a whole (git's conflict markers, a YAML syntax error,
    /// an unknown schema): its decisions are unknown, not none.
    public var unreadable: Diagnostic?
    /// The file's schema, when it says, and where.
    public var schema: Int?
    public var schemaLocation: FileLocation?

    init(
      decisions: [Decision], diagnostics: [Diagnostic], unreadable: Diagnostic? = nil, schema: Int? = nil,
      schemaLocation: FileLocation? = nil
    ) {
      self.decisions = decisions
      self.diagnostics = diagnostics
      self.unreadable = unreadable
      self.schema = schema
      self.schemaLocation = schemaLocation
    }
  }

  /// Reads every decision; entries that cannot be used become diagnostics (with their line) and
  /// are left out. A missing file is an empty ledger.
  public func read() -> Contents {
    guard exists else { return Contents(decisions: [], diagnostics: []) }
    switch TextFile.read(url, displayPath: displayPath, allowEmpty: true) {
    case .failure(let diagnostic):
      return Contents(decisions: [], diagnostics: [diagnostic], unreadable: diagnostic)
    case .success(let text):
      return parse(text)
    }
  }

  func parse(_ text: String) -> Contents {
    LedgerParser(file: displayPath, mandateID: mandateID).parse(text)
  }

  /// What a write did besides adding the decisions.
  public struct WriteNote: Sendable, Equatable {
    /// The file was in schema 1 and was rewritten in schema 2 first.
    public var migratedFrom: Int?
  }

  /// Adds `decisions`, each after the last line of its analyst (a new analyst's lines go where
  /// the name sorts among the others); the caller holds the workspace lock exclusively. A ledger
  /// in schema 1 is migrated first (`migrate`).
  @discardableResult
  public func append(_ decisions: [Decision]) throws(RecordError) -> WriteNote {
    guard !decisions.isEmpty else { return WriteNote() }
    removeStrayTemporaries()
    var note = WriteNote()
    var text = try existingText()
    var contents = parse(text)
    // Entries added to a file that cannot be read would never be read back: refuse, so that
    // the analyst fixes the file (`mandate check` shows where) rather than lose decisions.
    if let problem = contents.unreadable { throw unreadable(problem) }
    if let schema = contents.schema, schema < Self.supportedSchema {
      text = try migratedText(contents)
      contents = parse(text)
      note.migratedFrom = schema
    }
    try AtomicFile.write(Data(Self.inserting(decisions, into: text, at: contents.decisions).utf8), to: url)
    return note
  }

  /// `text` with the decisions' lines inserted after their analysts' last lines.
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
      } else if let next = Self.firstLine(after: decision.by, in: starts) {
        position = next
      } else {
        position = lines.count
      }
      inserts[position, default: []].append(LedgerLine.encode(decision))
    }
    for position in inserts.keys.sorted(by: >) {
      let added: [String] = inserts[position] ?? []
      let at: Int = position < lines.count ? position : lines.count
      lines.insert(contentsOf: added, at: at)
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

  /// Rewrites a readable ledger of an older schema in the current one, in canonical order, and
  /// returns the schema it was in; nil when it already is current (or does not exist). Refuses a
  /// file with errors, which a rewrite would drop.
  @discardableResult
  public func migrate() throws(RecordError) -> Int? {
    guard exists else { return nil }
    let contents = parse(try existingText())
    if let problem = contents.unreadable { throw unreadable(problem) }
    guard let schema = contents.schema, schema < Self.supportedSchema else { return nil }
    removeStrayTemporaries()
    try AtomicFile.write(Data(try migratedText(contents).utf8), to: url)
    return schema
  }

  private func migratedText(_ contents: Contents) throws(RecordError) -> String {
    if let error = contents.diagnostics.first(where: { $0.severity == .error }) {
      let place: String = error.location.map { "\($0): " } ?? ""
      let schema: Int = contents.schema ?? 1
      let reason: String =
        "it is in ledger schema \(schema) and has errors a migration to schema \(Self.supportedSchema) would drop (\(place)\(error.message)); fix them first"
      throw .writeFailed(path: displayPath, reason: reason)
    }
    return canonicalText(contents.decisions)
  }

  /// The whole file for `decisions`: the header, then each analyst's decisions (analysts by
  /// name), in replay order, each decision once.
  public func canonicalText(_ decisions: [Decision]) -> String {
    var text = header
    let ordered = LedgerHistory.sortedUnique(decisions)
    let analysts = Set(ordered.map(\.by)).sorted()
    let byAnalyst = Dictionary(grouping: ordered, by: \.by)
    for analyst in analysts {
      for decision in byAnalyst[analyst] ?? [] { text += LedgerLine.encode(decision) + "\n" }
    }
    return text
  }

  /// Replaces every entry (for `rename`'s undo-free rewrite and tests), in canonical order.
  public func rewrite(_ decisions: [Decision]) throws(RecordError) {
    removeStrayTemporaries()
    try AtomicFile.write(Data(canonicalText(decisions).utf8), to: url)
  }

  /// Removes `decisions`' lines if they are still where `append` put them: together, and the
  /// last lines of their analyst (a `review` undo moments after); false, touching nothing, when
  /// they are not (the analyst recorded something since, or the entries were edited). Every
  /// other byte is kept, comments included.
  public func removeLast(_ decisions: [Decision]) throws(RecordError) -> Bool {
    guard !decisions.isEmpty else { return true }
    guard exists else { return false }
    let text = try existingText()
    let block = decisions.map { LedgerLine.encode($0) + "\n" }.joined()
    guard let range = text.range(of: block, options: .backwards),
      range.lowerBound == text.startIndex || text[text.index(before: range.lowerBound)] == "\n"
    else { return false }
    let after = text[range.upperBound...]
    for analyst in Set(decisions.map(\.by)) where after.contains(", by: \(LedgerLine.quoted(analyst)), ") {
      return false
    }
    removeStrayTemporaries()
    var kept = text
    kept.removeSubrange(range)
    try AtomicFile.write(Data(kept.utf8), to: url)
    return true
  }

  private func unreadable(_ problem: Diagnostic) -> RecordError {
    let place: String = problem.location.map { "\($0): " } ?? "\(displayPath): "
    let reason: String = "the file cannot be read (\(place)\(problem.message)); fix it first"
    return .writeFailed(path: displayPath, reason: reason)
  }

  /// Clears temporary files that writers killed half-way left in `Tags/`; every writer of the
  /// ledger holds the workspace lock exclusively, so none of them is still being written.
  private func removeStrayTemporaries() {
    AtomicFile.removeStrayTemporaries(in: url.deletingLastPathComponent())
  }

  private func existingText() throws(RecordError) -> String {
    guard exists else { return header }
    do {
      return try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw .readFailed(path: displayPath, reason: TextFile.describe(error))
    }
  }
}

/// Timestamps in the ledger: UTC, to the second (`2024-04-12T10:00:00Z`).
public enum Timestamp {
  public static func format(_ date: Date) -> String {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down))
    let day = Day(ordinal: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    let rest = seconds - day.ordinal * 86_400
    return String(format: "%@T%02d:%02d:%02dZ", day.description, rest / 3600, rest % 3600 / 60, rest % 60)
  }

  /// Parses `YYYY-MM-DDTHH:MM:SSZ` (also with an offset, or fractional seconds); nil otherwise.
  public static func parse(_ text: String) -> Date? {
    // The form mandate writes (YYYY-MM-DDTHH:MM:SSZ) without a formatter: creating one per
    // entry dominated reading a ledger of 20,000 decisions.
    if let date = utcSeconds(text) { return date }
    let formatter = ISO8601DateFormatter()
    if let date = formatter.date(from: text) { return date }
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return formatter.date(from: text)
  }

  /// `YYYY-MM-DDTHH:MM:SSZ` with a valid calendar day and time, else nil.
  static func utcSeconds(_ text: String) -> Date? {
    let bytes = Array(text.utf8)
    guard bytes.count == 20, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A,
      bytes[16] == 0x3A, bytes[19] == 0x5A
    else { return nil }
    func number(_ from: Int, _ count: Int) -> Int? {
      var value = 0
      for byte in bytes[from..<from + count] {
        guard (0x30...0x39).contains(byte) else { return nil }
        value = value * 10 + Int(byte - 0x30)
      }
      return value
    }
    guard let day = Day(iso: text.prefix(10)), let hour = number(11, 2), let minute = number(14, 2),
      let second = number(17, 2), hour < 24, minute < 60, second < 60
    else { return nil }
    return day.startDate.addingTimeInterval(Double(hour * 3600 + minute * 60 + second))
  }
}
