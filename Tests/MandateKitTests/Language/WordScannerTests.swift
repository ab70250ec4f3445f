import Testing

@testable import MandateKit

/// Words as matching and search split and fold them.
@Suite struct WordScannerTests {
  /// A word of both scripts ("ХI", a Cyrillic Kha in an English Roman numeral) is Cyrillic only
  /// when most of its letters are.
  @Test func foldsCaseDiacriticsAndYo() {
    let words = WordScanner.words("ОДКБ Ёлка ёж Café NAÏVE Straße Йошкар-Ола ХI 39th 2024")
    #expect(
      words.map(\.word) == ["одкб", "елка", "еж", "cafe", "naive", "strasse", "йошкар", "ола", "хi", "39th", "2024"])
    #expect(
      words.map(\.script) == [
        .cyrillic, .cyrillic, .cyrillic, .latin, .latin, .latin, .cyrillic, .cyrillic, .latin, .none, .none,
      ])
  }

  @Test func keepsTheShortIAndKazakhLetters() {
    // «й» is a letter of its own (SQLite's remove_diacritics would make it «и»); Kazakh letters fold by case.
    #expect(
      WordScanner.words("МИРОТВОРЧЕСКИЙ Қазақстан ӘСКЕРИ").map(\.word) == ["миротворческий", "қазақстан", "әскери"])
  }

  @Test func splitsWhereTheNormalizerSplits() {
    let text = "«Нерушимое братство–2024», MILEX-2023” и\u{00A0}UN’s"
    #expect(WordScanner.words(text).map(\.word) == ["нерушимое", "братство", "2024", "milex", "2023", "и", "un", "s"])
    #expect(WordScanner.words(text).map(\.word).joined(separator: " ") == TextNormalizer.normalize(text))
  }

  @Test func rangesAreTheWordsAsWritten() {
    var text = "Миротворческих сил — ОДКБ."
    var found: [String] = []
    text.withUTF8 { bytes in
      WordScanner.scan(bytes) { _, range, _ in found.append(String(decoding: bytes[range], as: UTF8.self)) }
    }
    #expect(found == ["Миротворческих", "сил", "ОДКБ"])
  }
}

/// Snowball stems: inflected forms meet.
@Suite struct WordStemsTests {
  func stems(_ text: String) -> [String] { Tokens.tokens(text).map(\.stem) }

  @Test func russianFormsShareAStem() {
    let forms = ["миротворческих сил", "миротворческие силы", "Миротворческого контингента", "миротворческий"]
    #expect(Set(forms.map { stems($0)[0] }) == ["миротворческ"])
    #expect(stems("силы") == stems("сил"))
    #expect(stems("учения") == stems("учений"))
    #expect(stems("Ёлка") == stems("елки"))
  }

  @Test func englishFormsShareAStem() {
    #expect(stems("peacekeepers peacekeeping") == ["peacekeep", "peacekeep"])
    #expect(stems("emergencies emergency") == ["emerg", "emerg"])
    // Words with digits and short words are kept as they are.
    #expect(stems("39th UN of") == ["39th", "un", "of"])
  }

  @Test func aFullTableStartsAgainAndStemsTheSame() {
    let stems = WordStems(capacity: 4)
    let words = ["миротворческих", "peacekeepers", "operations", "силы", "учений", "emergencies", "forces"]
    let first = words.map { stems.stem($0, script: $0.first!.isASCII ? .latin : .cyrillic) }
    let again = words.map { stems.stem($0, script: $0.first!.isASCII ? .latin : .cyrillic) }
    #expect(first == again)
    #expect(first == ["миротворческ", "peacekeep", "oper", "сил", "учен", "emerg", "forc"])
  }
}

/// The hash handed out while scanning is the one `WordStems` computes from the folded word.
@Suite struct WordScannerHashTests {
  @Test func theHashIsTheFoldedWordsHash() {
    let long = String(repeating: "Ab", count: 200)
    var text = "Peacekeepers ОДКБ Ёлка Café 39th ХI Straße \(long) Қазақстан x"
    var words = 0
    text.withUTF8 { bytes in
      WordScanner.scanHashing(bytes) { word, hash, _, _ in
        words += 1
        #expect(hash == WordStems.hash(word), "\(String(decoding: word, as: UTF8.self))")
      }
    }
    #expect(words == 10)
  }
}
