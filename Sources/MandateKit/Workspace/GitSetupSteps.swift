import Foundation

/// The ledgers' rule in the workspace's `.gitattributes`, which is versioned and so holds for
/// every clone: the union driver, which merges one-line decisions safely even where the
/// repository has no `mandate merge-ledger` configured. It covers the analysts' files
/// (`Tags/<mandate>/*.yaml`) and the layout files (`Tags/<mandate>.yaml`); the rule of schema 2,
/// `Tags/*.yaml`, is replaced.
public struct GitAttributesStep: WorkspaceSetupStep {
  public static let pattern = "Tags/**/*.yaml"
  /// The pattern earlier versions wrote, for ledgers of one file (schema 2): it misses the
  /// analysts' files.
  public static let previousPattern = "Tags/*.yaml"
  public static let line = "\(pattern) merge=union"

  public init() {}

  public func apply(_ context: WorkspaceSetup.Context) throws -> [WorkspaceSetup.Action] {
    let url = context.root.appendingPathComponent(".gitattributes")
    let added = try LineFile.ensure(
      url, line: Self.line, unlessLineStartsWith: [Self.pattern + " ", Self.previousPattern + " "],
      display: ".gitattributes", replacing: "\(Self.previousPattern) merge=union")
    switch added {
    case .added:
      return [.init(changed: true, "`.gitattributes`: added `\(Self.line)` (ledgers merge line by line in any clone)")]
    case .replaced(let old):
      return [
        .init(changed: true, "`.gitattributes`: `\(old)` became `\(Self.line)` (the analysts' files merge too)")
      ]
    case .present:
      return [.init(changed: false, "`.gitattributes`: has `\(Self.line)`")]
    case .other(let existing):
      return [.init(changed: false, "`.gitattributes`: kept its own rule for ledgers, `\(existing)`")]
    }
  }
}

/// `mandate merge-ledger` as git's merge driver for the ledgers of this repository: the driver in
/// the repository's config, and the rule that selects it in `$GIT_DIR/info/attributes`, which
/// takes precedence over `.gitattributes` but is not versioned (a clone without the driver
/// keeps the union rule).
public struct MergeDriverStep: WorkspaceSetupStep {
  public static let driverName = "mandate-ledger"

  public init() {}

  public func apply(_ context: WorkspaceSetup.Context) throws -> [WorkspaceSetup.Action] {
    let root = context.root
    guard let top = git(["rev-parse", "--show-toplevel"], context)?.value else {
      return [
        .init(
          changed: false,
          "not in a git repository: no merge driver to set up (run `mandate init` again after `git init`)")
      ]
    }
    var actions: [WorkspaceSetup.Action] = []
    let command = "\(context.executable) merge-ledger %O %A %B %P"
    for (key, value) in [("name", "mandate decisions ledger"), ("driver", command)] {
      let name = "merge.\(Self.driverName).\(key)"
      if git(["config", "--local", "--get", name], context)?.value == value {
        actions.append(.init(changed: false, "git config \(name): `\(value)`"))
        continue
      }
      try require(["config", "--local", name, value], context)
      actions.append(.init(changed: true, "git config \(name): set to `\(value)`"))
    }
    guard let attributesPath = git(["rev-parse", "--git-path", "info/attributes"], context)?.value else {
      throw SetupError.gitFailed(command: "rev-parse --git-path info/attributes", reason: "no path printed")
    }
    let attributes = URL(fileURLWithPath: attributesPath, relativeTo: root).standardizedFileURL
    let prefix = Self.prefix(of: root, inside: URL(fileURLWithPath: top))
    let pattern = prefix + GitAttributesStep.pattern
    let line = "\(pattern) merge=\(Self.driverName)"
    let previous = "\(prefix)\(GitAttributesStep.previousPattern) merge=\(Self.driverName)"
    let shown = PathDisplay(base: root).path(attributes)
    switch try LineFile.ensure(
      attributes, line: line, unlessLineStartsWith: [pattern + " ", prefix + GitAttributesStep.previousPattern + " "],
      display: shown, replacing: previous)
    {
    case .added:
      actions.append(.init(changed: true, "`\(shown)`: added `\(line)`"))
    case .replaced(let old):
      actions.append(.init(changed: true, "`\(shown)`: `\(old)` became `\(line)`"))
    case .present:
      actions.append(.init(changed: false, "`\(shown)`: has `\(line)`"))
    case .other(let existing):
      actions.append(.init(changed: false, "`\(shown)`: kept its own rule for ledgers, `\(existing)`"))
    }
    return actions
  }

