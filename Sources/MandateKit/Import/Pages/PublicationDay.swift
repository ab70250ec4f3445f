/// The day a page says its article was published, and where it says so.
///
/// Sources are tried in order of trust: JSON-LD `datePublished`; the `<meta>` conventions
/// (`article:published_time`, Dublin Core, `pubdate`, citation and parse.ly tags, …) and `itemprop`
/// markup; a `<time>` in the article; a dateline in its visible text; the date path of its address.
/// A modification date (`dateModified`, `article:modified_time`, an "updated" time) is never taken:
/// it says when the page changed, not when the news was published.
public struct PublicationDay: Equatable, Sendable {
  /// The calendar day as the page writes it, in its own time zone.
  public var day: Day
  /// Where the day was read, e.g. "JSON-LD datePublished" or "the URL's date path".
  public var evidence: String

  /// `<meta>` keys (property, name or itemprop, lowercase) that carry the publication time.
  static let metaKeys = [
    "article:published_time", "og:article:published_time", "og:published_time", "article:published",
    "datepublished", "date_published", "published_time", "publication_date", "publish_date", "publish-date",
    "publishdate", "pubdate", "article.published", "article_date_original", "original-publish-date",
    "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created", "dc.date", "dcterms.date",
    "citation_publication_date", "citation_date", "citation_online_date", "prism.publicationdate",
    "sailthru.date", "parsely-pub-date", "og:pubdate", "bt:pubdate", "rnews:datepublished",
    "cxenseparse:recs:publishtime", "weibo:article:create_at", "date", "created", "release_date",
  ]

  static func find(
    metadata: PageMetadata, tree: ContentTree, articleRoots: [Int], paragraphs: [String], url: String?
  ) -> PublicationDay? {
    if let text = metadata.article?.datePublished, let day = DateText.day(text) {
      return PublicationDay(day: day, evidence: "JSON-LD datePublished")
    }
    for key in metaKeys {
      for entry in metadata.meta where entry.key == key {
        if let day = DateText.day(entry.value) { return PublicationDay(day: day, evidence: "<meta> \(key)") }
      }
    }
    if let parsely = metadata.meta("parsely-page"), let day = parselyDay(parsely) {
      return PublicationDay(day: day, evidence: "<meta> parsely-page pub_date")
    }
    if let text = metadata.article?.dateCreated, let day = DateText.day(text) {
      return PublicationDay(day: day, evidence: "JSON-LD dateCreated")
    }
    let markup = PublicationMarkup(tree: tree, roots: articleRoots)
    if let found = markup.itemprop() ?? markup.time() ?? markup.dateline() { return found }
    // A dateline opening the text: "Astana, 23 May 2024 –" or a first line that is only a date.
    if let first = paragraphs.first,
      let mention = DateExtractor.mentions(in: String(first.prefix(160)), referenceDate: nil)
        .first(where: { $0.precision == .day && !$0.yearInferred }), mention.offset < 60 || first.count < 200
    {
      return PublicationDay(day: mention.start, evidence: "the dateline \"\(mention.text)\"")
    }
    if let url, let day = DateText.urlDay(url) { return PublicationDay(day: day, evidence: "the URL's date path") }
    return nil
  }

  /// Whether a dateline speaks of a change ("Last Updated: …", "Обновлено …").
  static func saysModified(_ text: String) -> Bool {
    let lowered = text.lowercased()
    return ["updated", "modified", "edited", "revised", "обновлен", "изменен", "aktualisiert", "mis à jour"].contains {
      lowered.contains($0)
    }
  }

  /// parse.ly's `parsely-page` meta holds JSON with a `pub_date`.
  static func parselyDay(_ json: String) -> Day? {
    guard let range = json.range(of: "\"pub_date\"") else { return nil }
    let rest = json[range.upperBound...].drop { $0 == " " || $0 == ":" || $0 == "\"" }
    return DateText.day(String(rest.prefix { $0 != "\"" }))
  }
}

/// Publication days in the page's markup near the article.
struct PublicationMarkup {
  let tree: ContentTree
  let roots: [Int]
  /// Where to look: the `<article>` (or `<main>`) around the text when there is one, else the body up to
  /// the end of the text, so that the times of related stories below it are not taken.
  let scope: Range<Int>

  init(tree: ContentTree, roots: [Int]) {
    self.tree = tree
    self.roots = roots
    let document = tree.document
    let first = roots.first ?? 0
    var container: Int?
    var ancestor = document.parent(of: first)
    while let current = ancestor, container == nil {
      if ["article", "main"].contains(document.names[current]) { container = current }
      ancestor = document.parent(of: current)
    }
    if let container {
      scope = container..<document.subtreeEnd(container)
    } else {
      scope = 0..<(roots.last.map(document.subtreeEnd) ?? document.count)
    }
  }

  var document: HTMLDocument { tree.document }

  /// Whether an element gives a modification time: by its class, id or itemprop, its parent's, or the
  /// words before it ("Updated <time>…").
  private func isModified(_ node: Int) -> Bool {
    var current: Int? = node
    for _ in 0..<2 {
      guard let element = current else { break }
      if tree.words(element).contains(.modified) { return true }
      if document.attribute("itemprop", of: element).map({ ClassWords(of: $0).contains(.modified) }) ?? false {
        return true
      }
      current = document.parent(of: element)
    }
    guard let parent = document.parent(of: node) else { return false }
    let text = document.textContent(parent)
    return text.count < 100 && PublicationDay.saysModified(text)
  }

  /// `itemprop="datePublished"` anywhere on the page (it names the article's own date).
  func itemprop() -> PublicationDay? {
    for node in 0..<document.count where document.isElement(node) {
      guard document.attribute("itemprop", of: node)?.lowercased() == "datepublished" else { continue }
      let value =
        document.attribute("content", of: node) ?? document.attribute("datetime", of: node)
        ?? document.textContent(node)
      if let day = DateText.day(value) { return PublicationDay(day: day, evidence: "itemprop datePublished") }
    }
    return nil
  }

  /// The first `<time>` in the article (one marked `pubdate` first) that is not a modification time.
  func time() -> PublicationDay? {
    let times = scope.filter { document.names[$0] == "time" && !isModified($0) }
    let ordered = times.filter { document.hasAttribute("pubdate", $0) } + times
    for node in ordered {
      let value = document.attribute("datetime", of: node) ?? document.textContent(node)
      if let day = DateText.day(value) { return PublicationDay(day: day, evidence: "<time> in the article") }
    }
    return nil
  }

  /// A day written in a short dateline, byline or meta line of the article ("Published 23 May 2024").
  func dateline() -> PublicationDay? {
    for node in scope {
      guard document.isElement(node), tree.words(node).contains(.dateline), !isModified(node) else { continue }
      let text = document.textContent(node)
      guard !text.isEmpty, text.count < 200, !PublicationDay.saysModified(text) else { continue }
      if let day = DateText.wordsDay(text) ?? DateText.numericDay(text) {
        return PublicationDay(day: day, evidence: "the dateline \"\(text.prefix(60))\"")
      }
    }
    return nil
  }
}
