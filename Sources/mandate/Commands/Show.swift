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
      // The mandate's aliases help to find the other language's report; without one, names and numbers do.
      let mandate = try? options.resolveMandate().1
      let event: Event
      let linked: Event?
      do {
        let lock = try WorkspaceLock(stateDirectory: workspace.stateDirectory, mode: .shared)
        let (index, _) = try EventIndex.open(workspace, lock: lock)
        event = try index.resolve(id)
        linked = try CrossLanguageLinker(mandate: mandate).linked(to: event, in: index)
      }
      // The event's decisions, oldest first, with who and when (read first: a ledger that cannot
      // be read stops the command before anything is printed).
      let decisions = try (format == .text ? mandate : nil).map {
        try DecisionLog.entries(workspace: workspace, mandate: $0, query: DecisionLog.Query(event: event.id)).reversed()
      }
      Output.stdout(
        try EventRenderer.detail(
          event, linked: linked, format: format == .csv ? .json : format, width: TerminalWidth.current(),
          style: Output.outputStyle))
      guard let decisions else { return }
      Output.stdout(decisions.isEmpty ? "\nno decisions\n" : "\ndecisions:\n")
      for decision in decisions { Output.stdout("  " + DecisionLog.line(decision) + "\n") }
    }
  }
}
