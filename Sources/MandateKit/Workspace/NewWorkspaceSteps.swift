import Foundation

/// The steps that make a folder a workspace (`mandate init DIR`); each adds only what is missing,
/// never overwrites, and says what it did. `WorkspaceSetup.repositorySteps` follow them.
extension WorkspaceSetup {
  /// A new workspace with `template`'s mandate (or an existing one completed): the mandate file
  /// when `Priorities/` holds none, the folders, `.gitignore`, a README, a git repository when
  /// `isNew` and the folder is in none, then what the repository needs.
  public static func newWorkspace(_ template: MandateTemplate, isNew: Bool) -> WorkspaceSetup {
    WorkspaceSetup(steps: [MandateFileStep(template: template)] + folderSteps(isNew: isNew) + repositorySteps)
  }

  /// The parts every workspace has besides its mandate; a new one also gets a repository.
  static func folderSteps(isNew: Bool) -> [any WorkspaceSetupStep] {
    [
      FolderStep(name: "Events", why: "the imported news"), FolderStep(name: "Tags", why: "the analysts' decisions"),
      GitignoreStep(), ReadmeStep(),
    ] + (isNew ? [GitInitStep()] : [])
  }
}

/// `Priorities/<id>.yaml` from the template, unless `Priorities/` already holds a mandate.
public struct MandateFileStep: WorkspaceSetupStep {
  public var template: MandateTemplate

  public init(template: MandateTemplate) { self.template = template }

  public func apply(_ context: WorkspaceSetup.Context) throws -> [WorkspaceSetup.Action] {
    let workspace = context.workspace
    let existing = workspace.mandateFiles()
    guard existing.isEmpty else {
      let names = existing.map { "Priorities/\($0.lastPathComponent)" }.joined(separator: ", ")
      return [.init(changed: false, "`\(names)`: kept (the workspace has its mandate)")]
    }
    let url = workspace.prioritiesDirectory.appendingPathComponent("\(template.id).yaml")
    try AtomicFile.write(Data(template.text.utf8), to: url)
    return [
      .init(changed: true, "`Priorities/\(template.id).yaml`: written from the template; edit it, then `mandate check`")
    ]
  }
}

/// A folder of the workspace, with a `.gitkeep` so that git keeps it while it is empty.
public struct FolderStep: WorkspaceSetupStep {
  public var name: String
  public var why: String

  public func apply(_ context: WorkspaceSetup.Context) throws -> [WorkspaceSetup.Action] {
    let url = context.root.appendingPathComponent(name, isDirectory: true)
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else { throw SetupError.notAFolder("\(name)/") }
      return [.init(changed: false, "`\(name)/`: there")]
    }
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    try AtomicFile.write(Data(), to: url.appendingPathComponent(".gitkeep"))
    return [.init(changed: true, "`\(name)/`: created (\(why))")]
  }
}

/// `.mandate/` in `.gitignore`: the index is derived, never committed.
public struct GitignoreStep: WorkspaceSetupStep {
  public static let line = ".mandate/"

  public func apply(_ context: WorkspaceSetup.Context) throws -> [WorkspaceSetup.Action] {
    let url = context.root.appendingPathComponent(".gitignore")
    switch try LineFile.ensure(url, line: Self.line, unlessLineStartsWith: [Self.line], display: ".gitignore") {
    case .added: return [.init(changed: true, "`.gitignore`: added `\(Self.line)` (the index is derived)")]
    case .present, .other, .replaced: return [.init(changed: false, "`.gitignore`: has `\(Self.line)`")]
    }
  }
}

/// A short README saying what the workspace is and the commands to use it.
public struct ReadmeStep: WorkspaceSetupStep {
  public func apply(_ context: WorkspaceSetup.Context) throws -> [WorkspaceSetup.Action] {
    let url = context.root.appendingPathComponent("README.md")
    guard !FileManager.default.fileExists(atPath: url.path) else { return [.init(changed: false, "`README.md`: kept")] }
    try AtomicFile.write(Data(Self.text.utf8), to: url)
    return [.init(changed: true, "`README.md`: written (what the folders hold, the commands to use)")]
  }

  static let text = """
    # A mandate workspace

    Kept with mandate, which tracks what an organisation promised for a term against what the news
    says it did.

    - `Priorities/` the mandate: priorities and their items (YAML, edited by hand; `mandate check`)
    - `Events/` the imported news, one JSON line per event (`mandate import FILE...`)
    - `Tags/` the analysts' decisions (`mandate review`, `tag`, `reject`, `status`)
    - `Reports/` the reports (`mandate report --all --output Reports/`)
    - `.mandate/` the index, derived from the files above; never committed

    ```sh
    mandate check                      # the mandate, with every error at its line
    mandate import news.xml            # news into Events/ (RSS, Atom, JSONL, CSV, CSTO pages)
    mandate review                     # triage the events, one at a time
    mandate report --output q2.html    # the quarter's report
    ```

    """
}

/// `git init` when the workspace is in no repository, so that the merge setup that follows has
/// one to work on.
public struct GitInitStep: WorkspaceSetupStep {
  public func apply(_ context: WorkspaceSetup.Context) throws -> [WorkspaceSetup.Action] {
    if Git.run(["rev-parse", "--show-toplevel"], in: context.root, environment: context.environment)?.value != nil {
      return [.init(changed: false, "git: in a repository")]
    }
    guard let result = Git.run(["init", "-q"], in: context.root, environment: context.environment),
      result.status == 0
    else {
      return [
        .init(changed: false, "git: not found; the workspace is plain files (run `mandate init` after `git init`)")
      ]
    }
    return [.init(changed: true, "git: initialised a repository")]
  }
}
