/// One occurrence of a news item, with its date read and its identity keys computed, ready to be
/// matched against other occurrences.
struct EventDraft: Sendable {
  var title: String?
  var text: String
  var language: String?
  var source: EventSource
  var truncated: Bool
  var date: Day?
  var dateEnd: Day?
  var precision: DatePrecision
  var basis: DateBasis
  var evidence: String?
  var identity: EventIdentity
  /// For the article of a page fetched because a feed item links to it: the key of that link.
  /// The item's event is this news whatever its title says, so it matches by the link alone.
  var linkKey: UInt64?

  var id: String { identity.id }

  /// The fields that decide which occurrence represents a merged event.
  var rank: (Int, Int, String) { (source.role.rank, text.utf8.count, identity.id) }
}

extension EventDraft {
  /// Reads the date (see `EventDating`), the language and the identity of `raw`.
  ///
  /// A teaser saying "today" without a page date stays undated: never guessed.
  init(raw: RawItem, file: String?, sourceName: String?, seen: Day, fetched: FetchProvenance? = nil) {
    title = raw.title.map(\.trimmingWhitespace).flatMap { $0.isEmpty ? nil : $0 }
    text = raw.body.trimmingWhitespace
    // The source's language when it names one, else the text's, when it can be told.
    language = raw.language.flatMap(LanguageTag.normalize) ?? LanguageDetector.detect(title: title, text: text)
    truncated = raw.truncated
    source = EventSource(
      file: file, position: raw.position, url: raw.url.flatMap { $0.isEmpty ? nil : $0 }, role: raw.role,
      name: sourceName, firstSeen: seen, published: raw.publishedPrecision == .day ? raw.published : nil,
      fetched: fetched)
    let dating = EventDating.date(
      title: title, text: text, published: raw.published,
      publishedPrecision: raw.publishedPrecision == .none ? .day : raw.publishedPrecision,
      referenceDate: raw.referenceDate)
    (date, dateEnd, precision, basis, evidence) = (
      dating.start, dating.end, dating.precision, dating.basis, dating.evidence
    )
    identity = EventIdentity(title: title, text: text, url: source.url)
  }
}
