import ArgumentParser
import Foundation
import MandateKit

extension MandateCommand {
  /// `mandate suggest`: candidate items for events without a decision, with the reasons.
  struct Suggest: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Suggest items for events without a decision, and say why.",
      discussion: """
        By default every event without a decision, dated or not, in the term or not; --quarter \
        or --from/--to narrow it. Scores run from 0 to 1; each candidate lists the keywords, \
        aliases and item words that matched, where, and what they added.
        """)

    @Option(
      help: ArgumentHelp("A quarter: 2024Q2, or Q2 of the mandate's term.", valueName: "quarter"),
      completion: .quarters)
    var quarter: String?

    @Option(help: ArgumentHelp("First day (YYYY-MM-DD).", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Last day (YYYY-MM-DD).", valueName: "date"))
    var to: String?

    @Option(help: ArgumentHelp("Candidates per event.", valueName: "k"))
    var top = 3

    @Option(help: ArgumentHelp("At most this many events.", valueName: "n"))
    var limit: Int?

    @Option(help: ArgumentHelp("Drop candidates scoring below this (0 to 1).", valueName: "score"))
    var minScore = SuggestionQuery.defaultMinScore

    @Option(help: "Output format: text or json.")
    var format: SuggestionRenderer.Format = .text

    @OptionGroup var options: WorkspaceOptions

    func validate() throws {
      if quarter != nil && (from != nil || to != nil) {
        throw ValidationError("use --quarter or --from/--to, not both")
      }
      if top < 1 { throw ValidationError("--top must be at least 1") }
      if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
      if !(0...1).contains(minScore) { throw ValidationError("--min-score must be between 0 and 1") }
    }

    func run() throws {
      let (workspace, mandate) = try options.resolveMandate()
      let range = try PeriodOptions.range(quarter: quarter, from: from, to: to, options: options, workspace: workspace)
      let lock = try WorkspaceLock(stateDirectory: workspace.stateDirectory, mode: .shared)
      let (index, _) = try EventIndex.open(workspace, lock: lock)
      let suggester = try Suggester(mandate: mandate, index: index, state: try index.ledgerState(for: mandate))
      var renderer = SuggestionRenderer(
        format: format, width: TerminalWidth.current(), style: Output.outputStyle,
        labels: Dictionary(mandate.items.map { ($0.id, $0.shortLabel) }, uniquingKeysWith: { first, _ in first }))
      let output = BufferedOutput()
      output.write(renderer.begin())
      var count = 0
      try suggester.suggestBatches(SuggestionQuery(range: range, top: top, limit: limit, minScore: minScore)) { batch in
        if format == .json {
          // Rendering JSON (and making it safe for a terminal) is independent per event: do it
          // on all cores, keep the order.
          let style = Output.outputStyle.enabled
          for json in Parallel.map(
            batch, { TerminalSafety.neutralize(bytes: SuggestionRenderer.jsonBytes($0), keepingStyle: style) })
          {
            output.write(renderer.separator())
            output.write(neutralizedBytes: json)
          }
        } else {
          let abbreviations = try index.abbreviations(for: batch.map(\.event.id))
          for suggestion in batch {
            output.write(renderer.render(suggestion, abbreviation: abbreviations[suggestion.event.id]))
          }
        }
        count += batch.count
      }
      output.write(renderer.end())
      output.flush()
      if format == .text { Output.stderr("\(plural(count, "event")) with suggestions") }
    }
  }
}

extension SuggestionRenderer.Format: ExpressibleByArgument {}
