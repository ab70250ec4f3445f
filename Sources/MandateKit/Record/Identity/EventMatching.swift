/// The rules that decide whether two occurrences are the same news.
///
/// Two occurrences are one event when they have the same id (identical title and text); when one's
/// text opens the other's word for word (a teaser and its article: the same first 16 words, then a
/// prefix) and their titles do not disagree; or when they share a URL and a title or opening.
/// Importers apply them to what they read (`EventMatching+Drafts` in `Import/`).
enum EventMatching {
  /// Whether one text opens the other word for word and the titles do not disagree.
  static func sameOpening(
    titleA: String?, textA: String, truncatedA: Bool, titleB: String?, textB: String, truncatedB: Bool
  ) -> Bool {
    if let titleA, let titleB, TextNormalizer.normalize(titleA) != TextNormalizer.normalize(titleB) { return false }
    var wordsA = TextNormalizer.normalize(textA).split(separator: " ")
    var wordsB = TextNormalizer.normalize(textB).split(separator: " ")
    // A cut-off text may end in half a word.
    if truncatedA, wordsA.count > EventIdentity.leadWords { wordsA.removeLast() }
    if truncatedB, wordsB.count > EventIdentity.leadWords { wordsB.removeLast() }
    let (short, long) = wordsA.count <= wordsB.count ? (wordsA, wordsB) : (wordsB, wordsA)
    guard short.count >= EventIdentity.leadWords else { return false }
    return long.starts(with: short)
  }

  /// Whether a recorded event may be cut off (a teaser, or an article whose page ended early): its text
  /// does not end like a sentence (the same test the page parser applies when it reads the page).
  static func looksTruncated(_ event: Event) -> Bool {
    guard let last = event.text.unicodeScalars.last else { return false }
    return !".!?…\"”'»)]".unicodeScalars.contains(last)
  }

  /// Whether an occurrence with `title` and opening key `leadKey` that shares a URL with `event` is
  /// the same news: the same title or the same opening as well, so that a feed that gives every
  /// item its section's URL does not merge them all.
  static func sameURLNews(title: String?, leadKey: UInt64?, _ event: Event) -> Bool {
    if let title, let other = event.title, TextNormalizer.normalize(title) == TextNormalizer.normalize(other) {
      return true
    }
    return leadKey != nil && EventKeys(event).leadKey == leadKey
  }
}
