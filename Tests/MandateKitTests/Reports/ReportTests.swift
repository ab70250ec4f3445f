import Foundation
import Testing

@testable import MandateKit

/// The `midyear` fixture workspace (see its README): copied, its news imported with a fixed clock.
final class ReportFixture {
  let folder: TemporaryDirectory
  let workspace: Workspace
  let mandate: Mandate

  static let today = Day(iso: "2026-11-23")!
  static let source = TestPaths.fixture("workspaces/midyear")

  init(name: String = "midyear") throws {
    folder = try TemporaryDirectory()
    for path in ["Priorities/\(name).yaml", "Tags/\(name).yaml"] {
      _ = try folder.file(path, try String(contentsOf: Self.source.appendingPathComponent(path), encoding: .utf8))
    }
    workspace = Workspace(root: folder.url)
    _ = try Importer(workspace: workspace).run(
      [Self.source.appendingPathComponent("news.jsonl")], options: ImportOptions(today: Self.today))
    mandate = try MandateCatalog.load(workspace).select(nil, workspace: workspace)
  }

  func builder() throws -> ReportBuilder {
    let lock = try WorkspaceLock(stateDirectory: workspace.stateDirectory, mode: .shared)
    let index = try EventIndex.open(workspace, lock: lock).index
    return ReportBuilder(mandate: mandate, index: index, lock: lock)
  }

  func report(
    _ quarter: String?, asOf: String? = nil, recordedBy: Date? = nil, staleDays: Int = 90, generatedAt: Date? = nil
  ) throws -> QuarterlyReport {
    let builder = try builder()
    let scope: ReportOptions.Scope =
      try quarter.map { .quarter(try #require(builder.quarters.quarter(named: $0))) }
      ?? .term
    return try builder.build(
      ReportOptions(
        scope: scope, asOf: asOf.flatMap { Day(iso: $0) }, recordedBy: recordedBy, staleDays: staleDays,
        today: Self.today, generatedAt: generatedAt))
  }
}

extension QuarterlyReport {
  func item(_ id: String) -> ItemReport? { priorities.flatMap(\.items).first { $0.id == id } }
}

@Suite struct ReportBuilderTests {
  @Test func quartersOfAMidYearTermCountFromItsStart() throws {
    let fixture = try ReportFixture()
    let quarters = try fixture.builder().quarters
    #expect(!quarters.isCalendar)
    #expect(
      quarters.quarters.map { "\($0.label) \($0.range.start)…\($0.range.end)" } == [
        "Q1 2024-08-15…2024-11-14", "Q2 2024-11-15…2025-02-14", "Q3 2025-02-15…2025-05-14",
        "Q4 2025-05-15…2025-08-14",
      ])
    let report = try fixture.report("Q2")
    #expect(report.period.label == "Q2")
    #expect(report.period.start == Day(iso: "2024-11-15"))
    #expect(report.asOf == Day(iso: "2025-02-14"))
    #expect(report.period.calendarQuarters == false)
  }

  @Test func everyGapKindIsFoundForTheItemThatHasIt() throws {
    let report = try ReportFixture().report("Q2")
    #expect(report.gaps.noNews == ["P3.1", "P3.2"])
    #expect(report.gaps.onlyContradicting == ["P1.2"])
    #expect(report.gaps.notReviewed == ["P2.1"])
    #expect(report.gaps.reviewedNothingRelevant == ["P2.2"])
    #expect(report.gaps.stale.map(\.item) == ["P1.2", "P2.1", "P2.2", "P3.1", "P3.2"])
    // Since the term began (15 August) for items never evidenced; since 2 September for P3.1.
    #expect(report.gaps.stale.first { $0.item == "P3.1" }?.days == 165)
    #expect(report.gaps.stale.first { $0.item == "P3.1" }?.lastEvidence == Day(iso: "2024-09-02"))
    #expect(report.gaps.stale.first { $0.item == "P1.2" }?.days == 183)
    #expect(report.gaps.pastDue.map(\.item) == ["P1.2"])
    #expect(report.item("P1.1")?.gaps == [])
    #expect(report.item("P1.2")?.gaps == [.onlyContradicting, .stale, .pastDue])
  }

  @Test func staleThresholdIsAnOption() throws {
    let report = try ReportFixture().report("Q2", staleDays: 170)
    #expect(report.gaps.stale.map(\.item) == ["P1.2", "P2.1", "P2.2", "P3.2"])
    #expect(report.settings.staleDays == 170)
  }

  @Test func evidenceIsCountedByStrengthAndStance() throws {
    let report = try ReportFixture().report("Q2")
    let p11 = try #require(report.item("P1.1"))
    #expect(p11.evidencePeriod == .init(declaratory: 0, material: 1, contradicting: 0))
    #expect(p11.evidenceToDate == .init(declaratory: 0, material: 2, contradicting: 0))
    #expect(p11.lastEvidence == Day(iso: "2024-12-02"))
    #expect(p11.evidence.map(\.title) == ["First joint patrol on the common border"])
    let p12 = try #require(report.item("P1.2"))
    #expect(p12.evidencePeriod == .init(declaratory: 0, material: 0, contradicting: 1))
    #expect(p12.evidence.first?.stance == .contradicts)
    // Contradicting evidence neither covers an item nor counts as its last evidence.
    #expect(p12.lastEvidence == nil)
    // The undated interview tagged for P3.1 is in no period; the untagged weather report counts nowhere.
    #expect(report.item("P3.1")?.evidenceToDate == .init(declaratory: 0, material: 1, contradicting: 0))
    #expect(report.item("P3.2")?.evidenceToDate.total == 0)
    #expect(
      report.counts
        == .init(eventsInPeriod: 6, taggedEvents: 2, pendingSuggestions: 1, undated: 1, unplaced: 2, tagsInPeriod: 2))
  }

