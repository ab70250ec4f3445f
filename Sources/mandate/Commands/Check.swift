import ArgumentParser
import Foundation
import MandateKit

extension MandateCommand {
  /// `mandate check`: reports every problem in the workspace's files.
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check mandate files and report every problem with its position.",
      discussion: "Exits 0 when there are no errors (warnings allowed), 1 when there are errors.")

    @Argument(
      help: ArgumentHelp(
        "Files or folders to check (default: every Priorities/*.yaml of the workspace).", valueName: "path"),
      completion: .file(extensions: ["yaml", "yml"]))
    var paths: [String] = []

    @Option(help: "Output format: text or json.")
    var format: DiagnosticsFormat = .text

    @OptionGroup var options: WorkspaceOptions

    func run() throws {
      let workspace = paths.isEmpty ? try options.resolveWorkspace() : try? options.resolveWorkspace()
      let result = try WorkspaceCheck.run(
        paths: paths, workspace: workspace, currentDirectory: options.currentDirectory)
      switch format {
      case .json:
        Output.stdout(try JSON.encode(result.diagnostics.map(\.jsonForm)) + "\n")
      case .text:
        var formatter = DiagnosticFormatter(style: Output.errorStyle, baseDirectory: options.currentDirectory)
        if !result.diagnostics.isEmpty { Output.stderr(formatter.format(result.diagnostics)) }
        Output.stderr(DiagnosticFormatter.summary(result.diagnostics, files: result.files.count))
      }
      if result.hasErrors { throw ExitCode(ExitStatus.failure) }
    }
  }
}

enum DiagnosticsFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}
