import Foundation
import GRDB

extension Suggester {
  /// The events with these rowids as suggestions show them, with their texts, read on all cores
  /// (each share through its own connection, on SQLite's buffers).
  func texts(_ rowids: [Int64]) throws -> [Int64: (summary: EventSummary, text: String)] {
    guard !rowids.isEmpty else { return [:] }
    let shares = min(Parallel.width, max(1, rowids.count / 256))
    let results = SharedSlots<(Int64, EventSummary, String)>(count: shares)
    let index = self.index
    DispatchQueue.concurrentPerform(iterations: shares) { share in
      let slice = rowids[(rowids.count * share / shares)..<(rowids.count * (share + 1) / shares)]
      do {
        let rows = try index.read { db -> [(Int64, EventSummary, String)] in
          var rows: [(Int64, EventSummary, String)] = []
          rows.reserveCapacity(slice.count)
          var start = slice.startIndex
          while start < slice.endIndex {
            let chunk = slice[start..<min(start + 500, slice.endIndex)]
            start = chunk.endIndex
            // Rowids are the index's own integers: written into the statement as they are.
            let list = chunk.map(String.init).joined(separator: ",")
            let sql = "SELECT rowid, id, date, date_end, precision, title, body FROM event WHERE rowid IN (\(list))"
            try RawRows.scan(db, sql: sql) { row in
              let text = row.string(6) ?? ""
              let title = row.string(5)
              let summary = EventSummary(
                id: row.string(1) ?? "", date: row.day(2), dateEnd: row.day(3),
                datePrecision: row.string(4).flatMap(DatePrecision.init(rawValue:)) ?? .none, title: title,
                headline: title.flatMap { $0.isEmpty ? nil : $0 } ?? Event.firstWords(of: text, limit: 100))
              rows.append((Int64(row.int(0) ?? 0), summary, text))
            }
          }
          return rows
        }
        results.store(rows, at: share)
      } catch {
        results.fail(error)
      }
    }
    var texts: [Int64: (summary: EventSummary, text: String)] = [:]
    texts.reserveCapacity(rowids.count)
    for (rowid, summary, text) in try results.collect() { texts[rowid] = (summary, text) }
    return texts
  }
}
