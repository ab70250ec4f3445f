import Foundation
import MandateKit

/// Writes a synthetic ledger into a benchmark workspace: `--tags N` tags spread evenly over the
/// events dated in the mandate's term (items in turn, every third material, every twentieth
/// contradicting) and one status per item, so that reports run against a ledger of a known size.
/// `--analysts K` deals the decisions to K analysts in turn (a file each); `--one-file` writes
/// them all to `Tags/<mandate>.yaml` in schema 2, the layout before a file per analyst, for
/// comparing. Deterministic: the same record gives the same ledger.
enum LedgerBench {
  static func run(_ arguments: [String]) throws {
    guard let root = Measure.option("--workspace", in: arguments) else {
      throw BenchError.usage("ledger --workspace DIR --tags N")
    }
    let count = Int(Measure.option("--tags", in: arguments) ?? "20000") ?? 20000
    let analysts = max(1, Int(Measure.option("--analysts", in: arguments) ?? "1") ?? 1)
    let oneFile = arguments.contains("--one-file")
    func analyst(_ number: Int) -> String { analysts == 1 ? "bench" : "bench \(number % analysts + 1)" }
    let workspace = Workspace(root: URL(fileURLWithPath: root))
    guard let mandate = MandateCatalog.load(workspace).mandates.first else { throw BenchError.failed("no mandate") }
    let events = try termEventIDs(workspace, term: mandate.term)
    guard !events.isEmpty else { throw BenchError.failed("no events dated in the term") }
    let items = mandate.items
    let at = Date(timeIntervalSince1970: 1_732_000_000)
    var decisions: [Decision] = []
    decisions.reserveCapacity(count + items.count)
    let step = max(1, events.count / max(1, count))
    for number in 0..<count {
      let item = items[number % items.count]
      decisions.append(
        Decision(
          kind: .tag, event: events[(number * step) % events.count], item: item.id,
          strength: number % 3 == 0 ? .material : .declaratory, stance: number % 20 == 19 ? .contradicts : .supports,
          note: number % 4 == 0 ? "benchmark note \(number)" : nil, fingerprint: Fingerprint.of(text: item.text),
          by: analyst(number), at: at.addingTimeInterval(Double(number))))
    }
    let statuses: [ItemStatus] = [.inProgress, .stalled, .achieved, .partlyAchieved, .notAchieved, .notYetRated]
    for (number, item) in items.enumerated() {
      decisions.append(
        Decision(
          kind: .status, item: item.id, note: "benchmark assessment", status: statuses[number % statuses.count],
          asOf: mandate.term.start, by: analyst(number), at: at.addingTimeInterval(Double(count + number))))
    }
    let ledger = LedgerFile(workspace: workspace, mandateID: mandate.id)
    let seconds = try Measure.seconds {
      if oneFile {
        try? FileManager.default.removeItem(at: ledger.folder)
        let lines = decisions.map { LedgerLine.encode($0) + "\n" }.joined()
        let text = "schema: 2\nmandate: \(mandate.id)\ndecisions:\n" + lines
        try AtomicFile.write(Data(text.utf8), to: ledger.url)
      } else {
        try ledger.rewrite(decisions)
      }
    }
    print(
      String(
        format: "case ledger tags %d statuses %d analysts %d files %d term_events %d write_seconds %.3f", count,
        items.count, analysts, ledger.files.count, events.count, seconds))
  }

  /// Ids of the record's events dated in `term`, in the record's order.
  static func termEventIDs(_ workspace: Workspace, term: DayRange) throws -> [String] {
    let record = EventRecord(directory: workspace.eventsDirectory)
    var ids: [String] = []
    for partition in record.partitions() where partition != EventRecord.undatedPartition {
      for line in try record.lines(partition: partition) {
        guard
          let object = try JSONSerialization.jsonObject(with: Data(line.bytes)) as? [String: Any],
          let id = object["id"] as? String, let date = (object["date"] as? String).flatMap({ Day(iso: $0) }),
          term.contains(date)
        else { continue }
        ids.append(id)
      }
    }
    return ids
  }
}
