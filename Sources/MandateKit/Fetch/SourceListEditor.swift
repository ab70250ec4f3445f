import Foundation

/// Adds and removes entries of `Sources.yaml` by editing its text, so that the analyst's
/// comments, order and layout stay as they were (an emitter would drop them). Every edit is
/// read back before it is written: an edit that would not load as intended is refused.
public enum SourceListEditor {
  /// Adds `source` at the end of the list; creates the file when there is none.
  public static func add(_ source: WatchedSource, workspace: Workspace) throws -> SourceList {
    let file = SourceList.url(workspace)
    let lock = try WorkspaceLock(stateDirectory: workspace.stateDirectory, mode: .exclusive)
    defer { _ = lock }
    guard FileManager.default.fileExists(atPath: file.path) else {
      let text = """
        # The sources `mandate fetch` fetches; edit by hand or with `mandate sources add|remove`.
        # Format: docs/sources-format.md
        schema: 1
        sources:
        \(entryText(source, indent: 2))
        """
      return try write(text, to: file, expecting: 1)
    }
    let (text, list, root) = try loadForEditing(file)
    if let known = list.sources.first(where: { $0.name == source.name }) {
      throw SourceListError.nameTaken(name: source.name, location: known.location)
    }
    if let known = list.sources.first(where: { $0.url == source.url }) {
      throw SourceListError.urlTaken(url: source.url, name: known.name)
    }
    var lines = text.components(separatedBy: "\n")
    let sources = root["sources"]!
    if let first = sources.sequence?.first, first.line > lines.count || !isBlockEntry(lines[first.line - 1], first) {
      throw SourceListError.cannotEdit("its `sources` list is not written one entry per `- ` line")
    }
    if let entries = sources.sequence, let first = entries.first {
      let indent = first.column - 3
      let end = endOfList(lines: lines, root: root, after: entries.last!.line)
      lines.insert(entryText(source, indent: indent), at: end)
    } else {
      // `sources: []`, `sources:` or `sources: ~`: the value becomes the first entry.
      let keyLine = root.mapping!.first { $0.key.scalar == "sources" }!.key
      var line = lines[keyLine.line - 1]
      if let colon = line.range(of: "sources:") { line = String(line[..<colon.upperBound]) }
      lines[keyLine.line - 1] = line
      lines.insert(entryText(source, indent: keyLine.column - 1 + 2), at: keyLine.line)
    }
    return try write(lines.joined(separator: "\n"), to: file, expecting: list.sources.count + 1)
  }

  /// Removes the source named `nameOrURL` (or listed at that address); returns it.
  @discardableResult
  public static func remove(_ nameOrURL: String, workspace: Workspace) throws -> WatchedSource {
    let file = SourceList.url(workspace)
    let lock = try WorkspaceLock(stateDirectory: workspace.stateDirectory, mode: .exclusive)
    defer { _ = lock }
    guard FileManager.default.fileExists(atPath: file.path) else { throw SourceListError.unknown(nameOrURL, names: []) }
    let (text, list, root) = try loadForEditing(file)
    guard let source = list.source(nameOrURL),
      let index = list.sources.firstIndex(of: source)
    else { throw SourceListError.unknown(nameOrURL, names: list.sources.map(\.name)) }
    var lines = text.components(separatedBy: "\n")
    let entries = root["sources"]!.sequence!
    // The entry's lines: from its `- ` to the next entry or the end of the list, without the
    // blank and comment lines at its end (they introduce what follows).
    let start = entries[index].line - 1
    var end =
      index + 1 < entries.count
      ? entries[index + 1].line - 1 : endOfList(lines: lines, root: root, after: entries[index].line)
    while end > start + 1 && isBlankOrComment(lines[end - 1]) { end -= 1 }
    guard isBlockEntry(lines[start], entries[index]) else {
      throw SourceListError.cannotEdit("its `sources` list is not written one entry per `- ` line")
    }
    lines.removeSubrange(start..<end)
    if entries.count == 1 {
      // The list is now empty: say so, rather than leave `sources:` with no value (null).
      let keyLine = root.mapping!.first { $0.key.scalar == "sources" }!.key.line - 1
      lines[keyLine] = lines[keyLine].replacingOccurrences(of: "sources:", with: "sources: []")
    }
    _ = try write(lines.joined(separator: "\n"), to: file, expecting: list.sources.count - 1)
    return source
  }

