import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Namespaces that decide what an element means; prefixes are the author's choice, URIs are not.
enum FeedNamespace {
  static let atom = "http://www.w3.org/2005/Atom"
  static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
  static let content = "http://purl.org/rss/1.0/modules/content/"
  static let dublinCore = "http://purl.org/dc/elements/1.1/"
  /// RSS elements are unqualified in 0.9x/2.0 and namespaced in 1.0, 0.90 and UserLand's rare 2.0 variant.
  static let rss: Set<String> = [
    "", "http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/", "http://backend.userland.com/rss2",
  ]
}

/// The feed kind a root element announces, or nil when it announces none.
func feedKind(rootName: String, namespace: String) -> FeedKind? {
  switch (rootName, namespace) {
  case ("rss", _): return .rss
  case ("RDF", FeedNamespace.rdf): return .rss
  case ("feed", FeedNamespace.atom): return .atom
  default: return nil
  }
}

/// Stops at the first element, which is all `kind(of:)` needs.
final class RootSniffer: NSObject, XMLParserDelegate {
  var root: (name: String, namespace: String)?

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
    attributes attributeDict: [String: String] = [:]
  ) {
    root = (elementName, namespaceURI ?? "")
    parser.abortParsing()
  }
}
