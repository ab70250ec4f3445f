import ArgumentParser
import Foundation
import MandateKit

extension MandateCommand {
  /// `mandate merge-ledger`: git's merge driver for ledgers (`mandate init` registers it).
  struct MergeLedger: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "merge-ledger",
      abstract: "Merge three versions of a ledger as sets of decisions (git's merge driver).",
      discussion: """
        Git runs it as `mandate merge-ledger %O %A %B %P`: the common ancestor, ours (where the \
        result is written) and theirs, and the file's path (Tags/<mandate>/<analyst>.yaml, or \
        the layout file Tags/<mandate>.yaml). Decisions either side added are kept (once), \
        decisions one side removed are removed, and our file's layout stays. Exits 1, leaving \
        both sides between conflict markers, when a side cannot be read.
        """)

    @Argument(help: ArgumentHelp("The common ancestor's version (%O).", valueName: "base"))
    var base: String

    @Argument(help: ArgumentHelp("Our version (%A); the result replaces it.", valueName: "ours"))
    var ours: String

    @Argument(help: ArgumentHelp("Their version (%B).", valueName: "theirs"))
    var theirs: String

    @Argument(help: ArgumentHelp("The ledger's path in the repository (%P).", valueName: "path"))
    var path: String?

    func run() throws {
      let texts = try [base, ours, theirs].map { file in
        do {
          return String(decoding: try Data(contentsOf: URL(fileURLWithPath: file)), as: UTF8.self)
        } catch {
          throw RecordError.readFailed(path: file, reason: (error as NSError).localizedDescription)
        }
      }
      let target = path.flatMap(LedgerMerge.target(path:))
      let mandateID = target?.mandateID ?? Self.mandateID(in: texts[1]) ?? Self.mandateID(in: texts[2]) ?? "ledger"
      switch LedgerMerge.merge(
        base: texts[0], ours: texts[1], theirs: texts[2], mandateID: mandateID, layout: target?.layout ?? false)
      {
      case .merged(let text, _, _):
        try AtomicFile.write(Data(text.utf8), to: URL(fileURLWithPath: ours))
      case .conflict(let text, let reason):
        try AtomicFile.write(Data(text.utf8), to: URL(fileURLWithPath: ours))
        Output.error(
          "cannot merge \(path ?? "the ledger") as decisions: \(reason); both sides are left between conflict markers")
        throw ExitCode(ExitStatus.failure)
      }
    }

    /// The `mandate:` of a ledger's header.
    static func mandateID(in text: String) -> String? {
      text.split(separator: "\n").first { $0.hasPrefix("mandate: ") }.map {
        String($0.dropFirst("mandate: ".count)).trimmingCharacters(in: .whitespaces)
      }
    }
  }
}
