import Foundation
import Testing

@testable import MandateKit

/// An item's `label`: read, checked, and the first words of its text when there is none.
@Suite struct ItemLabelTests {
  static func mandate(label: String) -> String {
    """
    schema: 1
    id: m
    title: T
    organisation: O
    holder: H
    term: {start: 2024-01-01, end: 2024-12-31}
    source: S
    priorities:
      - id: P1
        title: One
        items:
          - id: P1.1
            \(label)
            text: maintaining the established interaction with the UN and its structures
            keywords: [UN]

    """
  }

  @Test func aLabelIsReadAndShownBesideTheID() throws {
    let result = MandateLoader().load(text: Self.mandate(label: "label: UN cooperation"), file: "m.yaml")
    #expect(result.diagnostics.isEmpty)
    let item = try #require(result.mandate?.items.first)
    #expect(item.label == "UN cooperation")
    #expect(item.shortLabel == "UN cooperation")
  }

  @Test func withoutALabelTheFirstWordsStandIn() throws {
    let result = MandateLoader().load(text: Self.mandate(label: ""), file: "m.yaml")
    let item = try #require(result.mandate?.items.first)
    #expect(item.label == nil)
    #expect(item.shortLabel == "maintaining the established…")
  }

  @Test func badLabelsAreReportedAtTheirPlace() {
    let empty = MandateLoader().load(text: Self.mandate(label: "label: \"\""), file: "m.yaml")
    #expect(empty.diagnostics.map(\.summary) == ["13:16 error empty-text: `label` in item P1.1 is empty"])
    let long = MandateLoader().load(
      text: Self.mandate(label: "label: Cooperation with the United Nations and all of its structures"), file: "m.yaml")
    #expect(
      long.diagnostics.map(\.summary) == [
        "13:16 warning long-label: the label of item P1.1 has 61 characters; lists read best with labels of at most 40"
      ])
    let list = MandateLoader().load(text: Self.mandate(label: "label: [a, b]"), file: "m.yaml")
    #expect(
      list.diagnostics.map(\.summary) == [
        "13:16 error wrong-type: expected `label` in item P1.1 to be text, found a list"
      ])
  }

  /// The words of the report's ideas come from `ReportWording`, and docs/report-json.md lists them.
  @Test func theDocsListTheWordsTheReportsUse() throws {
    let doc = try String(
      contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/report-json.md"),
      encoding: .utf8)
    for gap in QuarterlyReport.GapKind.allCases {
      #expect(doc.contains("| gap `\(gap.rawValue)` | \(ReportWording.gap(gap))"), "\(gap)")
    }
    for status in ItemStatus.allCases { #expect(doc.contains(ReportWording.status(status))) }
    #expect(doc.contains("| `status` absent | \(ReportWording.notAssessed) |"))
    #expect(doc.contains("| `unplaced` | \(ReportWording.unplaced) |"))
    #expect(doc.contains("| `untagged` | \(ReportWording.untagged) |"))
  }
}
