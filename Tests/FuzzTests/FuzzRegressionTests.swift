import Foundation
import Testing

@testable import MandateKit
@testable import mandate_fuzz

/// The fuzzing corpora of the repository.
enum FuzzCorpus {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("MandateKitTests/Fixtures/fuzz")

  static func folder(_ target: FuzzHarness.Target) -> URL { fixtures.appendingPathComponent(target.rawValue) }

  /// The page importer's fixtures (`Fixtures/pages/`, every kind of boilerplate, charset and date
  /// convention), which are the `html` target's seeds: `Scripts/fuzz.sh` copies them in too.
  static let pages = fixtures.deletingLastPathComponent().appendingPathComponent("pages")

  /// The seeds of `target` kept elsewhere in the fixtures (`Scripts/fuzz.sh` adds the same).
  static func seeds(_ target: FuzzHarness.Target) -> [URL] {
    guard target == .html, let files = FileManager.default.enumerator(at: pages, includingPropertiesForKeys: nil)
    else { return [] }
    return files.compactMap { $0 as? URL }.filter { ["html", "htm"].contains($0.pathExtension) }
  }

  /// A seed of `target` by its path below its folder (or below `pages` for the `html` target).
  static func seed(_ target: FuzzHarness.Target, _ name: String) -> URL {
    (target == .html ? pages : folder(target)).appendingPathComponent(name)
  }
}

/// A fresh scratch folder, removed when the test ends.
final class ScratchFolder {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("mandate-fuzz-test-\(UUID().uuidString)")

  init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }

  deinit { try? FileManager.default.removeItem(at: url) }
}

/// Replays the fuzzing corpora (`Fixtures/fuzz/<target>/`: the seeds, and every crash `Scripts/fuzz.sh`
/// found) through `FuzzHarness`, the function the libFuzzer target calls, so that a fixed bug stays fixed.
///
/// A crash kills the test run, a hang fails the input after `timeLimit`, and any broken invariant (an error
/// without a 1-based line inside the file, an item outside the file, a date span not in the text, …) fails it.
@Suite struct FuzzRegressionTests {
  /// Far above what any corpus file takes (milliseconds), far below a hang.
  static let timeLimit: DispatchTimeInterval = .seconds(30)

  static func inputs(_ target: FuzzHarness.Target) throws -> [URL] {
    let folder = FuzzCorpus.folder(target)
    let kept = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
    return (kept + FuzzCorpus.seeds(target))
      .filter { !$0.lastPathComponent.hasPrefix(".") }
      .sorted { $0.path < $1.path }
  }

  /// Runs the harness on another thread, so that a hang is reported (as nil) instead of stopping the suite.
  static func run(_ target: FuzzHarness.Target, _ data: Data, scratch: URL) -> FuzzHarness.Outcome? {
    final class Result: @unchecked Sendable {
      var outcome: FuzzHarness.Outcome?
      let done = DispatchSemaphore(value: 0)
    }
    let result = Result()
    let thread = Thread {
      result.outcome = FuzzHarness.run(target, data, scratch: scratch)
      result.done.signal()
    }
    thread.stackSize = 8 << 20
    thread.start()
    guard result.done.wait(timeout: .now() + timeLimit) == .success else { return nil }
    return result.outcome
  }

  @Test(arguments: FuzzHarness.Target.allCases)
  func corpusReplaysCleanly(_ target: FuzzHarness.Target) throws {
    let inputs = try Self.inputs(target)
    #expect(inputs.count >= 3, "the \(target.rawValue) corpus needs its seeds")
    let scratch = try ScratchFolder()
    var values = 0
    var errors = 0
    for input in inputs {
      let data = try Data(contentsOf: input)
      guard let outcome = Self.run(target, data, scratch: scratch.url) else {
        Issue.record("\(input.path): no result within \(Self.timeLimit)")
        continue
      }
      for violation in outcome.violations {
        Issue.record("\(input.path): \(violation)")
      }
      values += outcome.values
      errors += outcome.errors
    }
    // The seeds hold good and broken files, so both the value path and the error path are replayed (the date
    // extractor has no errors: any text has zero or more dates).
    #expect(values > 0, "no \(target.rawValue) input gave a value")
    #expect(errors > 0 || target == .dates, "no \(target.rawValue) input gave an error")
  }

  /// The real seeds parse into what they hold, so the harness feeds the parsers the way the importer does.
  @Test func seedsGiveTheirContent() throws {
    let scratch = try ScratchFolder()
    func outcome(_ target: FuzzHarness.Target, _ name: String) throws -> FuzzHarness.Outcome {
      let data = try Data(contentsOf: FuzzCorpus.seed(target, name))
      return FuzzHarness.run(target, data, scratch: scratch.url)
    }
    // A sample page gives the page itself (1) and, through the reader, its teasers and main article.
    #expect(try outcome(.cstoPage, "seed-sample-000.txt").values > 2)
    // good.jsonl has 3 usable lines and nothing wrong.
    let jsonl = try outcome(.jsonl, "seed-good.jsonl")
    #expect(jsonl.values >= 3 && jsonl.errors == 0)
    let csv = try outcome(.csv, "seed-good.csv")
    #expect(csv.values >= 2 && csv.errors == 0)
    // The shipped mandate loads; the shipped ledger has decisions and no diagnostics.
    #expect(try outcome(.mandateYAML, "seed-kz-csto-2024.yaml").values == 1)
    #expect(try outcome(.mandateYAML, "seed-every-error.yaml").values == 0)
    let ledger = try outcome(.ledger, "seed-kz-csto-2024.yaml")
    #expect(ledger.values > 5 && ledger.errors == 0)
    // The broken ledger: 3 good entries; every bad one is a diagnostic.
    let broken = try outcome(.ledger, "seed-status-and-errors.yaml")
    #expect(broken.values == 3 && broken.errors >= 5)
    #expect(try outcome(.feed, "seed-csto-rss.xml").values >= 2)
    #expect(try outcome(.dates, "seed-days.txt").values >= 6)
    // An article page gives one article, through the reader and through the importer.
    let article = try outcome(.html, "cookie-banner.html")
    #expect(article.values == 2 && article.errors == 0)
    #expect(try outcome(.html, "empty-shell.html").errors == 2)
    #expect(try outcome(.html, "csto/news-page.html").values == 10)
  }

  /// The checks can fail: a diagnostic without a line, or at line 0, is a violation.
  @Test func invariantsCatchPositionlessErrors() {
    var outcome = FuzzHarness.Outcome()
    FuzzHarness.diagnostics(
      [
        .error("x", "at line 0", at: FileLocation(file: "f", line: 0, column: 1)),
        .error("y", "nowhere", at: nil),
        .error("z", "fine", at: FileLocation(file: "f", line: 2, column: 3)),
      ], lines: 2, "test", &outcome)
    #expect(outcome.errors == 3)
    #expect(outcome.violations.count == 2)
  }
}
