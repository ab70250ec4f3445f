/// One news item as an importer read it, before dates, ids and de-duplication.
public struct RawItem: Sendable, Equatable {
  public var title: String?
  public var body: String
  public var url: String?
  /// The date the page, feed or file gives for the item (a page's date for its main article, a
  /// feed's pubDate, a JSONL `date`).
  public var published: Day?
  /// Precision of `published` ("2024-04" in a JSONL file is a month).
  public var publishedPrecision: DatePrecision
  /// A date to infer missing years from ("On 7 February" on a page of 2024) when `published`
  /// does not apply to this item, as for a page's teasers.
  public var referenceDate: Day?
  public var language: String?
  public var role: EventSource.Role
  /// The line of a JSONL/CSV/feed record, or the position on a page.
  public var position: Int?
  /// True when the text was cut off (a teaser ending mid-word), so its last word may be partial.
  public var truncated: Bool

  public init(
    title: String?, body: String, url: String? = nil, published: Day? = nil, publishedPrecision: DatePrecision = .day,
    referenceDate: Day? = nil, language: String? = nil, role: EventSource.Role, position: Int?, truncated: Bool = false
  ) {
    self.title = title.map { UnicodeNFC.normalize(Self.withoutNUL($0)) }
    self.body = UnicodeNFC.normalize(Self.withoutNUL(body))
    self.url = url.map(Self.withoutNUL)
    self.published = published
    self.publishedPrecision = published == nil ? .none : publishedPrecision
    self.referenceDate = referenceDate
    self.language = language
    self.role = role
    self.position = position
    self.truncated = truncated
  }

  /// NUL becomes U+FFFD (the replacement character): SQLite's text API, through which the index
  /// is read, ends a string at NUL, so a title kept with one would show cut short everywhere but
  /// in the record.
  static func withoutNUL(_ text: String) -> String {
    guard text.containsUTF8Byte(where: { $0 == 0 }) else { return text }
    return text.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}")
  }
}

/// Something a reader noticed that did not stop it: what a page cut short lacks, an item skipped
/// because it has nothing in it.
public struct ImportWarning: Sendable, Equatable {
  public var file: String
  public var line: Int
  public var message: String

  public init(file: String, line: Int, message: String) {
    self.file = file
    self.line = line
    self.message = message
  }
}

/// A record an importer could not use, with where it is and why.
public struct RejectedRecord: Sendable, Equatable {
  public var file: String
  public var line: Int
  public var reason: String

  public init(file: String, line: Int, reason: String) {
    self.file = file
    self.line = line
    self.reason = reason
  }
}
