/// Reads the keys of one YAML mapping into typed values, recording a diagnostic for every missing
/// key, wrong type, duplicated key and unknown key instead of stopping at the first.
struct MappingReader {
  let node: YAMLNode
  let file: String
  /// "item P2.3", "the term": names the mapping in messages; callers may refine it once the
  /// mapping's id is known.
  var context: String
  private(set) var diagnostics: [Diagnostic] = []
  private var pairs: [String: YAMLPair] = [:]
  private var order: [String] = []
  private var duplicates: [(key: String, pair: YAMLPair)] = []

  /// Nil (with a diagnostic) when `node` is not a mapping.
  init?(_ node: YAMLNode, file: String, context: String, diagnostics: inout [Diagnostic]) {
    self.node = node
    self.file = file
    self.context = context
    guard let mapping = node.mapping else {
      diagnostics.append(
        .error(
          "wrong-type", "expected \(context) to be a mapping, found \(node.kindDescription)",
          at: node.location(in: file)))
      return nil
    }
    for pair in mapping {
      guard let key = pair.key.scalar else {
        self.diagnostics.append(
          .error(
            "wrong-type", "expected a plain key in \(context), found \(pair.key.kindDescription)",
            at: pair.key.location(in: file)))
        continue
      }
      if pairs[key] != nil {
        duplicates.append((key, pair))
        continue
      }
      pairs[key] = pair
      order.append(key)
    }
  }

  var location: FileLocation { node.location(in: file) }

  func has(_ key: String) -> Bool { pairs[key] != nil }

  /// The mapping's keys in the order they are written (each once).
  var keys: [String] { order }

  func valueNode(_ key: String) -> YAMLNode? { pairs[key]?.value }

  func keyLocation(_ key: String) -> FileLocation? { pairs[key]?.key.location(in: file) }

  mutating func appendDiagnostic(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

  mutating func missing(_ key: String) {
    diagnostics.append(
      .error("missing-field", "missing required key `\(key)` in \(context)", at: location))
  }

  /// A non-empty string; `required` keys that are absent get a `missing-field` error.
  mutating func string(_ key: String, required: Bool) -> (value: String, location: FileLocation)? {
    guard let value = pairs[key]?.value else {
      if required { missing(key) }
      return nil
    }
    guard case .scalar(let text, let plain) = value.value else {
      diagnostics.append(
        .error(
          "wrong-type", "expected `\(key)` in \(context) to be text, found \(value.kindDescription)",
          at: value.location(in: file)))
      return nil
    }
    let trimmed = text.trimmingWhitespace
    if trimmed.isEmpty || (plain && isNull(text)) {
      emptyText(key, at: value.location(in: file))
      return nil
    }
    return (trimmed, value.location(in: file))
  }

  private mutating func emptyText(_ key: String, at location: FileLocation) {
    diagnostics.append(.error("empty-text", "`\(key)` in \(context) is empty", at: location))
  }

  mutating func day(_ key: String, required: Bool) -> (value: Day, location: FileLocation)? {
    guard let node = pairs[key]?.value else {
      if required { missing(key) }
      return nil
    }
    guard let text = node.scalar else {
      diagnostics.append(
        .error(
          "wrong-type", "expected `\(key)` in \(context) to be a date YYYY-MM-DD, found \(node.kindDescription)",
          at: node.location(in: file)))
      return nil
    }
    guard let day = Day(iso: text.trimmingWhitespace) else {
      diagnostics.append(
        .error(
          "invalid-date", "`\(key)` in \(context) is not a valid date: `\(text)` (expected YYYY-MM-DD)",
          at: node.location(in: file)))
      return nil
    }
    return (day, node.location(in: file))
  }

  mutating func integer(_ key: String, required: Bool) -> (value: Int, location: FileLocation)? {
    guard let node = pairs[key]?.value else {
      if required { missing(key) }
      return nil
    }
    guard case .scalar(let text, true) = node.value, let value = Int(text) else {
      diagnostics.append(
        .error(
          "wrong-type", "expected `\(key)` in \(context) to be a whole number, found \(node.kindDescription)",
          at: node.location(in: file)))
      return nil
    }
    return (value, node.location(in: file))
  }

  mutating func number(_ key: String) -> (value: Double, location: FileLocation)? {
    guard let node = pairs[key]?.value else { return nil }
    guard case .scalar(let text, true) = node.value, let value = Double(text), value.isFinite else {
      diagnostics.append(
        .error(
          "wrong-type", "expected `\(key)` in \(context) to be a number, found \(node.kindDescription)",
          at: node.location(in: file)))
      return nil
    }
    return (value, node.location(in: file))
  }

  /// A list of non-empty strings; a single string is not accepted, so that a forgotten dash does
  /// not silently become one keyword.
  mutating func strings(_ key: String, expected: String = "a list") -> [(value: String, location: FileLocation)]? {
    guard let node = pairs[key]?.value else { return nil }
    guard let items = node.sequence else {
      if case .scalar(let text, true) = node.value, isNull(text) { return [] }
      diagnostics.append(
        .error(
          "wrong-type", "expected `\(key)` in \(context) to be \(expected), found \(node.kindDescription)",
          at: node.location(in: file)))
      return nil
    }
    var result: [(String, FileLocation)] = []
    for item in items {
      guard let text = item.scalar else {
        diagnostics.append(
          .error(
            "wrong-type", "expected each of `\(key)` in \(context) to be text, found \(item.kindDescription)",
            at: item.location(in: file)))
        continue
      }
      let trimmed = text.trimmingWhitespace
      if trimmed.isEmpty {
        diagnostics.append(
          .error("empty-text", "an entry of `\(key)` in \(context) is empty", at: item.location(in: file)))
        continue
      }
      result.append((trimmed, item.location(in: file)))
    }
    return result
  }

  /// The nodes of a list under `key`.
  mutating func list(_ key: String, required: Bool) -> [YAMLNode]? {
    guard let node = pairs[key]?.value else {
      if required { missing(key) }
      return nil
    }
    guard let items = node.sequence else {
      if case .scalar(let text, true) = node.value, isNull(text) { return [] }
      diagnostics.append(
        .error(
          "wrong-type", "expected `\(key)` in \(context) to be a list, found \(node.kindDescription)",
          at: node.location(in: file)))
      return nil
    }
    return items
  }

  /// Reports duplicated keys and every key not in `known`, suggesting the closest known key.
  mutating func rejectUnknownKeys(_ known: [String]) {
    for (key, pair) in duplicates {
      diagnostics.append(
        .error(
          "duplicate-key", "key `\(key)` appears twice in \(context)", at: pair.key.location(in: file),
          notes: [.init("first written here", at: pairs[key]?.key.location(in: file))]))
    }
    for key in order where !known.contains(key) {
      guard let pair = pairs[key] else { continue }
      var message = "unknown key `\(key)` in \(context)"
      if let suggestion = Spelling.closest(to: key, in: known) {
        message += "; did you mean `\(suggestion)`?"
      } else {
        message += " (known keys: \(known.map { "`\($0)`" }.joined(separator: ", ")))"
      }
      diagnostics.append(.error("unknown-key", message, at: pair.key.location(in: file)))
    }
  }

  private func isNull(_ text: String) -> Bool {
    ["", "~", "null", "Null", "NULL"].contains(text)
  }
}

extension String {
  var trimmingWhitespace: String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
    let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
    return String(scalars[first...last])
  }
}
