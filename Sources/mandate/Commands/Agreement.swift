import ArgumentParser
import Foundation
import MandateKit

extension MandateCommand {
  /// `mandate agreement`: how far analysts agree on the pairs they all decided.
  struct Agreement: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Inter-analyst agreement: observed agreement and kappa, overall, per priority and per item.",
      discussion: """
        Over the event/item pairs of events every analyst decided: Cohen's kappa for two \
        analysts, Fleiss' kappa for three or more, the confusion counts of every pair of \
        analysts, and the disagreements. Categories: material, declaratory, contradicts, \
        not-evidence. Without --by, every analyst with decisions.
        """)

    @Option(name: .customLong("by"), help: ArgumentHelp("An analyst to compare (twice or more).", valueName: "name"))
    var analysts: [String] = []

    @Option(help: ArgumentHelp("Only events placed in this quarter: 2024Q2, or Q2 of the term.", valueName: "quarter"))
    var quarter: String?

    @Option(help: "Output format: text or json.")
    var format: DiagnosticsFormat = .text

    @OptionGroup var options: WorkspaceOptions

    func validate() throws {
      if analysts.count == 1 { throw ValidationError("--by names one analyst; give two or more, or none for all") }
    }

    func run() throws {
      let (workspace, mandate) = try options.resolveMandate()
      let range = try PeriodOptions.range(quarter: quarter, from: nil, to: nil, options: options, workspace: workspace)
      let report = try AgreementReport.build(
        workspace: workspace, mandate: mandate, analysts: analysts, range: range, quarter: quarter)
      switch format {
      case .json: Output.stdout(try JSON.encode(report, snakeCase: true) + "\n")
      case .text: Output.stdout(report.text())
      }
    }
  }
}
