import Foundation
import GRDB

extension SuggestionCorpus {
  /// Reads every event and matches it against `features`, on all cores at once: the rows are cut
  /// into shares by rowid, a few per core so that a core that finishes early takes the next, and
  /// each share is read through its own connection (the pool's readers), so reading overlaps
  /// matching. `range` decides which events are placed; `decided` and `wanted` are ids; where
  /// matches are and their forms (for passages and reasons) are kept for at most `detailBudget` bytes.
  init(
    index: EventIndex, features: FeatureSet, range: DayRange?, decided: Set<String>, wanted: Set<String>?,
    detailBudget: Int
  ) throws {
    let placedSQL = range == nil ? "1" : EventIndex.placedCondition("")
    let arguments = range.map { [$0.start.description, $0.end.description, $0.start.description, $0.end.description] }
    let maxRowid = try index.read { db in try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM event") ?? 0 }
    let count = maxRowid < 4096 ? 1 : Parallel.width * 4
    let budget = detailBudget / count
    let (decidedKeys, decidedOdd) = Self.keys(decided)
    let (wantedKeys, wantedOdd) = Self.keys(wanted ?? [])
    let results = SharedSlots<(Share, Suggester.Statistics)>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { number in
      let low = maxRowid * Int64(number) / Int64(count)
      let high = maxRowid * Int64(number + 1) / Int64(count)
      var share = Share()
      var statistics = Suggester.Statistics(features: features.features.count)
      let scratch = FeatureMatches.Scratch()
      do {
        try index.read { db in
          let sql = """
            SELECT rowid, id, date, date_end, title IS NULL, title, body, \(placedSQL) FROM event
            WHERE rowid > \(low) AND rowid <= \(high)
            """
          try RawRows.scan(db, sql: sql, arguments: arguments ?? []) { row in
            let matches = row.withBytes(5) { title in
              row.withBytes(6) { body in
                FeatureMatches(
                  title: row.int(4) == 1 ? nil : title, text: body, features: features, scratch: scratch)
              }
            }
            let key = row.eventKey(1)
            let odd = key == nil ? row.string(1) ?? "" : nil
            let date = row.day(2)
            statistics.documents += 1
            statistics.totalLength += matches.length
            for match in matches.counts { statistics.frequencies[Int(match.feature)] += 1 }
            if let odd { share.odd[Int32(share.entries.count)] = odd }
            let detail = share.detailBytes < budget ? share.keep(matches) : -1
            share.entries.append(
              Entry(
                rowid: Int64(row.int(0) ?? 0), key: key ?? .max, day: Int32(date?.ordinal ?? 0),
                end: Int32(row.day(3)?.ordinal ?? 0), length: Int32(clamping: matches.length),
                counts: Int32(share.counts.count), countCount: Int32(matches.counts.count),
                detail: detail, share: UInt16(number),
                undated: date == nil, placed: row.int(7) == 1,
                decided: key.map { decidedKeys.contains($0) } ?? decidedOdd.contains(odd ?? ""),
                wanted: key.map { wantedKeys.contains($0) } ?? wantedOdd.contains(odd ?? "")))
            share.counts.append(contentsOf: matches.counts)
          }
        }
        results.store([(share, statistics)], at: number)
      } catch {
        results.fail(error)
      }
    }
    shares = []
    statistics = Suggester.Statistics(features: features.features.count)
    for (share, counted) in try results.collect() {
      shares.append(share)
      statistics.documents += counted.documents
      statistics.totalLength += counted.totalLength
      for (feature, frequency) in counted.frequencies.enumerated() { statistics.frequencies[feature] += frequency }
    }
  }

  /// Ids as `EventKey`s, and those that are not keys as they are.
  private static func keys(_ ids: Set<String>) -> (Set<UInt64>, Set<String>) {
    var keys = Set<UInt64>()
    var odd = Set<String>()
    for id in ids {
      if let key = EventKey.of(id) { keys.insert(key) } else { odd.insert(id) }
    }
    return (keys, odd)
  }
}

extension SuggestionCorpus.Share {
  /// Stores the spans and forms of `matches` and returns where.
  mutating func keep(_ matches: FeatureMatches) -> Int32 {
    guard !matches.counts.isEmpty else { return -1 }
    details.append((Int32(spans.count), Int32(matches.spans.count), Int32(forms.count), Int32(matches.forms.count)))
    for span in matches.spans {
      spans.append((Int32(span.feature), Int32(span.range.lowerBound), Int32(span.range.upperBound)))
    }
    for form in matches.forms {
      let start = formBytes.count
      formBytes.append(contentsOf: form.form.utf8)
      forms.append((form.feature, Int32(start), Int32(formBytes.count)))
      detailBytes += form.form.utf8.count
    }
    detailBytes += 16 + 12 * (matches.spans.count + matches.forms.count)
    return Int32(details.count - 1)
  }
}
