import Foundation
import GRDB

extension Suggester {
  /// The texts of the events with these rowids, read on all cores (each share through its own
  /// connection, on SQLite's buffers).
  func bodies(_ rowids: [Int64]) throws -> [Int64: String] {
    guard !rowids.isEmpty else { return [:] }
    let shares = min(Parallel.width, max(1, rowids.count / 256))
    let results = SharedSlots<(Int64, String)>(count: shares)
    let index = self.index
    DispatchQueue.concurrentPerform(iterations: shares) { share in
      let slice = rowids[(rowids.count * share / shares)..<(rowids.count * (share + 1) / shares)]
      do {
        let rows = try index.read { db -> [(Int64, String)] in
          var rows: [(Int64, String)] = []
          rows.reserveCapacity(slice.count)
          var start = slice.startIndex
          while start < slice.endIndex {
            let chunk = slice[start..<min(start + 500, slice.endIndex)]
            start = chunk.endIndex
            // Rowids are the index's own integers: written into the statement as they are.
            let list = chunk.map(String.init).joined(separator: ",")
            try RawRows.scan(db, sql: "SELECT rowid, body FROM event WHERE rowid IN (\(list))") { row in
              rows.append((Int64(row.int(0) ?? 0), row.string(1) ?? ""))
            }
          }
          return rows
        }
        results.store(rows, at: share)
      } catch {
        results.fail(error)
      }
    }
    var bodies: [Int64: String] = [:]
    bodies.reserveCapacity(rowids.count)
    for (rowid, body) in try results.collect() { bodies[rowid] = body }
    return bodies
  }

}
