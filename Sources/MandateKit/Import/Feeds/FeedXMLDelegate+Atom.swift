/// Atom fields.
extension FeedXMLDelegate {
  func startAtomField(
    _ name: String, _ namespace: String, _ attributes: [String: String], depth: Int, base: String?
  ) {
    guard namespace == FeedNamespace.atom else { return }
    let mode = Self.atomMode(attributes["type"])
    switch name {
    case "title": capture = Capture(field: .title, depth: depth, mode: mode)
    case "content":
      // Out-of-line content (`src`) is a reference to fetch, which the importer never does.
      capture = Capture(field: .content, depth: depth, mode: attributes["src"] == nil ? mode : .ignored)
    case "summary": capture = Capture(field: .summary, depth: depth, mode: mode)
    case "published": capture = Capture(field: .published, depth: depth, mode: .text)
    case "updated": capture = Capture(field: .updated, depth: depth, mode: .text)
    case "id": capture = Capture(field: .id, depth: depth, mode: .text)
    case "link":
      guard let href = attributes["href"] else { return }
      let rel = attributes["rel"]?.trimmed ?? ""
      if rel.isEmpty, draft!.firstLinkWithoutRel == nil { draft!.firstLinkWithoutRel = (href, base) }
      if !rel.isEmpty, isAlternate(rel), draft!.alternateLink == nil { draft!.alternateLink = (href, base) }
    default: break
    }
  }

  /// Atom's `type` attribute: the three named kinds, or a media type (RFC 4287 §4.1.3).
  static func atomMode(_ type: String?) -> TextMode {
    let type = type?.trimmed.lowercased() ?? ""
    switch type {
    case "", "text": return .text
    case "html": return .html
    case "xhtml": return .xhtml
    default:
      if type.hasPrefix("text/html") { return .html }
      if type.contains("xhtml") { return .xhtml }
      if type.hasPrefix("text/") { return .text }
      return .ignored
    }
  }

  func isAlternate(_ rel: String?) -> Bool {
    let rel = rel?.trimmed ?? ""
    return rel.isEmpty || rel == "alternate" || rel == "http://www.iana.org/assignments/relation/alternate"
  }
}
