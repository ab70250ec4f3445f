import Foundation

/// Reads a ledger's YAML into decisions, collecting a diagnostic (with line and column) for every
/// entry that cannot be used, rather than stopping at the first.
struct LedgerParser {
  let file: String
  let mandateID: String

  func parse(_ text: String) -> LedgerFile.Contents {
    var diagnostics: [Diagnostic] = []
    let root: YAMLNode?
    do {
      root = try YAMLReader.read(text)
    } catch {
      return LedgerFile.Contents(
        decisions: [], diagnostics: [MandateLoader.diagnostic(for: error, text: text, file: file)])
    }
    guard let root else { return LedgerFile.Contents(decisions: [], diagnostics: []) }
    guard var top = MappingReader(root, file: file, context: "the ledger", diagnostics: &diagnostics) else {
      return LedgerFile.Contents(decisions: [], diagnostics: diagnostics)
    }
    top.rejectUnknownKeys(["schema", "mandate", "decisions"])
    if let schema = top.integer("schema", required: true), schema.value != LedgerFile.supportedSchema {
      diagnostics.append(
        .error(
          "unsupported-schema",
          "unsupported ledger schema \(schema.value); this version of mandate reads schema \(LedgerFile.supportedSchema)",
          at: schema.location))
      return LedgerFile.Contents(decisions: [], diagnostics: diagnostics + top.diagnostics)
    }
    if let mandate = top.string("mandate", required: true), mandate.value != mandateID {
      diagnostics.append(
        .error(
          "ledger-mandate", "this ledger is for mandate `\(mandate.value)`, but its file name says `\(mandateID)`",
          at: mandate.location))
    }
    var decisions: [Decision] = []
    for node in top.list("decisions", required: true) ?? [] {
      if let decision = entry(node, diagnostics: &diagnostics) { decisions.append(decision) }
    }
    return LedgerFile.Contents(decisions: decisions, diagnostics: diagnostics + top.diagnostics)
  }

  private func entry(_ node: YAMLNode, diagnostics: inout [Diagnostic]) -> Decision? {
    guard var reader = MappingReader(node, file: file, context: "a ledger entry", diagnostics: &diagnostics) else {
      return nil
    }
    defer { diagnostics += reader.diagnostics }
    let kindText = reader.string("kind", required: true)
    let kind = kindText.flatMap { Decision.Kind(rawValue: $0.value) }
    if let kind { reader.context = "a `\(kind.rawValue)` entry" }
    reader.rejectUnknownKeys(LedgerFile.entryKeys)
    guard let kindText else { return nil }
    guard let kind else {
      reader.invalid("kind", kindText, allowed: Decision.Kind.allCases.map(\.rawValue))
      return nil
    }
    let event = reader.string("event", required: kind != .status)
    if let event, EventKey.of(event.value) == nil {
      diagnostics.append(
        .error(
          "invalid-id", "`event` must be a full event id (16 lowercase hex digits), found `\(event.value)`",
          at: event.location))
    }
    let item = reader.string("item", required: true)
    let strength = enumValue(&reader, "strength", EvidenceStrength.self)
    let stance = enumValue(&reader, "stance", Stance.self)
    let status = enumValue(&reader, "status", ItemStatus.self)
    if kind == .status && status == nil && !reader.has("status") { reader.missing("status") }
    let asOf = reader.day("as_of", required: false)
    let note = reader.string("note", required: kind == .status)
    let fingerprint = reader.string("fingerprint", required: false)
    let by = reader.string("by", required: true)
    let at = reader.string("at", required: true)
    var date: Date?
    if let at {
      date = Timestamp.parse(at.value)
      if date == nil {
        diagnostics.append(
          .error(
            "invalid-date", "`at` is not a timestamp: `\(at.value)` (expected 2024-04-12T10:00:00Z)", at: at.location))
      }
    }
    guard let item, let by, let date, kind == .status || event != nil, kind != .status || status != nil else {
      return nil
    }
    return Decision(
      kind: kind, event: event?.value, item: item.value, strength: strength, stance: stance, note: note?.value,
      fingerprint: fingerprint?.value, status: status, asOf: asOf?.value, by: by.value, at: date, line: node.line)
  }

  private func enumValue<T: RawRepresentable & CaseIterable>(_ reader: inout MappingReader, _ key: String, _: T.Type)
    -> T? where T.RawValue == String
  {
    guard let text = reader.string(key, required: false) else { return nil }
    guard let value = T(rawValue: text.value) else {
      reader.invalid(key, text, allowed: T.allCases.map(\.rawValue))
      return nil
    }
    return value
  }
}

extension MappingReader {
  /// Reports a value outside its allowed set, suggesting the closest.
  mutating func invalid(_ key: String, _ value: (value: String, location: FileLocation), allowed: [String]) {
    var message = "`\(key)` in \(context) must be one of \(allowed.joined(separator: ", ")), found `\(value.value)`"
    if let suggestion = Spelling.closest(to: value.value, in: allowed) { message += "; did you mean `\(suggestion)`?" }
    appendDiagnostic(.error("invalid-value", message, at: value.location))
  }
}
