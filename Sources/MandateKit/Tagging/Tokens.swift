/// Words as the suggestion engine compares them: normalized like `TextNormalizer` (lower-case
/// letters and digits), reduced to a rough singular (`stem`), each word hashed to 64 bits.
enum Tokens {
  /// The words of `text`, in order, normalized and stemmed.
  static func words(_ text: String) -> [Substring] {
    var normalized: [UInt8] = []
    TextNormalizer.append(text, to: &normalized)
    return String(decoding: normalized, as: UTF8.self).split(separator: " ").map { stem($0) }
  }

  /// Hashes of the words of `text`, in order.
  static func hashes(_ text: String) -> [UInt64] {
    var result: [UInt64] = []
    scan(UnicodeNFC.normalize(text)) { hash, _ in result.append(hash) }
    return result
  }

  /// Calls `body` with each word's hash and its byte range in `text`'s UTF-8, in one pass that
  /// splits words exactly as `TextNormalizer` does. `text` must be NFC already (events' text is,
  /// see `UnicodeNFC`), since the ranges are in its own bytes.
  static func scan(_ text: String, _ body: (UInt64, Range<Int>) -> Void) {
    var text = text
    text.withUTF8 { bytes in
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 256) { word in
        var length = 0
        var start = -1
        var index = 0
        let count = bytes.count
        func finish(at end: Int) {
          if start >= 0, length > 0 {
            body(hash(UnsafeBufferPointer(rebasing: word[0..<min(length, 256)])), start..<end)
          }
          start = -1
          length = 0
        }
        while index < count {
          let byte = bytes[index]
          if byte < 0x80 {
            switch byte {
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39:
              if start < 0 { start = index }
              if length < 256 { word[length] = byte | (byte >= 0x41 && byte <= 0x5A ? 0x20 : 0) }
              length += 1
            default:
              finish(at: index)
            }
            index += 1
            continue
          }
          var value: UInt32
          var size: Int
          switch byte {
          case 0xC0...0xDF: (value, size) = (UInt32(byte & 0x1F), 2)
          case 0xE0...0xEF: (value, size) = (UInt32(byte & 0x0F), 3)
          case 0xF0...0xF7: (value, size) = (UInt32(byte & 0x07), 4)
          default: (value, size) = (0xFFFD, 1)
          }
          if index + size > count { size = count - index }
          for offset in 1..<max(size, 1) { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
          let scalarStart = index
          index += max(size, 1)
          guard let scalar = Unicode.Scalar(value) else {
            finish(at: scalarStart)
            continue
          }
          let properties = scalar.properties
          if properties.generalCategory == .nonspacingMark || properties.generalCategory == .enclosingMark
            || properties.isDefaultIgnorableCodePoint
          {
            continue
          }
          guard properties.isAlphabetic || properties.numericType != nil else {
            finish(at: scalarStart)
            continue
          }
          if start < 0 { start = scalarStart }
          for unit in properties.lowercaseMapping.utf8 {
            if length < 256 { word[length] = unit }
            length += 1
          }
        }
        finish(at: count)
      }
    }
  }

  static func hash(_ word: Substring) -> UInt64 {
    var word = String(word)
    return word.withUTF8 { hash($0) }
  }

  /// FNV-1a of a normalized word in its singular (see `stem`).
  static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
    let count = word.count
    var hash = FNV1a.offsetBasis
    @inline(__always) func mix(_ byte: UInt8) { hash = (hash ^ UInt64(byte)) &* FNV1a.prime }
    guard count > 3, word[count - 1] == UInt8(ascii: "s") else {
      for index in 0..<count { mix(word[index]) }
      return hash
    }
    let previous = word[count - 2]
    if count > 4, previous == UInt8(ascii: "e"), word[count - 3] == UInt8(ascii: "i") {
      // "emergencies" is "emergency".
      for index in 0..<(count - 3) { mix(word[index]) }
      mix(UInt8(ascii: "y"))
      return hash
    }
    let end = [UInt8(ascii: "s"), UInt8(ascii: "u"), UInt8(ascii: "i")].contains(previous) ? count : count - 1
    for index in 0..<end { mix(word[index]) }
    return hash
  }

  /// A normalized word in its singular, roughly: "emergencies" → "emergency", "forces" → "force",
  /// "peacekeepers" → "peacekeeper"; "process", "status" and "basis" are kept. The same rule on
  /// both sides is what matters, not grammar.
  static func stem(_ word: Substring) -> Substring {
    guard word.count > 3, word.hasSuffix("s") else { return word }
    if word.count > 4, word.hasSuffix("ies") { return word.dropLast(3) + "y" }
    if word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") { return word }
    return word.dropLast()
  }

  /// English function words, the verbs of intent every declared priority uses ("improvement of",
  /// "deepening", "aimed at"), officials' titles and month names: they say nothing about which
  /// item a news item is about.
  static let stopwords: Set<Substring> = Set(
    [
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
    ].map { stem(Substring($0)) })
}
