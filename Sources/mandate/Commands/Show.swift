import ArgumentParser
import MandateKit

extension MandateCommand {
  /// `mandate show`: one event in full.
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show one event in full: date and its evidence, sources, text.",
      discussion:
        "ID is the event's id, an alias, or any unique prefix of at least 4 digits (as printed by `mandate events`).")

    @Argument(help: "The event id or a unique prefix.", completion: .eventIDs)
    var id: String

    @Option(help: "Output format: text or json.")
    var format: EventRenderer.Format = .text

    @OptionGroup var options: WorkspaceOptions

    func run() throws {
      let workspace = try options.resolveWorkspace()
      let lock = try WorkspaceLock(stateDirectory: workspace.stateDirectory, mode: .shared)
      let (index, _) = try EventIndex.open(workspace, lock: lock)
      let event = try index.resolve(id)
      Output.stdout(
        try EventRenderer.detail(
          event, format: format == .csv ? .json : format, width: TerminalWidth.current(), style: Output.outputStyle))
    }
  }
}
