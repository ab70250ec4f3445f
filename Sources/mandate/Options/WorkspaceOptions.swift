import ArgumentParser
import Foundation
import MandateKit

/// `--workspace` and `--mandate`, shared by every command that works on a workspace.
struct WorkspaceOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The workspace folder (default: the nearest folder above the current one holding Priorities/).", valueName: "dir"),
    completion: .directory
  )
  var workspace: String?

  @Option(
    name: .long, help: ArgumentHelp("The mandate to use when the workspace holds several.", valueName: "id"),
    completion: .mandateIDs)
  var mandate: String?

  var currentDirectory: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true) }

  func resolveWorkspace() throws -> Workspace {
    try Workspace.discover(from: currentDirectory, explicit: workspace)
  }

  /// The workspace and its selected mandate; mandate errors are printed and end the command.
  func resolveMandate() throws -> (Workspace, Mandate) {
    let workspace = try resolveWorkspace()
    let catalog = MandateCatalog.load(workspace)
    if catalog.diagnostics.hasErrors {
      var formatter = DiagnosticFormatter(style: Output.errorStyle, baseDirectory: currentDirectory)
      Output.stderr(formatter.format(catalog.diagnostics.filter { $0.severity == .error }))
      if mandate == nil || !catalog.mandates.contains(where: { $0.id == mandate }) {
        throw ExitCode(ExitStatus.failure)
      }
    }
    return (workspace, try catalog.select(mandate, workspace: workspace))
  }
}
