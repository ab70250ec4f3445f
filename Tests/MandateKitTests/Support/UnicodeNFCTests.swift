import Foundation
import Testing

@testable import MandateKit

@Suite("Unicode NFC")
struct UnicodeNFCTests {
  @Test func decomposedTextIsComposed() {
    #expect(UnicodeNFC.normalize("cafe\u{301}") == "caf\u{E9}")
    #expect(Array(UnicodeNFC.normalize("cafe\u{301}").unicodeScalars) == Array("caf\u{E9}".unicodeScalars))
    // Cyrillic й written as и and a combining breve, and the Angstrom sign (a singleton).
    #expect(Array(UnicodeNFC.normalize("\u{438}\u{306}").unicodeScalars) == ["\u{439}"])
    #expect(Array(UnicodeNFC.normalize("\u{212B}").unicodeScalars) == ["\u{C5}"])
    // Hangul jamo compose into a syllable.
    #expect(Array(UnicodeNFC.normalize("\u{1100}\u{1161}\u{11A8}").unicodeScalars) == ["\u{AC01}"])
  }

  @Test func composedTextNeedsNoWork() {
    for text in ["ASCII only", "caf\u{E9} d\u{E9}j\u{E0}", "Встреча министров обороны", "Қазақстан", "“quotes” — dash"]
    {
      #expect(!UnicodeNFC.mayNeedNormalizing(text), "\(text)")
      #expect(UnicodeNFC.normalize(text) == text)
    }
    #expect(UnicodeNFC.mayNeedNormalizing("e\u{301}"))
  }

  /// The quick check never misses a scalar NFC can change, or one that can compose with the
  /// scalar before it: checked against Foundation's own normalization for every assigned scalar
  /// of planes 0 to 2.
  @Test func theQuickCheckCoversEveryScalarNormalizationChanges() {
    var missed: [String] = []
    for value in UInt32(0)...0x2FFFF {
      guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .unassigned,
        scalar.properties.generalCategory != .surrogate
      else { continue }
      let text = String(scalar)
      let changes =
        text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars) == false
      let decomposed = Array(text.decomposedStringWithCanonicalMapping.unicodeScalars)
      let composesWithPrevious = decomposed.dropFirst().filter { !UnicodeNFC.mayChange($0) }
      if changes && !UnicodeNFC.mayChange(scalar) { missed.append(String(value, radix: 16)) }
      missed += composesWithPrevious.map { String($0.value, radix: 16) }
    }
    #expect(missed.isEmpty, "\(Set(missed).sorted().prefix(20))")
  }

  @Test func normalizedWordsAreTheSameInEitherForm() {
    #expect(TextNormalizer.normalize("Caf\u{E9} Astana") == TextNormalizer.normalize("Cafe\u{301} Astana"))
    #expect(TextNormalizer.normalize("Caf\u{E9}") == "caf\u{E9}")
    #expect(Tokens.hashes("Caf\u{E9}") == Tokens.hashes("Cafe\u{301}"))
    #expect(Tokens.words("\u{419}\u{43E}\u{43B}") == Tokens.words("\u{418}\u{306}\u{43E}\u{43B}"))
  }
}
