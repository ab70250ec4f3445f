import ArgumentParser
import Foundation
import MandateKit

extension MandateCommand {
  /// `mandate tag`: an event is evidence for one or more items.
  struct Tag: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Record that an event is evidence for one or more items.",
      discussion: """
        Strength: declaratory (statements, meetings, talks) or material (an exercise held, an \
        operation run, an agreement signed, a course given). --contradicts records evidence \
        against the item. Every decision is appended to the analyst's file, \
        Tags/<mandate>/<analyst>.yaml, with --by and the time.
        """)

    @Argument(
      help: "The event: its id, an alias or a unique prefix (as `mandate events` prints).", completion: .eventIDs)
    var event: String

    @Argument(help: "The items it is evidence for, e.g. P1.1 P1.2.", completion: .itemIDs)
    var items: [String]

    @Option(help: "declaratory or material.")
    var strength: EvidenceStrength = .declaratory

    @Flag(help: "The event speaks against the items.")
    var contradicts = false

    @Option(help: ArgumentHelp("Why, in a sentence.", valueName: "text"))
    var note: String?

    @OptionGroup var decision: DecisionOptions
    @OptionGroup var options: WorkspaceOptions

    func run() throws {
      let (workspace, mandate) = try options.resolveMandate()
      let outcome = try DecisionDesk(workspace: workspace, mandate: mandate).tag(
        event: event, items: items, strength: strength, stance: contradicts ? .contradicts : .supports, note: note,
        by: decision.analyst(workspace))
      DecisionOptions.report(
        outcome, verb: "tagged", detail: "as \(strength.rawValue) evidence \(contradicts ? "against" : "for")")
    }
  }

  /// `mandate untag`: withdraws tags.
  struct Untag: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Withdraw a tag (the ledger keeps the history).")

    @Argument(help: "The event.", completion: .eventIDs)
    var event: String

    @Argument(help: "The items whose tags to withdraw.", completion: .itemIDs)
    var items: [String]

    @OptionGroup var decision: DecisionOptions
    @OptionGroup var options: WorkspaceOptions

    func run() throws {
      let (workspace, mandate) = try options.resolveMandate()
      let outcome = try DecisionDesk(workspace: workspace, mandate: mandate).untag(
        event: event, items: items, by: decision.analyst(workspace))
      DecisionOptions.report(outcome, verb: "untagged", detail: "from")
    }
  }

  /// `mandate reject`: an event is not evidence for items, and is not suggested for them again.
  struct Reject: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Record that an event is not evidence for items; it is never suggested for them again.")

    @Argument(help: "The event.", completion: .eventIDs)
    var event: String

    @Argument(help: "The items it is not evidence for.", completion: .itemIDs)
    var items: [String]

    @Option(help: ArgumentHelp("Why, in a sentence.", valueName: "text"))
    var note: String?

    @OptionGroup var decision: DecisionOptions
    @OptionGroup var options: WorkspaceOptions

    func run() throws {
      let (workspace, mandate) = try options.resolveMandate()
      let outcome = try DecisionDesk(workspace: workspace, mandate: mandate).reject(
        event: event, items: items, note: note, by: decision.analyst(workspace))
      DecisionOptions.report(outcome, verb: "rejected", detail: "for")
    }
  }

  /// `mandate status`: an assessment of an item.
  struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Record an assessment of an item, with its justification.",
      discussion:
        "STATUS: \(ItemStatus.allCases.map(\.rawValue).joined(separator: ", ")). --as-of defaults to today, or to the term's last day once it has ended."
    )

    @Argument(help: "The item, e.g. P2.3.", completion: .itemIDs)
    var item: String

    @Argument(help: "The status.")
    var status: ItemStatus

    @Option(help: ArgumentHelp("The justification (required).", valueName: "text"))
    var note: String

    @Option(help: ArgumentHelp("The day the assessment speaks for (YYYY-MM-DD).", valueName: "date"))
    var asOf: String?

    @OptionGroup var decision: DecisionOptions
    @OptionGroup var options: WorkspaceOptions

    func validate() throws {
      if let asOf, Day(iso: asOf) == nil { throw ValidationError("--as-of \(asOf) is not a date (YYYY-MM-DD)") }
    }

    func run() throws {
      let (workspace, mandate) = try options.resolveMandate()
      let outcome = try DecisionDesk(workspace: workspace, mandate: mandate).status(
        item: item, status: status, note: note, asOf: asOf.flatMap { Day(iso: $0) }, by: decision.analyst(workspace))
      DecisionOptions.migrated(outcome)
      if let recorded = outcome.recorded.first {
        Output.stdout(
          "\(recorded.item) is \(ReportWording.status(recorded.status)) as of \(recorded.asOf!) (by \(recorded.by))\n")
      }
    }
  }
}

/// `--by`, shared by the commands that record decisions.
struct DecisionOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp("Who decides (default: MANDATE_USER, git's user.name, the login name).", valueName: "name"))
  var by: String?

  func analyst(_ workspace: Workspace) -> String { Analyst.name(explicit: by, workspace: workspace) }

  static func report(_ outcome: DecisionDesk.Outcome, verb: String, detail: String) {
    migrated(outcome)
    for warning in outcome.warnings { Output.warning(warning) }
    for note in outcome.unchanged { Output.stderr("unchanged: \(note)") }
    guard let message = outcome.message(verb: verb, detail: detail) else { return }
    Output.stdout(message + "\n")
    for change in outcome.changes { Output.stdout("  changed: \(change)\n") }
  }

  /// Says that the write migrated the ledger from an older schema, or moved decisions a merge
  /// left in the layout file.
  static func migrated(_ outcome: DecisionDesk.Outcome) {
    let folder = outcome.files.first.map { String($0[..<($0.lastIndex(of: "/") ?? $0.endIndex)]) + "/" } ?? "Tags/"
    if let schema = outcome.migratedFrom {
      Output.stderr(
        "note: the ledger was in schema \(schema); it was migrated to schema \(LedgerFile.supportedSchema), a file per analyst in \(folder), one decision per line"
      )
    } else if outcome.moved > 0 {
      let decisions = outcome.moved == 1 ? "1 decision" : "\(outcome.moved) decisions"
      Output.stderr(
        "note: \(decisions) a merge left in \(folder.dropLast()).yaml moved to their analysts' files in \(folder)")
    }
  }
}

extension EvidenceStrength: ExpressibleByArgument {}
extension ItemStatus: ExpressibleByArgument {}
