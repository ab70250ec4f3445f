import ArgumentParser
import Foundation
import MandateKit

extension MandateCommand {
  /// `mandate init`: makes a folder a workspace (or completes one), sets up what its git
  /// repository needs for analysts to merge their decisions, and says what it did.
  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Start a workspace (or complete one), and set up its git repository so that ledgers merge.",
      discussion: """
        In a new folder: Priorities/<id>.yaml from a commented template that passes `mandate \
        check` (every field shown), Events/, Tags/, .gitignore, a short README and a git \
        repository. --example lays down the KZ 2024 mandate with the sample pages imported and no \
        decisions, for the README's tour. In a workspace (DIR, or the one the current folder is \
        in): only what is missing. Then, in every case, the ledgers' rule in .gitattributes and \
        `mandate merge-ledger` as git's merge driver for Tags/**/*.yaml, and ledgers of one \
        file moved to a file per analyst. Nothing is ever \
        overwritten, and running it again changes nothing.
        """)

    @Argument(
      help: ArgumentHelp("The workspace folder, created if missing (default: the current one).", valueName: "dir"),
      completion: .directory)
    var directory: String?

    @Flag(help: "The KZ 2024 example: its mandate and the sample pages imported, no decisions.")
    var example = false

    @Option(help: ArgumentHelp("The new mandate's id (default: from the folder's name).", valueName: "id"))
    var mandate: String?

    @Option(help: ArgumentHelp("The mandate's title.", valueName: "text"))
    var title: String?

    @Option(help: ArgumentHelp("The organisation whose chair the mandate is.", valueName: "text"))
    var organisation: String?

    @Option(help: ArgumentHelp("Who holds the chair.", valueName: "text"))
    var holder: String?

    @Option(help: ArgumentHelp("The term, START..END (default: this calendar year).", valueName: "dates"))
    var term: String?

    func validate() throws {
      if let mandate, !Slug.isValid(mandate) {
        throw ValidationError(SetupError.invalidMandateID(mandate).errorDescription ?? "")
      }
      if let term, MandateTemplate.term(term) == nil {
        throw ValidationError(SetupError.invalidTerm(term).errorDescription ?? "")
      }
      if example && (mandate != nil || title != nil || organisation != nil || holder != nil || term != nil) {
        throw ValidationError(
          "--example lays down the KZ 2024 mandate; it takes no --mandate, --title, --organisation, --holder or --term")
      }
    }

    func run() throws {
      let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
      let root: URL
      if let directory {
        root = URL(
          fileURLWithPath: URL(fileURLWithPath: directory, relativeTo: current).standardizedFileURL.path,
          isDirectory: true)
      } else if let found = try? Workspace.discover(from: current) {
        root = found.root
      } else {
        root = current
      }
      try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
      let today = MandateClock.today()
      // A folder that had no mandate is a new workspace: it also gets a git repository.
      let isNew = Workspace(root: root).mandateFiles().isEmpty
      let setup: WorkspaceSetup
      if example {
        setup = .example(today: today, isNew: isNew)
      } else {
        let id = mandate ?? MandateTemplate.id(fromFolderName: root.lastPathComponent)
        let range = term.flatMap(MandateTemplate.term) ?? MandateTemplate.defaultTerm(today: today)
        setup = .newWorkspace(
          MandateTemplate(id: id, title: title, organisation: organisation, holder: holder, term: range), isNew: isNew)
      }
      let context = WorkspaceSetup.Context(root: root, executable: Self.executable())
      let actions = try setup.run(context)
      let shown = PathDisplay(base: current).path(root)
      Output.stdout("workspace \(shown)\n")
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
