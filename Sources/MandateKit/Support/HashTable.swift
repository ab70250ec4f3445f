/// A fixed open-addressing table from 64-bit keys that are already hashes (FNV-1a of words) to
/// small integers: probing uses the key's own bits, where `Dictionary` would hash it again with
/// SipHash on every lookup of every word of every event.
struct UInt64Table: Sendable {
  private var keys: [UInt64]
  private var values: [Int32]
  private let mask: Int

  /// A table for up to `capacity` keys (sized to a load under one half).
  init(capacity: Int) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    keys = Array(repeating: 0, count: size)
    values = Array(repeating: -1, count: size)
    mask = size - 1
  }

  /// The value for `key`, or nil. The key 0 is never stored (it marks empty slots).
  @inline(__always)
  func value(for key: UInt64) -> Int32? {
    var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
    while true {
      let stored = keys[slot]
      if stored == key { return values[slot] }
      if stored == 0 { return nil }
      slot = (slot + 1) & mask
    }
  }

  mutating func set(_ value: Int32, for key: UInt64) {
    precondition(key != 0)
    var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
    while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
    keys[slot] = key
    values[slot] = value
  }
}
