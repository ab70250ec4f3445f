import Foundation
import Testing

@testable import MandateKit

@Suite struct HTMLReportFragmentTests {
  @Test func theFragmentIsThePageBodyAndTheStylesheetIsTheReportsOwn() throws {
    let copy = try ShippedCopy(["Priorities", "Events", "Tags"])
    let (index, mandate) = (copy.index, copy.mandate)
    let builder = ReportBuilder(mandate: mandate, index: index, lock: copy.lock)
    let report = try builder.build(
      ReportOptions(scope: .quarter(builder.quarters.quarter(named: "2024Q2")!), today: Day(iso: "2024-07-01")!))
    let page = try HTMLReportRenderer().render(report, context: RenderContext())
    let fragment = try HTMLReportRenderer().renderFragment(report)
    #expect(!fragment.contains("<body>") && !fragment.contains("<style>") && !fragment.contains("<html"))
    #expect(page.contains("<body>\n" + fragment + "</body>"))
    #expect(page.contains(HTMLReportRenderer.stylesheet))
    let latest = try LatestEvidence.find(state: try index.ledgerState(mandate: mandate.id), index: index, limit: 3)
    #expect(latest.count == 3)
    #expect(latest.allSatisfy { !$0.tags.isEmpty })
    #expect(latest[0].event.date! >= latest[2].event.date!)
  }
}
