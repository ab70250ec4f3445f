import Foundation
import Testing

@testable import MandateKit

/// The seed workspace (the five sample pages and the shipped mandate) with decisions recorded at
/// a fixed time, and reports built from it with injected dates and version.
final class SeedReport {
  let scratch: ScratchWorkspace
  let mandate: Mandate
  let desk: DecisionDesk

  init() throws {
    let scratch = try ScratchWorkspace()
    self.scratch = scratch
    // Pages inside the workspace are recorded by relative path, so reports do not name the
    // checkout's folder.
    let pages = try Samples.pageFiles.map { page in
      try scratch.folder.file(
        "Samples/csto-pages/\(page.lastPathComponent)", try String(contentsOf: page, encoding: .utf8))
    }
    try scratch.importFiles(pages)
    mandate = try MandateCatalog.load(scratch.workspace).select(nil, workspace: scratch.workspace)
    desk = DecisionDesk(
      workspace: scratch.workspace, mandate: mandate, now: { Date(timeIntervalSince1970: 1_720_000_000) })
  }

  /// A few decisions of each kind, spread over the first two quarters: evidence of both
  /// strengths, a contradiction, a rejection and assessments that change between the quarters.
  func recordDecisions() throws {
    _ = try desk.tag(
      event: "cf54bebcea107f80", items: ["P2.3"], strength: .material, stance: .supports,
      note: "Command and staff training rehearsed a peacekeeping operation.", by: "sample analyst")
    _ = try desk.tag(
      event: "cf54bebcea107f80", items: ["P2.1"], strength: .declaratory, stance: .supports, note: nil,
      by: "sample analyst")
    _ = try desk.tag(
      event: "6239c86d2bebdc3a", items: ["P1.1"], strength: .declaratory, stance: .supports,
      note: "Working meeting with the head of UNAMA.", by: "sample analyst")
    _ = try desk.tag(
      event: "6306b49e721ecd87", items: ["P2.2"], strength: .material, stance: .supports, note: nil,
      by: "second analyst")
    _ = try desk.tag(
      event: "fc81e80203498dde", items: ["P1.1", "P1.2"], strength: .declaratory, stance: .supports,
      note: "Working Group on Afghanistan, 39th meeting.", by: "sample analyst")
    _ = try desk.tag(
      event: "fc81e80203498dde", items: ["P4.1"], strength: .declaratory, stance: .contradicts,
      note: "Drug trafficking from Afghanistan reported as growing.", by: "second analyst")
    _ = try desk.reject(event: "6306b49e721ecd87", items: ["P3.1"], note: nil, by: "sample analyst")
    _ = try desk.status(
      item: "P2.3", status: .inProgress, note: "Exercise prepared.", asOf: Day(iso: "2024-03-20"), by: "sample analyst")
    _ = try desk.status(
      item: "P2.3", status: .achieved, note: "Exercise announced for Kazakhstan.", asOf: Day(iso: "2024-05-15"),
      by: "sample analyst")
    _ = try desk.status(
      item: "P1.1", status: .inProgress, note: "Regular contacts with UN missions.", asOf: Day(iso: "2024-06-30"),
      by: "sample analyst")
    _ = try desk.status(
      item: "P5.1", status: .stalled, note: "Nothing heard since the chairmanship began.", asOf: Day(iso: "2024-06-01"),
      by: "second analyst")
  }

  /// The report on a quarter of the term (`2024 Q2`), with the generator's version replaced so
  /// golden files do not change with each release.
  func report(_ label: String = "2024 Q2", asOf: String = "2024-06-30") throws -> QuarterlyReport {
    let lock = try WorkspaceLock(stateDirectory: scratch.workspace.stateDirectory, mode: .shared)
    let index = try EventIndex.open(scratch.workspace, lock: lock).index
    let builder = ReportBuilder(mandate: mandate, index: index, lock: lock)
    let quarter = try #require(builder.quarters.quarters.first { $0.label == label })
    var report = try builder.build(
      ReportOptions(scope: .quarter(quarter), asOf: Day(iso: asOf), today: ScratchWorkspace.today))
    report.generator.version = "test"
    return report
  }
}
