// What the feed delegate keeps while it reads: open elements, the field being captured, and each entry's
// fields before the dialect's rules pick from them.

extension FeedXMLDelegate {
  struct Element {
    var name: String
    var qualifiedName: String
    var namespace: String
    /// `xml:lang` on this element ("" resets it, per XML 1.0 §2.12).
    var language: String?
    /// The `xml:base` in force here, already resolved against the enclosing one.
    var base: String?
  }

  enum Field {
    case title, link, description, content, summary, guid, pubDate, dcDate, dcLanguage, published, updated, id
    case dcTitle, dcDescription, author, termsDate, termsModified, created
    case channelLanguage, channelLink
  }

  /// How the captured text is to be read.
  enum TextMode {
    /// Literal text (RSS titles, Atom `type="text"`).
    case text
    /// HTML source carried as text (RSS descriptions, Atom `type="html"`).
    case html
    /// Real child elements (Atom `type="xhtml"`), serialised back to HTML so HTMLText can read them.
    case xhtml
    /// Content we cannot use, such as base64 media or out-of-line `src` content.
    case ignored
  }

  struct Capture {
    var field: Field
    var depth: Int
    var mode: TextMode
    var base: String?
    /// Atom 0.3's `mode="base64"`: the text is base64 of the content.
    var base64 = false
    var text = ""

    init(field: Field, depth: Int, mode: TextMode, base: String? = nil, base64: Bool = false) {
      self.field = field
      self.depth = depth
      self.mode = mode
      self.base = base
      self.base64 = base64
    }
  }

  typealias Link = (href: String, base: String?)

  /// What an entry said, field by field, before the dialect's rules pick from it.
  struct Draft {
    var line: Int
    var language: String?
    var title: String?
    var dcTitle: String?
    var content: String?
    var summary: String?
    var dcDescription: String?
    var link: Link?
    /// RSS 1.0's `rdf:about` on the item.
    var about: Link?
    var permaLink: Link?
    var alternateLink: Link?
    var firstLinkWithoutRel: Link?
    var guid: String?
    var author: String?
    var dates: [Field: String] = [:]
    var dcLanguage: String?

    init(line: Int) { self.line = line }
  }
}
