/// Tells Russian, Kazakh and English news apart from the text itself, for items whose source names
/// no language (a CSTO page saved as text, a JSONL file without `language`).
///
/// A small rule, not a model, because three languages in two scripts need no more. Words are read
/// as `WordScanner` folds them. Cyrillic text is Russian when Russian function words («и», «в»,
/// «на», «что»…) make up a good share of its words and no letter of Ukrainian or Belarusian
/// (ї є ґ ў) appears; it is Kazakh when it has few Russian function words and the letters only
/// Kazakh has (ә ғ қ ң ө ұ ү һ) are common, so that a Russian text naming «Тоқаев» stays Russian.
/// Latin text is English when English function words ("the", "of", "and"…) make up a good share
/// of its words and hardly any word has a diacritic (French, German or Kazakh in Latin letters). Anything else, mixed scripts or fewer than 20 letters, is undetermined (nil). It
/// reads at most the first 2,000 bytes, because every imported item without a language goes
/// through it.
public enum LanguageDetector {
  /// How many bytes of the text are read.
  static let window = 2_000

  /// "ru", "kk", "en", or nil when the language cannot be told.
  public static func detect(title: String?, text: String) -> String? {
    var counts = Counts()
    if let title { counts.add(title, limit: window / 4) }
    counts.add(text, limit: window)
    return counts.language
  }

  struct Counts {
    var cyrillic = 0
    var kazakh = 0
    var otherSlavic = 0
    var latin = 0
    var latinWords = 0
    var english = 0
    var accented = 0
    var cyrillicWords = 0
    var russian = 0

    var language: String? {
      let letters = cyrillic + latin
      guard letters >= 20 else { return nil }
      if cyrillic * 10 >= letters * 6 {
        if otherSlavic * 100 >= cyrillic { return nil }
        let russianShare = russian * 100 >= cyrillicWords * 6
        if kazakh * 25 >= cyrillic, !russianShare { return "kk" }
        if kazakh * 10 >= cyrillic { return nil }
        return "ru"
      }
      if latin * 10 >= letters * 6, latinWords >= 5, english * 100 >= latinWords * 12, accented * 50 <= latinWords {
        return "en"
      }
      return nil
    }

    mutating func add(_ text: String, limit: Int) {
      var text = text
      text.withUTF8 { all in
        let bytes = UnsafeBufferPointer(rebasing: all[0..<Self.cut(all, at: limit)])
        WordScanner.scan(bytes) { word, range, script in
          switch script {
          case .latin:
            latinWords += 1
            latin += word.count
            if bytes[range].contains(where: { $0 >= 0x80 }) { accented += 1 }
            if LanguageDetector.englishWords.contains(LanguageDetector.pack(word)) { english += 1 }
          case .cyrillic:
            cyrillicWords += 1
            if word.count <= 8, LanguageDetector.russianWords.contains(LanguageDetector.pack(word)) { russian += 1 }
            count(cyrillicWord: word)
          case .none, .other:
            break
          }
        }
      }
    }

    /// Counts the letters of a folded Cyrillic word, and those only Kazakh or only Ukrainian and
    /// Belarusian use.
    mutating func count(cyrillicWord word: UnsafeBufferPointer<UInt8>) {
      var index = 0
      while index < word.count {
        let byte = word[index]
        guard byte >= 0xC0, index + 1 < word.count else {
          index += 1
          continue
        }
        let value = UInt32(byte & 0x1F) << 6 | UInt32(word[index + 1] & 0x3F)
        if (0x400..<0x530).contains(value) { cyrillic += 1 }
        if LanguageDetector.kazakhLetters.contains(value) { kazakh += 1 }
        if LanguageDetector.otherSlavicLetters.contains(value) { otherSlavic += 1 }
        index += byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
      }
    }

    /// The end of the first `limit` bytes, moved back to the start of a character.
    static func cut(_ bytes: UnsafeBufferPointer<UInt8>, at limit: Int) -> Int {
      var end = min(bytes.count, limit)
      while end < bytes.count, end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }
      return end
    }
  }

  /// A word's first eight bytes as one integer.
  static func pack<Bytes: Collection<UInt8>>(_ word: Bytes) -> UInt64 {
    word.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
  }

  /// The lower-case letters only Kazakh uses among the Cyrillic alphabets news is written in.
  static let kazakhLetters: Set<UInt32> = [0x4D9, 0x493, 0x49B, 0x4A3, 0x4E9, 0x4B1, 0x4AF, 0x4BB]

  /// The lower-case letters of Ukrainian and Belarusian that neither Russian nor Kazakh uses.
  static let otherSlavicLetters: Set<UInt32> = [0x457, 0x454, 0x491, 0x45E]

  /// English function words, each as its first eight bytes packed into an integer.
  static let englishWords: Set<UInt64> = Set(
    [
      "the", "of", "and", "to", "in", "a", "is", "for", "on", "with", "was", "by", "at", "as", "that", "from", "were",
      "has", "have", "its", "an", "be", "are", "which", "this", "will", "it", "their", "his", "he", "they",
    ].map { pack($0.utf8) })

  /// Russian function words (prepositions, conjunctions, particles), folded, packed like `englishWords`.
  static let russianWords: Set<UInt64> = Set(
    [
      "и", "в", "во", "на", "с", "со", "по", "о", "об", "к", "ко", "из", "за", "от", "до", "для", "что", "не", "как",
      "а", "но", "при", "это", "его", "ее", "их", "был", "была", "были",
    ].map { pack($0.utf8) })
}
