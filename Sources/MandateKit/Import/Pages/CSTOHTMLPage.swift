import Foundation

/// Pages of the CSTO website saved as HTML, read like their text copies: every teaser of the news
/// column and the main article.
///
/// The page is laid out as the text a browser gives when the page is copied (blocks on their own
/// lines, a blank line between paragraphs, two between the items of a list such as the teaser column)
/// and handed to `CSTOPageParser`, so that one parser knows the site's layout.
enum CSTOHTMLPage {
  /// The site's hosts (and their subdomains, such as en.odkb-csto.org).
  static let hosts = ["odkb-csto.org", "csto.int"]

  /// The page's teasers and article when it is a CSTO page that the parser reads; nil otherwise.
  static func page(_ tree: ContentTree, url: String?) -> CSTOPage? {
    guard isSiteHost(url) || hasFooter(tree.document) else { return nil }
    return try? CSTOPageParser.parse(text(tree))
  }

  static func isSiteHost(_ url: String?) -> Bool {
    guard let host = url.flatMap({ URL(string: $0)?.host?.lowercased() }) else { return false }
    return hosts.contains { host == $0 || host.hasSuffix("." + $0) }
  }

  /// Whether a text of the page is the footer's last link.
  static func hasFooter(_ document: HTMLDocument) -> Bool {
    let footer = Array(CSTOPageParser.footer.last!.utf8)
    return (0..<document.count).contains { node in
      guard !document.isElement(node), document.nodes[node].value.count < 64 else { return false }
      var text = CollapsedText()
      document.withTextBytes(node) { text.append($0) }
      return text.asciiLowercased == footer
    }
  }

  /// The page's visible text, without the site's chrome, in the layout of the site's text copies.
  static func text(_ tree: ContentTree) -> String {
    tree.reset()
    let document = tree.document
    var node = 0
    while node < document.count {
      if document.isElement(node) && isChrome(tree, node) {
        tree.removed[node] = true
        node = document.subtreeEnd(node)
      } else {
        node += 1
      }
    }
    tree.refresh()
    var blocks = CSTOBlockRenderer(tree: tree).blocks()
    // What follows the footer's last link (the site's own footer) is not part of the page's news.
    if let end = blocks.lastIndex(where: { $0.lines.contains { $0.lowercased() == CSTOPageParser.footer.last } }) {
      blocks.removeSubrange((end + 1)...)
    }
    var text = ""
    for (index, block) in blocks.enumerated() {
      if index > 0 {
        text += CSTOBlockRenderer.isItemBoundary(document, blocks[index - 1].anchor, block.anchor) ? "\n\n\n" : "\n\n"
      }
      text += block.lines.joined(separator: "\n")
    }
    return text + "\n"
  }

  /// Code, hidden elements, and the site's header, navigation, footer and forms, unless they hold the
  /// "Go back / Back to the section / Back to the all news" links that end every news page.
  static func isChrome(_ tree: ContentTree, _ node: Int) -> Bool {
    let document = tree.document
    let name = document.names[node]
    if BoilerplatePatterns.neverText.contains(name) || document.hasAttribute("hidden", node) { return true }
    if let style = document.attribute("style", of: node), BoilerplatePatterns.hidesElement(style: style) { return true }
    let role = document.attribute("role", of: node)?.lowercased() ?? ""
    let furniture =
      ["header", "nav", "footer", "form"].contains(name)
      || ["banner", "navigation", "contentinfo", "search"].contains(role)
      || tree.words(node).contains(.chrome)
    guard furniture else { return false }
    let text = document.textContent(node).lowercased()
    return !CSTOPageParser.footer.contains { text.contains($0) }
  }
}
