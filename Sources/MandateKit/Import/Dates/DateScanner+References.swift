/// Mentions that point at a document or an earlier decision rather than at the news itself.
extension DateScanner {
  static let timeNouns: [StaticString] = [
    "morning", "afternoon", "evening", "night", "eve", "day", "days", "week", "weeks", "weekend", "beginning",
    "start", "middle", "end", "period",
  ]

  static let documentNouns: [StaticString] = [
    "decision", "agreement", "declaration", "resolution", "treaty", "treaties", "protocol", "programme", "program",
    "plan", "charter", "memorandum", "memoranda", "convention", "concept", "strategy", "strategies", "statute",
    "regulation", "decree", "letter", "document", "law",
  ]

  static let participles: [StaticString] = [
    "adopted", "signed", "approved", "ratified", "concluded", "issued", "endorsed", "enacted",
  ]

  static let auxiliaries: [StaticString] = [
    "was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "will", "would", "shall",
  ]

  /// Words that make the date after them a bound or a starting point rather than the day of the event:
  /// "since 10 April 2003", "until 14 March", "by 1 May".
  static let boundWords: [StaticString] = ["since", "until", "till", "by", "before"]

  /// Whether the mention whose span starts at `spanStart` points at a document rather than the event.
  ///
  /// The rule is spelled out in `DateExtractor`'s documentation; keep the two in step.
  func isReference(spanStart: Int, startsWithOn: Bool, isRange: Bool) -> Bool {
    if russianIsReference(spanStart: spanStart) { return true }
    if let word = wordBefore(spanStart, floor: 0) {
      if equals(word.start, word.end, "dated") || equalsAny(word.start, word.end, Self.boundWords) { return true }
      if equals(word.start, word.end, "of") {
        if let noun = wordBefore(word.start, floor: 0), equalsAny(noun.start, noun.end, Self.timeNouns) {
          return false
        }
        return true
      }
      if !isRange, equals(word.start, word.end, "from"), let noun = wordBefore(word.start, floor: 0),
        isDocumentNoun(noun.start, noun.end)
      {
        return true
      }
    }
    // "adopted … on 23 November 2023", and "signed in 1992" or "approved in April 2024" alike.
    let introduced = startsWithOn || equals(spanStart, wordEnd(spanStart), "in")
    return introduced && followsDocumentParticiple(spanStart)
  }

  func isDocumentNoun(_ start: Int, _ end: Int) -> Bool {
    if equalsAny(start, end, Self.documentNouns) { return true }
    return end - start > 3 && p[end - 1] | 0x20 == UInt8(ascii: "s") && equalsAny(start, end - 1, Self.documentNouns)
  }

  /// Rule 2 of the reference rule: "<document> … adopted by … on DATE", where `on` is the index of "on".
  func followsDocumentParticiple(_ on: Int) -> Bool {
    // Sentences are short; the bound keeps a pathological run of punctuation from costing much.
    let limit = max(0, on - 600)
    var cursor = on
    for _ in 0..<12 {
      guard let word = clauseWordBefore(cursor, limit: limit), !word.comma else { return false }
      cursor = word.start
      if equalsAny(word.start, word.end, Self.auxiliaries) { return false }
      guard equalsAny(word.start, word.end, Self.participles) else { continue }
      var before = clauseWordBefore(word.start, limit: limit)
      if let adverb = before, adverb.end - adverb.start > 3, equals(adverb.end - 2, adverb.end, "ly") {
        before = clauseWordBefore(adverb.start, limit: limit)
      }
      if let before, equalsAny(before.start, before.end, Self.auxiliaries) { return false }
      return documentBefore(word.start, words: 40)
    }
    return false
  }

  /// Whether a document word or a quoted title comes within `words` words before `end` in the same sentence.
  func documentBefore(_ end: Int, words: Int) -> Bool {
    let limit = max(0, end - 600)
    var cursor = end
    for _ in 0..<words {
      guard let earlier = clauseWordBefore(cursor, limit: limit) else { return false }
      if earlier.quote || isDocumentNoun(earlier.start, earlier.end) { return true }
      cursor = earlier.start
    }
    return false
  }

  /// The ASCII word before `end` within the same sentence, and whether a quote or comma lies between them.
  ///
  /// A sentence ends at ";", "!", "?", a line break or a "." followed by a space, which is rough ("No. 5")
  /// but errs towards shorter clauses, i.e. towards treating a date as the event.
  func clauseWordBefore(_ end: Int, limit: Int) -> (start: Int, end: Int, quote: Bool, comma: Bool)? {
    var index = end
    var quote = false
    var comma = false
    while index > limit {
      let byte = p[index - 1]
      if Self.isLetter(byte) { break }
      switch byte {
      case UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"), 0x0A, 0x0D:
        return nil
      case UInt8(ascii: "."):
        if index == n || p[index] == 0x20 || p[index] == 0x0A || p[index] == 0x09 { return nil }
      case UInt8(ascii: ","):
        comma = true
      case UInt8(ascii: "\""):
        quote = true
      case 0x9C, 0x9D, 0x9E:  // “ ” „ are E2 80 9C…9E
        if index >= 3, p[index - 2] == 0x80, p[index - 3] == 0xE2 { quote = true }
      case 0xAB, 0xBB:  // « » are C2 AB and C2 BB
        if index >= 2, p[index - 2] == 0xC2 { quote = true }
      default:
        break
      }
      index -= 1
    }
    guard index > limit else { return nil }
    var start = index - 1
    while start > limit, Self.isLetter(p[start - 1]) { start -= 1 }
    return (start, index, quote, comma)
  }
}
