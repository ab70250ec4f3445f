/// Words as the suggestion engine compares them: split and folded by `WordScanner` (lower case,
/// Latin diacritics removed, "ё" as "е"), reduced to their Snowball stems (`WordStems`), each
/// hashed to 64 bits. "Peacekeepers" and "peacekeeping" are one word to it, and so are
/// «миротворческих», «миротворческие» and «миротворческого».
///
/// Each word also keeps the hash of its folded form as written, so that a reason can say which
/// form of a keyword the news used.
enum Tokens {
  /// A word of a text: its stem, and its folded form as written.
  struct Token: Equatable, Sendable {
    var stem: String
    var form: String
  }

  /// The words of `text`, in order, folded, with their stems.
  static func tokens(_ text: String) -> [Token] {
    let stems = WordStems.current
    var text = UnicodeNFC.normalize(text)
    var result: [Token] = []
    text.withUTF8 { bytes in
      WordScanner.scan(bytes) { word, _, script in
        let surface = WordStems.hash(word)
        result.append(
          Token(
            stem: stems.withStem(word, surface: surface, script: script) { String(decoding: $0, as: UTF8.self) },
            form: String(decoding: word, as: UTF8.self)))
      }
    }
    return result
  }

  /// The stems of the words of `text`, in order.
  static func words(_ text: String) -> [Substring] {
    tokens(text).map { Substring($0.stem) }
  }

  /// Hashes of the stems of the words of `text`, in order.
  static func hashes(_ text: String) -> [UInt64] {
    var result: [UInt64] = []
    scan(UnicodeNFC.normalize(text)) { hash, _, _ in result.append(hash) }
    return result
  }

  /// Hashes of the folded words of `text` as written (not stemmed), in order.
  static func surfaceHashes(_ text: String) -> [UInt64] {
    var result: [UInt64] = []
    scan(UnicodeNFC.normalize(text)) { _, surface, _ in result.append(surface) }
    return result
  }

  /// Calls `body` with each word's stem hash, the hash of its folded form as written, and its
  /// byte range in `text`'s UTF-8, in one pass. `text` must be NFC already (events' text is, see
  /// `UnicodeNFC`), since the ranges are in its own bytes.
  @inline(__always)
  static func scan(_ text: String, _ body: (UInt64, UInt64, Range<Int>) -> Void) {
    var text = text
    text.withUTF8 { scan(bytes: $0, body) }
  }

  /// `scan` on UTF-8 bytes (NFC).
  @inline(__always)
  static func scan(bytes: UnsafeBufferPointer<UInt8>, _ body: (UInt64, UInt64, Range<Int>) -> Void) {
    let stems = WordStems.current
    WordScanner.scanHashing(bytes) { word, surface, range, script in
      body(stems.stemHash(word, surface: surface, script: script), surface, range)
    }
  }

  /// Function words of English and Russian, the verbs of intent every declared priority uses
  /// ("improvement of", "deepening", "aimed at"; «совершенствование», «углубление»), officials'
  /// titles and month names: they say nothing about which item a news item is about. Kept as
  /// stems, as they are compared.
  static let stopwords: Set<String> = Set((englishStopwords + russianStopwords).flatMap { words($0).map(String.init) })

  static let englishStopwords = [
    "a", "about", "above", "after", "against", "aimed", "all", "also", "among", "an", "and", "any", "are", "as", "at",
    "basis", "be", "been", "being", "between", "both", "but", "by", "can", "carrying", "do", "does", "during",
    "each", "for", "from", "further", "had", "has", "have", "he", "her", "his", "if", "in", "including", "into", "is",
    "it", "its", "more", "most", "new", "no", "not", "of", "on", "or", "other", "our", "out", "over", "part",
    "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "through",
    "to", "under", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "will",
    "with", "within", "would", "well", "framework", "improvement", "improving", "development", "deepening",
    "strengthening", "working", "implementation", "intensification", "activity", "activities", "measures",
    "field", "issue", "aspects", "level", "conducting", "involving", "ensuring", "maintaining",
    "combat", "combating", "countering", "counter", "prevent", "joint", "system", "international", "member", "states",
    "state", "secretary", "general", "chairman", "minister", "head", "deputy", "chief", "meeting", "practical",
    "participate", "potential", "component", "persons", "action", "area", "responsibility", "decision", "approved",
    "adopted", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
  ]

  static let russianStopwords = [
    "и", "в", "во", "на", "с", "со", "по", "о", "об", "от", "до", "для", "за", "из", "к", "ко", "у", "при", "над",
    "под", "а", "но", "или", "не", "что", "как", "это", "его", "ее", "их", "он", "она", "они", "также", "который",
    "которые", "которых", "был", "была", "были", "было", "будет", "этом", "этой", "года", "году", "год", "рамках",
    "целях", "части", "числе", "том", "между", "их", "свой", "своих", "все", "всех", "этого", "так", "уже",
    "совершенствование", "совершенствования", "развитие", "развития", "углубление", "углубления", "укрепление",
    "укрепления", "реализация", "реализации", "активизация", "активизации", "работа", "работы", "мер", "меры",
    "мерах", "сфере", "области", "вопросам", "вопросов", "уровня", "проведение", "проведения", "обеспечение",
    "обеспечения", "противодействие", "противодействия", "совместных", "совместные", "система", "системы",
    "международных", "международной", "государств", "государства", "государств-членов", "членов", "генеральный",
    "секретарь", "председатель", "министр", "глава", "заместитель", "начальник", "заседание", "встреча",
    "практического", "практических", "январе", "января", "феврале", "февраля", "марте", "марта", "апреле",
    "апреля", "мае", "мая", "июне", "июня", "июле", "июля", "августе", "августа", "сентябре", "сентября",
    "октябре", "октября", "ноябре", "ноября", "декабре", "декабря",
  ]
}
