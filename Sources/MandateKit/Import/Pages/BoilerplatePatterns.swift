/// What elements of a page are, judged by their names, classes, ids and roles.
///
/// The word lists follow the published content-scoring method of Readability (unlikely candidates,
/// positive and negative class weights) and the boilerplate classes that trafilatura's and jusText's
/// papers describe (cookie and consent banners, newsletters, share bars, related stories, comments),
/// matched as substrings of the lowercased `class` and `id`, because sites build them from words
/// ("article-body__share-bar", "c-newsletter-signup").
enum BoilerplatePatterns {
  /// Elements that never hold article text: code, embedded objects, form controls and the head.
  static let neverText: Set<String> = [
    "script", "style", "noscript", "template", "iframe", "object", "embed", "applet", "svg", "canvas", "video",
    "audio", "source", "track", "map", "area", "button", "input", "select", "textarea", "option", "optgroup",
    "datalist", "head", "title", "meta", "link", "base", "dialog", "menu",
  ]

  /// Elements laid out as blocks: their start and end separate paragraphs.
  static let blocks: Set<String> = [
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dir", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
    "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot",
    "tr", "td", "th", "ul", "caption", "legend", "listing", "plaintext", "xmp",
  ]

  /// Elements whose presence makes a `div` a container rather than a paragraph.
  static let paragraphBreakers: Set<String> = [
    "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul", "section", "article", "figure", "h1", "h2",
    "h3", "h4", "h5", "h6", "header", "footer", "aside", "nav", "form", "main",
  ]

  /// Elements scored as paragraphs wherever they are.
  static let scoredAsParagraphs: Set<String> = ["p", "pre", "td", "section", "h2", "h3", "h4", "h5", "h6"]

  static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

  /// Class or id words of page furniture that is never the article.
  static let unlikely = [
    "-ad-", "ai2html", "banner", "breadcrumb", "combx", "comment", "community", "cover-wrap", "disqus", "extra",
    "footer", "gdpr", "header", "legends", "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar",
    "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
    "yom-remote", "cookie", "consent", "newsletter", "subscribe", "signup", "sign-up", "paywall", "outbrain",
    "taboola", "recommend", "most-popular", "mostpopular", "trending",
  ]

  /// Class or id words that can be the article even when an unlikely word is present too.
  static let maybe = ["and", "article", "body", "column", "content", "main", "mathjax", "shadow"]

  /// ARIA roles of furniture.
  static let unlikelyRoles: Set<String> = [
    "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog", "banner", "contentinfo",
    "search",
  ]

  /// Class or id words that raise an element's score.
  static let positive = [
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination", "post", "text", "blog",
    "story",
  ]

  /// Class or id words that lower an element's score.
  static let negative = [
    "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr", "masthead", "media", "meta",
    "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping",
    "tags", "widget", "cookie", "newsletter", "subscribe", "byline", "credit", "caption",
  ]

  /// Class or id words of share bars, removed from the article when short.
  static let share = ["share", "sharedaddy", "social", "sharing"]

  /// Class or id words of bylines, datelines and photo credits, removed from the article text.
  static let byline = [
    "byline", "author", "credit", "dateline", "published", "timestamp", "article-date", "post-date", "post-meta",
    "entry-meta", "article-meta", "article__meta", "posted-on", "copyright",
  ]

  /// Words of the CSTO site's chrome around the news: menus, search, language switch, cookies.
  static let chrome = ["breadcrumb", "menu", "cookie", "search", "logo", "lang", "social", "share", "copyright"]

  /// Words of a block that lists search results.
  static let searchResults = ["search-results", "searchresults", "search_results", "search-result"]

  /// Words that mark a modification time rather than a publication one.
  static let modified = ["updat", "modif", "edited", "revis", "lastmod"]

  /// Words of the elements that carry a dateline or byline.
  static let dateline = ["date", "time", "byline", "meta", "publish", "posted", "dateline", "info", "author"]

  /// One automaton for every list above; `ClassWords` names the bits.
  static let matcher = WordSetMatcher([
    unlikely, maybe, positive, negative, share, byline, chrome, searchResults, modified, dateline, ["hid"],
  ])

  /// The class weight of Readability's method: +25 or -25 for the class, the same again for the id.
  static func weight(class classWords: ClassWords, id idWords: ClassWords) -> Double {
    var weight = 0.0
    for words in [classWords, idWords] {
      if words.contains(.negative) { weight -= 25 }
      if words.contains(.positive) { weight += 25 }
    }
    return weight
  }

  /// Whether an inline `style` hides the element.
  static func hidesElement(style: String) -> Bool {
    let compact = style.lowercased().filter { !$0.isWhitespace }
    return compact.contains("display:none") || compact.contains("visibility:hidden")
  }
}

/// The word lists of `BoilerplatePatterns` found in an element's class or id.
struct ClassWords: OptionSet, Sendable {
  let rawValue: UInt32
  static let unlikely = ClassWords(rawValue: 1 << 0)
  static let maybe = ClassWords(rawValue: 1 << 1)
  static let positive = ClassWords(rawValue: 1 << 2)
  static let negative = ClassWords(rawValue: 1 << 3)
  static let share = ClassWords(rawValue: 1 << 4)
  static let byline = ClassWords(rawValue: 1 << 5)
  static let chrome = ClassWords(rawValue: 1 << 6)
  static let searchResults = ClassWords(rawValue: 1 << 7)
  static let modified = ClassWords(rawValue: 1 << 8)
  static let dateline = ClassWords(rawValue: 1 << 9)
  /// "hid" somewhere; `ContentTree` keeps it as `.negative` only when it is a whole class name.
  static let hid = ClassWords(rawValue: 1 << 10)

  /// The words of a class or id value.
  init(of value: String) {
    guard !value.isEmpty else {
      self = []
      return
    }
    var words = ClassWords(rawValue: BoilerplatePatterns.matcher.sets(in: value))
    if words.contains(.hid) && value.split(separator: " ").contains("hid") { words.insert(.negative) }
    self = words
  }

  init(rawValue: UInt32) { self.rawValue = rawValue }
}
