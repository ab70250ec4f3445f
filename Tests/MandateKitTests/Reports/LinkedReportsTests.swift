import Foundation
import Testing

@testable import MandateKit

/// A report counts the English and the Russian report of one event once per item, and says so; an
/// event that only shares the day still counts on its own.
@Suite struct LinkedReportsTests {
  @Test func aLinkedPairCountsOncePerItem() throws {
    let scratch = try ScratchWorkspace()
    try scratch.importFiles([TestPaths.fixture("russian/linked.jsonl")])
    let mandate = try MandateCatalog.load(scratch.workspace).select(nil, workspace: scratch.workspace)
    let events = try scratch.index().events(EventQuery())
    func id(_ title: String) throws -> String { try #require(events.first { $0.title == title }).id }
    let english = try id(CrossLanguageLinkerTests.english)
    let twin = try id(CrossLanguageLinkerTests.twin)
    let nearMiss = try id(CrossLanguageLinkerTests.nearMiss)
    let desk = DecisionDesk(
      workspace: scratch.workspace, mandate: mandate, now: { Date(timeIntervalSince1970: 1_720_000_000) })
    _ = try desk.tag(event: english, items: ["P1.1"], strength: .declaratory, stance: .supports, note: nil, by: "a")
    _ = try desk.tag(event: twin, items: ["P1.1", "P1.2"], strength: .material, stance: .supports, note: nil, by: "a")

    var item = try Self.item("P1.1", scratch, mandate)
    #expect(item.evidencePeriod == .init(declaratory: 0, material: 1, contradicting: 0))
    #expect(item.evidence.map(\.event) == [twin])
    #expect(item.evidence.first?.alsoReported == english)
    // An item only one of the two is tagged for counts it as usual.
    #expect(try Self.item("P1.2", scratch, mandate).evidencePeriod.material == 1)
    let markdown = try MarkdownReportRenderer().render(try Self.report(scratch, mandate), context: RenderContext())
    #expect(markdown.contains("(also reported as `\(english.prefix(8))`, counted once)"))

    // The near miss is another event: it counts.
    _ = try desk.tag(event: nearMiss, items: ["P1.1"], strength: .declaratory, stance: .supports, note: nil, by: "a")
    item = try Self.item("P1.1", scratch, mandate)
    #expect(item.evidencePeriod == .init(declaratory: 1, material: 1, contradicting: 0))
    #expect(try Self.report(scratch, mandate).untagged.total == 1)
  }

  static func report(_ scratch: ScratchWorkspace, _ mandate: Mandate) throws -> QuarterlyReport {
    let lock = try WorkspaceLock(stateDirectory: scratch.workspace.stateDirectory, mode: .shared)
    let index = try EventIndex.open(scratch.workspace, lock: lock).index
    let builder = ReportBuilder(mandate: mandate, index: index, lock: lock)
    let quarter = try #require(builder.quarters.quarters.first { $0.label == "2024 Q2" })
    return try builder.build(
      ReportOptions(scope: .quarter(quarter), asOf: Day(iso: "2024-06-30"), today: ScratchWorkspace.today))
  }

  static func item(_ id: String, _ scratch: ScratchWorkspace, _ mandate: Mandate) throws -> QuarterlyReport.ItemReport {
    try #require(try report(scratch, mandate).priorities.flatMap(\.items).first { $0.id == id })
  }
}
