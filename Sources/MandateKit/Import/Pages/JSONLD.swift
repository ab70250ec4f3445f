import Foundation

/// What a page's JSON-LD (`<script type="application/ld+json">`, schema.org) says about it.
///
/// Only the fields an event needs are read: the article's headline, when it was published, its
/// address and language, and who published it. Objects may be nested in arrays and `@graph`; a
/// block that is not valid JSON is skipped (pages carry broken ones), after one try without the raw
/// control characters that content systems leave in strings.
struct JSONLDObject: Equatable, Sendable {
  var types: [String]
  var headline: String?
  var name: String?
  var datePublished: String?
  var dateCreated: String?
  var url: String?
  var language: String?
  var publisher: String?

  /// schema.org types of articles and posts (not pages in general).
  static let articleTypes: Set<String> = [
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle", "blogposting", "liveblogposting",
    "techarticle", "scholarlyarticle", "report", "socialmediaposting", "discussionforumposting",
    "advertisercontentarticle",
    "satiricalarticle", "medicalscholarlyarticle",
  ]

  var isArticle: Bool { types.contains { Self.articleTypes.contains($0.lowercased()) } }
  var isWebPage: Bool { types.contains { $0.lowercased().hasSuffix("webpage") } }
  var isWebSite: Bool {
    types.contains { ["website", "organization", "newsmediaorganization"].contains($0.lowercased()) }
  }

  /// Every object with a `@type` in one script's text.
  static func objects(in script: String) -> [JSONLDObject] {
    // Scripts wrap their JSON in CDATA markers or comments ("<![CDATA[", "//]]>"): take the value itself.
    let text = script.replacingOccurrences(of: "<![CDATA[", with: " ").replacingOccurrences(of: "]]>", with: " ")
    guard let start = text.firstIndex(where: { $0 == "{" || $0 == "[" }),
      let end = text.lastIndex(where: { $0 == "}" || $0 == "]" }), start < end
    else { return [] }
    let value = String(text[start...end])
    let data = Data(value.utf8)
    let json =
      (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
      ?? (try? JSONSerialization.jsonObject(with: Data(withoutControlCharacters(value).utf8), options: []))
    guard let json else { return [] }
    var result: [JSONLDObject] = []
    collect(json, into: &result, depth: 0)
    return result
  }

  private static func withoutControlCharacters(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 ? " " : $0 }))
  }

  private static func collect(_ value: Any, into result: inout [JSONLDObject], depth: Int) {
    guard depth < 8 else { return }
    if let array = value as? [Any] {
      for element in array { collect(element, into: &result, depth: depth + 1) }
      return
    }
    guard let object = value as? [String: Any] else { return }
    if let graph = object["@graph"] { collect(graph, into: &result, depth: depth + 1) }
    let types = strings(object["@type"])
    if !types.isEmpty {
      result.append(
        JSONLDObject(
          types: types, headline: string(object["headline"]), name: string(object["name"]),
          datePublished: string(object["datePublished"]), dateCreated: string(object["dateCreated"]),
          url: string(object["url"]) ?? identifier(object["mainEntityOfPage"]),
          language: string(object["inLanguage"]) ?? identifier(object["inLanguage"], key: "name"),
          publisher: identifier(object["publisher"], key: "name")))
    }
    // An article is often the `mainEntity` of a WebPage, or a publisher's `subjectOf`.
    for key in ["mainEntity", "mainEntityOfPage", "hasPart", "subjectOf", "itemListElement"] {
      if let nested = object[key], nested is [String: Any] || nested is [Any] {
        collect(nested, into: &result, depth: depth + 1)
      }
    }
  }

  private static func strings(_ value: Any?) -> [String] {
    if let text = value as? String { return [text] }
    return (value as? [Any])?.compactMap { $0 as? String } ?? []
  }

  /// A string value, or the first of an array of them; trimmed, nil when empty.
  private static func string(_ value: Any?) -> String? {
    let text = (value as? String) ?? (value as? [Any])?.first as? String
    guard let trimmed = text?.trimmingWhitespace, !trimmed.isEmpty else { return nil }
    return trimmed
  }

  /// A string, or an object's `@id` (or `key`) as schema.org allows either.
  private static func identifier(_ value: Any?, key: String = "@id") -> String? {
    if let text = string(value) { return text }
    if let object = value as? [String: Any] { return string(object[key]) ?? string(object["@id"]) }
    if let array = value as? [Any], let first = array.first { return identifier(first, key: key) }
    return nil
  }
}
