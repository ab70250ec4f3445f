import Foundation

/// The article's own title: JSON-LD `headline`, `og:title`, the Twitter and Dublin Core titles, the
/// article's `<h1>`, and last `<title>`; without the site name that titles add ("Headline | Site",
/// "Site — Headline").
enum PageHeadline {
  /// Separators sites put between a headline and their name, widest first.
  static let separators = [
    " | ", " || ", " - ", " – ", " — ", " :: ", " · ", " • ", " / ", " » ", " « ", " \\ ", " _", "_",
  ]

  static func choose(metadata: PageMetadata, document: HTMLDocument, host: String?) -> String? {
    let siteNames = metadata.siteNames + (host.map { [$0] } ?? [])
    let title = metadata.title.map(collapsed).flatMap { $0.isEmpty ? nil : $0 }
    let keys = Set(siteNames.map(key))
    let headings = document.elements(named: "h1").map { withoutPermalink(collapsed(document.textContent($0))) }
      .filter { !$0.isEmpty && !keys.contains(key($0)) && $0.count > 3 }
    let declared = [
      jsonLDHeadline(metadata, title: title, siteKeys: keys), metadata.meta("dc:title"), metadata.meta("dc.title"),
      metadata.meta("dcterm:title"), metadata.meta("dcterms.title"), metadata.meta("og:title"),
      metadata.meta("twitter:title"), metadata.meta("headline"), metadata.meta("parsely-title"),
    ].compactMap { $0.map(collapsed) }.filter { !$0.isEmpty }
    if var headline = declared.first {
      // JSON-LD headlines are often cut to 110 characters; a longer title that starts the same is whole.
      if headline.hasSuffix("…") || headline.hasSuffix("...") {
        let stem = headline.trimmingCharacters(in: CharacterSet(charactersIn: "….")).trimmingWhitespace
        let longer = declared.dropFirst() + headings + (title.map { [$0] } ?? [])
        if let whole = longer.first(where: { $0.hasPrefix(stem) && $0.count > stem.count }) { headline = whole }
      }
      return nonEmpty(withoutSiteName(headline, siteNames: siteNames, heading: headings.first), or: headline)
    }
    // Without declared metadata: the <h1> that <title> repeats, else <title> without the site's name
    // (an <h1> that <title> does not contain is often a logo or a section name), else the first <h1>.
    if let title {
      let titleKey = key(title)
      if let heading = headings.first(where: { key($0).count >= 4 && titleKey.contains(key($0)) }) { return heading }
      let stripped = withoutSiteName(title, siteNames: siteNames, heading: nil)
      return nonEmpty(stripped == title ? withoutShortLastSegment(title) : stripped, or: title)
    }
    return headings.first
  }

  private static func nonEmpty(_ text: String, or fallback: String) -> String { text.isEmpty ? fallback : text }

  /// The JSON-LD article's `headline`, or its `name` when the two differ and the name is closer to the
  /// page's title (some sites put a description in `headline`, others their own name in `name`).
  static func jsonLDHeadline(_ metadata: PageMetadata, title: String?, siteKeys: Set<String>) -> String? {
    guard let article = metadata.article, article.isArticle else { return nil }
    let name = article.name.flatMap { siteKeys.contains(key($0)) ? nil : $0 }
    guard let headline = article.headline else { return name }
    guard let name, name != headline, let title else { return headline }
    let titleWords = ContentCleaner.words(title)
    let byName = ContentCleaner.similarity(ContentCleaner.words(name), titleWords)
    let byHeadline = ContentCleaner.similarity(ContentCleaner.words(headline), titleWords)
    return byName > byHeadline ? name : headline
  }

  /// A heading without the permalink mark documentation generators append ("Title¶").
  static func withoutPermalink(_ text: String) -> String {
    var text = text
    while let last = text.last, "¶§#🔗".contains(last) { text.removeLast() }
    return text.trimmingWhitespace
  }

  /// A `<title>` of two parts whose last is short ("Headline – My website") without that part: the
  /// site's name, as far as can be told without knowing it.
  static func withoutShortLastSegment(_ title: String) -> String {
    for separator in [" | ", " - ", " – ", " — ", " :: ", " · "] {
      let parts = title.components(separatedBy: separator)
      guard parts.count == 2 else { continue }
      let first = parts[0].trimmingWhitespace
      let last = parts[1].trimmingWhitespace
      let words = { (text: String) in text.split(separator: " ").count }
      if words(last) <= 3 && words(first) >= 3 { return first }
    }
    return title
  }

  /// `title` without segments naming the site; when no site name is known, a title that ends with a
  /// short segment after a separator and holds the article's `<h1>` before it loses that segment.
  static func withoutSiteName(_ title: String, siteNames: [String], heading: String?) -> String {
    let keys = siteNames.map(key).filter { !$0.isEmpty }
    for separator in separators {
      var parts = title.components(separatedBy: separator).map(\.trimmingWhitespace)
      guard parts.count >= 2 else { continue }
      if let heading, parts.contains(heading) { return heading }
      func isSiteName(_ part: String) -> Bool {
        let partKey = key(part)
        return !partKey.isEmpty && keys.contains { $0 == partKey || ($0.count >= 4 && partKey.hasPrefix($0)) }
      }
      var changed = false
      while parts.count > 1, let last = parts.last, isSiteName(last) {
        parts.removeLast()
        changed = true
      }
      while parts.count > 1, let first = parts.first, isSiteName(first) {
        parts.removeFirst()
        changed = true
      }
      if changed { return parts.joined(separator: separator) }
    }
    return title
  }

  /// A comparison key: letters and digits only, lowercase, without a leading "the" and a domain ending.
  static func key(_ text: String) -> String {
    var lowered = text.lowercased()
    for suffix in [".com", ".org", ".net", ".ru", ".kz", ".int", ".co.uk"] where lowered.hasSuffix(suffix) {
      lowered.removeLast(suffix.count)
    }
    if lowered.hasPrefix("www.") { lowered.removeFirst(4) }
    var key = String(lowered.unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
    if key.hasPrefix("the") && key.count > 6 { key.removeFirst(3) }
    return key
  }

  static func collapsed(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }
}
