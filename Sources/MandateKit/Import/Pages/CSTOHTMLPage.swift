import Foundation

/// Pages of the CSTO website saved as HTML, read like their text copies: every teaser of the news
/// column and the main article.
///
/// The page is turned into the blocks a browser shows when the page is copied (paragraphs, and the items
/// of a list such as the teaser column) and handed to `CSTOPageParser.parse(blocks:lastLine:)`, so that
/// one parser knows the site's layout, for pages saved as text and as HTML alike.
enum CSTOHTMLPage {
  /// The site's hosts (and their subdomains, such as en.odkb-csto.org).
  static let hosts = ["odkb-csto.org", "csto.int"]

  /// The page's teasers and article when it is a CSTO page that the parser reads; nil otherwise.
  /// `lastLine` is the page's last line, where the parser places what is missing at the end.
  static func page(_ tree: ContentTree, url: String?, lastLine: Int) -> CSTOPage? {
    guard isSiteHost(url) || hasFooter(tree.document) else { return nil }
    return try? CSTOPageParser.parse(blocks: blocks(tree, lastLine: lastLine), lastLine: lastLine)
  }

  static func isSiteHost(_ url: String?) -> Bool {
    guard let host = url.flatMap({ URL(string: $0)?.host?.lowercased() }) else { return false }
    return hosts.contains { host == $0 || host.hasSuffix("." + $0) }
  }

  /// The last link of each site's footer ("Back to the all news", «Вернуться ко всем новостям»).
  static let lastLinks = SiteFooter.all.map { $0.lines.last! }

  /// Whether a text of the page is a footer's last link.
  static func hasFooter(_ document: HTMLDocument) -> Bool {
    (0..<document.count).contains { node in
      guard !document.isElement(node), document.nodes[node].value.count < 64 else { return false }
      var text = CollapsedText()
      document.withTextBytes(node) { text.append($0) }
      return lastLinks.contains(text.string.lowercased())
    }
  }

  /// The page's visible text, without the site's chrome, as the blocks the site's layout rules read: one
  /// per paragraph-like element, a new item where two siblings of one kind and class (the news column's
  /// entries) meet, each at its element's line.
  static func blocks(_ tree: ContentTree, lastLine: Int) -> [CSTOPageBlock] {
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
    var rendered = CSTOBlockRenderer(tree: tree).blocks()
    // What follows the footer's last link (the site's own footer) is not part of the page's news.
    if let end = rendered.lastIndex(where: { $0.lines.contains { lastLinks.contains($0.lowercased()) } }) {
      rendered.removeSubrange((end + 1)...)
    }
    return rendered.enumerated().map { index, block in
      let boundary = index > 0 && CSTOBlockRenderer.isItemBoundary(document, rendered[index - 1].anchor, block.anchor)
      // The parser numbers a block's lines from its first; they must stay inside the file.
      let line = max(1, min(Int(document.nodes[block.anchor].line), lastLine - block.lines.count + 1))
      return CSTOPageBlock(lines: block.lines.map { Substring($0) }, line: line, gap: boundary ? .item : .paragraph)
    }
  }

  /// Code, hidden elements, and the site's header, navigation, footer and forms, unless they hold the
  /// "Go back / Back to the section / Back to the all news" links (in Russian on the Russian site) that
  /// end every news page.
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
    return !SiteFooter.allLines.contains { text.contains($0) }
  }
}