  /// A ledger may name an event by an id it had before a merge (an alias); the report counts the
  /// tag for the event all the same, titles and all.
  @Test func aTagNamingAnAliasCountsForItsEvent() throws {
    let fixture = try ReportFixture()
    let before = try fixture.report("Q2")
    let event = try #require(before.item("P1.1")?.evidence.first?.event)
    let alias = "0123456789abcdef"
    let events = fixture.workspace.root.appendingPathComponent("Events")
    var edited = 0
    for file in try FileManager.default.contentsOfDirectory(at: events, includingPropertiesForKeys: nil) {
      let text = try String(contentsOf: file, encoding: .utf8)
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
        guard line.contains("\"id\":\"\(event)\"") else { return String(line) }
        edited += 1
        return line.replacingOccurrences(of: "\"aliases\":[]", with: "\"aliases\":[\"\(alias)\"]")
      }
      try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
    }
    #expect(edited == 1)
    let ledger = fixture.workspace.root.appendingPathComponent("Tags/midyear.yaml")
    let text = try String(contentsOf: ledger, encoding: .utf8)
    #expect(text.contains("event: \(event)"))
    try text.replacingOccurrences(of: "event: \(event)", with: "event: \(alias)").write(
      to: ledger, atomically: true, encoding: .utf8)
    let after = try fixture.report("Q2")
    #expect(after.item("P1.1")?.evidence == before.item("P1.1")?.evidence)
    #expect(after.priorities == before.priorities)
    #expect(after.timeline == before.timeline)
  }

  @Test func coverageIsWeighted() throws {
    let report = try ReportFixture().report("Q2")
    // Only P1.1 (weight 2 of 7) has supporting evidence in the period; P3.1 too, to date.
    #expect(report.coverage.period == .init(items: 6, covered: 1, share: 0.1667, weightedShare: 0.2857))
    #expect(report.coverage.toDate == .init(items: 6, covered: 2, share: 0.3333, weightedShare: 0.4286))
    #expect(report.priorities.map(\.coverage.period.covered) == [1, 0, 0])
  }

  @Test func everyStatusIsReportedAsOfTheReportDay() throws {
    let report = try ReportFixture().report("Q2")
    let statuses = report.priorities.flatMap(\.items).map { "\($0.id) \($0.status?.status.rawValue ?? "-")" }
    #expect(
      statuses == [
        "P1.1 in-progress", "P1.2 not-achieved", "P2.1 stalled", "P2.2 partly-achieved", "P3.1 achieved",
        "P3.2 not-yet-rated",
      ])
    // The assessment of 1 May 2025 speaks for a later day than the report's.
    #expect(report.item("P1.1")?.status?.asOf == Day(iso: "2024-11-10"))
    let q4 = try ReportFixture().report("Q4")
    #expect(q4.item("P1.1")?.status?.status == .achieved)
  }

  @Test func recordedByReproducesAnEarlierReport() throws {
    let fixture = try ReportFixture()
    let early = try fixture.report("Q2", recordedBy: Timestamp.parse("2025-02-10T00:00:00Z"))
    #expect(early.item("P1.2")?.status?.status == .notYetRated)
    #expect(early.item("P2.1")?.status == nil)
    #expect(early.recordedBy == "2025-02-10T00:00:00Z")
    let beforeTags = try fixture.report("Q2", recordedBy: Timestamp.parse("2025-01-01T00:00:00Z"))
    #expect(beforeTags.item("P1.1")?.evidencePeriod.total == 0)
    // The rejection of 5 February had not been made either: the museum was still unreviewed.
    #expect(beforeTags.gaps.notReviewed.contains("P2.2"))
  }

  @Test func asOfCountsOnlyEventsDatedByThen() throws {
    let report = try ReportFixture().report("Q2", asOf: "2024-12-10")
    #expect(report.asOf == Day(iso: "2024-12-10"))
    #expect(report.counts.eventsInPeriod == 1)
    #expect(report.item("P1.2")?.evidencePeriod.total == 0)
    #expect(report.item("P1.1")?.daysWithoutEvidence == 8)
    // P1.2 is due on 31 December: not yet past due.
    #expect(report.gaps.pastDue.isEmpty)
  }

  @Test func untaggedAndUnplacedEventsAreListed() throws {
    let report = try ReportFixture().report("Q2")
    #expect(
      report.untagged.events.map { "\($0.dateLabel) \($0.review)" } == [
        "2025-01-15 suggested", "2025-01-20 rejected", "2025-02-01 none", "2025-02-10 none",
      ])
    #expect(report.untagged.total == 4)
    #expect(report.unplaced.events.map(\.dateLabel) == ["2024", "undated"])
    // The festival of March is after the quarter: it is in neither list.
    #expect(!report.untagged.events.contains { $0.title.contains("Festival") })
  }

  @Test func deltaComparesWithThePreviousQuarter() throws {
    let report = try ReportFixture().report("Q2")
    let delta = try #require(report.delta)
    #expect(delta.previous == "Q1")
    #expect(delta.newEvidence.map(\.item) == ["P1.1", "P1.2"])
    #expect(delta.newlyCovered == [])
    #expect(delta.newlyUncovered == ["P3.1"])
    #expect(
      delta.statusChanges.map { "\($0.item) \($0.from?.rawValue ?? "-")→\($0.to.rawValue)" } == [
        "P1.2 not-yet-rated→not-achieved", "P2.1 -→stalled", "P2.2 -→partly-achieved", "P3.1 in-progress→achieved",
        "P3.2 -→not-yet-rated",
      ])
    #expect(try ReportFixture().report("Q1").delta == nil)
  }

  @Test func theTermReportCoversEveryQuarter() throws {
    let report = try ReportFixture().report(nil)
    #expect(report.period.kind == "term")
    #expect(report.asOf == Day(iso: "2025-08-14"))
    #expect(report.timeline.map(\.label) == ["Q1", "Q2", "Q3", "Q4"])
    #expect(report.item("P3.2")?.evidencePeriod.declaratory == 1)
    #expect(report.delta == nil)
  }

  @Test func theReportIsTheSameEveryTime() throws {
    let fixture = try ReportFixture()
    let first = try JSONReportRenderer().render(try fixture.report("Q2"), context: RenderContext())
    let second = try JSONReportRenderer().render(try fixture.report("Q2"), context: RenderContext())
    #expect(first == second)
    // A fresh import of the same news gives the same report.
    #expect(try JSONReportRenderer().render(try ReportFixture().report("Q2"), context: RenderContext()) == first)
  }
}

