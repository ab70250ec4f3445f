import Foundation

/// All mandates of a workspace, loaded and checked, with a way to pick the one a command is for.
public struct MandateCatalog: Sendable {
  public var mandates: [Mandate]
  public var diagnostics: [Diagnostic]
  /// Files that were read, in order.
  public var files: [String]
  /// The file each mandate was loaded from, by mandate id.
  public var urls: [String: URL] = [:]

  /// Loads every file of `Priorities/`; files with errors contribute diagnostics but no mandate.
  public static func load(_ workspace: Workspace, display: PathDisplay = .currentDirectory) -> MandateCatalog {
    load(files: workspace.mandateFiles(), display: display)
  }

  /// Loads `files`, naming them in diagnostics as `display` says.
  public static func load(files: [URL], display: PathDisplay = .currentDirectory) -> MandateCatalog {
    let loader = MandateLoader()
    var catalog = MandateCatalog(mandates: [], diagnostics: [], files: [])
    var seen: [String: String] = [:]
    for url in files {
      let shown = display.path(url)
      catalog.files.append(shown)
      let result = loader.load(url: url, displayPath: shown)
      catalog.diagnostics += result.diagnostics
      guard let mandate = result.mandate else { continue }
      if let other = seen[mandate.id] {
        catalog.diagnostics.append(
          .error(
            "duplicate-mandate", "mandate id `\(mandate.id)` is also used by \(other)",
            at: FileLocation(file: shown, line: 1, column: 1)))
        continue
      }
      seen[mandate.id] = shown
      catalog.urls[mandate.id] = url
      catalog.mandates.append(mandate)
    }
    return catalog
  }

  /// The mandate `id` names, or the only one when `id` is nil.
  public func select(_ id: String?, workspace: Workspace) throws(WorkspaceError) -> Mandate {
    if let id {
      if let mandate = mandates.first(where: { $0.id == id }) { return mandate }
      throw .unknownMandate(id, available: mandates.map(\.id))
    }
    switch mandates.count {
    case 1: return mandates[0]
    case 0:
      if let file = files.first, diagnostics.hasErrors { throw .invalidMandate(file) }
      throw .noMandates(workspace.root.path)
    default: throw .ambiguousMandate(mandates.map(\.id))
    }
  }
}
