import Foundation
import Testing

@testable import MandateKit

@Suite struct KappaTests {
  /// 50 units: both yes 20, first yes second no 5, first no second yes 10, both no 15.
  /// Observed (20 + 15) / 50 = 0.7; expected 0.5 × 0.6 + 0.5 × 0.4 = 0.5; kappa 0.2 / 0.5 = 0.4.
  @Test func cohenOfATwoByTwoTable() {
    let score = Kappa.cohen([[20, 5], [10, 15]])
    #expect(score == Kappa.Score(units: 50, observed: 0.7, expected: 0.5, kappa: 0.4))
  }

  /// Three categories, 9 units: diagonal 3 + 2 + 1 = 6 of 9; rows 4, 3, 2; columns 3, 4, 2;
  /// expected (12 + 12 + 4) / 81 = 28/81 = 0.3457; kappa (54 − 28) / (81 − 28) = 26/53 = 0.4906.
  @Test func cohenOfThreeCategories() {
    let score = Kappa.cohen([[3, 1, 0], [0, 2, 1], [0, 1, 1]])
    #expect(score.units == 9)
    #expect(score.observed == 0.6667)
    #expect(score.expected == 0.3457)
    #expect(score.kappa == 0.4906)
  }

  /// Fleiss' worked example (14 raters, 10 subjects, 5 categories): P̄ = 0.378, P̄e = 0.213,
  /// kappa = 0.210.
  @Test func fleissOfTheWorkedExample() {
    let counts = [
      [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
    ]
    let score = Kappa.fleiss(counts)
    #expect(score.units == 10)
    #expect(score.observed == 0.378)
    #expect(score.expected == 0.2128)
    #expect(score.kappa == 0.2099)
  }

  @Test func agreementByChanceAloneHasNoKappa() {
    #expect(Kappa.cohen([[5, 0], [0, 0]]).kappa == nil)
    #expect(Kappa.cohen([]).units == 0)
  }

  /// Two analysts on two events: both tag e1/P1.1 declaratory; on e1/P1.2 one tags material and
  /// the other rejects; on e2/P2.1 both reject. Categories (material, declaratory, contradicts,
  /// not evidence): units 3, agreement 2/3; marginals first (1, 1, 0, 1), second (0, 1, 0, 2):
  /// expected (0 + 1 + 0 + 2) / 9 = 1/3; kappa (2/3 − 1/3) / (2/3) = 0.5.
  @Test func agreementOfTwoAnalysts() throws {
    let url = TestPaths.repositoryRoot.appendingPathComponent("Priorities/kz-csto-2024.yaml")
    let mandate = try #require(MandateLoader().load(url: url, displayPath: "kz-csto-2024.yaml").mandate)
    let at = Date(timeIntervalSince1970: 1_700_000_000)
    let e1 = "fc81e80203498dde"
    let e2 = "6239c86d2bebdc3a"
    let decisions = [
      Decision(kind: .tag, event: e1, item: "P1.1", strength: .declaratory, stance: .supports, by: "ann", at: at),
      Decision(kind: .tag, event: e1, item: "P1.2", strength: .material, stance: .supports, by: "ann", at: at),
      Decision(kind: .reject, event: e2, item: "P2.1", by: "ann", at: at),
      Decision(kind: .tag, event: e1, item: "P1.1", strength: .declaratory, stance: .supports, by: "ben", at: at),
      Decision(kind: .reject, event: e1, item: "P1.2", by: "ben", at: at),
      Decision(kind: .reject, event: e2, item: "P2.1", by: "ben", at: at),
      // A third analyst who decided only e2 does not enter a comparison of ann and ben.
      Decision(kind: .tag, event: e2, item: "P2.1", strength: .material, stance: .supports, by: "cy", at: at),
    ]
    let report = try AgreementReport.compute(
      decisions: decisions, mandate: mandate, analysts: ["ann", "ben"], events: nil, quarter: nil)
    #expect(report.method == "cohen")
    #expect(report.events == 2)
    #expect(report.overall == Kappa.Score(units: 3, observed: 0.6667, expected: 0.3333, kappa: 0.5))
    #expect(report.confusion.first?.counts == [[0, 0, 0, 1], [0, 1, 0, 0], [0, 0, 0, 0], [0, 0, 0, 1]])
    #expect(
      report.disagreements == [.init(event: e1, item: "P1.2", categories: ["material", "not-evidence"])])
    #expect(report.items.first { $0.id == "P1.1" }?.score.observed == 1)

    let all = try AgreementReport.compute(
      decisions: decisions, mandate: mandate, analysts: [], events: nil, quarter: nil)
    #expect(all.method == "fleiss")
    #expect(all.analysts == ["ann", "ben", "cy"])
    #expect(all.events == 1)
    #expect(throws: AgreementError.tooFewAnalysts(["ann"])) {
      try AgreementReport.compute(
        decisions: Array(decisions.prefix(3)), mandate: mandate, analysts: [], events: nil, quarter: nil)
    }
  }
}
