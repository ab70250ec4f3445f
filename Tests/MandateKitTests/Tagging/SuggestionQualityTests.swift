import Foundation
import Testing

@testable import MandateKit

/// Suggestions on the twelve seed events against hand-made labels. The figures are printed; the
/// assertions are floors that catch a regression, not the goal.
@Suite struct SuggestionQualityTests {
  static let labelsFile = TestPaths.fixture("labels/kz-csto-2024-seeds.yaml")

  @Test func seedSuggestionsMeetTheLabels() throws {
    let scratch = try ScratchWorkspace()
    try scratch.importFiles(Samples.pageFiles)
    let index = try scratch.index()
    let mandate = try #require(MandateCatalog.load(scratch.workspace).mandates.first)
    let suggester = try Suggester(mandate: mandate, index: index, state: LedgerState([]))
    let labels = try SuggestionEvaluation.labels(from: Self.labelsFile)
    #expect(labels.count == 12)
    let suggestions = try suggester.suggest(SuggestionQuery(top: 3, events: Array(labels.keys)))
    var byEvent: [String: [Candidate]] = [:]
    for suggestion in suggestions { byEvent[suggestion.event.id] = suggestion.candidates }
    let evaluation = SuggestionEvaluation(labels: labels, suggestions: byEvent)
    print(
      "suggestion quality on the seed events: \(evaluation.summary); misses \(evaluation.misses), false alarms \(evaluation.falseAlarms)"
    )
    #expect(evaluation.labelledEvents == 8)
    #expect(evaluation.precisionAtOne >= 0.875)
    #expect(evaluation.recallAtThree >= 0.85)
    #expect(evaluation.falseAlarms.count <= 1)
  }

  @Test func evaluationCountsHitsRecallAndAlarms() {
    func candidate(_ item: String) -> Candidate { Candidate(item: item, score: 0.5, reasons: []) }
    let evaluation = SuggestionEvaluation(
      labels: ["a": ["P1.1", "P1.2"], "b": ["P2.1"], "c": []],
      suggestions: [
        "a": [candidate("P1.2"), candidate("P3.1")], "b": [candidate("P4.1"), candidate("P2.1")],
        "c": [candidate("P1.1")],
      ])
    #expect(evaluation.precisionAtOne == 0.5)
    #expect(evaluation.recallAtThree == 2.0 / 3.0)
    #expect(evaluation.falseAlarms == ["c"])
    #expect(evaluation.misses == ["b"])
  }
}