@Suite struct ReportRendererTests {
  static let formats: [(ReportFormat, String)] = [
    (.text, "txt"), (.markdown, "md"), (.html, "html"), (.json, "json"), (.csv, "csv"),
  ]

  @Test(arguments: formats)
  func quarterGolden(format: ReportFormat, ext: String) throws {
    let report = try ReportFixture().report("Q2")
    let text = try ReportRenderers.renderer(for: format).render(report, context: RenderContext(width: 80))
    assertGolden(text, "reports/midyear-Q2.\(ext)")
  }

  @Test(arguments: [ReportFormat.text, .markdown, .html])
  func termGolden(format: ReportFormat) throws {
    let report = try ReportFixture().report(nil)
    let text = try ReportRenderers.renderer(for: format).render(report, context: RenderContext(width: 100))
    assertGolden(text, "reports/midyear-term.\(format.fileExtension)")
  }

  @Test func everyFormatHasARenderer() throws {
    for format in ReportFormat.allCases {
      #expect(try ReportRenderers.renderer(for: format).format == format)
    }
  }

  @Test func jsonReadsBackAsTheSameReport() throws {
    let report = try ReportFixture().report("Q2")
    let text = try JSONReportRenderer().render(report, context: RenderContext())
    let decoded = try JSONReportRenderer.decode(text)
    #expect(try JSONReportRenderer().render(decoded, context: RenderContext()) == text)
    #expect(decoded == report)
    #expect(text.contains("\"only_contradicting\" : ["))
    #expect(text.contains("\"schema\" : \(QuarterlyReport.schemaVersion)"))
  }

