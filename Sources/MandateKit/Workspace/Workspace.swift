import Foundation

/// The analyst's folder: `Priorities/` (mandates), `Events/` (imported news), `Tags/` (decisions),
/// `Reports/`, and the derived index in `.mandate/`.
///
/// Found like git finds a repository: by walking up from the current directory to the first
/// folder that holds `Priorities/`.
public struct Workspace: Sendable {
  public let root: URL

  public init(root: URL) { self.root = root.standardizedFileURL }

  public var prioritiesDirectory: URL { root.appendingPathComponent("Priorities", isDirectory: true) }
  public var eventsDirectory: URL { root.appendingPathComponent("Events", isDirectory: true) }
  public var tagsDirectory: URL { root.appendingPathComponent("Tags", isDirectory: true) }
  public var reportsDirectory: URL { root.appendingPathComponent("Reports", isDirectory: true) }
  /// Derived state (the SQLite index, lock files); safe to delete.
  public var stateDirectory: URL { root.appendingPathComponent(".mandate", isDirectory: true) }

  /// Finds the workspace: `explicit` when given (it must hold `Priorities/`), else the nearest
  /// folder at or above `start` that holds `Priorities/`.
  public static func discover(from start: URL, explicit: String? = nil) throws(WorkspaceError) -> Workspace {
    let fileManager = FileManager.default
    if let explicit {
      let url = URL(fileURLWithPath: explicit, relativeTo: start).standardizedFileURL
      var isDirectory: ObjCBool = false
      guard fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
        throw .notADirectory(url.path)
      }
      guard fileManager.fileExists(atPath: url.appendingPathComponent("Priorities").path) else {
        throw .noPriorities(url.path)
      }
      return Workspace(root: url)
    }
    var candidate = start.standardizedFileURL
    while true {
      var isDirectory: ObjCBool = false
      if fileManager.fileExists(atPath: candidate.appendingPathComponent("Priorities").path, isDirectory: &isDirectory),
        isDirectory.boolValue
      {
        return Workspace(root: candidate)
      }
      let parent = candidate.deletingLastPathComponent()
      if parent.path == candidate.path { break }
      candidate = parent
    }
    throw .notFound(start.standardizedFileURL.path)
  }

  /// The mandate files, `Priorities/*.yaml` and `*.yml`, in name order.
  public func mandateFiles() -> [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: prioritiesDirectory.path)) ?? []
    return names.filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasPrefix(".") }
      .sorted()
      .map { prioritiesDirectory.appendingPathComponent($0) }
  }

  /// `url` relative to the workspace root when it lies inside it, for shorter messages.
  public func displayPath(_ url: URL) -> String {
    let path = url.standardizedFileURL.path
    let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
    return path.hasPrefix(rootPath) ? String(path.dropFirst(rootPath.count)) : path
  }
}

/// Failures to find or use a workspace.
public enum WorkspaceError: Error, LocalizedError, Equatable {
  case notFound(String)
  case notADirectory(String)
  case noPriorities(String)
  case noMandates(String)
  case unknownMandate(String, available: [String])
  case ambiguousMandate([String])
  case invalidMandate(String)

  public var errorDescription: String? {
    switch self {
    case .notFound(let path):
      return
        "no mandate workspace at \(path) or any folder above it (a workspace holds a Priorities/ folder); use --workspace DIR"
    case .notADirectory(let path):
      return "--workspace \(path) is not a folder"
    case .noPriorities(let path):
      return "\(path) is not a mandate workspace: it has no Priorities/ folder"
    case .noMandates(let path):
      return "no mandate in \(path)/Priorities (expected a file such as kz-csto-2024.yaml)"
    case .unknownMandate(let id, let available):
      let hint = Spelling.closest(to: id, in: available).map { "; did you mean `\($0)`?" } ?? ""
      return "no mandate `\(id)` in this workspace (available: \(available.joined(separator: ", ")))\(hint)"
    case .ambiguousMandate(let ids):
      return "this workspace holds several mandates (\(ids.joined(separator: ", "))); choose one with --mandate ID"
    case .invalidMandate(let file):
      return "\(file) has errors; run `mandate check` for details"
    }
  }
}
