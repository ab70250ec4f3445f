import GRDB
import GRDBSQLite

/// The full-text index's tokenizer (`tokenize='mandate_stem'`): the words `WordScanner` splits and
/// folds, each indexed by its Snowball stem (`WordStems`), so that a search for
/// «миротворческий» finds «миротворческих» and «миротворческого», "peacekeepers" finds
/// "peacekeeping", and suggestions and searches agree on what a word is.
///
/// Each token keeps the byte range of the word as written, so `highlight()` and `snippet()` mark
/// the inflected forms a search matched. A query is tokenized the same way. Every connection to
/// the index registers it (`EventIndex.configuration`); SQLite makes one per connection, which
/// uses it from one thread at a time, so each keeps its own stems.
///
/// Every word of every imported event passes through here, on the thread that writes the index,
/// so the text is cut at ASCII separators first (where `WordScanner` always ends a word): a run of
/// ASCII letters and digits is folded and hashed in one pass, and only runs holding other
/// characters go through `WordScanner`. The tokens are the same either way
/// (`SearchTokenizerTests`).
final class SearchTokenizer: FTS5CustomTokenizer {
  static let name = "mandate_stem"

  private let stems = WordStems()
  private let memo = StemMemo()

  init(db: Database, arguments: [String]) throws {}

  func tokenize(
    context: UnsafeMutableRawPointer?, tokenization: FTS5Tokenization, pText: UnsafePointer<CChar>?, nText: CInt,
    tokenCallback: @escaping FTS5TokenCallback
  ) -> CInt {
    guard let pText, nText > 0 else { return SQLITE_OK }
    let bytes = UnsafeRawPointer(pText).withMemoryRebound(to: UInt8.self, capacity: Int(nText)) {
      UnsafeBufferPointer(start: $0, count: Int(nText))
    }
    let (stems, memo) = (self.stems, self.memo)
    return Self.tokens(bytes) { word, surface, script, range in
      func pass(_ stem: UnsafeBufferPointer<UInt8>) -> CInt {
        UnsafeRawPointer(stem.baseAddress!).withMemoryRebound(to: CChar.self, capacity: stem.count) {
          tokenCallback(context, 0, $0, CInt(stem.count), CInt(range.lowerBound), CInt(range.upperBound))
        }
      }
      guard WordStems.stems(script, length: word.count) else { return pass(word) }
      if let stem = memo.stem(surface) { return pass(stem) }
      return stems.withStem(word, surface: surface, script: script) { stem in
        memo.store(surface, stem)
        return pass(stem)
      }
    }
  }

  /// Calls `emit` with each word of `bytes` as `WordScanner` folds it, its hash
  /// (`WordStems.hash`), its script and its byte range, until `emit` returns an error code.
  static func tokens(
    _ bytes: UnsafeBufferPointer<UInt8>,
    _ emit: (UnsafeBufferPointer<UInt8>, UInt64, WordScript, Range<Int>) -> CInt
  ) -> CInt {
    guard let base = bytes.baseAddress else { return SQLITE_OK }
    let count = bytes.count
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: WordScanner.maxWordBytes) { folded in
      var code = SQLITE_OK
      var index = 0
      while index < count, code == SQLITE_OK {
        let byte = base[index]
        if byte < 0x80, Self.kind(byte) == 0 {
          index += 1
          continue
        }
        // The run up to the next ASCII separator, folded and hashed if it is all ASCII.
        let start = index
        var length = 0
        var digits = false
        var hash = FNV1a.offsetBasis
        var ascii = true
        while index < count {
          let byte = base[index]
          if byte >= 0x80 {
            ascii = false
            break
          }
          let kind = Self.kind(byte)
          if kind == 0 { break }
          if kind == 2 { digits = true }
          let lower = kind == 1 ? byte | 0x20 : byte
          if length < WordScanner.maxWordBytes {
            folded[length] = lower
            hash = (hash ^ UInt64(lower)) &* FNV1a.prime
          }
          length += 1
          index += 1
        }
        if ascii {
          let word = UnsafeBufferPointer(rebasing: folded[0..<min(length, WordScanner.maxWordBytes)])
          code = emit(word, hash == 0 ? 1 : hash, digits ? .none : .latin, start..<index)
          continue
        }
        while index < count, base[index] >= 0x80 || Self.kind(base[index]) != 0 { index += 1 }
        WordScanner.scan(UnsafeBufferPointer(start: base + start, count: index - start)) { word, range, script in
          guard code == SQLITE_OK else { return }
          code = emit(word, WordStems.hash(word), script, (range.lowerBound + start)..<(range.upperBound + start))
        }
      }
      return code
    }
  }

  /// What an ASCII byte is to `WordScanner`: 0 separates words, 1 is a letter, 2 a digit.
  @inline(__always)
  private static func kind(_ byte: UInt8) -> UInt8 {
    if (byte | 0x20) &- 0x61 < 26 { return 1 }
    return byte &- 0x30 < 10 ? 2 : 0
  }
}
