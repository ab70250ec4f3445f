import Foundation

/// What `mandate init` does to a folder: a list of steps, each of which adds only what is missing
/// and says what it did, so that running it again changes nothing.
///
/// `repositorySteps` are what a workspace kept in git needs so that analysts' decisions survive
/// merges: the attributes that choose how ledgers merge, the merge driver, and ledgers in the
/// current schema. Creating a workspace from a template is another list of steps that can run
/// before these (a step is any `WorkspaceSetupStep`).
public struct WorkspaceSetup: Sendable {
  /// Where the steps work, and how git can run this `mandate`.
  public struct Context: Sendable {
    /// The workspace folder (the one that holds, or will hold, `Priorities/`).
    public var root: URL
    /// How git runs `mandate` as a merge driver: `mandate` when it is on the PATH, else its full
    /// path (quoted for the shell).
    public var executable: String
    /// The environment for the `git` processes the steps run.
    public var environment: [String: String]

    public init(
      root: URL, executable: String = "mandate",
      environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
      // A folder URL, so that paths git prints relative to it resolve inside it.
      self.root = URL(fileURLWithPath: root.standardizedFileURL.path, isDirectory: true)
      self.executable = executable
      self.environment = environment
    }

    public var workspace: Workspace { Workspace(root: root) }
  }

  /// One thing a step did, or found already done.
  public struct Action: Sendable, Equatable {
    /// Whether the step changed something.
    public var changed: Bool
    /// What it did or found, as a line for the analyst: "`.gitattributes`: added …".
    public var message: String

    public init(changed: Bool, _ message: String) {
      self.changed = changed
      self.message = message
    }
  }

  public var steps: [any WorkspaceSetupStep]

  public init(steps: [any WorkspaceSetupStep]) { self.steps = steps }

  /// What a repository holding a workspace needs: `.gitattributes`, the merge driver, and
  /// ledgers that merge (schema 3, a file per analyst).
  public static var repositorySteps: [any WorkspaceSetupStep] {
    [GitAttributesStep(), MergeDriverStep(), LedgerMigrationStep()]
  }

  /// Sets up an existing workspace for git.
  public static var repository: WorkspaceSetup { WorkspaceSetup(steps: repositorySteps) }

  /// Runs every step in order; the first failure stops the run (what earlier steps did stays
  /// done, and each write is atomic).
  public func run(_ context: Context) throws -> [Action] {
    var actions: [Action] = []
    for step in steps { actions += try step.apply(context) }
    return actions
  }
}

/// A step of `mandate init`: checks what is there, adds what is missing, and reports both.
public protocol WorkspaceSetupStep: Sendable {
  func apply(_ context: WorkspaceSetup.Context) throws -> [WorkspaceSetup.Action]
}

/// Failures of `mandate init`.
public enum SetupError: MandateError, Equatable {
  case gitFailed(command: String, reason: String)
  case notAFolder(String)
  case invalidMandateID(String)
  case invalidTerm(String)

  public var errorDescription: String? {
    switch self {
    case .gitFailed(let command, let reason):
      return "`git \(command)` failed: \(reason)"
    case .notAFolder(let path):
      return "`\(path)` is a file, not a folder: move it away and run `mandate init` again"
    case .invalidMandateID(let id):
      return
        "--mandate \(id) is not a mandate id: use lower-case letters, digits and single dashes (e.g. `kz-csto-2024`)"
    case .invalidTerm(let text):
      return "--term \(text) is not a term: write START..END as days, e.g. 2025-01-01..2025-12-31"
    }
  }
}
