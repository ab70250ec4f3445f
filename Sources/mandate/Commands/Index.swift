import ArgumentParser
import Foundation
import MandateKit

extension MandateCommand {
  /// `mandate index`: brings the derived index up to date, or rebuilds it.
  struct Index: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Bring the index in .mandate/ up to date with the record, or rebuild it.",
      discussion: "Every command does this when needed; deleting .mandate/ loses nothing.")

    @Flag(help: "Rebuild the index from the record from scratch.")
    var rebuild = false

    @OptionGroup var options: WorkspaceOptions

    func run() throws {
      let workspace = try options.resolveWorkspace()
      let lock = try WorkspaceLock(stateDirectory: workspace.stateDirectory, mode: rebuild ? .exclusive : .shared)
      let clock = ContinuousClock()
      var result: (index: EventIndex, preparation: EventIndex.Preparation)?
      let elapsed = try clock.measure { result = try EventIndex.open(workspace, lock: lock, forceRebuild: rebuild) }
      let (total, undated) = try result!.index.counts()
      let what: String
      switch result!.preparation {
      case .fresh: what = "index is up to date"
      case .refreshed(let partitions): what = "refreshed the index from \(plural(partitions, "changed file"))"
      case .rebuilt(let reason): what = "rebuilt the index (\(reason))"
      }
      let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
      Output.stdout("\(what): \(plural(total, "event")), \(undated) undated (\(String(format: "%.2f", seconds)) s)\n")
    }
  }
}
