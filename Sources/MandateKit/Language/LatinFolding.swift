import Foundation

/// Latin letters with diacritics folded to their base letters, as search engines compare words:
/// "é" and "É" are "e", "ß" is "ss", "æ" is "ae", "ø" is "o", "ł" is "l".
///
/// A table over U+00C0 to U+024F (Latin-1 Supplement and Latin Extended-A and -B), built once from
/// Unicode's canonical decompositions, so that `WordScanner` folds a letter with one lookup.
enum LatinFolding {
  /// Not a letter (×, ÷): ends a word.
  static let separator: UInt16 = 0xFFFF
  /// A letter without an ASCII base: folded by its lower-case mapping instead.
  static let keep: UInt16 = 0xFFFE

  /// Letters whose base is not given by a decomposition.
  static let special: [UInt32: String] = [
    0xDF: "ss", 0xC6: "ae", 0xE6: "ae", 0x152: "oe", 0x153: "oe", 0xD8: "o", 0xF8: "o", 0x110: "d", 0x111: "d",
    0x141: "l", 0x142: "l", 0x126: "h", 0x127: "h", 0x131: "i", 0x13F: "l", 0x140: "l", 0xDE: "th", 0xFE: "th",
    0xD0: "d", 0xF0: "d",
  ]

  /// For each scalar from U+00C0: one or two ASCII bytes (the first in the low byte), `separator`
  /// or `keep`.
  static let table: [UInt16] = (UInt32(0xC0)..<UInt32(0x250)).map { value in
    guard let scalar = Unicode.Scalar(value) else { return separator }
    if let base = special[value] {
      let bytes = Array(base.utf8)
      return UInt16(bytes[0]) | (bytes.count > 1 ? UInt16(bytes[1]) << 8 : 0)
    }
    guard scalar.properties.isAlphabetic else { return separator }
    guard let first = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first, first.isASCII,
      first.properties.isAlphabetic
    else { return keep }
    return UInt16(UInt8(first.value) | 0x20)
  }
}
