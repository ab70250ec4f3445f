import ArgumentParser
import Foundation
import MandateKit

extension MandateCommand {
  /// `mandate init`: sets up what the workspace's git repository needs for analysts to merge
  /// their decisions, and says what it did.
  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Set up a workspace's git repository so that analysts' ledgers merge.",
      discussion: """
        Adds the ledgers' rule to .gitattributes (the union driver, for every clone), registers \
        `mandate merge-ledger` as git's merge driver for Tags/*.yaml in this repository (its \
        config and .git/info/attributes), and migrates ledgers to the current schema. Adds only \
        what is missing: running it again changes nothing.
        """)

    @OptionGroup var options: WorkspaceOptions

    func run() throws {
      let workspace = try options.resolveWorkspace()
      let context = WorkspaceSetup.Context(root: workspace.root, executable: Self.executable())
      let actions = try WorkspaceSetup.repository.run(context)
      for action in actions { Output.stdout((action.changed ? "+ " : "= ") + action.message + "\n") }
      let changed = actions.count(where: \.changed)
      Output.stdout(changed == 0 ? "nothing to do: already set up\n" : "done: \(changed) changed\n")
    }

    /// How git should run this binary: `mandate` when that name on the PATH is this file, else
    /// its full path, quoted for the shell.
    static func executable() -> String {
      guard let own = Bundle.main.executablePath.map({ URL(fileURLWithPath: $0).resolvingSymlinksInPath().path })
      else { return "mandate" }
      let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
      for folder in path.split(separator: ":") where !folder.isEmpty {
        let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("mandate")
        guard FileManager.default.isExecutableFile(atPath: candidate.path) else { continue }
        return candidate.resolvingSymlinksInPath().path == own ? "mandate" : Self.quoted(own)
      }
      return Self.quoted(own)
    }

    static func quoted(_ path: String) -> String {
      let safe = path.allSatisfy { $0.isLetter || $0.isNumber || "/._-+".contains($0) }
      return safe ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
  }
}
