import ArgumentParser
import Foundation
import MandateKit

extension MandateCommand {
  /// `mandate log`: the ledger's decisions, newest first.
  struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List decisions newest first, with who and when (a git log of judgement).")

    @Option(help: ArgumentHelp("Only this analyst's decisions.", valueName: "name"))
    var by: String?

    @Option(
      help: ArgumentHelp("Only decisions recorded on or after this day (YYYY-MM-DD) or instant.", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Only decisions on this item (its current id).", valueName: "id"))
    var item: String?

    @Option(help: ArgumentHelp("Only decisions on this event (id, alias or unique prefix).", valueName: "id"))
    var event: String?

    @Option(help: "Output format: text or json.")
    var format: DiagnosticsFormat = .text

    @OptionGroup var options: WorkspaceOptions

    func validate() throws {
      if let since, Day(iso: since) == nil && Timestamp.parse(since) == nil {
        throw ValidationError("--since \(since) is not a date (YYYY-MM-DD) or a timestamp (2024-04-12T10:00:00Z)")
      }
    }

    func run() throws {
      let (workspace, mandate) = try options.resolveMandate()
      let start = since.flatMap { Day(iso: $0)?.startDate ?? Timestamp.parse($0) }
      let entries = try DecisionLog.entries(
        workspace: workspace, mandate: mandate,
        query: DecisionLog.Query(by: by, since: start, item: item, event: event))
      switch format {
      case .json:
        Output.stdout(try JSON.encode(entries.map(DecisionLog.Entry.init), snakeCase: true) + "\n")
      case .text:
        if entries.isEmpty { Output.stderr("no decisions match") }
        Output.stdout(entries.map { DecisionLog.line($0) + "\n" }.joined())
      }
    }
  }
}
