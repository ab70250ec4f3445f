import Foundation

/// What a page says about itself outside its text: `<title>`, `<meta>` conventions (Open Graph,
/// Twitter cards, Dublin Core, `itemprop`), JSON-LD, `<link rel=canonical>`, `<base>` and languages.
struct PageMetadata {
  /// `<meta>` content by lowercased `property`, `name` or `itemprop`, in page order.
  private(set) var meta: [(key: String, value: String)] = []
  /// The text of the first `<title>`.
  private(set) var title: String?
  private(set) var jsonLD: [JSONLDObject] = []
  /// `<link rel=canonical>`'s address as written.
  private(set) var canonicalHref: String?
  private(set) var baseHref: String?
  /// `<html lang>` (or `xml:lang`).
  private(set) var htmlLanguage: String?
  /// `<meta http-equiv="Content-Language">`.
  private(set) var contentLanguage: String?

  init(_ document: HTMLDocument) {
    for node in 0..<document.count where document.isElement(node) {
      switch document.names[node] {
      case "meta": readMeta(document, node)
      case "title" where title == nil:
        let text = document.textContent(node)
        if !text.isEmpty { title = text }
      case "link" where canonicalHref == nil:
        let rel = document.attribute("rel", of: node)?.lowercased().split(separator: " ") ?? []
        if rel.contains("canonical"), let href = document.attribute("href", of: node)?.trimmingWhitespace,
          !href.isEmpty
        {
          canonicalHref = href
        }
      case "base" where baseHref == nil:
        baseHref = document.attribute("href", of: node)?.trimmingWhitespace
      case "html" where htmlLanguage == nil:
        htmlLanguage = document.attribute("lang", of: node) ?? document.attribute("xml:lang", of: node)
      case "script":
        let type = document.attribute("type", of: node)?.lowercased().trimmingWhitespace ?? ""
        if type == "application/ld+json" { jsonLD += JSONLDObject.objects(in: scriptText(document, node)) }
      default: break
      }
    }
  }

  private mutating func readMeta(_ document: HTMLDocument, _ node: Int) {
    if let equiv = document.attribute("http-equiv", of: node)?.lowercased(), equiv == "content-language" {
      contentLanguage = contentLanguage ?? document.attribute("content", of: node)
      return
    }
    guard let content = document.attribute("content", of: node)?.trimmingWhitespace, !content.isEmpty else {
      return
    }
    for attribute in ["property", "name", "itemprop"] {
      guard let keys = document.attribute(attribute, of: node)?.lowercased() else { continue }
      // RDFa allows several properties in one attribute ("og:title twitter:title").
      for key in keys.split(separator: " ") { meta.append((String(key), content)) }
    }
  }

  private func scriptText(_ document: HTMLDocument, _ node: Int) -> String {
    document.children(of: node).filter { !document.isElement($0) }.map { document.text($0) }.joined()
  }

  /// The first `<meta>` content for `key` (lowercase).
  func meta(_ key: String) -> String? { meta.first { $0.key == key }?.value }

  /// The page's article in JSON-LD: the first object of an article type, else the first web page.
  var article: JSONLDObject? { jsonLD.first(where: \.isArticle) ?? jsonLD.first(where: \.isWebPage) }

  /// The names the site goes by, to take off headlines: `og:site_name`, `application-name`, the JSON-LD
  /// publisher and web site.
  var siteNames: [String] {
    var names = ["og:site_name", "application-name", "twitter:app:name:iphone", "publisher", "dc.publisher"]
      .compactMap(meta)
    names += jsonLD.compactMap(\.publisher)
    names += jsonLD.filter(\.isWebSite).compactMap(\.name)
    return names.filter { !$0.isEmpty }
  }

  /// The page's own address: `<link rel=canonical>`, else `og:url`, else the JSON-LD article's `url`,
  /// made absolute against `<base>` and the address the page was fetched from; only http(s) counts.
  func canonicalURL(fetchedFrom pageURL: String?) -> String? {
    let base = resolve(baseHref, against: pageURL.flatMap(URL.init(string:))) ?? pageURL.flatMap(URL.init(string:))
    for candidate in [canonicalHref, meta("og:url"), article?.url] {
      if let url = resolve(candidate, against: base) { return url.absoluteString }
    }
    return nil
  }

  private func resolve(_ href: String?, against base: URL?) -> URL? {
    guard let href = href?.trimmingWhitespace, !href.isEmpty, !href.hasPrefix("#") else { return nil }
    guard let url = URL(string: href, relativeTo: base)?.absoluteURL,
      let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil
    else { return nil }
    return url
  }

  /// The page's language: `<html lang>`, `<meta http-equiv="Content-Language">`, the HTTP header,
  /// `og:locale`, Dublin Core or JSON-LD, normalised ("en_us" → "en-US"); nil when none is valid.
  func language(httpHeader: String?) -> String? {
    let candidates = [
      htmlLanguage, contentLanguage, httpHeader, meta("og:locale"), meta("dc.language"), meta("language"),
      meta("inlanguage"), article?.language,
    ]
    return candidates.lazy.compactMap { $0.flatMap(Self.normalizedLanguage) }.first
  }

  /// A BCP 47 tag with its language in lowercase and region in uppercase; the first of a list
  /// ("en, fr"); nil for what is not a language tag.
  static func normalizedLanguage(_ value: String) -> String? {
    let first = value.split(separator: ",").first.map { String($0).trimmingWhitespace } ?? ""
    let parts = first.replacingOccurrences(of: "_", with: "-").split(separator: "-").map(String.init)
    guard let primary = parts.first, (2...3).contains(primary.count), primary.allSatisfy({ $0.isASCII && $0.isLetter })
    else { return nil }
    var tag = primary.lowercased()
    for part in parts.dropFirst() {
      guard !part.isEmpty, part.count <= 8, part.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
        break
      }
      tag += "-" + (part.count == 2 ? part.uppercased() : part.count == 4 ? part.capitalized : part.lowercased())
    }
    return tag
  }
}
