/// Text folded for comparing news: lower-case letters and digits, one space between words.
///
/// Punctuation, quotes and dashes vanish, so "MILEX-2023”" and "MILEX 2023" compare equal. Text is
/// read as composed (NFC), so "é" written as one scalar or as "e" and a combining accent is one
/// letter; combining marks left over (on letters without a composed form) and zero-width
/// characters are dropped. Works on UTF-8 bytes with an ASCII fast path, because every imported
/// item goes through it: the text is composed only when the scan meets a scalar that composition
/// may change (see `UnicodeNFC`), so text already composed costs no second pass.
public enum TextNormalizer {
  /// Appends the normalized words of `text` to `out`, separated by single spaces (with a leading
  /// space when `out` is not empty), and returns how many words were written. Stops after
  /// `maxWords` words.
  @discardableResult
  public static func append(_ text: String, to out: inout [UInt8], maxWords: Int = .max) -> Int {
    var text = text
    if let words = text.withUTF8({ append(bytes: $0, to: &out, maxWords: maxWords, composed: false) }) {
      return words
    }
    var composed = text.precomposedStringWithCanonicalMapping
    return composed.withUTF8 { append(bytes: $0, to: &out, maxWords: maxWords, composed: true) } ?? 0
  }

  /// The normalized form of `text` as a string.
  public static func normalize(_ text: String) -> String {
    var out: [UInt8] = []
    append(text, to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends the words of `bytes`; nil, with nothing appended, when `composed` is false and the bytes
  /// hold a scalar that composition may change before the last word needed.
  static func append(bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], maxWords: Int, composed: Bool) -> Int? {
    // Normalized text is never longer than the input (folding keeps or shortens ASCII; non-ASCII
    // lower-case mappings are bounded), so write into spare capacity and fix the count after.
    let original = out.count
    let capacity = original + bytes.count * 3 + 1
    var words = 0
    var written = 0
    var needsComposing = false
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity - original) { scratch in
      var inWord = false
      var index = 0
      let count = bytes.count
      let needsLeadingSpace = original > 0
      func startWord() -> Bool {
        if words == maxWords { return false }
        if written > 0 || needsLeadingSpace {
          scratch[written] = 0x20
          written += 1
        }
        words += 1
        inWord = true
        return true
      }
      scan: while index < count {
        let byte = bytes[index]
        if byte < 0x80 {
          index += 1
          let folded: UInt8
          switch byte {
          case 0x41...0x5A: folded = byte | 0x20
          case 0x61...0x7A, 0x30...0x39: folded = byte
          default:
            inWord = false
            continue
          }
          if !inWord, !startWord() { break scan }
          scratch[written] = folded
          written += 1
          continue
        }
        // A multi-byte scalar: decode it and keep it when it is a letter or digit.
        let (scalarValue, length) = UTF8Scalar.decode(bytes, at: index, count: count)
        index += length
        guard let scalar = Unicode.Scalar(scalarValue) else {
          inWord = false
          continue
        }
        if !composed, UnicodeNFC.mayChange(scalar) {
          needsComposing = true
          break scan
        }
        let properties = scalar.properties
        if properties.generalCategory == .nonspacingMark || properties.generalCategory == .enclosingMark
          || properties.isDefaultIgnorableCodePoint
        {
          // Combining accents and zero-width characters do not split or change a word.
          continue
        }
        guard properties.isAlphabetic || properties.numericType != nil else {
          inWord = false
          continue
        }
        if !inWord, !startWord() { break scan }
        for unit in properties.lowercaseMapping.utf8 where written < capacity - original {
          scratch[written] = unit
          written += 1
        }
      }
      if !needsComposing { out.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[0..<written])) }
    }
    return needsComposing ? nil : words
  }
}
