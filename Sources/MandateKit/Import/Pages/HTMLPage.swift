import Foundation

/// One news article read from a saved or fetched web page.
public struct PageArticle: Equatable, Sendable {
  /// The article's own title, without the site's name.
  public var headline: String?
  /// The article body: paragraphs without menus, notices, share bars, bylines, credits, related
  /// stories or comments.
  public var paragraphs: [String]
  /// The page's canonical address, else where it was fetched from.
  public var url: String?
  /// The day the page says the article was published, and where it says so.
  public var published: PublicationDay?
  /// A BCP 47 language tag ("en", "ru", "en-US").
  public var language: String?
  /// The encoding the page was decoded from, and why.
  public var charset: String

  /// Paragraphs joined by blank lines, as events keep text.
  public var text: String { paragraphs.joined(separator: "\n\n") }
}

/// What a web page holds for the importer.
public enum PageOutcome: Sendable {
  /// A news article.
  case article(PageArticle)
  /// A page of the CSTO website: its teasers and its article, with the page's address and language.
  case cstoPage(CSTOPage, url: String?, language: String?)
  /// Not an article (a section index, search results, an empty shell), with why and the line to look at.
  case notArticle(reason: String, line: Int)
}

/// Reads saved and fetched web pages of any outlet.
///
/// The bytes are decoded (`PageCharset`), parsed by libxml2's HTML parser (`HTMLDocument`), and read
/// for metadata (`PageMetadata`), the headline (`PageHeadline`), the article text
/// (`MainTextExtractor`) and the publication day (`PublicationDay`); `PageClassifier` turns away
/// pages that are not articles.
public enum HTMLPage {
  /// Reads a page; `origin` gives the address and HTTP headers when it was fetched.
  public static func read(_ bytes: [UInt8], origin: InputOrigin? = nil) -> PageOutcome {
    let charset = PageCharset.detect(bytes, contentType: origin?.contentType)
    let utf8 = PageDecoder.utf8(bytes, charset: charset)
    guard let document = HTMLDocument(utf8: utf8) else {
      return .notArticle(reason: "the page is too large to read (\(bytes.count) bytes)", line: 1)
    }
    let metadata = PageMetadata(document)
    let url = metadata.canonicalURL(fetchedFrom: origin?.url) ?? origin?.url
    let language = metadata.language(httpHeader: origin?.contentLanguage)
    let tree = ContentTree(document)
    if let page = CSTOHTMLPage.page(tree, url: url) { return .cstoPage(page, url: url, language: language) }
    let host = url.flatMap { URL(string: $0)?.host }
    let headline = PageHeadline.choose(metadata: metadata, document: document, host: host)
    let main = MainTextExtractor.extract(tree, headline: headline)
    if let rejection = PageClassifier.rejection(tree: tree, main: main, metadata: metadata, url: url) {
      return .notArticle(reason: rejection.reason, line: rejection.line)
    }
    let published = PublicationDay.find(
      metadata: metadata, tree: tree, articleRoots: main.roots, paragraphs: main.paragraphs, url: url)
    return .article(
      PageArticle(
        headline: headline, paragraphs: main.paragraphs, url: url, published: published, language: language,
        charset: "\(charset.name) (\(charset.source))"))
  }
}

extension HTMLPage {
  /// Every text node of an HTML document concatenated as written, as lxml's `text_content()` gives it:
  /// the reference text when scoring extractors against a corpus's expected outputs. With `latin1`,
  /// the bytes are read as ISO-8859-1, which is what lxml does with a fragment that declares no charset
  /// (so a scorer written with lxml can be reproduced exactly).
  package static func allText(_ bytes: [UInt8], latin1: Bool) -> String {
    let utf8 =
      latin1
      ? PageDecoder.converted(bytes[...], from: "ISO-8859-1") ?? bytes
      : PageDecoder.repairedUTF8(bytes[...])
    guard let document = HTMLDocument(utf8: utf8) else { return "" }
    return (0..<document.count).filter { !document.isElement($0) }.map(document.text).joined()
  }
}
