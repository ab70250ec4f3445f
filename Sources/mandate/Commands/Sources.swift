import ArgumentParser
import Foundation
import MandateKit

extension MandateCommand {
  /// `mandate sources`: the list of watched sources in Sources.yaml.
  struct Sources: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List, add or remove the sources `mandate fetch` watches (Sources.yaml).",
      discussion: "Edits keep the file's comments and order. The format is in docs/sources-format.md.",
      subcommands: [List.self, Add.self, Remove.self],
      defaultSubcommand: List.self)

    struct List: ParsableCommand {
      static let configuration = CommandConfiguration(abstract: "List the watched sources.")

      @Option(help: "Output format: text or json.")
      var format: SourceListRenderer.Format = .text

      @OptionGroup var options: WorkspaceOptions

      func run() throws {
        let workspace = try options.resolveWorkspace()
        let loaded = SourceList.load(workspace)
        guard let list = loaded.list else {
          var formatter = DiagnosticFormatter(style: Output.errorStyle, baseDirectory: workspace.root)
          Output.stderr(formatter.format(loaded.diagnostics))
          throw ExitCode(ExitStatus.failure)
        }
        Output.stdout(try SourceListRenderer.render(list, format: format, width: TerminalWidth.current()))
      }
    }

    struct Add: ParsableCommand {
      static let configuration = CommandConfiguration(abstract: "Add a source to watch.")

      @Argument(help: "The feed's or page's address.")
      var url: String

      @Option(help: "Its name, recorded with every event source (default: the host, e.g. csto.int).")
      var name: String?

      @Option(help: "feed, page, or a format (rss, atom, csto-page, …); default: from what the server sends.")
      var kind: String?

      @Option(help: "The language of its items (e.g. en, ru), for items that name none.")
      var language: String?

      @Flag(help: "For a feed: also fetch the page each item links to.")
      var follow = false

      @OptionGroup var options: WorkspaceOptions

      func validate() throws {
        if let problem = SourceList.addressProblem(url) { throw ValidationError("the address \(problem)") }
        if let name, !SourceList.isValidName(name) {
          throw ValidationError("--name must be at most 64 characters without spaces (e.g. csto.int)")
        }
        if let kind, SourceKind(kind) == nil {
          throw ValidationError("--kind must be one of \(SourceKind.names.joined(separator: ", "))")
        }
        if let language, !Slug.isLanguageTag(language) {
          throw ValidationError("--language must be a language tag such as en or ru")
        }
      }

      func run() throws {
        let workspace = try options.resolveWorkspace()
        let source = WatchedSource(
          name: name ?? WatchedSource.defaultName(for: url), url: url, kind: kind.flatMap(SourceKind.init),
          language: language, follow: follow)
        let list = try SourceListEditor.add(source, workspace: workspace)
        Output.stdout("added \(source.name) (\(source.url)); \(plural(list.sources.count, "source")) watched\n")
      }
    }

    struct Remove: ParsableCommand {
      static let configuration = CommandConfiguration(abstract: "Stop watching a source (its events stay).")

      @Argument(help: "The source's name or address.")
      var source: String

      @OptionGroup var options: WorkspaceOptions

      func run() throws {
        let workspace = try options.resolveWorkspace()
        let removed = try SourceListEditor.remove(source, workspace: workspace)
        Output.stdout("removed \(removed.name) (\(removed.url))\n")
      }
    }
  }
}

extension SourceListRenderer.Format: ExpressibleByArgument {}
