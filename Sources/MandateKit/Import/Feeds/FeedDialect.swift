import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Namespaces that decide what an element means; prefixes are the author's choice, URIs are not.
enum FeedNamespace {
  static let atom = "http://www.w3.org/2005/Atom"
  static let atom03 = "http://purl.org/atom/ns#"
  static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
  static let content = "http://purl.org/rss/1.0/modules/content/"
  static let dublinCore = "http://purl.org/dc/elements/1.1/"
  static let dublinCoreTerms = "http://purl.org/dc/terms/"
  static let rss090 = "http://my.netscape.com/rdf/simple/0.9/"
  /// RSS elements are unqualified in 0.9x/2.0 and namespaced in 1.0, 0.90 and UserLand's rare 2.0 variant.
  static let rss: Set<String> = ["", "http://purl.org/rss/1.0/", rss090, "http://backend.userland.com/rss2"]
}

extension FeedDialect {
  /// The dialect a root element announces, or nil when it announces none.
  ///
  /// `<rss>` says its version in an attribute (none means 2.0); `<rdf:RDF>` is RSS 1.0 until its channel or
  /// items turn out to be in RSS 0.90's namespace; `<feed>` is Atom 1.0 or 0.3 by its namespace, and an Atom
  /// 0.3 feed that forgot its namespace still says `version="0.3"`.
  static func of(rootName: String, namespace: String, version: String?) -> FeedDialect? {
    let version = version?.trimmingCharacters(in: .whitespaces) ?? ""
    switch (rootName, namespace) {
    case ("rss", _):
      switch version {
      case "0.91": return .rss091
      case "0.90", "0.9": return .rss090
      case let other where other.hasPrefix("0.9"): return .rss092
      default: return .rss20
      }
    case ("RDF", FeedNamespace.rdf): return .rss10
    case ("feed", FeedNamespace.atom): return .atom10
    case ("feed", FeedNamespace.atom03): return .atom03
    case ("feed", ""): return version == "0.3" ? .atom03 : nil
    default: return nil
    }
  }
}

/// Stops at the first element, which is all `kind(of:)` needs.
final class RootSniffer: NSObject, XMLParserDelegate {
  var root: (name: String, namespace: String, version: String?)?

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
    attributes attributeDict: [String: String] = [:]
  ) {
    root = (elementName, namespaceURI ?? "", attributeDict["version"])
    parser.abortParsing()
  }
}