  private static func loadForEditing(_ file: URL) throws -> (String, SourceList, YAMLNode) {
    let result = SourceList.load(url: file, displayPath: SourceList.fileName)
    guard let list = result.list, case .success(let text) = TextFile.read(file, displayPath: SourceList.fileName),
      let root = try? YAMLReader.read(text), root.mapping != nil
    else { throw SourceListError.invalidFile(errors: result.diagnostics.filter { $0.severity == .error }.count) }
    if text.contains("\r") { throw SourceListError.cannotEdit("it has CR line endings") }
    return (text, list, root)
  }

  /// The line index (0-based) after the list's last entry: before the next top-level key, less
  /// the blank lines and top-level comments that lead to it.
  private static func endOfList(lines: [String], root: YAMLNode, after lastEntryLine: Int) -> Int {
    let nextKey = root.mapping!.map(\.key.line).filter { $0 > lastEntryLine }.min()
    var end = nextKey.map { $0 - 1 } ?? lines.count
    while end > lastEntryLine {
      let line = lines[end - 1]
      if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") {
        end -= 1
      } else {
        break
      }
    }
    return end
  }

  private static func isBlankOrComment(_ line: String) -> Bool {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    return trimmed.isEmpty || trimmed.hasPrefix("#")
  }

  /// Whether `line` holds the `- ` that opens `entry`.
  private static func isBlockEntry(_ line: String, _ entry: YAMLNode) -> Bool {
    let scalars = Array(line.unicodeScalars)
    let dash = entry.column - 3
    guard dash >= 0, dash + 1 < scalars.count else { return false }
    return scalars[dash] == "-" && scalars[dash + 1] == " "
      && scalars[..<dash].allSatisfy { $0 == " " }
  }

  /// The YAML lines of one entry, its dash at column `indent` + 1.
  static func entryText(_ source: WatchedSource, indent: Int) -> String {
    let pad = String(repeating: " ", count: indent)
    var lines = ["\(pad)- name: \(scalar(source.name))", "\(pad)  url: \(scalar(source.url))"]
    if let kind = source.kind { lines.append("\(pad)  kind: \(kind)") }
    if let language = source.language { lines.append("\(pad)  language: \(scalar(language))") }
    if source.follow { lines.append("\(pad)  follow: true") }
    return lines.joined(separator: "\n")
  }

  /// `text` as a YAML scalar: plain when that reads back as the same string, else double-quoted.
  static func scalar(_ text: String) -> String {
    let safe = text.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
        || "._/:?&=%~+-@;,()!$*'".unicodeScalars.contains($0)
    }
    let reserved = ["true", "false", "yes", "no", "null", "~", "on", "off"]
    if safe, let first = text.unicodeScalars.first, !"-?:,@&*!%'".unicodeScalars.contains(first),
      !text.contains(": "), !reserved.contains(text.lowercased()), Double(text) == nil
    {
      return text
    }
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          out += String(format: "\\x%02X", scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  private static func write(_ text: String, to file: URL, expecting count: Int) throws -> SourceList {
    let text = text.hasSuffix("\n") ? text : text + "\n"
    let check = SourceList.load(text: text, file: SourceList.fileName)
    guard let list = check.list, list.sources.count == count else {
      throw SourceListError.cannotEdit("the edited text would not read back as intended")
    }
    try AtomicFile.write(Data(text.utf8), to: file)
    return list
  }
}

/// Failures of `mandate sources add|remove`.
public enum SourceListError: MandateError, Equatable {
  case nameTaken(name: String, location: FileLocation?)
  case urlTaken(url: String, name: String)
  case unknown(String, names: [String])
  case invalidFile(errors: Int)
  case cannotEdit(String)
  case invalidName(String)
  case invalidURL(String)

  public var errorDescription: String? {
    switch self {
    case .nameTaken(let name, let location):
      return
        "a source named `\(name)` is already listed\(location.map { " (\($0))" } ?? ""); choose another with --name"
    case .urlTaken(let url, let name):
      return "\(url) is already listed, as `\(name)`"
    case .unknown(let key, let names):
      let hint = Spelling.closest(to: key, in: names).map { "; did you mean `\($0)`?" } ?? ""
      return names.isEmpty
        ? "no source `\(key)`: \(SourceList.fileName) lists none"
        : "no source `\(key)` in \(SourceList.fileName)\(hint)"
    case .invalidFile(let errors):
      return
        "\(SourceList.fileName) has \(errors) error\(errors == 1 ? "" : "s"); run `mandate check` and fix \(errors == 1 ? "it" : "them") first"
    case .cannotEdit(let reason):
      return "cannot edit \(SourceList.fileName) safely: \(reason); edit it by hand"
    case .invalidName(let name):
      return "source name `\(name)` must be at most 64 characters without spaces (e.g. `csto.int`)"
    case .invalidURL(let problem):
      return "the address \(problem)"
    }
  }
}
