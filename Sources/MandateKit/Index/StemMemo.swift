/// The stems of the words a search tokenizer met last, by the folded word's hash
/// (`WordStems.hash`), in plain memory: one slot per hash value modulo the table's size, a newer
/// word taking the slot of an older one.
///
/// `WordStems` already keeps every stem, but reaching it costs a few hundred instructions a word
/// (its tables are a class's arrays, checked for exclusive access on every use), which the
/// full-text index pays for every word of every event on the thread that writes the index.
/// Here a word seen before costs one comparison. Used from one thread at a time, like the
/// tokenizer that owns it.
final class StemMemo {
  private static let slotCount = 1 << 16
  private static let poolBytes = 1 << 20
  /// The word hash in each slot (0: empty), and where its stem is in `pool` (offset << 32 | length).
  private let keys: UnsafeMutablePointer<UInt64>
  private let places: UnsafeMutablePointer<UInt64>
  private let pool: UnsafeMutablePointer<UInt8>
  /// Bytes of `pool` in use.
  private let used: UnsafeMutablePointer<Int>

  init() {
    keys = .allocate(capacity: Self.slotCount)
    keys.initialize(repeating: 0, count: Self.slotCount)
    places = .allocate(capacity: Self.slotCount)
    places.initialize(repeating: 0, count: Self.slotCount)
    pool = .allocate(capacity: Self.poolBytes)
    used = .allocate(capacity: 1)
    used.initialize(to: 0)
  }

  deinit {
    keys.deallocate()
    places.deallocate()
    pool.deallocate()
    used.deallocate()
  }

  @inline(__always)
  private static func slot(_ hash: UInt64) -> Int {
    Int(truncatingIfNeeded: hash ^ (hash >> 29)) & (slotCount - 1)
  }

  /// The stem of the word whose hash is `hash` (never 0), if remembered; valid until the next `store`.
  @inline(__always)
  func stem(_ hash: UInt64) -> UnsafeBufferPointer<UInt8>? {
    let slot = Self.slot(hash)
    guard keys[slot] == hash else { return nil }
    let place = places[slot]
    return UnsafeBufferPointer(start: pool + Int(place >> 32), count: Int(place & 0xFFFF_FFFF))
  }

  /// Remembers `stem` for the word whose hash is `hash`; starts again when the pool is full.
  func store(_ hash: UInt64, _ stem: UnsafeBufferPointer<UInt8>) {
    guard let base = stem.baseAddress, stem.count <= Self.poolBytes / 64 else { return }
    if used.pointee + stem.count > Self.poolBytes {
      keys.update(repeating: 0, count: Self.slotCount)
      used.pointee = 0
    }
    let offset = used.pointee
    (pool + offset).update(from: base, count: stem.count)
    used.pointee = offset + stem.count
    let slot = Self.slot(hash)
    keys[slot] = hash
    places[slot] = UInt64(offset) << 32 | UInt64(stem.count)
  }
}
