import Foundation
import MandateKit

/// Suggestion quality on the seed events against the hand-made labels of the repository:
/// precision of the first suggestion and recall within the first three.
enum QualityBench {
  static func run(_ arguments: [String]) throws {
    let repository = URL(
      fileURLWithPath: Measure.option("--repository", in: arguments) ?? FileManager.default.currentDirectoryPath)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mandate-quality-\(getpid())")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("Priorities"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: repository.appendingPathComponent("Priorities/kz-csto-2024.yaml"),
      to: folder.appendingPathComponent("Priorities/kz-csto-2024.yaml"))
    let workspace = Workspace(root: folder)
    let pages = repository.appendingPathComponent("Samples/csto-pages")
    let files = try FileManager.default.contentsOfDirectory(atPath: pages.path).sorted().map {
      pages.appendingPathComponent($0)
    }
    _ = try Importer(workspace: workspace).run(files, options: ImportOptions(today: MandateClock.today()))
    let lock = try WorkspaceLock(stateDirectory: workspace.stateDirectory, mode: .shared)
    let index = try EventIndex.open(workspace, lock: lock).index
    guard let mandate = MandateCatalog.load(workspace).mandates.first else { throw BenchError.failed("no mandate") }
    let labels = try SuggestionEvaluation.labels(
      from: repository.appendingPathComponent("Tests/MandateKitTests/Fixtures/labels/kz-csto-2024-seeds.yaml"))
    let suggester = try Suggester(mandate: mandate, index: index, state: LedgerState([]))
    var byEvent: [String: [Candidate]] = [:]
    try suggester.suggest(SuggestionQuery(top: 3, events: Array(labels.keys))) { byEvent[$0.event.id] = $0.candidates }
    let evaluation = SuggestionEvaluation(labels: labels, suggestions: byEvent)
    print(
      String(
        format: "case suggest-quality precision_at_1 %.2f recall_at_3 %.2f labelled_events %d pairs %d false_alarms %d",
        evaluation.precisionAtOne, evaluation.recallAtThree, evaluation.labelledEvents, evaluation.labelledPairs,
        evaluation.falseAlarms.count))
  }
}
