import Foundation

/// Reads a ledger's YAML into decisions, collecting a diagnostic (with line and column) for every
/// entry that cannot be used, rather than stopping at the first.
///
/// A file that cannot be read as a whole (git's conflict markers, a YAML syntax error, an unknown
/// schema, no `decisions` list) sets `unreadable`: it must never pass for an empty ledger.
///
/// An analyst's file must be in schema 3; the layout file may be in schema 1 or 2 (the whole
/// ledger, with its `decisions`) or 3 (no `decisions`, unless a merge left some there).
struct LedgerParser {
  let file: String
  let mandateID: String
  var role: LedgerPart.Role = .layout

  init(file: String, mandateID: String, role: LedgerPart.Role = .layout) {
    self.file = file
    self.mandateID = mandateID
    self.role = role
  }

  func parse(_ text: String) -> LedgerFile.Contents {
    if let conflict = LedgerConflict.find(in: text, file: file) {
      return .init(decisions: [], diagnostics: [conflict], unreadable: conflict)
    }
    var diagnostics: [Diagnostic] = []
    let root: YAMLNode?
    do {
      root = try YAMLReader.read(text)
    } catch {
      let diagnostic = MandateLoader.diagnostic(for: error, text: text, file: file)
      return .init(decisions: [], diagnostics: [diagnostic], unreadable: diagnostic)
    }
    guard let root else { return .init(decisions: [], diagnostics: []) }
    guard var top = MappingReader(root, file: file, context: "the ledger", diagnostics: &diagnostics) else {
      return .init(decisions: [], diagnostics: diagnostics, unreadable: diagnostics.first)
    }
    top.rejectUnknownKeys(["schema", "mandate", "decisions"])
    guard let schema = top.integer("schema", required: true) else {
      return .init(decisions: [], diagnostics: diagnostics + top.diagnostics, unreadable: top.diagnostics.first)
    }
    if let problem = unsupported(schema.value) {
      let diagnostic = Diagnostic.error("unsupported-schema", problem, at: schema.location)
      return .init(decisions: [], diagnostics: diagnostics + [diagnostic] + top.diagnostics, unreadable: diagnostic)
    }
    if let mandate = top.string("mandate", required: true), mandate.value != mandateID {
      let place = role == .analyst ? "its folder" : "its file name"
      diagnostics.append(
        .error(
          "ledger-mandate", "this ledger is for mandate `\(mandate.value)`, but \(place) says `\(mandateID)`",
          at: mandate.location))
    }
    let layoutOnly = role == .layout && schema.value == LedgerFile.supportedSchema
    if layoutOnly && !top.has("decisions") {
      return .init(
        decisions: [], diagnostics: diagnostics + top.diagnostics, schema: schema.value,
        schemaLocation: schema.location)
    }
    guard let nodes = top.list("decisions", required: true) else {
      let all = diagnostics + top.diagnostics
      return .init(decisions: [], diagnostics: all, unreadable: top.diagnostics.last, schema: schema.value)
    }
    var decisions: [Decision] = []
    decisions.reserveCapacity(nodes.count)
    for node in nodes {
      if let decision = entry(node, diagnostics: &diagnostics) { decisions.append(decision) }
    }
    return .init(
      decisions: decisions, diagnostics: diagnostics + top.diagnostics, schema: schema.value,
      schemaLocation: schema.location)
  }

  /// Why this file cannot be in `schema`; nil when it can.
  private func unsupported(_ schema: Int) -> String? {
    switch role {
    case .analyst where schema != LedgerFile.supportedSchema:
      return
        "unsupported ledger schema \(schema) in an analyst's file; this version of mandate reads schema \(LedgerFile.supportedSchema) there"
    case .layout where !LedgerFile.readableSchemas.contains(schema):
      return
        "unsupported ledger schema \(schema); this version of mandate reads schemas 1 to \(LedgerFile.supportedSchema)"
    default:
      return nil
    }
  }

  private func entry(_ node: YAMLNode, diagnostics: inout [Diagnostic]) -> Decision? {
    guard var reader = MappingReader(node, file: file, context: "a ledger entry", diagnostics: &diagnostics) else {
      return nil
    }
    defer { diagnostics += reader.diagnostics }
    let kindText = reader.string("kind", required: true)
    let kind = kindText.flatMap { Decision.Kind(rawValue: $0.value) }
    if let kind { reader.context = "a `\(kind.rawValue)` entry" }
    reader.rejectUnknownKeys(LedgerLine.keys)
    guard let kindText else { return nil }
    guard let kind else {
      reader.invalid("kind", kindText, allowed: Decision.Kind.allCases.map(\.rawValue))
      return nil
    }
    let needsEvent = ![.status, .rename].contains(kind)
    let event = reader.string("event", required: needsEvent)
    if let event, EventKey.of(event.value) == nil {
      diagnostics.append(
        .error(
          "invalid-id", "`event` must be a full event id (16 lowercase hex digits), found `\(event.value)`",
          at: event.location))
    }
    let item = reader.string("item", required: true)
    let to = reader.string("to", required: kind == .rename)
    let outcome = enumValue(&reader, "outcome", Decision.Kind.self)
    if kind == .resolve {
      if let outcome, outcome != .tag && outcome != .reject, let text = reader.string("outcome", required: false) {
        reader.invalid("outcome", text, allowed: ["tag", "reject"])
      } else if outcome == nil && !reader.has("outcome") {
        reader.missing("outcome")
      }
    }
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
    guard let item, let by, let date, !needsEvent || event != nil, kind != .status || status != nil,
      kind != .rename || to != nil, kind != .resolve || outcome == .tag || outcome == .reject
    else { return nil }
    return Decision(
      kind: kind, event: event?.value, item: item.value, strength: strength, stance: stance, note: note?.value,
      fingerprint: fingerprint?.value, status: status, asOf: asOf?.value, to: to?.value, outcome: outcome, by: by.value,
      at: date, file: file, line: node.line)
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
