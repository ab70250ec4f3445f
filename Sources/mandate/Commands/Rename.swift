import ArgumentParser
import Foundation
import MandateKit

extension MandateCommand {
  /// `mandate rename`: renames an item or priority id and migrates the ledger entries naming it.
  struct Rename: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Rename an item or priority id in the mandate and migrate the ledger entries naming it.",
      discussion: """
        The id is edited in place in Priorities/<mandate>.yaml, every other byte kept as it was; \
        renaming a priority (P2 to P9) renames its items too (P2.1 to P9.1). The analyst's ledger \
        file gets one `rename` entry per item: the entries naming the old id stay as they were and \
        count for the new one (also those made on another branch that had not seen the rename). \
        An item stays under its priority: moving it to another one is not a rename.
        """)

    @Argument(
      help: ArgumentHelp("The item or priority id to rename, e.g. P2.3 or P2.", valueName: "old"),
      completion: .itemOrPriorityIDs)
    var old: String

    @Argument(help: ArgumentHelp("The new id, e.g. P2.4 or P9.", valueName: "new"))
    var new: String

    @Flag(help: "Say what would change, writing nothing.")
    var dryRun = false

    @OptionGroup var decision: DecisionOptions
    @OptionGroup var options: WorkspaceOptions

    func run() throws {
      let workspace = try options.resolveWorkspace()
      let outcome = try IDRename.run(
        in: workspace, mandate: options.mandate, old: old, new: new, dryRun: dryRun, by: decision.analyst(workspace))
      for note in outcome.notes { Output.warning(note) }
      Output.stdout(outcome.summary + "\n")
    }
  }
}
