/// Words as the suggestion engine compares them: normalized like `TextNormalizer` (lower-case
/// letters and digits), a plural `s` dropped from longer words ("organizations" and
/// "organization" match), each word reduced to a 64-bit hash.
enum Tokens {
  /// The words of `text`, in order.
  static func words(_ text: String) -> [Substring] {
    var normalized: [UInt8] = []
    TextNormalizer.append(text, to: &normalized)
    return String(decoding: normalized, as: UTF8.self).split(separator: " ").map { stem($0) }
  }

  /// Hashes of the words of `text`, in order.
  static func hashes(_ text: String) -> [UInt64] {
    var normalized: [UInt8] = []
    normalized.reserveCapacity(text.utf8.count)
    TextNormalizer.append(text, to: &normalized)
    var result: [UInt64] = []
    result.reserveCapacity(normalized.count / 6)
    normalized.withUnsafeBufferPointer { bytes in
      var start = 0
      for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x20 {
        if index > start { result.append(hash(UnsafeBufferPointer(rebasing: bytes[start..<index]))) }
        start = index + 1
      }
    }
    return result
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

  /// English function words and the verbs of intent every declared priority uses ("improvement
  /// of", "deepening", "aimed at"): they say nothing about which item a news item is about.
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
      "field", "issue", "aspects", "level", "carrying", "conducting", "involving", "ensuring", "maintaining",
      "combat", "combating", "countering", "counter", "prevent", "joint", "system", "international", "member", "states",
      "state", "secretary", "general", "chairman", "minister", "head", "deputy", "chief", "meeting", "practical",
      "participate", "potential", "component", "persons", "action", "area", "responsibility", "decision", "approved",
      "adopted", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december",
    ].map { stem(Substring($0)) })
}
