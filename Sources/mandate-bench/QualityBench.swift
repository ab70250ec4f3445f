import Foundation
import MandateKit

/// Suggestion quality against the hand-made labels of the repository: precision of the first
/// suggestion and recall within the first three, on the seed events, and on the Russian and
/// English news sets written for the tests (the same 44 events told in each language).
enum QualityBench {
  static func run(_ arguments: [String]) throws {
    let repository = URL(
      fileURLWithPath: Measure.option("--repository", in: arguments) ?? FileManager.default.currentDirectoryPath)
    let fixtures = repository.appendingPathComponent("Tests/MandateKitTests/Fixtures")
    let pages = repository.appendingPathComponent("Samples/csto-pages")
    let seedPages = try FileManager.default.contentsOfDirectory(atPath: pages.path).sorted().map {
      pages.appendingPathComponent($0)
    }
    let quality = ["ru", "en"].map { fixtures.appendingPathComponent("quality/\($0)-news.jsonl") }
    for (name, files, labels) in [
      ("seeds", seedPages, ["seeds"]), ("news-sets", quality, ["ru", "en"]),
    ] {
      try measure(repository: repository, files: files) { mandate, index in
        for set in labels {
          let url = fixtures.appendingPathComponent("labels/kz-csto-2024-\(set).yaml")
          let evaluation = try SuggestionEvaluation.measure(
            mandate: mandate, index: index, labels: SuggestionEvaluation.labels(from: url))
          print(
            String(
              format:
                "case suggest-quality set %@ corpus %@ precision_at_1 %.3f recall_at_3 %.3f labelled_events %d pairs %d false_alarms %d",
              set, name, evaluation.precisionAtOne, evaluation.recallAtThree, evaluation.labelledEvents,
              evaluation.labelledPairs, evaluation.falseAlarms.count))
        }
      }
    }
  }

  /// Imports `files` into a new workspace holding the repository's mandate and hands over its index.
  static func measure(repository: URL, files: [URL], _ body: (Mandate, EventIndex) throws -> Void) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mandate-quality-\(getpid())")
    try? FileManager.default.removeItem(at: folder)
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("Priorities"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: repository.appendingPathComponent("Priorities/kz-csto-2024.yaml"),
      to: folder.appendingPathComponent("Priorities/kz-csto-2024.yaml"))
    let workspace = Workspace(root: folder)
    _ = try Importer(workspace: workspace).run(files, options: ImportOptions(today: MandateClock.today()))
    let lock = try WorkspaceLock(stateDirectory: workspace.stateDirectory, mode: .shared)
    let index = try EventIndex.open(workspace, lock: lock).index
    guard let mandate = MandateCatalog.load(workspace).mandates.first else { throw BenchError.failed("no mandate") }
    try body(mandate, index)
  }
}
