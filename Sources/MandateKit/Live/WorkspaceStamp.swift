import Foundation

/// What identifies one state of a workspace cheaply: the size and modification time of every
/// file the index and the reports derive from (the record's partitions, the ledgers, the
/// mandates) and which index file is in place.
///
/// A long-running process (`mandate serve`) compares stamps to know whether what it computed
/// before still holds: equal stamps, same files, same answers. Taking one costs a directory
/// listing and a `stat` per file.
public struct WorkspaceStamp: Sendable, Hashable {
  var record: [String: FileStamp]
  var ledgers: [String: FileStamp]
  var priorities: [String: FileStamp]
  /// The index file's inode: `mandate index --rebuild` replaces the file under the same name.
  var index: UInt64

  /// The workspace's stamp now.
  public static func current(_ workspace: Workspace) -> WorkspaceStamp {
    var priorities: [String: FileStamp] = [:]
    for url in workspace.mandateFiles() {
      if let stamp = FileStamp(url: url) { priorities[url.lastPathComponent] = stamp }
    }
    var info = stat()
    let inode = stat(EventIndex.url(in: workspace).path, &info) == 0 ? UInt64(info.st_ino) : 0
    return WorkspaceStamp(
      record: EventRecord(directory: workspace.eventsDirectory).stamps(), ledgers: LedgerIndex.stamps(workspace),
      priorities: priorities, index: inode)
  }

  /// The part a mandate's loading depends on.
  public var mandates: Part { Part(files: priorities) }
  /// The part the events depend on: the record and the index file.
  public var events: Part { Part(files: record, extra: index) }
  /// The part decisions depend on.
  public var decisions: Part { Part(files: ledgers) }

  /// One part of a stamp, for results that depend on some of the files only.
  public struct Part: Sendable, Hashable {
    var files: [String: FileStamp]
    var extra: UInt64 = 0
  }
}
