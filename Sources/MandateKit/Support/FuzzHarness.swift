import Foundation

/// Feeds arbitrary bytes to one of MandateKit's parsers exactly as `mandate` does, and checks what comes
/// back.
///
/// Shared by the libFuzzer target (`Sources/mandate-fuzz`, run by `Scripts/fuzz.sh`) and by the regression
/// test that replays the corpora in `Tests/MandateKitTests/Fixtures/fuzz/<target>/`, so that every input
/// the fuzzer found is replayed by `swift test` through the same code. A parser may reject any input, but it
/// must never crash, hang, or return a value that breaks its own contract (an error without a 1-based line,
/// an item outside the file, a date span that is not in the text); such breaches are `violations`.
package enum FuzzHarness {
  /// The parsers that can be fuzzed; the raw value is the name `MANDATE_FUZZ_TARGET` and `--target` take.
  package enum Target: String, CaseIterable, Sendable {
    case cstoPage = "csto-page"
    case dates
    case mandateYAML = "mandate-yaml"
    case ledger
    case jsonl
    case csv
    case feed

    /// The extension of the scratch file, so that nothing depends on a wrong one.
    var fileExtension: String {
      switch self {
      case .cstoPage, .dates: "txt"
      case .mandateYAML, .ledger: "yaml"
      case .jsonl: "jsonl"
      case .csv: "csv"
      case .feed: "xml"
      }
    }
  }

  /// What one input gave: how many values and errors the parser returned, and every broken invariant.
  package struct Outcome: Sendable {
    /// Items, entries, decisions, mentions or mandates returned.
    package var values = 0
    /// Rejected records, diagnostics and thrown errors (all of them with a position).
    package var errors = 0
    /// Descriptions of broken invariants; empty when the parser behaved.
    package var violations: [String] = []

    mutating func check(_ condition: Bool, _ message: @autoclosure () -> String) {
      if !condition { violations.append(message()) }
    }
  }

  /// Runs `target` on `data`. Importers read from a file (they stream), so the bytes are written to
  /// `scratch/input-<target>.<ext>` first; `scratch` must be an existing, writable directory.
  package static func run(_ target: Target, _ data: Data, scratch: URL) -> Outcome {
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
      try NewsReaders.reader(for: format).read(
        url, file: "fuzz",
        item: { item in
          values += 1
          if let position = item.position, format != .cstoPage {
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

  /// The CSTO page parser on the text the page reader would give it.
  static func page(_ data: Data, _ outcome: inout Outcome) {
    guard case .success(let text) = TextFile.decode(data, displayPath: "fuzz", allowEmpty: true) else { return }
    _ = CSTOPageParser.looksLikePage(text)
    let lines = lineBound(data)
    do {
      let page = try CSTOPageParser.parse(text)
      outcome.values += 1
      for (index, item) in page.items.enumerated() {
        outcome.check(item.position == index, "page item \(index) has position \(item.position)")
        outcome.check(item.line >= 1 && item.line <= lines, "page item \(index) at line \(item.line) of \(lines)")
        outcome.check(item.role == (index == page.teasers.count ? .main : .teaser), "page item \(index) role")
      }
      outcome.check(!page.items.isEmpty, "a page without items")
      for warning in page.warnings {
        outcome.check(warning.line >= 1 && warning.line <= lines, "page warning at line \(warning.line) of \(lines)")
      }
      if let main = page.main {
        outcome.check(!main.body.isEmpty, "page main article with an empty body")
        outcome.check(main.title.map { !$0.isEmpty } ?? false, "page main article without a title")
      }
    } catch {
      outcome.errors += 1
      outcome.check(error.line >= 1 && error.line <= lines, "page error at line \(error.line) of \(lines)")
    }
  }

  /// The date extractor, with and without a reference date.
  static func dates(_ data: Data, _ outcome: inout Outcome) {
    let text = String(decoding: data, as: UTF8.self)
    let scalars = Array(text.unicodeScalars)
    _ = DateExtractor.saysToday(text)
    for reference in [nil, Day(year: 2024, month: 4, day: 10)] {
      let mentions = DateExtractor.mentions(in: text, referenceDate: reference)
      outcome.values += mentions.count
      for mention in mentions {
        let span = Array(mention.text.unicodeScalars)
        let inText =
          mention.offset >= 0 && mention.offset + span.count <= scalars.count
          && Array(scalars[mention.offset..<mention.offset + span.count]) == span
        outcome.check(inText, "mention \"\(mention.text)\" is not at scalar offset \(mention.offset)")
        outcome.check(!span.isEmpty, "empty mention at \(mention.offset)")
        outcome.check(mention.precision != .none, "mention \"\(mention.text)\" without precision")
        outcome.check(
          mention.end.map { $0 >= mention.start } ?? true, "mention \"\(mention.text)\" ends before it starts")
        outcome.check(reference != nil || !mention.yearInferred, "year inferred without a reference date")
      }
      let event = DateExtractor.eventDate(in: text, referenceDate: reference)
      let expected = mentions.first { !$0.isReference }
      outcome.check(event == expected, "eventDate \(String(describing: event)) is not the first event mention")
    }
  }

  /// The feed parser on the raw bytes, as the feed reader calls it.
  static func feed(_ data: Data, _ outcome: inout Outcome) {
    let lines = lineBound(data)
    do {
      let feed = try FeedParser.parse(data)
      let entries = feed.entries
      outcome.values += entries.count
      for line in feed.skipped {
        outcome.check(line >= 1 && line <= lines, "feed entry skipped at line \(line) of \(lines)")
      }
      for entry in entries {
        outcome.check(entry.line >= 1 && entry.line <= lines, "feed entry at line \(entry.line) of \(lines)")
        outcome.check(entry.title != nil || !entry.body.isEmpty, "feed entry at line \(entry.line) has no text")
        if let url = entry.url, let scheme = URL(string: url)?.scheme?.lowercased() {
          outcome.check(scheme == "http" || scheme == "https", "feed entry link with scheme \(scheme)")
        }
      }
    } catch {
      outcome.errors += 1
      // Line 0 is documented for a file at fault as a whole (an empty one) only.
      outcome.check(
        (error.line >= 1 && error.line <= lines) || (error.line == 0 && error.message == "empty file"),
        "feed error at line \(error.line) of \(lines): \(error.message)")
    }
  }

  /// The mandate loader, from a file as `mandate check` and every command that loads priorities read it.
  static func mandate(_ data: Data, scratch: URL, _ outcome: inout Outcome) {
    let url = scratch.appendingPathComponent("input-mandate.yaml")
    do {
      try data.write(to: url)
    } catch {
      outcome.violations.append("cannot write the scratch file \(url.path): \(error)")
      return
    }
    let result = MandateLoader().load(url: url, displayPath: "Priorities/fuzz.yaml")
    outcome.values += result.mandate == nil ? 0 : 1
    outcome.check(
      (result.mandate == nil) == result.diagnostics.hasErrors, "a mandate returned with errors, or none without")
    diagnostics(result.diagnostics, lines: lineBound(data), "mandate", &outcome)
  }

  /// The ledger loader: `Tags/<mandate>.yaml` in a scratch workspace, read as every command reads it.
  static func ledger(_ data: Data, scratch: URL, _ outcome: inout Outcome) {
    let workspace = Workspace(root: scratch.appendingPathComponent("workspace"))
    let file = LedgerFile(workspace: workspace, mandateID: "kz-csto-2024")
    do {
      try FileManager.default.createDirectory(
        at: file.url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try data.write(to: file.url)
    } catch {
      outcome.violations.append("cannot write the scratch file \(file.url.path): \(error)")
      return
    }
    let contents = file.read()
    let lines = lineBound(data)
    outcome.values += contents.decisions.count
    for decision in contents.decisions {
      let line = decision.line ?? 0
      outcome.check(line >= 1 && line <= lines, "ledger decision at line \(line) of \(lines)")
    }
    diagnostics(contents.diagnostics, lines: lines, "ledger", &outcome)
  }

  static func diagnostics(_ diagnostics: [Diagnostic], lines: Int, _ what: String, _ outcome: inout Outcome) {
    outcome.errors += diagnostics.count
    for diagnostic in diagnostics {
      guard let location = diagnostic.location else {
        outcome.violations.append("\(what) diagnostic without a location: \(diagnostic.message)")
        continue
      }
      outcome.check(
        location.line >= 1 && location.line <= lines && location.column >= 1,
        "\(what) diagnostic at \(location.line):\(location.column) of \(lines) lines: \(diagnostic.message)")
      outcome.check(!diagnostic.message.isEmpty, "\(what) diagnostic \(diagnostic.code) without a message")
    }
  }
}
