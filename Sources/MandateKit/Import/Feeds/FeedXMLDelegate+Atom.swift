/// Atom fields, in Atom 1.0 (RFC 4287) and Atom 0.3 (the 2003 draft: `issued`, `modified`, `created`, and
/// content `mode`s).
extension FeedXMLDelegate {
  func startAtomField(
    _ name: String, _ namespace: String, _ attributes: [String: String], depth: Int, base: String?
  ) {
    guard namespace == atomNamespace else {
      if let (field, mode) = Self.dublinCoreField(name, namespace) {
        capture = Capture(field: field, depth: depth, mode: mode)
      }
      return
    }
    let (mode, base64) =
      dialect == .atom03
      ? Self.atom03Mode(attributes["type"], attributes["mode"]) : (Self.atomMode(attributes["type"]), false)
    switch name {
    case "title": capture = Capture(field: .title, depth: depth, mode: mode, base64: base64)
    case "content":
      // Out-of-line content (`src`) is a reference to fetch, which the importer never does.
      capture = Capture(field: .content, depth: depth, mode: attributes["src"] == nil ? mode : .ignored, base64: base64)
    case "summary": capture = Capture(field: .summary, depth: depth, mode: mode, base64: base64)
    case "published", "issued": capture = Capture(field: .published, depth: depth, mode: .text)
    case "updated", "modified": capture = Capture(field: .updated, depth: depth, mode: .text)
    case "created": capture = Capture(field: .created, depth: depth, mode: .text)
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

  /// Atom 0.3's `type` (a media type, "text/plain" when absent) and `mode`: "xml" (the default: markup as
  /// child elements), "escaped" (markup as escaped text) or "base64" (the content base64-encoded).
  static func atom03Mode(_ type: String?, _ mode: String?) -> (TextMode, base64: Bool) {
    let type = type?.trimmed.lowercased().nonEmpty ?? "text/plain"
    let markup = type.contains("html")
    guard markup || type.hasPrefix("text/") else { return (.ignored, false) }
    switch mode?.trimmed.lowercased() ?? "xml" {
    case "escaped": return (markup ? .html : .text, false)
    case "base64": return (markup ? .html : .text, true)
    default: return (markup ? .xhtml : .text, false)
    }
  }

  func isAlternate(_ rel: String?) -> Bool {
    let rel = rel?.trimmed ?? ""
    return rel.isEmpty || rel == "alternate" || rel == "http://www.iana.org/assignments/relation/alternate"
  }
}
