import ArgumentParser
import Foundation
import MandateKit

extension MandateCommand {
  /// `mandate review`: interactive triage, one event at a time, every decision saved at once.
  struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Triage events without a decision one at a time; every decision is saved at once.",
      discussion: """
        Each event shows its date, headline, a passage with the matches highlighted and numbered \
        suggestions with their reasons. Keys: a number accepts that suggestion, r rejects the \
        suggestions shown, t ITEM tags another item, m toggles material, c contradicts, n TEXT \
        sets a note, s skips, u undoes the last decision, q quits. On a terminal keys act at \
        once; from a pipe each line is one instruction (`1`, `t P2.3`, `n text`), and the end \
        of input quits. --suspect walks the tags made before their item's wording changed: \
        k keeps one (recorded again against the new wording), x withdraws it.
        """)

    @Option(
      help: ArgumentHelp("A quarter: 2024Q2, or Q2 of the mandate's term.", valueName: "quarter"),
      completion: .quarters)
    var quarter: String?

    @Option(help: ArgumentHelp("First day (YYYY-MM-DD).", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Last day (YYYY-MM-DD).", valueName: "date"))
    var to: String?

    @Flag(help: "Walk the suspect tags (made when their item read differently) instead of new events.")
    var suspect = false

    @Flag(help: "Walk the pairs analysts disagree on; each resolution is recorded in your name.")
    var conflicts = false

    @Option(help: ArgumentHelp("Suggestions per event (1 to 9).", valueName: "k"))
    var top = 3

    @Option(help: ArgumentHelp("Hide suggestions scoring below this (0 to 1).", valueName: "score"))
    var minScore = ReviewSession.defaultMinScore

    @OptionGroup var decision: DecisionOptions
    @OptionGroup var options: WorkspaceOptions

    func validate() throws {
      if quarter != nil && (from != nil || to != nil) {
        throw ValidationError("use --quarter or --from/--to, not both")
      }
      if suspect && (quarter != nil || from != nil || to != nil) {
        throw ValidationError("--suspect walks every suspect tag; it takes no period")
      }
      if conflicts && (suspect || quarter != nil || from != nil || to != nil) {
        throw ValidationError("--conflicts walks every disputed pair; it takes no period and no --suspect")
      }
      if !(1...ReviewSession.maximumTop).contains(top) { throw ValidationError("--top must be between 1 and 9") }
      if !(0...1).contains(minScore) { throw ValidationError("--min-score must be between 0 and 1") }
    }

    func run() throws {
      let (workspace, mandate) = try options.resolveMandate()
      let by = decision.analyst(workspace)
      let (style, width) = (Output.outputStyle, TerminalWidth.current())
      let session: ReviewSession
      if conflicts {
        session = try ReviewSession.conflicts(
          workspace: workspace, mandate: mandate, by: by, style: style, width: width)
      } else if suspect {
        session = try ReviewSession.suspects(workspace: workspace, mandate: mandate, by: by, style: style, width: width)
      } else {
        let range = try PeriodOptions.range(
          quarter: quarter, from: from, to: to, options: options, workspace: workspace)
        session = try ReviewSession.triage(
          workspace: workspace, mandate: mandate, range: range, top: top, minScore: minScore, by: by, style: style,
          width: width)
      }
      let terminal = RawTerminal()
      defer { terminal?.restore() }
      // On a terminal each screen replaces the last one; piped, the transcript runs on.
      func show(_ step: ReviewSession.Step) {
        guard terminal != nil else { return Output.stdout(step.output) }
        let frame = session.frame(after: step)
        // The one control sequence that is not text: written as is, past TerminalSafety.
        if frame.clears { FileHandle.standardOutput.write(Data(ReviewSession.clearScreen.utf8)) }
        Output.stdout(frame.text)
      }
      var step = session.start()
      show(step)
      while !step.finished {
        Output.stdout("> ")
        let line: String?
        if let terminal {
          line = Self.readKey(terminal)
        } else {
          // Echoed, so that a scripted review reads like a session.
          line = Swift.readLine()
          if let line { Output.stdout(line + "\n") }
        }
        guard let line else {
          Output.stdout("\n")
          break
        }
        step = session.handle(line: line)
        show(step)
      }
      // End of input quits, with the summary; every decision is already in the ledger.
      if !step.finished { show(session.handle(.quit)) }
    }

    /// One key as an instruction line, echoed; `t` and `n` ask for the rest of the line.
    static func readKey(_ terminal: RawTerminal) -> String? {
      while true {
        guard let key = terminal.readKey() else { return nil }
        if key.isNewline || key == " " { continue }
        guard ReviewKey.takingText.contains(key) else {
          Output.stdout("\(key)\n")
          return String(key)
        }
        let prompt = key == "t" ? "t (item ids) " : "n (note; empty clears) "
        return terminal.readLine(prompt: prompt).map { "\(key) \($0)" }
      }
    }
  }
}
