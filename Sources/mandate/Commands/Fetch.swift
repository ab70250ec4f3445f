import ArgumentParser
import Foundation
import MandateKit

extension MandateCommand {
  /// `mandate fetch`: downloads feeds and pages and imports them.
  struct Fetch: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Fetch feeds and pages (or every source in Sources.yaml) and import them.",
      discussion: """
        The kind of each body comes from its Content-Type and content. A second fetch asks the \
        server for changes only (ETag, Last-Modified; kept in .mandate/). Every body is kept \
        under Snapshots/ and each event source records where and when it was fetched \
        (docs/fetching.md). robots.txt is respected, one request at a time per host. Exits 1 when \
        any source failed or any record was rejected; the others are imported all the same.
        """)

    @Argument(
      help: ArgumentHelp(
        "Addresses, or names of sources in Sources.yaml (default: every source listed there).", valueName: "url"))
    var urls: [String] = []

    @Flag(help: "For each feed item, also fetch the page it links to and import the article as the item's event.")
    var follow = false

    @Flag(help: "Import the kept bodies (Snapshots/) again, without the network; with addresses, only theirs.")
    var reimport = false

    @Option(help: ArgumentHelp("Seconds a whole response may take.", valueName: "seconds"))
    var timeout: Double = 30

    @Option(help: ArgumentHelp("The largest response accepted, e.g. 500k or 20M.", valueName: "size"))
    var maxSize: ByteSize = ByteSize(bytes: 20_000_000)

    @Option(help: ArgumentHelp("Seconds between two requests to the same host.", valueName: "seconds"))
    var delay: Double = 1

    @Option(help: ArgumentHelp("Further attempts after a 5xx or 429 answer.", valueName: "n"))
    var retries: Int = 2

    @Option(
      help: ArgumentHelp(
        "Seconds before the first retry when the server gives no Retry-After (doubled for each next one).",
        valueName: "seconds"))
    var retryWait: Double = 2

    @OptionGroup var options: WorkspaceOptions

    func validate() throws {
      guard timeout > 0, delay >= 0, retries >= 0, retryWait >= 0 else {
        throw ValidationError("--timeout must be positive; --delay, --retries and --retry-wait zero or more")
      }
    }

    func run() throws {
      let workspace = try options.resolveWorkspace()
      var settings = FetchSettings()
      settings.timeout = timeout
      settings.maxBytes = maxSize.bytes
      settings.delay = delay
      settings.retries = retries
      settings.backoff = retryWait
      let run = FetchRun(workspace: workspace, settings: settings, today: MandateClock.today())
      let bar = ProgressBar()
      let report: FetchReport
      do {
        if reimport {
          report = try run.reimport(only: urls.isEmpty ? nil : Set(urls), progress: bar.update)
        } else {
          let targets = try FetchRun.targets(for: urls, follow: follow, workspace: workspace)
          report = try Blocking.wait { try await run.run(targets, progress: bar.update) }
        }
      } catch {
        bar.clear()
        throw error
      }
      bar.clear()
      FetchSummary.print(report)
      if report.hasProblems { throw ExitCode(ExitStatus.failure) }
    }
  }
}

/// A size in bytes written as `1000`, `500k` or `20M`.
struct ByteSize: ExpressibleByArgument {
  var bytes: Int

  init(bytes: Int) { self.bytes = bytes }

  var defaultValueDescription: String {
    if bytes % 1_000_000 == 0 { return "\(bytes / 1_000_000)M" }
    if bytes % 1000 == 0 { return "\(bytes / 1000)k" }
    return "\(bytes)"
  }

  init?(argument: String) {
    let text = argument.lowercased().replacingOccurrences(of: "b", with: "")
    let units: [Character: Int] = ["k": 1000, "m": 1_000_000, "g": 1_000_000_000]
    if let last = text.last, let unit = units[last], let value = Double(text.dropLast()), value > 0 {
      bytes = Int(value * Double(unit))
    } else if let value = Int(text), value > 0 {
      bytes = value
    } else {
      return nil
    }
  }
}
