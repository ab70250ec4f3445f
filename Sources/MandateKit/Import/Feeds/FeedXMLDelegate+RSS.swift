/// RSS fields: 0.90, 0.91, 0.92, 2.0 and 1.0 (RDF), with the Dublin Core and content modules.
extension FeedXMLDelegate {
  func startRSSField(
    _ name: String, _ namespace: String, _ attributes: [String: String], depth: Int, base: String?
  ) {
    var field: Field?
    var mode = TextMode.text
    if FeedNamespace.rss.contains(namespace) {
      switch name {
      case "title": field = .title
      case "link": field = .link
      case "description": (field, mode) = (.description, .html)
      case "guid": field = .guid
      case "pubDate": field = .pubDate
      case "author": field = .author
      default: break
      }
    } else if namespace == FeedNamespace.content, name == "encoded" {
      (field, mode) = (.content, .html)
    } else if let (dublinCore, dublinCoreMode) = Self.dublinCoreField(name, namespace) {
      (field, mode) = (dublinCore, dublinCoreMode)
    }
    if field == .guid, attributes["isPermaLink"]?.trimmed.lowercased() == "false" {
      // Remember that this guid is not a link by capturing it as a plain identifier only.
      capture = Capture(field: .id, depth: depth, mode: .text)
      return
    }
    if let field { capture = Capture(field: field, depth: depth, mode: mode, base: base) }
  }

  /// Dublin Core elements (`dc:title`, `dc:description`, `dc:date`, `dc:creator`, `dc:language`) and the
  /// `dcterms` dates, which any dialect may carry.
  static func dublinCoreField(_ name: String, _ namespace: String) -> (Field, TextMode)? {
    if namespace == FeedNamespace.dublinCore {
      switch name {
      case "title": return (.dcTitle, .text)
      // Feeds put escaped HTML in descriptions whatever the element.
      case "description": return (.dcDescription, .html)
      case "date": return (.dcDate, .text)
      case "creator": return (.author, .text)
      case "language": return (.dcLanguage, .text)
      default: return nil
      }
    }
    guard namespace == FeedNamespace.dublinCoreTerms else { return nil }
    switch name {
    case "issued", "created", "date", "available": return (.termsDate, .text)
    case "modified": return (.termsModified, .text)
    default: return nil
    }
  }
}
