import Foundation

/// The sources an analyst watches, `Sources.yaml` at the workspace root (docs/sources-format.md):
///
/// ```yaml
/// schema: 1
/// sources:
///   - name: csto.int
///     url: https://en.odkb-csto.org/rss/
///     kind: feed
///     language: en
///     follow: true
/// ```
///
/// Loaded like a mandate: every problem is a diagnostic with its line and column, and the list is
/// only returned when there are no errors.
public struct SourceList: Sendable, Equatable {
  public static let supportedSchema = 1
  public static let fileName = "Sources.yaml"
  static let topKeys = ["schema", "sources"]
  static let entryKeys = ["name", "url", "kind", "language", "follow"]

  public var sources: [WatchedSource]

  public init(sources: [WatchedSource]) { self.sources = sources }

  public static func url(_ workspace: Workspace) -> URL { workspace.root.appendingPathComponent(fileName) }

  public struct Result: Sendable {
    public var list: SourceList?
    public var diagnostics: [Diagnostic]
  }

  /// The workspace's list: empty when it has no `Sources.yaml`.
  public static func load(_ workspace: Workspace, displayPath: String = fileName) -> Result {
    let file = url(workspace)
    guard FileManager.default.fileExists(atPath: file.path) else {
      return Result(list: SourceList(sources: []), diagnostics: [])
    }
    return load(url: file, displayPath: displayPath)
  }

  public static func load(url: URL, displayPath: String) -> Result {
    switch TextFile.read(url, displayPath: displayPath, allowEmpty: true) {
    case .failure(let diagnostic): return Result(list: nil, diagnostics: [diagnostic])
    case .success(let text): return load(text: text, file: displayPath)
    }
  }

  public static func load(text: String, file: String) -> Result {
    let root: YAMLNode?
    do {
      root = try YAMLReader.read(text)
    } catch {
      return Result(list: nil, diagnostics: [MandateLoader.diagnostic(for: error, text: text, file: file)])
    }
    guard let root else {
      return Result(
        list: nil,
        diagnostics: [
          .error(
            "empty-file", "file is empty; it needs `schema: 1` and a `sources` list",
            at: FileLocation(file: file, line: 1, column: 1))
        ])
    }
    var diagnostics: [Diagnostic] = []
    let sources = read(root, file: file, diagnostics: &diagnostics)
    return Result(
      list: diagnostics.hasErrors ? nil : sources.map { SourceList(sources: $0) }, diagnostics: diagnostics)
  }

  private static func read(_ root: YAMLNode, file: String, diagnostics: inout [Diagnostic]) -> [WatchedSource]? {
    guard var top = MappingReader(root, file: file, context: "the source list", diagnostics: &diagnostics) else {
      return nil
    }
    defer { diagnostics += top.diagnostics }
    top.rejectUnknownKeys(topKeys)
    guard let schema = top.integer("schema", required: true) else { return nil }
    guard schema.value == supportedSchema else {
      top.appendDiagnostic(
        .error(
          "unsupported-schema",
          "unsupported schema version \(schema.value); this version of mandate reads schema \(supportedSchema)",
          at: schema.location))
      return nil
    }
    guard let nodes = top.list("sources", required: true) else { return nil }
    var sources: [WatchedSource] = []
    var names: [String: FileLocation] = [:]
    var urls: [String: FileLocation] = [:]
    for node in nodes {
      guard let source = readEntry(node, file: file, diagnostics: &diagnostics) else { continue }
      let nameLocation = source.location ?? node.location(in: file)
      if let first = names[source.name] {
        diagnostics.append(
          .error(
            "duplicate-name", "source name `\(source.name)` is used twice", at: nameLocation,
            notes: [.init("first used here", at: first)]))
        continue
      }
      if let first = urls[source.url] {
        diagnostics.append(
          .error(
            "duplicate-url", "\(source.url) is listed twice", at: node.location(in: file),
            notes: [.init("first listed here", at: first)]))
        continue
      }
      names[source.name] = nameLocation
      urls[source.url] = node.location(in: file)
      sources.append(source)
    }
    return sources
  }

  private static func readEntry(_ node: YAMLNode, file: String, diagnostics: inout [Diagnostic]) -> WatchedSource? {
    guard var entry = MappingReader(node, file: file, context: "a source", diagnostics: &diagnostics) else {
      return nil
    }
    defer { diagnostics += entry.diagnostics }
    let name = entry.string("name", required: true)
    if let name { entry.context = "source `\(name.value)`" }
    entry.rejectUnknownKeys(entryKeys)
    if let name, !isValidName(name.value) {
      entry.appendDiagnostic(
        .error(
          "invalid-name",
          "source name `\(name.value)` must be at most 64 characters without spaces (e.g. `csto.int`)",
          at: name.location))
    }
    let url = entry.string("url", required: true)
    if let url, let problem = addressProblem(url.value) {
      entry.appendDiagnostic(.error("invalid-url", "`url` of \(entry.context) \(problem)", at: url.location))
    }
    var kind: SourceKind?
    if let text = entry.string("kind", required: false) {
      kind = SourceKind(text.value)
      if kind == nil {
        var message = "unknown kind `\(text.value)` of \(entry.context)"
        if let suggestion = Spelling.closest(to: text.value, in: SourceKind.names) {
          message += "; did you mean `\(suggestion)`?"
        } else {
          message += " (known kinds: \(SourceKind.names.map { "`\($0)`" }.joined(separator: ", ")))"
        }
        entry.appendDiagnostic(.error("unknown-kind", message, at: text.location))
      }
    }
    let language = entry.string("language", required: false)
    if let language, !Slug.isLanguageTag(language.value) {
      entry.appendDiagnostic(
        .warning(
          "invalid-language", "`language` should be a language tag such as `en` or `ru`, found `\(language.value)`",
          at: language.location))
    }
    var follow = false
    if let node = entry.valueNode("follow") {
      if case .scalar(let text, true) = node.value, let value = ["true": true, "false": false][text.lowercased()] {
        follow = value
        if follow, let kind, kind != .feed, kind.format != .rss, kind.format != .atom {
          entry.appendDiagnostic(
            .warning(
              "follow-not-feed", "`follow` applies to feeds; \(entry.context) is of kind `\(kind)`",
              at: node.location(in: file)))
        }
      } else {
        entry.appendDiagnostic(
          .error(
            "wrong-type", "expected `follow` in \(entry.context) to be true or false, found \(node.kindDescription)",
            at: node.location(in: file)))
      }
    }
    guard let name, let url else { return nil }
    return WatchedSource(
      name: name.value, url: url.value, kind: kind, language: language?.value, follow: follow,
      location: name.location)
  }

  /// At most 64 characters, none of them white space or control characters.
  public static func isValidName(_ name: String) -> Bool {
    !name.isEmpty && name.count <= 64
      && !name.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }
  }

  /// What is wrong with `address` as a source to fetch, or nil.
  public static func addressProblem(_ address: String) -> String? {
    guard let url = URL(string: address), let scheme = url.scheme?.lowercased() else {
      return "is not a web address: `\(address)` (expected one starting with http:// or https://)"
    }
    guard scheme == "http" || scheme == "https" else {
      return "must start with http:// or https://, found `\(address)`"
    }
    guard let host = url.host, !host.isEmpty else { return "has no host: `\(address)`" }
    return nil
  }

  /// The source listed under `nameOrURL` (its name, or its address).
  public func source(_ nameOrURL: String) -> WatchedSource? {
    sources.first { $0.name == nameOrURL } ?? sources.first { $0.url == nameOrURL }
  }
}
