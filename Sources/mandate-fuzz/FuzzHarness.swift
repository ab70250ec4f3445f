import Foundation
import MandateKit

/// Feeds arbitrary bytes to one of MandateKit's parsers exactly as `mandate` does, and checks what comes
/// back.
///
/// Shared by the libFuzzer entry point beside it (run by `Scripts/fuzz.sh`), the replayer, and the regression
/// test (`Tests/FuzzTests`) that replays the corpora in `Tests/MandateKitTests/Fixtures/fuzz/<target>/`, so that every input
/// the fuzzer found is replayed by `swift test` through the same code. A parser may reject any input, but it
/// must never crash, hang, or return a value that breaks its own contract (an error without a 1-based line,
/// an item outside the file, a date span that is not in the text); such breaches are `violations`.
enum FuzzHarness {
  /// The parsers that can be fuzzed; the raw value is the name `MANDATE_FUZZ_TARGET` and `--target` take.
  enum Target: String, CaseIterable, Sendable {
    case cstoPage = "csto-page"
    case dates
    case mandateYAML = "mandate-yaml"
    case ledger
    case jsonl
    case csv
    case feed
    case html

    /// The extension of the scratch file, so that nothing depends on a wrong one.
    var fileExtension: String {
      switch self {
      case .cstoPage, .dates: "txt"
      case .mandateYAML, .ledger: "yaml"
      case .jsonl: "jsonl"
      case .csv: "csv"
      case .feed: "xml"
      case .html: "html"
      }
    }
  }

  /// What one input gave: how many values and errors the parser returned, and every broken invariant.
  struct Outcome: Sendable {
    /// Items, entries, decisions, mentions or mandates returned.
    var values = 0
    /// Rejected records, diagnostics and thrown errors (all of them with a position).
    var errors = 0
    /// Descriptions of broken invariants; empty when the parser behaved.
    var violations: [String] = []

    mutating func check(_ condition: Bool, _ message: @autoclosure () -> String) {
      if !condition { violations.append(message()) }
    }
  }

  /// Runs `target` on `data`. Importers read from a file (they stream), so the bytes are written to
  /// `scratch/input-<target>.<ext>` first; `scratch` must be an existing, writable directory.
  static func run(_ target: Target, _ data: Data, scratch: URL) -> Outcome {
    var outcome = Outcome()
    switch target {
    case .dates: dates(data, &outcome)
    case .cstoPage:
      page(data, &outcome)
      importer(.cstoPage, data, scratch: scratch, &outcome)
    case .jsonl: importer(.jsonl, data, scratch: scratch, &outcome)
    case .csv: importer(.csv, data, scratch: scratch, &outcome)
    case .feed:
      feed(data, &outcome)
      importer(FeedParser.kind(of: data) == .atom ? .atom : .rss, data, scratch: scratch, &outcome)
    case .mandateYAML: mandate(data, scratch: scratch, &outcome)
    case .ledger: ledger(data, scratch: scratch, &outcome)
    case .html:
      page(html: data, &outcome)
      importer(.html, data, scratch: scratch, &outcome)
    }
    return outcome
  }

  /// An upper bound of the number of lines in `data`, for position checks: every LF or CR may end one, and so
  /// may NEL, LS and PS, which libyaml counts as line breaks (their UTF-8 encodings end in 0x85, 0xA8, 0xA9).
  static func lineBound(_ data: Data) -> Int {
    data.reduce(1) { $0 + ($1 == 0x0A || $1 == 0x0D || $1 == 0x85 || $1 == 0xA8 || $1 == 0xA9 ? 1 : 0) }
  }

  /// One importer, through the registry and its streaming `read` as `mandate import` calls it; format
  /// detection runs on the same bytes, as it does for files named without `--format`.
  static func importer(_ format: ImportFormat, _ data: Data, scratch: URL, _ outcome: inout Outcome) {
    _ = NewsReaders.detect(head: data.prefix(64 << 10), extension: format.rawValue)
    let url = scratch.appendingPathComponent("input-\(format.rawValue).\(format.rawValue)")
    do {
      try data.write(to: url)
    } catch {
      outcome.violations.append("cannot write the scratch file \(url.path): \(error)")
      return
    }
    let lines = lineBound(data)
    var values = 0
    var rejects: [RejectedRecord] = []
    do {
      try NewsReaders.read(
        url, format: format, file: "fuzz",
        item: { item in
          values += 1
          if let position = item.position, format != .cstoPage, format != .html {
            // JSONL, CSV and feeds give the item's line; pages give a teaser's line or order.
            outcome.check(position >= 1 && position <= lines, "\(format) item at line \(position) of \(lines)")
          }
        }, reject: { rejects.append($0) },
        warn: { warning in
          outcome.check(
            warning.line >= 1 && warning.line <= lines, "\(format) warning at line \(warning.line) of \(lines)")
        })
    } catch let error as ImportError {
      outcome.errors += 1
      if case .malformed(_, let line, _) = error {
        outcome.check(line >= 1 && line <= lines, "\(format) malformed at line \(line) of \(lines)")
      } else {
        outcome.violations.append("\(format) threw \(error.errorDescription ?? "")")
      }
    } catch {
      outcome.violations.append("\(format) threw an untyped error: \(error)")
    }
    outcome.values += values
    outcome.errors += rejects.count
    for reject in rejects {
      outcome.check(
        reject.line >= 1 && reject.line <= lines, "\(format) rejected line \(reject.line) of \(lines): \(reject.reason)"
      )
      outcome.check(!reject.reason.isEmpty, "\(format) rejected line \(reject.line) without a reason")
    }
  }
}
