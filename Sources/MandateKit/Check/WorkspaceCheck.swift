import Foundation

/// What `mandate check` found: every diagnostic of every file it read.
public struct CheckResult: Sendable {
  public var diagnostics: [Diagnostic]
  public var files: [String]

  public var hasErrors: Bool { diagnostics.hasErrors }
}

/// Checks mandate files: named paths (files or folders), or every mandate of the workspace.
public enum WorkspaceCheck {
  public static func run(paths: [String], workspace: Workspace?, currentDirectory: URL) throws(WorkspaceError)
    -> CheckResult
  {
    var files: [URL] = []
    if paths.isEmpty {
      guard let workspace else { throw .notFound(currentDirectory.path) }
      files = workspace.mandateFiles()
      if files.isEmpty { throw .noMandates(workspace.root.path) }
    } else {
      for path in paths {
        let url = URL(fileURLWithPath: path, relativeTo: currentDirectory).standardizedFileURL
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
          let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
          files += names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map {
            url.appendingPathComponent($0)
          }
        } else {
          files.append(url)
        }
      }
    }
    let display = PathDisplay(base: currentDirectory)
    // A source list named among the paths is checked as one, not as a mandate.
    let sourceLists = files.filter { $0.lastPathComponent == SourceList.fileName }
    files.removeAll { $0.lastPathComponent == SourceList.fileName }
    let catalog = MandateCatalog.load(files: files, display: display)
    var diagnostics = catalog.diagnostics
    var checked = catalog.files
    for file in sourceLists {
      diagnostics += SourceList.load(url: file, displayPath: display.path(file)).diagnostics
      checked.append(display.path(file))
    }
    // Without named paths, the whole workspace: ledgers, the events record and the watched
    // sources as well.
    if paths.isEmpty, let workspace {
      let sources = SourceList.url(workspace)
      if FileManager.default.fileExists(atPath: sources.path) {
        diagnostics += SourceList.load(url: sources, displayPath: display.path(sources)).diagnostics
        checked.append(display.path(sources))
      }
      diagnostics += LedgerCheck.run(workspace: workspace, catalog: catalog, display: display)
      for mandate in catalog.mandates {
        for file in LedgerFile(workspace: workspace, mandateID: mandate.id).files {
          checked.append(display.path(workspace.root.appendingPathComponent(file)))
        }
      }
    }
    return CheckResult(diagnostics: diagnostics.sortedByLocation(), files: checked)
  }
}
