import ArgumentParser
import Foundation
import MandateKit

/// The `mandate` command: parses arguments, calls MandateKit, prints, and maps outcomes to exit
/// codes (0 ok, 1 findings or errors in user data, 2 usage, 70 internal error).
@main
struct MandateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mandate",
    abstract: "Track what an organisation promised for a term against what the news says it did.",
    discussion: """
      A workspace is a folder holding Priorities/ (mandates as YAML), Events/ (imported news), \
      Tags/ (the analyst's decisions) and Reports/. Commands find it by walking up from the \
      current directory; --workspace DIR overrides.
      """,
    version: MandateVersion.current,
    subcommands: [
      Init.self, Check.self, Priorities.self, Import.self, Fetch.self, Sources.self, Events.self, Show.self,
      Suggest.self, Review.self, Tag.self, Untag.self,
      Reject.self, Status.self, Rename.self, Report.self, Agreement.self, Log.self, Serve.self,
      Index.self, MergeLedger.self,
    ]
  )

  static func main() {
    // A write past the file-size limit (`ulimit -f`) would otherwise kill the process silently
    // with SIGXFSZ; ignored, the write fails with EFBIG and the command says which file.
    signal(SIGXFSZ, SIG_IGN)
    let arguments = Array(CommandLine.arguments.dropFirst())
    if let message = CommandNames.unknownCommandMessage(arguments, known: commandNames) {
      Output.error(message)
      Foundation.exit(ExitStatus.usage)
    }
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      exit(with: error)
    }
  }

  /// Every subcommand's name, and `help`.
  static var commandNames: [String] {
    configuration.subcommands.map { $0._commandName } + ["help"]
  }

  /// Prints `error` and exits with the code its kind calls for.
  static func exit(with error: Error) -> Never {
    if let code = error as? ExitCode { Foundation.exit(code.rawValue) }
    // A full disk, a file-size limit or a read-only folder under the index is not a bug.
    if let message = StorageFailure.describe(error) {
      Output.error(message)
      Foundation.exit(ExitStatus.failure)
    }
    if let error = error as? any MandateUsageError {
      Output.error(error.errorDescription ?? String(describing: error))
      Foundation.exit(ExitStatus.usage)
    }
    if let error = error as? any MandateError {
      Output.error(error.errorDescription ?? String(describing: error))
      Foundation.exit(ExitStatus.failure)
    }
    switch exitCode(for: error) {
    case .success:
      // --help, --version and the like.
      exit(withError: error)
    case .validationFailure:
      Output.stderr(fullMessage(for: error))
      Foundation.exit(ExitStatus.usage)
    default:
      Output.error("internal error: \(fullMessage(for: error))")
      Foundation.exit(ExitStatus.internalError)
    }
  }
}

/// The process exit codes `mandate` uses.
enum ExitStatus {
  static let success: Int32 = 0
  /// Errors in user data (`check` findings, a bad mandate) or an operation that could not be done.
  static let failure: Int32 = 1
  static let usage: Int32 = 2
  static let internalError: Int32 = 70
}
