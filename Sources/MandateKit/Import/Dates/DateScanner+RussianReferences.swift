/// Russian mentions that point at a document or a bound rather than at the news itself, by the
/// same rule as English (`DateScanner+References`):
/// - the word right before the span is «от» ("dated": «решением СКБ от 23 ноября 2022 года»);
/// - or a bound: «с» before a single day ("since"), «до», «к», «ко», «по» ("until", "by"), «на»
///   ("as of", "for": «на 1 января 2025 года», «план на январь 2025 года»);
/// - or a long-form past participle ("signed", "adopted", "approved"…) right before it, which
///   names a document: «Договора, подписанного 15 мая 1992 года», «подписанный в 1992 году»,
///   «утвержденных решением от…». The short form is the sentence's own verb and reports the
///   event: «Соглашение подписано 10 апреля 2024 года».
extension DateScanner {
  static let russianReferenceWords: [[UInt8]] = ["от", "с", "со", "до", "к", "ко", "по", "на"].map { Array($0.utf8) }

  /// Stems of past participles that name a document's act; a long form adds an adjective ending.
  static let russianParticiples: [[UInt8]] = [
    "подписанн", "принят", "утвержденн", "ратифицированн", "заключенн", "одобренн", "согласованн",
    "опубликованн", "подготовленн", "изданн", "вынесенн", "учрежденн", "созданн",
  ].map { Array($0.utf8) }

  /// Adjective endings of the long form ("подписанн|ого", "принят|ый").
  static let russianLongEndings: [[UInt8]] = [
    "ый", "ого", "ому", "ым", "ом", "ая", "ой", "ую", "ое", "ые", "ых", "ыми",
  ].map { Array($0.utf8) }

  /// Whether the Russian mention whose span starts at `spanStart` points at a document or a bound.
  func russianIsReference(spanStart: Int) -> Bool {
    guard let word = cyrillicWordBefore(spanStart, floor: 0) else { return false }
    if cyrillicEqualsAny(word.start, word.end, Self.russianReferenceWords) { return true }
    return isRussianLongParticiple(word.start, word.end)
  }

  /// Whether `start..<end` is a long-form past participle of `russianParticiples`.
  func isRussianLongParticiple(_ start: Int, _ end: Int) -> Bool {
    for stem in Self.russianParticiples where end - start > stem.count && cyrillicHasPrefix(start, end, stem) {
      let ending = start + stem.count
      return Self.russianLongEndings.contains { cyrillicEquals(ending, end, $0) }
    }
    return false
  }

  /// Whether the letters `start..<end` begin with `prefix` (lower case), in any case, «ё» as «е».
  func cyrillicHasPrefix(_ start: Int, _ end: Int, _ prefix: [UInt8]) -> Bool {
    guard end - start >= prefix.count else { return false }
    return cyrillicEquals(start, start + prefix.count, prefix)
  }
}
