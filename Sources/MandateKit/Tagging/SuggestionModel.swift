import Foundation

/// What the suggestion cache was scored with, kept beside it so that a change of the ledger
/// alone refreshes only the events it touches (`SuggestionCache`).
///
/// The ledger changes two things in scoring: which events are decided (they get no candidates)
/// and the weights of the features an item's rejections matched (`Suggester.learn`). The corpus
/// statistics and every event's matches depend only on the record and the mandate; they are
/// kept (`base` says for which), so an event needs scoring again only when its decision changed
/// or one of its matched features is weighted differently now.
struct SuggestionModel: Codable, Equatable {
  /// The fingerprint of everything but the ledger: engine, minimum score, mandate, record files.
  var base: String
  /// A digest of the features the scanning table holds (kinds, terms, spellings), in order.
  var features: String
  var documents: Int
  var totalLength: Int
  /// Document frequency of each feature of the scanning table.
  var frequencies: [Int]
  /// Per feature of the scanning table, the items using it and their weights (bit patterns).
  var users: [[Weight]]

  struct Weight: Codable, Equatable {
    var item: Int
    var bits: UInt64
  }

  init(base: String, features: FeatureSet, statistics: Suggester.Statistics) {
    self.base = base
    self.features = Self.digest(features)
    documents = statistics.documents
    totalLength = statistics.totalLength
    frequencies = Array(statistics.frequencies.prefix(features.users.count))
    users = Self.users(features)
  }

  /// The users of each feature of `features`' scanning table.
  static func users(_ features: FeatureSet) -> [[Weight]] {
    features.users.map { list in list.map { Weight(item: $0.item, bits: $0.weight.bitPattern) } }
  }

  /// Identifies the features the scanning table matches, so that stored matches stay comparable.
  static func digest(_ features: FeatureSet) -> String {
    var text = ""
    for feature in features.features.prefix(features.users.count) {
      text += "\(feature.kind.rawValue)|\(feature.term)"
      for spelling in feature.spellings { text += "|" + spelling.hashes.map(String.init).joined(separator: " ") }
      text += "\n"
    }
    return SHA256.hex(text)
  }

  /// The statistics for scoring with a feature set of `count` features (features beyond the
  /// scanning table never match, so their frequencies are never read).
  func statistics(features count: Int) -> Suggester.Statistics {
    var statistics = Suggester.Statistics(features: max(count, frequencies.count))
    statistics.documents = documents
    statistics.totalLength = totalLength
    for (feature, frequency) in frequencies.enumerated() { statistics.frequencies[feature] = frequency }
    return statistics
  }

  /// Features whose users differ between this model and `features`.
  func changedFeatures(_ features: FeatureSet) -> Set<Int32> {
    let now = Self.users(features)
    var changed = Set<Int32>()
    for feature in 0..<max(now.count, users.count) {
      let old = feature < users.count ? users[feature] : []
      let new = feature < now.count ? now[feature] : []
      if old != new { changed.insert(Int32(feature)) }
    }
    return changed
  }
}

/// An event's matches as the cache stores them: its length in words, then each matched feature
/// with its counts in the title and the text, in order of first match (the order scores add up in).
enum StoredMatches {
  static func encode(_ matches: FeatureMatches) -> Data {
    var values: [Int32] = [Int32(clamping: matches.length)]
    values.reserveCapacity(1 + matches.counts.count * 3)
    for count in matches.counts { values += [count.feature, count.title, count.text] }
    return values.withUnsafeBytes { Data($0) }
  }

  /// The matches (without spans), or nil when the bytes are not a stored list.
  static func decode(_ bytes: UnsafeRawBufferPointer) -> FeatureMatches? {
    guard bytes.count >= 4, bytes.count % 12 == 4 else { return nil }
    var matches = FeatureMatches()
    matches.length = Int(bytes.loadUnaligned(fromByteOffset: 0, as: Int32.self))
    var offset = 4
    while offset < bytes.count {
      matches.counts.append(
        (
          bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self),
          bytes.loadUnaligned(fromByteOffset: offset + 4, as: Int32.self),
          bytes.loadUnaligned(fromByteOffset: offset + 8, as: Int32.self)
        ))
      offset += 12
    }
    return matches
  }

  /// Whether the stored matches name any of `features`, without decoding them.
  static func names(_ bytes: UnsafeRawBufferPointer, any features: Set<Int32>) -> Bool {
    var offset = 4
    while offset + 12 <= bytes.count {
      if features.contains(bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)) { return true }
      offset += 12
    }
    return false
  }
}