  /// Every key the JSON renderer writes is described in docs/report-json.md.
  @Test func everyJSONKeyIsDocumented() throws {
    let fixture = try ReportFixture()
    // With every optional key: decisions up to now, and a time stamp.
    let stamped = try fixture.report("Q2", recordedBy: Date(), generatedAt: Date())
    var keys: Set<String> = []
    func collect(_ value: Any) {
      if let object = value as? [String: Any] {
        for (key, inner) in object {
          keys.insert(key)
          collect(inner)
        }
      } else if let array = value as? [Any] {
        array.forEach(collect)
      }
    }
    for candidate in [stamped, try fixture.report("Q2")] {
      let text = try JSONReportRenderer().render(candidate, context: RenderContext())
      collect(try JSONSerialization.jsonObject(with: Data(text.utf8)))
    }
    let doc = try String(
      contentsOf: TestPaths.repositoryRoot.appendingPathComponent("docs/report-json.md"), encoding: .utf8)
    #expect(keys.count > 60)
    for key in keys.sorted() {
      #expect(doc.contains("`\(key)`") || doc.contains("{\(key),") || doc.contains(", \(key)}"), "\(key)")
    }
  }

  @Test func markdownEscapesNewsText() throws {
    let text = try MarkdownReportRenderer().render(try ReportFixture().report("Q2"), context: RenderContext())
    let line = try #require(text.split(separator: "\n").first { $0.contains("Rumour") })
    #expect(!line.contains("<script>"))
    #expect(!line.contains("[click]("))
    #expect(line.contains("\\*Rumour\\*"))
    #expect(line.contains("\\|"))
  }

