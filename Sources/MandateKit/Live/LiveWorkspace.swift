import Foundation

/// A workspace kept open by a long-running process (`mandate serve`): every request sees the
/// record as it is now, as a new command would, without paying a command's start-up each time.
///
/// Reads share an open index and take the workspace lock shared, so the CLI can still write
/// between two requests; when the files changed (an import, a `git pull`, a decision made in the
/// terminal) the next read brings the index up to date first, as every command does. Decisions
/// go through `DecisionDesk` under the lock held exclusively. Results that are costly to compute
/// (a report, a triage queue) are kept with the `WorkspaceStamp` they were computed for and
/// reused while it holds.
public final class LiveWorkspace: @unchecked Sendable {
  public let workspace: Workspace
  /// The mandate to serve when the workspace holds several (`--mandate`).
  public let mandateID: String?
  let gate = ReadWriteGate()
  private let mutex = NSLock()
  private var opened: (index: EventIndex, stamp: WorkspaceStamp)?
  private var catalog: (catalog: MandateCatalog, part: WorkspaceStamp.Part)?
  var memo = Memo()

  public init(workspace: Workspace, mandateID: String? = nil) {
    self.workspace = workspace
    self.mandateID = mandateID
  }

  /// What one read sees: the mandate, a fresh index and the workspace lock, held shared.
  public struct View {
    public let workspace: Workspace
    public let mandate: Mandate
    public let index: EventIndex
    public let lock: WorkspaceLock
    public let stamp: WorkspaceStamp
    let live: LiveWorkspace

    /// The ledger's current picture, computed once per state of the files.
    public func ledgerState() throws -> LedgerState {
      try memo("ledger-state:\(mandate.id)") { try index.ledgerState(for: mandate) }
    }

    /// A result kept while the files `scope` names stay the same; `compute` must only read.
    public func memo<T: Sendable>(_ key: String, scope: MemoScope = .everything, _ compute: () throws -> T) rethrows
      -> T
    {
      try live.memo.value(for: key, stamp: stamp, scope: scope, compute)
    }
  }

  /// Runs `body` on the workspace as it is now.
  public func read<T>(_ body: (View) throws -> T) throws -> T {
    if let result = try gate.reading({ () throws -> T? in
      let lock = try WorkspaceLock(stateDirectory: workspace.stateDirectory, mode: .shared)
      let stamp = WorkspaceStamp.current(workspace)
      guard let index = openedIndex(for: stamp) else { return nil }
      return try body(
        View(workspace: workspace, mandate: try mandate(stamp), index: index, lock: lock, stamp: stamp, live: self))
    }) {
      return result
    }
    // The files changed since the index was last seen fresh: bring it up to date alone.
    return try exclusively(body)
  }

  /// Runs `body` alone in this process, after bringing the index up to date: for what may
  /// write to the index (a report refreshes its suggestion cache).
  public func exclusively<T>(_ body: (View) throws -> T) throws -> T {
    try gate.writing {
      let lock = try WorkspaceLock(stateDirectory: workspace.stateDirectory, mode: .shared)
      let (index, _) = try EventIndex.open(workspace, lock: lock)
      let stamp = WorkspaceStamp.current(workspace)
      mutex.withLock { opened = (index, stamp) }
      return try body(
        View(workspace: workspace, mandate: try mandate(stamp), index: index, lock: lock, stamp: stamp, live: self))
    }
  }

  /// Records decisions: `body` gets a `DecisionDesk`, which takes the workspace lock
  /// exclusively for each write, while no read of this process holds it.
  public func write<T>(_ body: (DecisionDesk) throws -> T) throws -> T {
    try gate.writing {
      let mandate = try mandate(WorkspaceStamp.current(workspace))
      return try body(DecisionDesk(workspace: workspace, mandate: mandate))
    }
  }

  /// A result computed from the workspace, kept while the files it depends on stay the same:
  /// looked up under a shared read, computed (once) alone.
  public func cached<T: Sendable>(
    _ key: String, scope: MemoScope = .everything, _ compute: (View) throws -> T
  ) throws -> T {
    if let hit = try read({ view in memo.lookup(key, stamp: view.stamp, scope: scope) as T? }) { return hit }
    return try exclusively { view in
      try memo.value(for: key, stamp: view.stamp, scope: scope) { try compute(view) }
    }
  }

  private func openedIndex(for stamp: WorkspaceStamp) -> EventIndex? {
    mutex.withLock { opened?.stamp == stamp ? opened?.index : nil }
  }

  /// The served mandate, loaded again when `Priorities/` changed.
  func mandate(_ stamp: WorkspaceStamp) throws -> Mandate {
    let loaded = mutex.withLock { () -> MandateCatalog in
      if let catalog, catalog.part == stamp.mandates { return catalog.catalog }
      let fresh = MandateCatalog.load(workspace, display: PathDisplay(base: workspace.root))
      catalog = (fresh, stamp.mandates)
      return fresh
    }
    let errors = loaded.diagnostics.filter { $0.severity == .error }
    if !errors.isEmpty, mandateID == nil || !loaded.mandates.contains(where: { $0.id == mandateID }) {
      throw LiveWorkspaceError.invalidMandates(errors)
    }
    return try loaded.select(mandateID, workspace: workspace)
  }
}

/// Failures of a live workspace that are not the index's or the ledger's.
public enum LiveWorkspaceError: MandateError, Equatable {
  /// `Priorities/` has errors, so there is no mandate to serve until they are fixed.
  case invalidMandates([Diagnostic])

  public var errorDescription: String? {
    switch self {
    case .invalidMandates(let diagnostics):
      let first = diagnostics.first.map { "\($0.location.map { "\($0): " } ?? "")\($0.message)" } ?? ""
      return "the mandate has errors (\(first)); run `mandate check` for all of them"
    }
  }
}
