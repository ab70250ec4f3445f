import ArgumentParser
import MandateKit

extension MandateCommand {
  /// `mandate priorities`: the mandate's tree of priorities and items.
  struct Priorities: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print the mandate's priorities and sub-items.")

    @Option(help: "Output format: text, json or markdown.")
    var format: PrioritiesRenderer.Format = .text

    @OptionGroup var options: WorkspaceOptions

    func run() throws {
      let (_, mandate) = try options.resolveMandate()
      Output.stdout(
        try PrioritiesRenderer.render(
          mandate, format: format, width: TerminalWidth.current(), style: Output.outputStyle))
    }
  }
}

extension PrioritiesRenderer.Format: ExpressibleByArgument {}
