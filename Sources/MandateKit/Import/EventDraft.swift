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

  var id: String { identity.id }

  /// The fields that decide which occurrence represents a merged event.
  var rank: (Int, Int, String) { (source.role.rank, text.utf8.count, identity.id) }
}

extension EventDraft {
  /// Reads the date and computes the identity of `raw`.
  ///
  /// The date comes from the text when it states one, else from the title, else from the date the
  /// source published (a page's date for its main article, "today" included); otherwise the event
  /// is undated. A teaser saying "today" without a page date stays undated: never guessed.
  init(raw: RawItem, file: String?, sourceName: String?, seen: Day) {
    title = raw.title.map(\.trimmingWhitespace).flatMap { $0.isEmpty ? nil : $0 }
    text = raw.body.trimmingWhitespace
    language = raw.language
    truncated = raw.truncated
    source = EventSource(
      file: file, position: raw.position, url: raw.url.flatMap { $0.isEmpty ? nil : $0 }, role: raw.role,
      name: sourceName, firstSeen: seen)
    let reference = raw.published ?? raw.referenceDate
    if let mention = DateExtractor.eventDate(in: text, referenceDate: reference) {
      (date, dateEnd, precision, basis, evidence) = (mention.start, mention.end, mention.precision, .text, mention.text)
    } else if let title, let mention = DateExtractor.eventDate(in: title, referenceDate: reference) {
      (date, dateEnd, precision, basis, evidence) = (
        mention.start, mention.end, mention.precision, .title, mention.text
      )
    } else if let published = raw.published {
      let precision = raw.publishedPrecision == .none ? .day : raw.publishedPrecision
      (date, dateEnd, self.precision, basis, evidence) = (published, nil, precision, .published, nil)
    } else {
      (date, dateEnd, precision, basis, evidence) = (nil, nil, .none, .none, nil)
    }
    identity = EventIdentity(title: title, text: text, url: source.url)
  }
}
