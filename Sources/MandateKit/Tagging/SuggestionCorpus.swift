import Foundation
import GRDB

/// Every event of the index as the first pass of scoring keeps it: where it sorts, whether it is
/// placed, decided or asked for, and its matches, packed into a few flat arrays per share of the
/// scan; plus the corpus statistics, which need every event before any can be scored.
///
/// Nothing else is kept (no ids, titles or texts: the events listed are read again once scored),
/// so that scoring a million events holds a few hundred bytes per event rather than everything
/// the scan saw. The matches' details (where in the text each match is, and the forms the news
/// wrote) are kept while they fit in `detailBudget`; an event scanned beyond it is matched again
/// from its text when it is listed, which gives the same matches.
struct SuggestionCorpus: Sendable {
  /// One event.
  struct Entry: Sendable {
    var rowid: Int64
    /// `EventKey` of the id, or `UInt64.max` when the id is not one (`odd` then has it).
    var key: UInt64
    var day: Int32
    var end: Int32
    var length: Int32
    /// Its matched features in its share's `counts`.
    var counts: Int32
    var countCount: Int32
    /// Its details in its share's `details`, or -1.
    var detail: Int32
    var share: UInt16
    var undated: Bool
    var placed: Bool
    var decided: Bool
    var wanted: Bool
  }

  /// What one thread of the scan read: its events and the pools they point into.
  struct Share: Sendable {
    var entries: [Entry] = []
    var counts: [(feature: Int32, title: Int32, text: Int32)] = []
    var details: [(spans: Int32, spanCount: Int32, forms: Int32, formCount: Int32)] = []
    var spans: [(feature: Int32, lower: Int32, upper: Int32)] = []
    /// Forms as the news wrote them: feature and byte range in `formBytes`.
    var forms: [(feature: Int32, lower: Int32, upper: Int32)] = []
    var formBytes: [UInt8] = []
    /// Ids that are not `EventKey`s, by entry.
    var odd: [Int32: String] = [:]
    var detailBytes = 0
  }

  /// Where an event is: its share and its place in the share.
  struct Place: Sendable {
    var share: Int32
    var entry: Int32
  }

  /// Details are kept for at most this many bytes in all; beyond, events are matched again when
  /// listed.
  static let detailBudget = 64 << 20

  var shares: [Share]
  var statistics: Suggester.Statistics

  func entry(_ place: Place) -> Entry { shares[Int(place.share)].entries[Int(place.entry)] }

  /// The event's id.
  func id(_ place: Place) -> String {
    let share = shares[Int(place.share)]
    if let odd = share.odd[place.entry] { return odd }
    return EventKey.id(share.entries[Int(place.entry)].key)
  }

  /// The event's matches: counts and length always; the spans and forms when they were kept
  /// (`complete`), else the event's text must be matched again for them.
  func matches(_ place: Place) -> (matches: FeatureMatches, complete: Bool) {
    let share = shares[Int(place.share)]
    let entry = share.entries[Int(place.entry)]
    var matches = FeatureMatches()
    matches.length = Int(entry.length)
    matches.counts = Array(share.counts[Int(entry.counts)..<Int(entry.counts + entry.countCount)])
    guard entry.detail >= 0 else { return (matches, entry.countCount == 0) }
    let detail = share.details[Int(entry.detail)]
    matches.spans = share.spans[Int(detail.spans)..<Int(detail.spans + detail.spanCount)].map {
      (Int($0.feature), Int($0.lower)..<Int($0.upper))
    }
    matches.forms = share.forms[Int(detail.forms)..<Int(detail.forms + detail.formCount)].map {
      ($0.feature, String(decoding: share.formBytes[Int($0.lower)..<Int($0.upper)], as: UTF8.self))
    }
    return (matches, true)
  }

  /// The events `include` accepts, in date order (undated last), then by id.
  func order(_ include: (Entry) -> Bool) -> [Place] {
    var places: [Place] = []
    for (number, share) in shares.enumerated() {
      for (position, entry) in share.entries.enumerated() where include(entry) {
        places.append(Place(share: Int32(number), entry: Int32(position)))
      }
    }
    // The keys of the dates and ids are integers; ids that are not keys are compared as written.
    places.sort { a, b in
      let x = entry(a)
      let y = entry(b)
      let left = (x.undated ? 1 : 0, x.day, x.end, x.key)
      let right = (y.undated ? 1 : 0, y.day, y.end, y.key)
      if left != right { return left < right }
      return id(a) < id(b)
    }
    return places
  }
}