  /// The workspace's path inside the repository, with a trailing slash ("" at the top).
  static func prefix(of root: URL, inside top: URL) -> String {
    let rootParts = root.resolvingSymlinksInPath().standardizedFileURL.pathComponents
    let topParts = top.resolvingSymlinksInPath().standardizedFileURL.pathComponents
    guard rootParts.count > topParts.count, Array(rootParts.prefix(topParts.count)) == topParts else { return "" }
    return rootParts.dropFirst(topParts.count).joined(separator: "/") + "/"
  }

  private func git(_ arguments: [String], _ context: WorkspaceSetup.Context) -> Git.Result? {
    Git.run(arguments, in: context.root, environment: context.environment)
  }

  private func require(_ arguments: [String], _ context: WorkspaceSetup.Context) throws {
    let result = git(arguments, context)
    guard let result, result.status == 0 else {
      throw SetupError.gitFailed(
        command: arguments.joined(separator: " "),
        reason: result?.error.trimmingWhitespace ?? "git could not be started")
    }
  }
}

/// Small line-oriented config files (`.gitattributes`, `.gitignore`): a line is added at the end
/// unless it, or another line for the same patterns, is there; a line an earlier version wrote
/// (`replacing`) is replaced where it stands.
enum LineFile {
  enum Outcome: Equatable {
    case added, present
    /// The line `replacing` named, written by an earlier version, became the line.
    case replaced(String)
    /// Another line for the pattern, left as it is.
    case other(String)
  }

  static func ensure(
    _ url: URL, line: String, unlessLineStartsWith prefixes: [String], display: String, replacing old: String? = nil
  ) throws -> Outcome {
    var text = ""
    if FileManager.default.fileExists(atPath: url.path) {
      do {
        text = try String(contentsOf: url, encoding: .utf8)
      } catch {
        throw RecordError.readFailed(path: display, reason: TextFile.describe(error))
      }
    }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    if lines.contains(line) { return .present }
    let others = lines.filter { line in line != old && prefixes.contains { line.hasPrefix($0) } }
    if let existing = others.first { return .other(existing) }
    if let old, lines.contains(old) {
      let kept = text.split(separator: "\n", omittingEmptySubsequences: false).map { original in
        original.trimmingCharacters(in: .whitespaces) == old ? Substring(line) : original
      }
      try AtomicFile.write(Data(kept.joined(separator: "\n").utf8), to: url)
      return .replaced(old)
    }
    if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
    text += line + "\n"
    try AtomicFile.write(Data(text.utf8), to: url)
    return .added
  }
}

/// Ledgers in the current schema (a file per analyst, one decision per line), so that they
/// merge: each ledger whose layout file still holds decisions (`Tags/<mandate>.yaml` of schema 1
/// or 2, or decisions a merge left there) has them moved to the analysts' files once, under the
/// workspace lock.
public struct LedgerMigrationStep: WorkspaceSetupStep {
  public init() {}

  public func apply(_ context: WorkspaceSetup.Context) throws -> [WorkspaceSetup.Action] {
    let workspace = context.workspace
    let ids = LedgerFile.mandateIDs(in: workspace)
    guard !ids.isEmpty else { return [] }
    let lock = try WorkspaceLock(stateDirectory: workspace.stateDirectory, mode: .exclusive)
    return try withExtendedLifetime(lock) {
      try ids.map { id in
        let ledger = LedgerFile(workspace: workspace, mandateID: id)
        let schema = LedgerFile.supportedSchema
        guard let migration = try ledger.migrate() else {
          return .init(changed: false, "`\(ledger.displayPath)`: ledger schema \(schema), a file per analyst")
        }
        let files = migration.files.count == 1 ? "1 analyst's file" : "\(migration.files.count) analysts' files"
        let decisions = migration.moved == 1 ? "1 decision" : "\(migration.moved) decisions"
        let layout = "Tags/\(id).yaml"
        guard migration.fromSchema < schema else {
          return .init(
            changed: true,
            "`\(layout)`: moved \(decisions) a merge left there to \(files) in `\(ledger.displayPath)`")
        }
        return .init(
          changed: true,
          "`\(layout)`: migrated from ledger schema \(migration.fromSchema) to \(schema): \(decisions) moved to \(files) in `\(ledger.displayPath)` (a file per analyst, one decision per line)"
        )
      }
    }
  }
}
