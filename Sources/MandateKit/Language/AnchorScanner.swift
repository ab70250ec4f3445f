/// Finds what a text says that reads the same in English and Russian: numbers, and proper names
/// reduced to a skeleton of their consonants.
///
/// A name is a word written with a capital letter in mid-sentence, not in capitals throughout
/// (abbreviations differ between the languages: "CSTO" is «ОДКБ»; the mandate's aliases pair them).
/// Each letter of the folded word, Latin or Cyrillic, becomes its consonant class, vowels dropped
/// and repeats merged, so that the usual transliterations meet («Хренин» and "Khrenin" are `krnn`,
/// «Отунбаевой» and "Otunbayeva" are `tnbv`), and the first four classes are kept, so that Russian
/// case endings do not count («Тасмагамбетовым» and "Tasmagambetov" are `tsmg`). Skeletons shorter
/// than three consonants say too little to compare.
enum AnchorScanner {
  enum Anchor: Equatable {
    case number(Int)
    /// The skeletons of a run of names ("Imangali Tasmagambetov", «Кахой Имнадзе»): one person,
    /// place or body, however many of its words each language writes.
    case names(Set<String>)
  }

  /// Calls `body` with each number and each run of names of `text`, in order. `common` skeletons
  /// continue a run but are not part of it.
  static func scan(_ text: String, common: Set<String> = commonNames, _ body: (Anchor) -> Void) {
    var text = UnicodeNFC.normalize(text)
    var run = Set<String>()
    var runEnd = -1
    func close() {
      if !run.isEmpty { body(.names(run)) }
      run = []
      runEnd = -1
    }
    text.withUTF8 { bytes in
      var previousEnd = 0
      WordScanner.scan(bytes) { word, range, script in
        defer { previousEnd = range.upperBound }
        // A run goes on over spaces and hyphens only.
        if runEnd >= 0, bytes[runEnd..<range.lowerBound].contains(where: { $0 != 0x20 && $0 != 0x2D }) { close() }
        switch script {
        case .none:
          var value = 0
          var digits = 0
          for byte in word where (0x30...0x39).contains(byte) && digits < 9 {
            value = value * 10 + Int(byte - 0x30)
            digits += 1
          }
          close()
          if digits > 0, word.first.map({ (0x30...0x39).contains($0) }) == true { body(.number(value)) }
        case .latin, .cyrillic:
          guard isCapital(bytes, at: range.lowerBound), !isCapital(bytes, at: range.upperBound - 1),
            !startsSentence(bytes, before: range.lowerBound, after: previousEnd)
          else { return close() }
          let skeleton = Self.skeleton(word)
          if skeleton.utf8.count >= 3, !common.contains(skeleton) { run.insert(skeleton) }
          runEnd = range.upperBound
        case .other:
          close()
        }
      }
    }
    close()
  }

  /// Whether the letter at `index` (its first byte, or for the last letter of a word its last) is
  /// a capital: A–Z, or a Cyrillic capital (U+0400 to U+042F, and the even code points of the Kazakh
  /// letters).
  static func isCapital(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
    var index = position
    while index > 0, bytes[index] & 0xC0 == 0x80 { index -= 1 }
    let byte = bytes[index]
    if byte < 0x80 { return (0x41...0x5A).contains(byte) }
    guard index + 1 < bytes.count else { return false }
    let next = bytes[index + 1]
    if byte == 0xD0 { return (0x80...0xAF).contains(next) }
    if byte == 0xD2 || byte == 0xD3 { return next & 1 == 0 }
    return false
  }

  /// Whether a word starting at `start` opens a sentence: nothing but spaces, quotes and brackets
  /// since the start of the text or since a full stop, a question or exclamation mark, or a line break.
  static func startsSentence(_ bytes: UnsafeBufferPointer<UInt8>, before start: Int, after previousEnd: Int) -> Bool {
    var index = start
    while index > previousEnd {
      index -= 1
      switch bytes[index] {
      case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "\n"): return true
      default: continue
      }
    }
    return previousEnd == 0
  }

  /// The consonant skeleton of a folded word.
  static func skeleton(_ word: UnsafeBufferPointer<UInt8>) -> String {
    var result: [UInt8] = []
    for scalar in String(decoding: word, as: UTF8.self).unicodeScalars {
      for byte in consonants[scalar] ?? [] where result.last != byte { result.append(byte) }
      if result.count >= 4 { break }
    }
    result.removeSubrange(min(4, result.count)...)
    return String(decoding: result, as: UTF8.self)
  }

  /// Each letter's consonant class; letters not listed (vowels, й, ь, ъ, h) are dropped.
  static let consonants: [Unicode.Scalar: [UInt8]] = {
    var table: [Unicode.Scalar: [UInt8]] = [:]
    let pairs: [(String, String)] = [
      ("b", "b"), ("c", "k"), ("d", "d"), ("f", "f"), ("g", "g"), ("j", "dz"), ("k", "k"), ("l", "l"), ("m", "m"),
      ("n", "n"), ("p", "p"), ("q", "k"), ("r", "r"), ("s", "s"), ("t", "t"), ("v", "v"), ("w", "v"), ("x", "ks"),
      ("z", "z"), ("б", "b"), ("в", "v"), ("г", "g"), ("д", "d"), ("ж", "z"), ("з", "z"), ("к", "k"), ("л", "l"),
      ("м", "m"), ("н", "n"), ("п", "p"), ("р", "r"), ("с", "s"), ("т", "t"), ("ф", "f"), ("х", "k"), ("ц", "ts"),
      ("ч", "k"), ("ш", "s"), ("щ", "sk"), ("қ", "k"), ("ғ", "g"), ("ң", "n"),
    ]
    for (letter, sound) in pairs { table[letter.unicodeScalars.first!] = Array(sound.utf8) }
    return table
  }()

  /// Skeletons of names that nearly every report about the CSTO and its members writes: the
  /// member states and their capitals, the Organization's own words and its officials' titles, and
  /// the English months.
  static let commonNames: Set<String> = {
    let names = [
      "Kazakhstan", "Kyrgyzstan", "Kyrgyz", "Tajikistan", "Armenia", "Belarus", "Russia", "Russian", "Federation",
      "Republic", "Astana", "Almaty", "Moscow", "Minsk", "Bishkek", "Dushanbe", "Yerevan", "Secretariat",
      "Organization", "Organisation", "Collective", "Security", "Treaty", "Казахстан", "Кыргызстан", "Кыргызской",
      "Таджикистан", "Армения", "Беларусь", "Россия", "Российской", "Федерации", "Республики", "Астана", "Алматы",
      "Москва", "Минск", "Бишкек", "Душанбе", "Ереван", "Секретариат", "Организации", "Договора", "Коллективной",
      "General", "Secretary", "Генеральный", "January", "February", "March", "April", "May", "June", "July",
      "August", "September", "October", "November", "December",
    ]
    var skeletons = Set<String>()
    for name in names {
      for (word, _) in WordScanner.words(name) {
        var word = word
        word.withUTF8 { skeletons.insert(skeleton($0)) }
      }
    }
    return skeletons
  }()
}
