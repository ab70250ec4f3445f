import Foundation
import Testing

@testable import MandateKit

/// A full disk through the `SimulatedWriteFailure` seam, which runs everywhere; the CLI tests in
/// `DiskFaultTests` use a real small tmpfs where mounting is allowed.
@Suite struct FullDiskTests {
  func strayTemporaries(_ folder: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.contains(".tmp-") }
  }

  @Test func aTagOnAFullDiskFailsAndLeavesTheLedgerAsItWas() throws {
    let scratch = try ScratchWorkspace()
    try scratch.importFiles(Samples.pageFiles)
    let mandate = try #require(MandateCatalog.load(scratch.workspace).mandates.first)
    let desk = DecisionDesk(workspace: scratch.workspace, mandate: mandate)
    _ = try desk.tag(event: "fc81e802", items: ["P1.1"], strength: .declaratory, stance: .supports, note: nil, by: "a")
    let ledger = scratch.workspace.tagsDirectory.appendingPathComponent("kz-csto-2024/a.yaml")
    let before = try Data(contentsOf: ledger)

    let error = #expect(throws: RecordError.self) {
      try SimulatedWriteFailure.with(ENOSPC, under: scratch.workspace.tagsDirectory) {
        try desk.tag(event: "fc81e802", items: ["P1.2"], strength: .material, stance: .supports, note: nil, by: "a")
      }
    }
    #expect(
      error?.errorDescription
        == "cannot write \(ledger.path): No space left on device; the record was left as it was")
    #expect(try Data(contentsOf: ledger) == before)
    #expect(strayTemporaries(scratch.workspace.tagsDirectory).isEmpty)
    #expect(strayTemporaries(ledger.deletingLastPathComponent()).isEmpty)

    // With room again, the decision is recorded and the index follows.
    let outcome = try desk.tag(
      event: "fc81e802", items: ["P1.2"], strength: .material, stance: .supports, note: nil, by: "a")
    #expect(outcome.recorded.map(\.item) == ["P1.2"])
    let state = try scratch.index().ledgerState(mandate: mandate.id)
    #expect(state.tags.keys.map(\.item).sorted() == ["P1.1", "P1.2"])
  }

  @Test func anImportOnAFullDiskFailsAndLeavesTheRecordAsItWas() throws {
    let scratch = try ScratchWorkspace()
    try scratch.importFiles(Samples.pageFiles)
    let before = try scratch.recordFiles()
    let counts = try scratch.index().counts()
    let news = try scratch.folder.file(
      "news.jsonl",
      """
      {"date": "2024-04-02", "title": "Consultations in Astana", "body": "Ministers met in Astana."}
      {"date": "2024-09-12", "title": "Exercise held", "body": "The exercise was held in September."}

      """)

    let error = #expect(throws: RecordError.self) {
      try SimulatedWriteFailure.with(ENOSPC, under: scratch.workspace.eventsDirectory) {
        try scratch.importFiles([news])
      }
    }
    #expect(
      error?.errorDescription?.hasSuffix(".jsonl: No space left on device; the record was left as it was") == true)
    #expect(error?.errorDescription?.contains(scratch.workspace.eventsDirectory.path + "/2024-") == true)
    #expect(try scratch.recordFiles() == before)
    #expect(strayTemporaries(scratch.workspace.eventsDirectory).isEmpty)
    #expect(try scratch.index().counts() == counts)

    let report = try scratch.importFiles([news])
    #expect(report.newEvents == 2)
    #expect(try scratch.index().counts().total == counts.total + 2)
  }
}
