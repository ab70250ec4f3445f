import Foundation

/// Unicode Normalization Form C (composed), the one form news text is compared and stored in.
///
/// The same words can be written two ways: "é" as one scalar (NFC, what most systems write) or as
/// "e" and a combining accent (NFD, what macOS file names and some copy-and-paste give). They look
/// alike and must be the same news, the same search hit and the same keyword match, so every text
/// is composed before an identity is computed, a record is indexed or a word is compared.
///
/// Almost every text is already NFC, so a scan decides first whether Foundation (ICU) has to be
/// asked at all: ASCII never needs it, and neither does any text without the scalars that
/// normalization can change (combining marks, Hangul jamo, canonical singletons and composition
/// exclusions such as U+212B ANGSTROM SIGN, checked against the Unicode data in the tests).
public enum UnicodeNFC {
  /// `text` in NFC; the same string, without copying, when it already is.
  public static func normalize(_ text: String) -> String {
    mayNeedNormalizing(text) ? text.precomposedStringWithCanonicalMapping : text
  }

  /// False when `text` is certainly NFC; true when it may not be.
  public static func mayNeedNormalizing(_ text: String) -> Bool {
    if !text.containsUTF8Byte(where: { $0 >= 0xCC }) { return false }
    return text.unicodeScalars.contains(where: mayChange)
  }

  /// Whether NFC may change `scalar` or compose it with the scalar before (NFC_Quick_Check No or
  /// Maybe, widened to whole blocks where that is simpler).
  static func mayChange(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    // Below U+0300 every scalar is stable, and so are the Cyrillic letters (not its combining marks) and
    // the punctuation news is full of (dashes, quotes, ellipses: U+2002 to U+20CF).
    if value < 0x300 || (0x400..<0x483).contains(value) || (0x48A..<0x530).contains(value)
      || (0x2002...0x20CF).contains(value)
    {
      return false
    }
    let properties = scalar.properties
    if properties.canonicalCombiningClass != .notReordered { return true }
    switch properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: return true
    default: break
    }
    return unstableBlocks.contains { $0.contains(value) }
  }

  /// Blocks holding canonical singletons, composition exclusions or jamo that compose.
  static let unstableBlocks: [ClosedRange<UInt32>] = [
    0x370...0x3FF, 0x900...0xFFF, 0x1100...0x11FF, 0x1F00...0x1FFF, 0x2000...0x2001, 0x2126...0x212B,
    0x2329...0x232A, 0x2ADC...0x2ADC, 0xF900...0xFAFF, 0xFB1D...0xFB4F, 0x1D15E...0x1D1C0, 0x2F800...0x2FA1F,
  ]
}
