/// An import's slots by key: event ids, opening keys and URL keys in one open-addressing table
/// probed with the keys' own bits (they are hashes already), each kind's keys set apart by a
/// constant mixed into them.
///
/// A million events have three million keys: three dictionaries held them at under half load
/// each (72 MB, hashing every key again with SipHash); one table at up to three quarters holds
/// them in 48 MB. A key usually has one slot; further slots of a key (equal keys that did not
/// match on closer look, rare) go to an overflow dictionary.
struct SlotKeys {
  enum Kind: UInt64 {
    case id = 0x9E37_79B9_7F4A_7C15
    case lead = 0xC2B2_AE3D_27D4_EB4F
    case url = 0x1656_67B1_9E37_79F9
  }

  /// 0 marks an empty slot.
  private var keys = [UInt64](repeating: 0, count: 1024)
  private var values = [Int32](repeating: -1, count: 1024)
  private var count = 0
  private var more: [UInt64: [Int32]] = [:]

  @inline(__always)
  private static func salted(_ key: UInt64, _ kind: Kind) -> UInt64 {
    let salted = key ^ kind.rawValue
    return salted == 0 ? 1 : salted
  }

  /// Where `key` is, or the empty slot where it would go.
  @inline(__always)
  private func position(_ key: UInt64) -> Int {
    let mask = keys.count - 1
    var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
    while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
    return slot
  }

  /// The first slot of `key`.
  func first(_ kind: Kind, _ key: UInt64) -> Int32? {
    let position = position(Self.salted(key, kind))
    return keys[position] == 0 ? nil : values[position]
  }

  /// Every slot of `key`, the first first.
  func slots(_ kind: Kind, _ key: UInt64) -> [Int32] {
    let salted = Self.salted(key, kind)
    guard let first = first(kind, key) else { return [] }
    return [first] + (more[salted] ?? [])
  }

  /// Makes `slot` the only slot of `key`.
  mutating func set(_ kind: Kind, _ key: UInt64, _ slot: Int32) {
    insert(Self.salted(key, kind), slot, replacing: true)
  }

  /// Adds `slot` to those of `key`.
  mutating func add(_ kind: Kind, _ key: UInt64, _ slot: Int32) {
    insert(Self.salted(key, kind), slot, replacing: false)
  }

  private mutating func insert(_ key: UInt64, _ slot: Int32, replacing: Bool) {
    let position = position(key)
    if keys[position] == key {
      if replacing {
        values[position] = slot
        more[key] = nil
      } else if values[position] != slot {
        more[key, default: []].append(slot)
      }
      return
    }
    keys[position] = key
    values[position] = slot
    count += 1
    if count * 4 > keys.count * 3 { grow() }
  }

  private mutating func grow() {
    let (oldKeys, oldValues) = (keys, values)
    keys = []
    values = []
    keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
    values = [Int32](repeating: -1, count: oldKeys.count * 2)
    for index in oldKeys.indices where oldKeys[index] != 0 {
      let position = position(oldKeys[index])
      keys[position] = oldKeys[index]
      values[position] = oldValues[index]
    }
  }
}
