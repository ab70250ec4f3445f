import Foundation
import Yams

/// `Tags/<mandate>.yaml`: the decisions ledger, one YAML mapping per decision under `decisions:`,
/// oldest first.
///
/// New decisions are appended: the bytes already in the file never change, so two analysts'
/// additions merge in git (`.gitattributes` asks for the union merge driver). Each write replaces
/// the file atomically while holding the workspace lock exclusively, so concurrent `mandate`
/// processes lose no decision.
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

  public static let supportedSchema = 1
  static let entryKeys = [
    "kind", "event", "item", "strength", "stance", "note", "fingerprint", "status", "as_of", "by", "at",
  ]

  var header: String {
    """
    # Decisions for mandate \(mandateID), oldest first: tags, untags, rejections and status assessments.
    # Written by mandate (tag, untag, reject, status, review, rename). Entries are independent, so the
    # file merges cleanly in git with the union driver (see .gitattributes).
    schema: \(Self.supportedSchema)
    mandate: \(mandateID)
    decisions:

    """
  }

  public var exists: Bool { FileManager.default.fileExists(atPath: url.path) }

  public struct Contents: Sendable {
    public var decisions: [Decision]
    public var diagnostics: [Diagnostic]
  }

  /// Reads every decision; entries that cannot be used become diagnostics (with their line) and
  /// are left out. A missing file is an empty ledger.
  public func read() -> Contents {
    guard exists else { return Contents(decisions: [], diagnostics: []) }
    switch TextFile.read(url, displayPath: displayPath, allowEmpty: true) {
    case .failure(let diagnostic):
      return Contents(decisions: [], diagnostics: [diagnostic])
    case .success(let text):
      return LedgerParser(file: displayPath, mandateID: mandateID).parse(text)
    }
  }

  /// Appends `decisions` as new entries; the caller holds the workspace lock exclusively.
  public func append(_ decisions: [Decision]) throws(RecordError) {
    guard !decisions.isEmpty else { return }
    removeStrayTemporaries()
    var text = try existingText()
    try checkReadable(text)
    if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
    for decision in decisions { text += Self.entry(decision) }
    try AtomicFile.write(Data(text.utf8), to: url)
  }

  /// Replaces every entry (for `rename` and undo), keeping the header.
  public func rewrite(_ decisions: [Decision]) throws(RecordError) {
    try prepareRewrite(decisions).commit(to: url)
  }

  /// Writes the rewritten ledger beside the file without replacing it yet, so that a caller
  /// changing several files can have every write done before any file changes.
  public func prepareRewrite(_ decisions: [Decision]) throws(RecordError) -> PreparedFile {
    removeStrayTemporaries()
    var text = header
    for decision in decisions { text += Self.entry(decision) }
    let data = Data(text.utf8)
    return try AtomicFile.prepare(for: url) { handle in try handle.write(contentsOf: data) }
  }

  /// Removes `decisions` from the end of the file if they are its last entries, exactly as
  /// `append` wrote them; false, touching nothing, when the file ends otherwise (another process
  /// appended since, or the entries were edited). Every other byte is kept, comments included.
  public func removeLast(_ decisions: [Decision]) throws(RecordError) -> Bool {
    guard !decisions.isEmpty else { return true }
    guard exists else { return false }
    let text = try existingText()
    let tail = decisions.map(Self.entry).joined()
    guard text.hasSuffix(tail) else { return false }
    removeStrayTemporaries()
    try AtomicFile.write(Data(text.dropLast(tail.count).utf8), to: url)
    return true
  }

  /// Clears temporary files that writers killed half-way left in `Tags/`; every writer of the
  /// ledger holds the workspace lock exclusively, so none of them is still being written.
  private func removeStrayTemporaries() {
    AtomicFile.removeStrayTemporaries(in: url.deletingLastPathComponent())
  }

  /// Entries appended to a file that is not YAML at all would never be read back: such a file is
  /// refused, so that the analyst fixes it (`mandate check` shows where) rather than lose
  /// decisions.
  func checkReadable(_ text: String) throws(RecordError) {
    do {
      _ = try YAMLReader.read(text)
    } catch {
      let diagnostic = MandateLoader.diagnostic(for: error, text: text, file: displayPath)
      let place = diagnostic.location.map { "\($0): " } ?? "\(displayPath): "
      throw .writeFailed(
        path: displayPath, reason: "the file cannot be read (\(place)\(diagnostic.message)); fix it first")
    }
  }

  /// Why no decision can be recorded now (the file is not readable YAML), in the words `tag`
  /// would use; nil when decisions can be recorded.
  public func writeProblem() -> String? {
    do {
      try checkReadable(try existingText())
      return nil
    } catch {
      return error.errorDescription
    }
  }

  private func existingText() throws(RecordError) -> String {
    guard exists else { return header }
    do {
      return try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw .readFailed(path: displayPath, reason: TextFile.describe(error))
    }
  }

  /// One decision as a YAML list entry; Yams' emitter quotes whatever needs quoting.
  static func entry(_ decision: Decision) -> String {
    var pairs: [(Node, Node)] = [("kind", Node(decision.kind.rawValue))]
    func add(_ key: String, _ value: String?) {
      // Tagged as a string, so that the emitter quotes values such as `yes` or `12` that YAML
      // would otherwise read as another type.
      if let value { pairs.append((Node(key), Node(value, Tag(.str)))) }
    }
    add("event", decision.event)
    add("item", decision.item)
    add("strength", decision.strength?.rawValue)
    add("stance", decision.stance?.rawValue)
    add("status", decision.status?.rawValue)
    add("as_of", decision.asOf?.description)
    add("note", decision.note)
    add("fingerprint", decision.fingerprint)
    add("by", decision.by)
    add("at", Timestamp.format(decision.at))
    let node = Node.sequence(Node.Sequence([Node.mapping(Node.Mapping(pairs))]))
    let text = (try? Yams.serialize(node: node, width: -1, allowUnicode: true)) ?? ""
    return text.hasSuffix("\n") ? text : text + "\n"
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