  @Test func csvNeutralisesFormulasAndQuotesCells() throws {
    var report = try ReportFixture().report("Q2")
    report.priorities[0].items[0].text = "=HYPERLINK(\"http://x\")"
    report.priorities[0].items[1].status?.note = "+1, with a comma\nand a line"
    let text = try CSVReportRenderer().render(report, context: RenderContext())
    #expect(text.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","))
    #expect(text.contains(",\"'+1, with a comma\nand a line\","))
    #expect(text.hasSuffix("\n"))
    #expect(text.split(separator: "\n").first == Substring(CSVReportRenderer.header.joined(separator: ",")))
  }

  @Test func textFitsTheWidth() throws {
    let report = try ReportFixture().report("Q2")
    for width in [80, 100, 120] {
      let text = try TextReportRenderer().render(report, context: RenderContext(width: width))
      let widest = text.split(separator: "\n").map(\.count).max() ?? 0
      #expect(widest <= width, "width \(width): a line of \(widest)")
    }
  }

  @Test func textUsesColourOnlyWhenAsked() throws {
    let report = try ReportFixture().report("Q2")
    #expect(!(try TextReportRenderer().render(report, context: RenderContext())).contains("\u{1B}["))
    #expect(
      try TextReportRenderer().render(report, context: RenderContext(style: TerminalStyle(enabled: true))).contains(
        "\u{1B}[1m"))
  }
}

@Suite struct ShippedReportTests {
  /// A copy of the repository's workspace: the mandate, the record and the ledger (the index is
  /// built afresh, as on a new clone).
  static func shippedWorkspace() throws -> (TemporaryDirectory, ReportBuilder) {
    let folder = try TemporaryDirectory()
    let root = TestPaths.repositoryRoot
    for directory in ["Priorities", "Events", "Tags"] {
      try FileManager.default.copyItem(
        at: root.appendingPathComponent(directory), to: folder.url.appendingPathComponent(directory))
    }
    let workspace = Workspace(root: folder.url)
    let mandate = try MandateCatalog.load(workspace).select(nil, workspace: workspace)
    // One lock for the index and the builder: a second shared lock from the same process would
    // block the upgrade the index needs to build itself.
    let lock = try WorkspaceLock(stateDirectory: workspace.stateDirectory, mode: .shared)
    let index = try EventIndex.open(workspace, lock: lock).index
    return (folder, ReportBuilder(mandate: mandate, index: index, lock: lock))
  }

  @Test func shippedQuarterGolden() throws {
    let (folder, builder) = try Self.shippedWorkspace()
    defer { withExtendedLifetime(folder) {} }
    let quarter = try #require(builder.quarters.quarter(named: "2024Q2"))
    let report = try builder.build(ReportOptions(scope: .quarter(quarter), today: ScratchWorkspace.today))
    assertGolden(try TextReportRenderer().render(report, context: RenderContext(width: 100)), "reports/kz-2024-Q2.txt")
    assertGolden(try CSVReportRenderer().render(report, context: RenderContext()), "reports/kz-2024-Q2.csv")
  }

  /// `Reports/` must be what `mandate report --all --output Reports/` writes today.
  @Test func shippedReportsAreUpToDate() throws {
    let (folder, builder) = try Self.shippedWorkspace()
    let output = folder.url.appendingPathComponent("Reports")
    let written = try ReportWriter(builder: builder).writeAll(
      to: output, asOf: nil, recordedBy: nil, staleDays: 90, today: ScratchWorkspace.today)
    let shipped = TestPaths.repositoryRoot.appendingPathComponent("Reports")
    let committed = try FileManager.default.contentsOfDirectory(
      atPath: shipped.appendingPathComponent(builder.mandate.id).path
    ).filter { !$0.hasPrefix(".") }.map { "\(builder.mandate.id)/\($0)" }
    #expect(Set(committed) == Set(written), "run Scripts/regenerate-workspace.sh")
    for name in written {
      let fresh = try Data(contentsOf: output.appendingPathComponent(name))
      #expect(
        (try? Data(contentsOf: shipped.appendingPathComponent(name))) == fresh,
        "Reports/\(name) is stale: run Scripts/regenerate-workspace.sh")
    }
  }
}
