/// An event id (16 lowercase hex digits, see `EventIdentity`) as the 64-bit number it spells: sets
/// of tens of thousands of ids cost a hash of 16 bytes and a heap string each as `String`s. Also
/// the one test of what a full event id is (the record, the ledger, imports and reports use it).
enum EventKey {
  static func of(_ id: String) -> UInt64? {
    var id = id
    return id.withUTF8 { parse($0) }
  }

  /// The id a key spells: 16 lowercase hex digits.
  static func id(_ key: UInt64) -> String {
    let digits = String(key, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }

  /// The key of an id's UTF-8 bytes; nil unless they are exactly 16 lowercase hex digits.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
    guard bytes.count == 16 else { return nil }
    var key: UInt64 = 0
    for byte in bytes {
      let digit: UInt8
      switch byte {
      case 0x30...0x39: digit = byte - 0x30
      case 0x61...0x66: digit = byte - 0x61 + 10
      default: return nil
      }
      key = key << 4 | UInt64(digit)
    }
    return key
  }
}
