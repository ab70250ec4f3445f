import Testing

@testable import MandateKit

/// The search tokenizer's ASCII fast path hands out exactly the words `WordScanner` does.
@Suite struct SearchTokenizerTests {
  struct Token: Equatable, CustomStringConvertible {
    var word: String
    var hash: UInt64
    var script: WordScript
    var range: Range<Int>
    var description: String { "\(word) \(script) \(range)" }
  }

  static func viaTokenizer(_ text: String) -> [Token] {
    var text = text
    var tokens: [Token] = []
    let code = text.withUTF8 { bytes in
      SearchTokenizer.tokens(bytes) { word, hash, script, range in
        tokens.append(Token(word: String(decoding: word, as: UTF8.self), hash: hash, script: script, range: range))
        return 0
      }
    }
    #expect(code == 0)
    return tokens
  }

  static func viaScanner(_ text: String) -> [Token] {
    var text = text
    var tokens: [Token] = []
    text.withUTF8 { bytes in
      WordScanner.scan(bytes) { word, range, script in
        tokens.append(
          Token(word: String(decoding: word, as: UTF8.self), hash: WordStems.hash(word), script: script, range: range))
      }
    }
    return tokens
  }

  static let texts = [
    "",
    "   ",
    "On 11 March 2023, the CSTO's Collective Rapid Reaction Forces (CRRF) held drills.",
    "ОДКБ Ёлка ёж Café NAÏVE Straße Йошкар-Ола ХI 39th 2024",
    "«Нерушимое братство–2024», MILEX-2023” и\u{00A0}UN’s",
    "naïve cafe\u{0301} e\u{0301}clair x\u{200B}y Ab\u{0301}c 中国 日本語 Tokayev-Тоқаев",
    "МИРОТВОРЧЕСКИЙ Қазақстан ӘСКЕРИ, миротворческих; peacekeepers/peacekeeping",
    "end with letters abc",
    "end with a mark e\u{0301}",
    "\u{0301}starts with a mark, then ASCII",
    String(repeating: "a", count: 300) + " " + String(repeating: "Б", count: 200) + " x"
      + String(repeating: "é", count: 200),
    "digits 123abc abc123 ١٢٣ ½ Ⅻ",
    "tabs\tand\nnewlines\r\nand_underscores__x",
  ]

  @Test(arguments: texts) func agreesWithTheScanner(_ text: String) {
    #expect(Self.viaTokenizer(text) == Self.viaScanner(text))
  }

  @Test func stopsAtTheFirstError() {
    var text = "one two three четыре five"
    var seen = 0
    let code = text.withUTF8 { bytes in
      SearchTokenizer.tokens(bytes) { _, _, _, _ in
        seen += 1
        return seen == 2 ? 7 : 0
      }
    }
    #expect(code == 7)
    #expect(seen == 2)
  }
}

/// The tokenizer's memory of recent stems.
@Suite struct StemMemoTests {
  static func store(_ memo: StemMemo, _ hash: UInt64, _ stem: String) {
    var stem = stem
    stem.withUTF8 { memo.store(hash, $0) }
  }

  static func stem(_ memo: StemMemo, _ hash: UInt64) -> String? {
    memo.stem(hash).map { String(decoding: $0, as: UTF8.self) }
  }

  @Test func remembersAndReplaces() {
    let memo = StemMemo()
    #expect(Self.stem(memo, 42) == nil)
    Self.store(memo, 42, "peacekeep")
    Self.store(memo, 43, "миротворческ")
    #expect(Self.stem(memo, 42) == "peacekeep")
    #expect(Self.stem(memo, 43) == "миротворческ")
    // The same slot (the hash modulo the table's size), another word: the newer one wins.
    Self.store(memo, 42 + (1 << 16), "forc")
    #expect(Self.stem(memo, 42) == nil)
    #expect(Self.stem(memo, 42 + (1 << 16)) == "forc")
  }

  @Test func startsAgainWhenFull() {
    let memo = StemMemo()
    let stem = String(repeating: "x", count: 1000)
    for hash in 1...1100 { Self.store(memo, UInt64(hash), stem) }
    // 1,048 stems of 1,000 bytes fill the pool; the 1,049th empties it.
    #expect(Self.stem(memo, 1) == nil)
    #expect(Self.stem(memo, 1100) == stem)
    #expect(Self.stem(memo, 1049) == stem)
    #expect(Self.stem(memo, 1048) == nil)
  }
}
