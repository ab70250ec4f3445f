import ArgumentParser
import Foundation
import MandateKit

extension MandateCommand {
  /// `mandate events`: lists imported events.
  struct Events: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List imported events by date, or search them.",
      discussion: """
        --quarter takes a calendar quarter (2024Q2) or a quarter of the mandate's term (Q2). \
        --search uses the full-text index: words must all match, "quoted phrases" match as phrases, \
        and results are ranked with matches highlighted.
        """)

    @Option(
      help: ArgumentHelp("A quarter: 2024Q2, or Q2 of the mandate's term.", valueName: "quarter"),
      completion: .quarters)
    var quarter: String?

    @Option(help: ArgumentHelp("First day (YYYY-MM-DD).", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Last day (YYYY-MM-DD).", valueName: "date"))
    var to: String?

    @Option(help: ArgumentHelp("Full-text search.", valueName: "text"))
    var search: String?

    @Flag(help: "Only events without a date.")
    var undated = false

    @Option(help: ArgumentHelp("At most this many events.", valueName: "n"))
    var limit: Int?

    @Option(help: "Output format: text, json or csv.")
    var format: EventRenderer.Format = .text

    @OptionGroup var options: WorkspaceOptions

    func validate() throws {
      if quarter != nil && (from != nil || to != nil) {
        throw ValidationError("use --quarter or --from/--to, not both")
      }
      if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
      let workspace = try options.resolveWorkspace()
      let range = try PeriodOptions.range(quarter: quarter, from: from, to: to, options: options, workspace: workspace)
      let lock = try WorkspaceLock(stateDirectory: workspace.stateDirectory, mode: .shared)
      let (index, _) = try EventIndex.open(workspace, lock: lock)
      let query = EventQuery(range: range, undatedOnly: undated, search: search, limit: limit)
      let hits = search != nil ? try index.search(query) : nil
      let events = try hits?.map(\.event) ?? index.events(query)
      let abbreviations = try index.abbreviations(for: events.map(\.id))
      Output.stdout(
        try EventRenderer.list(
          events, hits: hits, abbreviations: abbreviations, format: format, width: TerminalWidth.current(),
          style: Output.outputStyle))
      if events.isEmpty && format == .text { Output.stderr("no events") }
    }
  }
}

extension EventRenderer.Format: ExpressibleByArgument {}

/// Turns --quarter / --from / --to into a range of days.
enum PeriodOptions {
  static func range(quarter: String?, from: String?, to: String?, options: WorkspaceOptions, workspace: Workspace)
    throws -> DayRange?
  {
    if let quarter {
      let mandate = try? MandateCatalog.load(workspace).select(options.mandate, workspace: workspace)
      return try QuarterName.range(
        quarter, quarters: mandate.map { TermQuarters(term: $0.term) }, mandate: mandate?.id)
    }
    guard from != nil || to != nil else { return nil }
    let start = try from.map { try day($0, "--from") } ?? Day(year: 1, month: 1, day: 1)!
    let end = try to.map { try day($0, "--to") } ?? Day(year: 9999, month: 12, day: 31)!
    guard start <= end else { throw ValidationError("--from \(start) is after --to \(end)") }
    return DayRange(start: start, end: end)
  }

  static func day(_ text: String, _ option: String) throws -> Day {
    guard let day = Day(iso: text) else { throw ValidationError("\(option) \(text) is not a date (YYYY-MM-DD)") }
    return day
  }
}
