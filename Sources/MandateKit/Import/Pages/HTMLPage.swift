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
  /// A page of the CSTO website: its teasers and its article (and what the page lacks, when it was cut
  /// short), with the page's address and language.
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
    if let share = binaryShare(utf8) {
      return .notArticle(
        reason: "not a web page: \(share)% of its characters are control codes or bytes invalid in \(charset.name)",
        line: 1)
    }
    guard let document = HTMLDocument(utf8: utf8) else {
      return .notArticle(reason: "the page is too large to read (\(bytes.count) bytes)", line: 1)
    }
    let metadata = PageMetadata(document)
    let url = metadata.canonicalURL(fetchedFrom: origin?.url) ?? origin?.url
    let language = metadata.language(httpHeader: origin?.contentLanguage)
    let tree = ContentTree(document)
    let lastLine = Self.lineCount(utf8)
    if let page = CSTOHTMLPage.page(tree, url: url, lastLine: lastLine) {
      return .cstoPage(page, url: url, language: language)
    }
    let host = url.flatMap { URL(string: $0)?.host }
    let headline = PageHeadline.choose(metadata: metadata, document: document, host: host)
    let main = MainTextExtractor.extract(tree, headline: headline)
    if let rejection = PageClassifier.rejection(tree: tree, main: main, metadata: metadata, url: url) {
      return .notArticle(reason: rejection.reason, line: min(rejection.line, lastLine))
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
  /// The page's lines, counting line feeds, or carriage returns in a page that uses them alone.
  static func lineCount(_ utf8: [UInt8]) -> Int {
    var feeds = 0
    var returns = 0
    for byte in utf8 {
      if byte == 0x0A { feeds += 1 } else if byte == 0x0D { returns += 1 }
    }
    return max(feeds, returns) + 1
  }

  /// The percentage of control characters and U+FFFD in decoded text, when it is high enough (over 5%)
  /// to say the file is not text at all; nil for text.
  static func binaryShare(_ utf8: [UInt8]) -> Int? {
    var characters = 0
    var bad = 0
    utf8.withUnsafeBufferPointer { bytes in
      for index in bytes.indices {
        let byte = bytes[index]
        if byte & 0xC0 != 0x80 { characters += 1 }
        if byte < 0x20 && !TextMeasure.isSpace(byte) {
          bad += 1
        } else if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBD {
          bad += 1
        }
      }
    }
    guard characters > 0, bad * 20 > characters else { return nil }
    return bad * 100 / characters
  }

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
