import Foundation

@testable import MandateKit

/// Folders of the shipped workspace copied into a temporary directory, with the index open and
/// the mandate loaded.
struct ShippedCopy {
  let directory: TemporaryDirectory
  let workspace: Workspace
  let lock: WorkspaceLock
  let index: EventIndex
  let mandate: Mandate

  init(_ folders: [String]) throws {
    directory = try TemporaryDirectory.shipped(folders)
    workspace = Workspace(root: directory.url)
    lock = try WorkspaceLock(stateDirectory: workspace.stateDirectory, mode: .shared)
    index = try EventIndex.open(workspace, lock: lock).index
    mandate = try MandateCatalog.load(workspace).select(nil, workspace: workspace)
  }
}

extension TemporaryDirectory {
  /// A temporary directory holding copies of these folders of the shipped workspace.
  static func shipped(_ folders: [String]) throws -> TemporaryDirectory {
    let directory = try TemporaryDirectory()
    for folder in folders {
      try FileManager.default.copyItem(
        at: TestPaths.repositoryRoot.appendingPathComponent(folder), to: directory.url.appendingPathComponent(folder))
    }
    return directory
  }
}
