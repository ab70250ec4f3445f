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
final class SearchTokenizer: FTS5CustomTokenizer {
  static let name = "mandate_stem"

  private let stems = WordStems()

  init(db: Database, arguments: [String]) throws {}

  func tokenize(
    context: UnsafeMutableRawPointer?, tokenization: FTS5Tokenization, pText: UnsafePointer<CChar>?, nText: CInt,
    tokenCallback: @escaping FTS5TokenCallback
  ) -> CInt {
    guard let pText, nText > 0 else { return SQLITE_OK }
    let bytes = UnsafeRawPointer(pText).withMemoryRebound(to: UInt8.self, capacity: Int(nText)) {
      UnsafeBufferPointer(start: $0, count: Int(nText))
    }
    var code = SQLITE_OK
    let stems = self.stems
    WordScanner.scan(bytes) { word, range, script in
      guard code == SQLITE_OK else { return }
      code = stems.withStem(word, surface: WordStems.hash(word), script: script) { stem in
        UnsafeRawPointer(stem.baseAddress!).withMemoryRebound(to: CChar.self, capacity: stem.count) {
          tokenCallback(context, 0, $0, CInt(stem.count), CInt(range.lowerBound), CInt(range.upperBound))
        }
      }
    }
    return code
  }
}
