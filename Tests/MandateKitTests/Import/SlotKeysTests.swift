import Testing

@testable import MandateKit

/// The import's table of slots by key.
@Suite struct SlotKeysTests {
  @Test func kindsAreKeptApart() {
    var keys = SlotKeys()
    keys.set(.id, 7, 1)
    keys.add(.lead, 7, 2)
    keys.add(.url, 7, 3)
    #expect(keys.first(.id, 7) == 1)
    #expect(keys.slots(.lead, 7) == [2])
    #expect(keys.slots(.url, 7) == [3])
    #expect(keys.first(.id, 8) == nil)
    #expect(keys.slots(.lead, 8) == [])
  }

  @Test func addKeepsEverySlotAndSetReplaces() {
    var keys = SlotKeys()
    keys.add(.lead, 42, 1)
    keys.add(.lead, 42, 1)
    keys.add(.lead, 42, 5)
    keys.add(.lead, 42, 9)
    #expect(keys.slots(.lead, 42) == [1, 5, 9])
    keys.set(.id, 42, 3)
    keys.set(.id, 42, 4)
    #expect(keys.slots(.id, 42) == [4])
  }

  /// Keys that would be 0 once salted (0 marks an empty slot) are kept too.
  @Test func theSaltedZeroKey() {
    var keys = SlotKeys()
    keys.set(.id, SlotKeys.Kind.id.rawValue, 11)
    #expect(keys.first(.id, SlotKeys.Kind.id.rawValue) == 11)
  }

  /// Growing keeps every key; a dictionary says what each must be.
  @Test func growsWithoutLosingKeys() {
    var keys = SlotKeys()
    var expected: [UInt64: Int32] = [:]
    var generator = SystemRandomNumberGenerator()
    for slot in 0..<50_000 {
      let key = UInt64.random(in: 1...UInt64.max, using: &generator)
      keys.set(.url, key, Int32(slot))
      expected[key] = Int32(slot)
    }
    for (key, slot) in expected { #expect(keys.first(.url, key) == slot) }
    #expect(keys.first(.id, expected.keys.first!) == nil)
  }
}
