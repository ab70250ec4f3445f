/// The writing system of a word, which decides the stemmer that reduces it.
enum WordScript: UInt8, Sendable {
  /// Digits only, or a word with digits in it ("2024", "39th"): never stemmed.
  case none
  /// Latin letters (English, and other languages written in Latin letters): Snowball's English stemmer.
  case latin
  /// Cyrillic letters (Russian, and Kazakh, which Snowball has no stemmer for): Snowball's Russian stemmer.
  case cyrillic
  /// Any other script: kept as written.
  case other
}

/// Splits text into words and folds each as matching and search compare them: lower case, Latin
/// diacritics removed ("Café" is "cafe"), Cyrillic "ё" read as "е", combining marks and zero-width
/// characters dropped. Words are split exactly where `TextNormalizer` splits them (letters and
/// digits of any script make words, everything else separates them).
///
/// Cyrillic keeps its own letters ("й" is not "и"), unlike SQLite's `remove_diacritics`, because
/// the Russian stemmer needs them. The scan works on UTF-8 bytes with fast paths for ASCII and
/// Cyrillic, because every word of every event goes through it, at import (the search index) and
/// at every `suggest`.
enum WordScanner {
  /// The longest folded word handed out; longer words are cut (their range stays whole).
  static let maxWordBytes = 256

  /// Calls `body` with each word's folded bytes (valid only during the call), its byte range in
  /// `bytes`, and its script.
  @inline(__always)
  static func scan(
    _ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>, WordScript) -> Void
  ) {
    scanHashing(bytes) { word, _, range, script in body(word, range, script) }
  }

  /// `scan`, also handing out each folded word's `WordStems.hash`, computed while the word is
  /// folded rather than in a second pass over its bytes (suggestions hash every word).
  @inline(__always)
  static func scanHashing(
    _ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>, UInt64, Range<Int>, WordScript) -> Void
  ) {
    // The constants as locals: read through their globals, they cost a check on every byte.
    let limit = maxWordBytes
    let (basis, prime) = (FNV1a.offsetBasis, FNV1a.prime)
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: limit) { word in
      var length = 0
      var hash = basis
      var start = -1
      var end = 0
      var (latin, cyrillic, digits, others) = (0, 0, 0, 0)
      let count = bytes.count
      var index = 0
      @inline(__always) func put(_ byte: UInt8) {
        if length < limit {
          word[length] = byte
          hash = (hash ^ UInt64(byte)) &* prime
        }
        length &+= 1
      }
      @inline(__always) func begin(_ at: Int) { if start < 0 { start = at } }
      func finish() {
        if start >= 0, length > 0 {
          let script: WordScript =
            digits > 0 ? .none : cyrillic > latin ? .cyrillic : latin > 0 ? .latin : others > 0 ? .other : .none
          body(
            UnsafeBufferPointer(rebasing: word[0..<min(length, limit)]), hash == 0 ? 1 : hash, start..<end, script)
        }
        start = -1
        length = 0
        hash = basis
        (latin, cyrillic, digits, others) = (0, 0, 0, 0)
      }
      while index < count {
        let byte = bytes[index]
        if byte < 0x80 {
          switch byte {
          case 0x41...0x5A, 0x61...0x7A:
            // A run of ASCII letters, the bulk of most texts: one tight loop on locals.
            begin(index)
            var (at, folded, run) = (index, hash, length)
            repeat {
              let letter = bytes[at] | 0x20
              if run < limit {
                word[run] = letter
                folded = (folded ^ UInt64(letter)) &* prime
              }
              run &+= 1
              at += 1
            } while at < count && (bytes[at] | 0x20) &- 0x61 < 26
            latin += at - index
            (hash, length, end) = (folded, run, at)
            index = at
            continue
          case 0x30...0x39:
            begin(index)
            put(byte)
            digits += 1
            end = index + 1
          default:
            finish()
          }
          index += 1
          continue
        }
        // Russian letters: lead byte D0 or D1, the common case of Cyrillic text.
        if (byte == 0xD0 || byte == 0xD1), index + 1 < count, bytes[index + 1] & 0xC0 == 0x80 {
          let tail = bytes[index + 1]
          begin(index)
          let (lead, folded) = foldCyrillic(byte, tail)
          put(lead)
          put(folded)
          cyrillic += 1
          index += 2
          end = index
          continue
        }
        let (value, size) = UTF8Scalar.decode(bytes, at: index, count: count)
        let scalarStart = index
        index += size
        if value >= 0xC0 && value < 0x250 {
          let folded = LatinFolding.table[Int(value - 0xC0)]
          if folded == LatinFolding.separator {
            finish()
            continue
          }
          begin(scalarStart)
          if folded != LatinFolding.keep {
            put(UInt8(folded & 0xFF))
            if folded > 0xFF { put(UInt8(folded >> 8)) }
            latin += 1
            end = index
            continue
          }
        }
        guard let scalar = Unicode.Scalar(value) else {
          finish()
          continue
        }
        let properties = scalar.properties
        if properties.generalCategory == .nonspacingMark || properties.generalCategory == .enclosingMark
          || properties.isDefaultIgnorableCodePoint
        {
          if start >= 0 { end = index }
          continue
        }
        guard properties.isAlphabetic || properties.numericType != nil else {
          finish()
          continue
        }
        begin(scalarStart)
        for unit in properties.lowercaseMapping.utf8 { put(unit) }
        if (0x400..<0x530).contains(value) {
          cyrillic += 1
        } else if properties.numericType != nil && !properties.isAlphabetic {
          digits += 1
        } else {
          others += 1
        }
        end = index
      }
      finish()
    }
  }

  /// The lower-case form of the two-byte Cyrillic letter `lead tail` (U+0400 to U+047F), "ё" and
  /// "Ё" as "е".
  @inline(__always)
  static func foldCyrillic(_ lead: UInt8, _ tail: UInt8) -> (UInt8, UInt8) {
    if lead == 0xD0 {
      switch tail {
      case 0x81: return (0xD0, 0xB5)  // Ё → е
      case 0x80...0x8F: return (0xD1, tail + 0x10)  // Ѐ…Џ → ѐ…џ
      case 0x90...0x9F: return (0xD0, tail + 0x20)  // А…П → а…п
      case 0xA0...0xAF: return (0xD1, tail - 0x20)  // Р…Я → р…я
      default: return (lead, tail)
      }
    }
    if tail == 0x91 { return (0xD0, 0xB5) }  // ё → е
    // Ѡ…ѿ (U+0460 to U+047F) pair upper and lower case as even and odd.
    if tail >= 0xA0 { return (lead, tail | 1) }
    return (lead, tail)
  }

  /// Each word of `text`, folded, with its script (tests and small texts).
  static func words(_ text: String) -> [(word: String, script: WordScript)] {
    var text = text
    var result: [(String, WordScript)] = []
    text.withUTF8 { bytes in
      scan(bytes) { word, _, script in result.append((String(decoding: word, as: UTF8.self), script)) }
    }
    return result
  }
}
