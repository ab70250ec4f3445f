import Foundation

/// From what each entry said to `FeedEntry`: which element gives which field in each dialect.
extension FeedXMLDelegate {
  /// Files a finished field's text into the channel or the current entry; the first occurrence wins.
  func finish(_ capture: Capture) {
    var raw = capture.text
    if capture.base64 {
      // Atom 0.3's base64 mode; undecodable text is no content rather than garbage.
      raw =
        Data(base64Encoded: raw, options: .ignoreUnknownCharacters).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
    switch capture.field {
    case .channelLanguage:
      if channelLanguage == nil { channelLanguage = raw.trimmed.nonEmpty }
      return
    case .channelLink:
      if channelLink == nil, let href = raw.trimmed.nonEmpty { channelLink = (href, capture.base) }
      return
    default:
      break
    }
    guard var entry = draft else { return }
    switch capture.field {
    case .title: entry.title = entry.title ?? Self.titleText(raw, capture.mode)
    case .dcTitle: entry.dcTitle = entry.dcTitle ?? Self.titleText(raw, capture.mode)
    case .description, .summary: entry.summary = entry.summary ?? Self.bodyText(raw, capture.mode)
    case .dcDescription: entry.dcDescription = entry.dcDescription ?? Self.bodyText(raw, capture.mode)
    case .content: entry.content = entry.content ?? Self.bodyText(raw, capture.mode)
    case .link:
      if entry.link == nil, let href = raw.trimmed.nonEmpty { entry.link = (href, capture.base) }
    case .guid:
      entry.guid = entry.guid ?? raw.trimmed.nonEmpty
      if entry.permaLink == nil, let href = raw.trimmed.nonEmpty { entry.permaLink = (href, capture.base) }
    case .id: entry.guid = entry.guid ?? raw.trimmed.nonEmpty
    case .author: entry.author = entry.author ?? Self.titleText(raw, .text)
    case .pubDate, .dcDate, .published, .updated, .termsDate, .termsModified, .created:
      if entry.dates[capture.field] == nil { entry.dates[capture.field] = raw }
    case .dcLanguage: entry.dcLanguage = entry.dcLanguage ?? raw.trimmed.nonEmpty
    case .channelLanguage, .channelLink: break
    }
    draft = entry
  }

  /// The entries read, in file order, with channel-level defaults applied now that the whole channel is known,
  /// and the lines of the entries skipped for having neither a title nor text.
  func finishedEntries() -> (entries: [FeedEntry], skipped: [Int]) {
    let channelBase = channelLink.flatMap { Self.sanitizedURL(resolve($0.href, against: $0.base)) }
    var entries: [FeedEntry] = []
    var skipped: [Int] = []
    for draft in drafts {
      let title = draft.title ?? draft.dcTitle
      let body = draft.content ?? draft.summary ?? draft.dcDescription ?? ""
      guard title != nil || !body.isEmpty else {
        skipped.append(draft.line)
        continue
      }
      let link: Link?
      switch kind {
      case .atom: link = draft.alternateLink ?? draft.firstLinkWithoutRel
      default: link = draft.link ?? draft.about ?? permaLink(draft.permaLink)
      }
      let stamp = dateOrder.lazy.compactMap { FeedDate.parse(draft.dates[$0]) }.first
      var entry = FeedEntry(
        title: title, body: body,
        url: link.flatMap { Self.sanitizedURL(resolve($0.href, against: $0.base ?? channelBase)) },
        published: stamp?.day, language: draft.language ?? draft.dcLanguage ?? channelLanguage,
        guid: draft.guid, line: draft.line)
      entry.publishedPrecision = stamp?.precision ?? .day
      entry.author = draft.author
      entries.append(entry)
    }
    return (entries, skipped)
  }

  /// The dates an entry's publication day is taken from, most telling first, in this feed's dialect.
  var dateOrder: [Field] {
    switch dialect {
    case .atom10: [.published, .updated, .dcDate]
    case .atom03: [.published, .created, .updated, .dcDate]
    default: [.pubDate, .dcDate, .termsDate, .termsModified]
    }
  }

  /// A guid that is a permalink serves as the link only when it is an absolute http(s) URL as written: feeds
  /// leave `isPermaLink` at its default for ids such as "12345" or "tag:…" that are no address at all, and an
  /// `xml:base` in scope would turn "12345" into a page that does not exist.
  func permaLink(_ guid: Link?) -> Link? {
    guard let guid, let scheme = Self.scheme(of: guid.href.trimmed), scheme == "http" || scheme == "https" else {
      return nil
    }
    return (guid.href, nil)
  }

  /// RSS 1.0's `rdf:about` on an item (whatever prefix the feed gives the RDF namespace).
  static func rdfAbout(_ attributes: [String: String]) -> String? {
    if let about = attributes["rdf:about"] { return about.trimmed.nonEmpty }
    return attributes.first { $0.key.hasSuffix(":about") }?.value.trimmed.nonEmpty
  }
}
