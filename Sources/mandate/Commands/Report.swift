import ArgumentParser
import Foundation
import MandateKit

extension MandateCommand {
  /// `mandate report`: the quarterly progress report.
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print the progress report for a quarter of the term, or the whole term.",
      discussion: """
        Quarters are calendar quarters when the term starts on a quarter's first day (2024Q2, or \
        Q2 of the term); otherwise Q1…Qn count from the term's start and the report says which \
        dates they cover. Default: the current quarter of the term, or the last one once it has \
        ended. --as-of counts only events dated by then; --recorded-by also ignores decisions \
        recorded after that day, to reproduce an earlier report exactly. \
        `mandate report --all --output Reports/` writes every quarter up to the as-of day (Markdown, \
        HTML, JSON) and the term (Markdown, HTML) to Reports/<mandate>/.
        """)

    @Option(help: ArgumentHelp("2024Q2, or Q2 of the term.", valueName: "quarter"), completion: .quarters)
    var quarter: String?

    @Flag(help: "The whole term instead of a quarter.")
    var term = false

    @Flag(help: "Every quarter up to the as-of day and the term, into --output DIR.")
    var all = false

    @Option(help: ArgumentHelp("Count only events dated by this day (YYYY-MM-DD).", valueName: "date"))
    var asOf: String?

    @Option(help: ArgumentHelp("Ignore decisions recorded after this day (YYYY-MM-DD) or instant.", valueName: "date"))
    var recordedBy: String?

    @Option(help: ArgumentHelp("Days without evidence after which an item is stale.", valueName: "days"))
    var staleDays = 90

    @Flag(help: "Stamp the report with the time it was made (reports are otherwise byte-identical).")
    var timestamp = false

    @Option(
      help: "Output format: text, markdown, html, json or csv (default: the --output file's extension, else text).")
    var format: ReportFormat?

    @Option(
      help: ArgumentHelp(
        "A file (its extension gives the format: .txt .md .html .json .csv), or a folder (the report goes to FOLDER/<mandate>/<quarter>.<ext>).",
        valueName: "path"),
      completion: .file(extensions: ["txt", "md", "html", "json", "csv"]))
    var output: String?

    @OptionGroup var options: WorkspaceOptions

    func validate() throws {
      if quarter != nil && term { throw ValidationError("use --quarter or --term, not both") }
      if all && (quarter != nil || term) {
        throw ValidationError("--all writes every quarter and the term; drop --quarter/--term")
      }
      if all && output == nil { throw ValidationError("--all needs --output DIR") }
      if let asOf, Day(iso: asOf) == nil { throw ValidationError("--as-of \(asOf) is not a date (YYYY-MM-DD)") }
      if let recordedBy, Self.instant(recordedBy) == nil {
        throw ValidationError("--recorded-by \(recordedBy) is not a date (YYYY-MM-DD) or a timestamp")
      }
      if staleDays < 1 { throw ValidationError("--stale-days must be at least 1") }
      if all, let format {
        throw ValidationError("--all writes Markdown, HTML and JSON; drop --format \(format.rawValue)")
      }
    }

    /// A day means its end: decisions recorded on it count.
    static func instant(_ text: String) -> Date? {
      if let day = Day(iso: text) { return day.adding(days: 1).startDate.addingTimeInterval(-1) }
      return Timestamp.parse(text)
    }

    func run() throws {
      let (workspace, mandate) = try options.resolveMandate()
      let lock = try WorkspaceLock(stateDirectory: workspace.stateDirectory, mode: .shared)
      let (index, _) = try EventIndex.open(workspace, lock: lock)
      let builder = ReportBuilder(mandate: mandate, index: index, lock: lock)
      let today = MandateClock.today()
      let asOfDay = asOf.flatMap { Day(iso: $0) }
      let recorded = recordedBy.flatMap(Self.instant)
      let generatedAt = timestamp ? MandateClock.now() : nil
      if all, let output {
        let directory = URL(fileURLWithPath: output, relativeTo: options.currentDirectory).standardizedFileURL
        let files = try ReportWriter(builder: builder).writeAll(
          to: directory, asOf: asOfDay, recordedBy: recorded, staleDays: staleDays, today: today,
          generatedAt: generatedAt)
        Output.stdout(
          "wrote \(files.count) reports to \(PathDisplay(base: options.currentDirectory).path(directory))/\(mandate.id)/\n"
        )
        return
      }
      var target = output.map { URL(fileURLWithPath: $0, relativeTo: options.currentDirectory).standardizedFileURL }
      var isDirectory: ObjCBool = false
      let isFolder =
        output?.hasSuffix("/") == true
        || (target.map { FileManager.default.fileExists(atPath: $0.path, isDirectory: &isDirectory) } == true
          && isDirectory.boolValue)
      let format = try ReportFormat.resolve(explicit: format, output: output, isFolder: isFolder)
      let scope: ReportOptions.Scope
      if term {
        scope = .term
      } else if let quarter {
        scope = .quarter(try QuarterName.resolve(quarter, in: builder.quarters, mandate: mandate.id))
      } else {
        scope = .quarter(builder.defaultQuarter(today: today))
      }
      let report = try builder.build(
        ReportOptions(
          scope: scope, asOf: asOfDay, recordedBy: recorded, staleDays: staleDays, today: today,
          generatedAt: generatedAt))
      let text = try ReportRenderers.renderer(for: format).render(
        report,
        context: RenderContext(width: TerminalWidth.current(), style: target == nil ? Output.outputStyle : .plain))
      guard var target else {
        Output.stdout(text)
        return
      }
      if isFolder {
        target = target.appendingPathComponent(mandate.id).appendingPathComponent(
          "\(report.period.slug).\(format.fileExtension)")
      }
      try AtomicFile.write(Data(TerminalSafety.neutralize(text).utf8), to: target)
      Output.stdout("wrote \(PathDisplay(base: options.currentDirectory).path(target))\n")
    }
  }
}

extension ReportFormat: ExpressibleByArgument {}
