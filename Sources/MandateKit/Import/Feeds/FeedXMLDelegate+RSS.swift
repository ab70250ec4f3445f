/// RSS fields: 0.9x, 2.0 and 1.0 (RDF), with the Dublin Core and content modules.
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
      default: break
      }
    } else if namespace == FeedNamespace.content, name == "encoded" {
      (field, mode) = (.content, .html)
    } else if namespace == FeedNamespace.dublinCore {
      field = name == "date" ? .dcDate : name == "language" ? .dcLanguage : nil
    }
    if field == .guid, attributes["isPermaLink"]?.trimmed.lowercased() == "false" {
      // Remember that this guid is not a link by capturing it as a plain identifier only.
      capture = Capture(field: .id, depth: depth, mode: .text)
      return
    }
    if let field { capture = Capture(field: field, depth: depth, mode: mode, base: base) }
  }
}
